import { and, asc, between, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { loadOwnerWork } from '../../db/repos/owner-work.js';
import { aiSystems, exceptions } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';

const WEEK_MS = 7 * 86_400_000;

const Input = z.object({ ownerId: z.string().min(1) });

/** One owner's open work for their Monday message, as of ctx.now(): lists capped, counts exact. */
export async function loadOwnerWeek({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }) {
  const { ownerId } = Input.parse(input);
  const now = ctx.now();
  const weekEnd = new Date(now.getTime() + WEEK_MS);
  const work = await loadOwnerWork(ctx.db, ownerId, { systems: 1, claims: 5, reviews: 6 });
  const correctiveActions = await ctx.db.select({ id: exceptions.id, systemName: aiSystems.name, correctiveAction: exceptions.correctiveAction, actionDueAt: exceptions.actionDueAt })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId))
    .where(and(eq(exceptions.status, 'corrective_action'), eq(exceptions.actionOwnerId, ownerId))).orderBy(asc(exceptions.actionDueAt)).limit(6);
  const upcomingReviews = await ctx.db.select({ systemId: aiSystems.id, systemName: aiSystems.name, nextReviewAt: sql<Date>`${aiSystems.nextReviewAt}`.mapWith(aiSystems.nextReviewAt) })
    .from(aiSystems).where(and(eq(aiSystems.ownerId, ownerId), eq(aiSystems.status, 'active'), between(aiSystems.nextReviewAt, now, weekEnd)))
    .orderBy(asc(aiSystems.nextReviewAt)).limit(6);
  return {
    ownerId, systemCount: work.systemCount, claims: work.openClaims, claimCount: work.openClaimCount, reviews: work.reviews, reviewCount: work.reviewCount,
    upcomingReviews, correctiveActions,
  };
}

export type OwnerWeekModel = Awaited<ReturnType<typeof loadOwnerWeek>>;

/** Whether the week has anything to say (the message is sent only to people with open work). */
export const hasOpenWork = (m: OwnerWeekModel) => m.claimCount + m.reviewCount + m.upcomingReviews.length + m.correctiveActions.length > 0;
