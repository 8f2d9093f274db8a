import { and, asc, inArray, sql } from 'drizzle-orm';
import { aiSystems } from '../../db/schema/index.js';
import { loadGovernanceOverview } from '../../db/repos/governance-overview.js';
import type { GovernanceOverview } from '../home/load-home.js';
import { upcomingApplicationDates, type UpcomingApplicationDate } from '../../domain/statutory-deadlines.js';
import type { ServiceContext } from '../context.js';
import { loadSoaSummary, type SoaSummary } from '../soa/load-soa.js';
import { loadSystemLinks, type SystemLinks } from './canvas-links.js';

/**
 * How much of each list the register shows. Counts beside them are exact; the rest is in the exports.
 * 25 lines a list keeps the whole canvas near 20,000 characters whatever the portfolio's size, far inside
 * Slack's limit on a canvas's markdown.
 */
export const GOVERNANCE_CANVAS_LIMITS = { list: 25, expiringWithinDays: 30, datesWithinDays: 365 } as const;

/** The tiers whose systems the register names one by one; the others are counted. */
const NAMED_TIERS = ['prohibited', 'high', 'gpai_systemic'] as const;

export interface GovernanceCanvasModel {
  now: Date;
  timeZone: string;
  governanceChannel: string;
  /** Systems by tier and status: every combination that has systems. */
  tierStatus: { tier: string; status: string; n: number }[];
  /** The systems of the tiers that need the forum's eye, most serious first, capped. */
  namedSystems: { count: number; items: { id: string; name: string; tier: string; status: string; ownerId: string }[] };
  overview: GovernanceOverview;
  dates: UpcomingApplicationDate[];
  soa: SoaSummary;
  links: Map<string, SystemLinks>;
}

/** What the governance channel's canvas shows, read as of ctx.now(). */
export async function loadGovernanceCanvas({ ctx }: { ctx: ServiceContext }): Promise<GovernanceCanvasModel> {
  const now = ctx.now();
  const { db } = ctx;
  const named = inArray(aiSystems.riskTier, [...NAMED_TIERS]);
  const seriousness = sql`case ${aiSystems.riskTier} when 'prohibited' then 0 when 'high' then 1 else 2 end`;
  const [tierStatus, [namedCount], namedItems, overview, soa] = await Promise.all([
    db.select({ tier: aiSystems.riskTier, status: aiSystems.status, n: sql<number>`count(*)::int` }).from(aiSystems)
      .groupBy(aiSystems.riskTier, aiSystems.status).orderBy(aiSystems.riskTier, aiSystems.status),
    db.select({ n: sql<number>`count(*)::int` }).from(aiSystems).where(named),
    db.select({ id: aiSystems.id, name: aiSystems.name, tier: aiSystems.riskTier, status: aiSystems.status, ownerId: aiSystems.ownerId })
      .from(aiSystems).where(and(named)).orderBy(seriousness, asc(aiSystems.name)).limit(GOVERNANCE_CANVAS_LIMITS.list),
    loadGovernanceOverview(db, now, { list: GOVERNANCE_CANVAS_LIMITS.list, expiringWithinDays: GOVERNANCE_CANVAS_LIMITS.expiringWithinDays }),
    loadSoaSummary(db),
  ]);
  const shown = [
    ...namedItems.map((s) => s.id), ...overview.overdueReviews.items.map((r) => r.systemId), ...overview.overdueEvidence.items.map((c) => c.systemId),
    ...overview.openExceptions.items.map((e) => e.systemId), ...overview.expiringAcceptances.items.map((e) => e.systemId),
  ];
  return {
    now, timeZone: ctx.policy.timeZone, governanceChannel: ctx.policy.governanceChannel,
    tierStatus, namedSystems: { count: namedCount?.n ?? 0, items: namedItems }, overview,
    dates: upcomingApplicationDates(now, GOVERNANCE_CANVAS_LIMITS.datesWithinDays), soa,
    links: await loadSystemLinks(db, shown),
  };
}
