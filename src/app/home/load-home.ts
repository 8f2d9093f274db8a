import { loadGovernanceOverview } from '../../db/repos/governance-overview.js';
import { loadOwnerWork } from '../../db/repos/owner-work.js';
import type { OwnerWork } from './load-my-work.js';
import type { ServiceContext } from '../context.js';
import { loadSoaSummary, type SoaSummary } from '../soa/load-soa.js';
import { loadCanvasOutage, type CanvasOutage } from '../canvases/canvas-availability.js';
import { loadSystemLinks } from '../canvases/canvas-links.js';

/** How much of each list the Home tab shows; the counts beside them are exact, the rest is one click away. */
export const HOME_LIMITS = { systems: 10, claims: 10, reviews: 5, governanceList: 5, expiringWithinDays: 30 } as const;

/** The portfolio at a glance, for governance admins. */
export type GovernanceOverview = Awaited<ReturnType<typeof loadGovernanceOverview>>;

export interface HomeModel {
  userId: string;
  now: Date;
  timeZone: string;
  work: OwnerWork;
  /** Only for governance admins. */
  governance: GovernanceOverview | null;
  /** The Statement of Applicability's state, only for governance admins. */
  soa: SoaSummary | null;
  /** Each shown system's canvas link, and (for governance admins) why the workspace cannot have canvases. */
  canvases: { urls: Record<string, string>; outage: CanvasOutage | null };
}

/** What one person's Home tab shows: their systems and open work, and for governance admins the portfolio too. */
export async function loadHome({ ctx }: { ctx: ServiceContext }): Promise<HomeModel> {
  const now = ctx.now();
  const [work, governance, soa, outage] = await Promise.all([
    loadOwnerWork(ctx.db, ctx.actor.userId, HOME_LIMITS),
    ctx.actor.isAdmin ? loadGovernanceOverview(ctx.db, now, { list: HOME_LIMITS.governanceList, expiringWithinDays: HOME_LIMITS.expiringWithinDays }) : null,
    ctx.actor.isAdmin ? loadSoaSummary(ctx.db) : null,
    ctx.actor.isAdmin ? loadCanvasOutage(ctx.db) : null,
  ]);
  const links = await loadSystemLinks(ctx.db, work.systems.map((s) => s.id));
  const urls = Object.fromEntries([...links].flatMap(([id, l]) => (l.canvasUrl ? [[id, l.canvasUrl]] : [])));
  return { userId: ctx.actor.userId, now, timeZone: ctx.policy.timeZone, work, governance, soa, canvases: { urls, outage } };
}
