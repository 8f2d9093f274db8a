import { loadOpenRequests, type OpenRequests } from '../../db/repos/open-requests.js';
import { loadOwnerWork } from '../../db/repos/owner-work.js';
import type { ServiceContext } from '../context.js';

/** One person's systems and open work, as the Home tab, `/aigov mine` and the owner's week show them. */
export type OwnerWork = Awaited<ReturnType<typeof loadOwnerWork>>;

// A message holds 50 blocks; `/aigov mine` lists in a few sections, so these caps keep each under 3,000 characters.
export const MINE_LIMITS = { systems: 10, claims: 10, reviews: 5, requests: 5 } as const;

export interface MyWork { userId: string; now: Date; timeZone: string; work: OwnerWork; requests: OpenRequests }

/** The caller's systems, open evidence claims, reviews due and the requests they raised that are still open. */
export async function loadMyWork({ ctx }: { ctx: ServiceContext }): Promise<MyWork> {
  const [work, requests] = await Promise.all([
    loadOwnerWork(ctx.db, ctx.actor.userId, MINE_LIMITS),
    loadOpenRequests(ctx.db, ctx.actor.userId, MINE_LIMITS.requests),
  ]);
  return { userId: ctx.actor.userId, now: ctx.now(), timeZone: ctx.policy.timeZone, work, requests };
}
