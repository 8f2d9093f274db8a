import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { loadOwnerWork } from '../../db/repos/owner-work.js';
import { rowsOf } from '../../db/rows.js';
import { aiSystems, exceptions, ownerReminders } from '../../db/schema/index.js';
import { weeklyDeliveryTime, weekStartDate } from '../../domain/owner-week.js';
import { enqueue } from '../../outbox/enqueue.js';
import type { SlackGateway } from '../../slack/gateway.js';
import { buildOwnerWeek } from '../../slack/views/owner-week.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { ownerTimeZones } from './owner-time-zone.js';

const WEEK_MS = 7 * 86_400_000;

export interface OwnerWeekSummary { week: string; owners: number }

/**
 * Monday's DM to every owner with open work (claims to answer, reviews due or coming up this week,
 * corrective actions), in their working hours. Nobody with nothing open is messaged; each owner gets
 * one per week, whichever process runs it and however often (a unique row per owner and week).
 */
export async function sendOwnerWeeks(ctx: ServiceContext, deps: { gateway?: Pick<SlackGateway, 'userTimeZone'> } = {}): Promise<OwnerWeekSummary> {
  const now = ctx.now();
  const week = weekStartDate(now, ctx.policy.timeZone);
  const weekEnd = new Date(now.getTime() + WEEK_MS);
  const owners = await ownersWithOpenWork(ctx.db, now, weekEnd, week);
  let sent = 0;
  const zones = await ownerTimeZones(ctx.db, deps.gateway, owners, now, ctx.policy.timeZone);
  for (const ownerId of owners) {
    const tz = zones.get(ownerId) ?? ctx.policy.timeZone;
    const work = await loadOwnerWork(ctx.db, ownerId, { systems: 1, claims: 5, reviews: 6 });
    const correctiveActions = await ctx.db.select({ id: exceptions.id, systemName: aiSystems.name, correctiveAction: exceptions.correctiveAction, actionDueAt: exceptions.actionDueAt })
      .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId))
      .where(and(eq(exceptions.status, 'corrective_action'), eq(exceptions.actionOwnerId, ownerId))).orderBy(asc(exceptions.actionDueAt)).limit(6);
    const upcomingReviews = await ctx.db.select({ systemId: aiSystems.id, systemName: aiSystems.name, nextReviewAt: sql<Date>`${aiSystems.nextReviewAt}`.mapWith(aiSystems.nextReviewAt) })
      .from(aiSystems).where(and(eq(aiSystems.ownerId, ownerId), eq(aiSystems.status, 'active'), between(aiSystems.nextReviewAt, now, weekEnd)))
      .orderBy(asc(aiSystems.nextReviewAt)).limit(6);
    const message = buildOwnerWeek({
      ownerId, systemCount: work.systemCount, claims: work.openClaims, claimCount: work.openClaimCount, reviews: work.reviews,
      upcomingReviews, correctiveActions, timeZone: tz,
    });
    const deliverAt = weeklyDeliveryTime(now, tz);
    await withTransaction(ctx, async (tx) => {
      const claimed = await tx.insert(ownerReminders).values({ ownerId, day: week, kind: 'week', createdAt: now }).onConflictDoNothing().returning({ ownerId: ownerReminders.ownerId });
      if (!claimed.length) return;
      await enqueue(tx, { kind: 'slack.post.v1', channel: ownerId, ...message }, { idempotencyKey: `owner-week:${ownerId}:${week}`, ...(deliverAt > now ? { notBefore: deliverAt } : {}) });
      await recordAudit(tx, ctx, { action: 'owner.week_sent', subjectType: 'user', subjectId: ownerId,
        after: { week, deliverAt, openClaims: work.openClaimCount, reviewsDue: work.reviewCount, correctiveActions: correctiveActions.length, upcomingReviews: upcomingReviews.length } });
      sent += 1;
    });
  }
  return { week, owners: sent };
}

/** Everyone with something open, minus those already told this week. */
async function ownersWithOpenWork(db: DbOrTx, now: Date, weekEnd: Date, week: string): Promise<string[]> {
  const rows = await db.execute<{ owner: string }>(sql`
    select owner from (
      select owner_id as owner from evidence_claims where status in ('requested', 'stale')
      union select coalesce(r.reviewer_id, s.owner_id) from reviews r join ai_systems s on s.id = r.system_id where r.status in ('due', 'in_progress')
      union select owner_id from ai_systems where status = 'active' and next_review_at between ${now.toISOString()}::timestamptz and ${weekEnd.toISOString()}::timestamptz
      union select action_owner_id from exceptions where status = 'corrective_action' and action_owner_id is not null
    ) open_work
    where not exists (select 1 from owner_reminders o where o.owner_id = open_work.owner and o.day = ${week}::date and o.kind = 'week')
    order by owner`);
  return rowsOf<{ owner: string }>(rows).map((r) => r.owner);
}
