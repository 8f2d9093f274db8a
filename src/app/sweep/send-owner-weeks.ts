import { z } from 'zod';
import { parseInput } from '../errors.js';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { ownerReminders } from '../../db/schema/index.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { weeklyDeliveryTime, weekStartDate } from '../../domain/owner-week.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { loadOwnerWeek } from './load-owner-week.js';
import { ownerTimeZones } from './owner-time-zone.js';
import type { UserDirectory } from './user-directory.js';

const WEEK_MS = 7 * 86_400_000;

export interface OwnerWeekSummary { week: string; owners: number }

/**
 * Monday's DM to every owner with open work (claims to answer, reviews due or coming up this week,
 * corrective actions), in their working hours. Nobody with nothing open is messaged; each owner gets
 * one per week, whichever process runs it and however often (a unique row per owner and week).
 */
const SendOwnerWeeksInput = z.object({}).strict();

export async function sendOwnerWeeks({ ctx, input = {}, users }: { ctx: ServiceContext; input?: z.input<typeof SendOwnerWeeksInput>; users?: UserDirectory }): Promise<OwnerWeekSummary> {
  parseInput(SendOwnerWeeksInput, input);
  const deps = { users };
  const now = ctx.now();
  const week = weekStartDate(now, ctx.policy.timeZone);
  const weekEnd = new Date(now.getTime() + WEEK_MS);
  const owners = await ownersWithOpenWork(ctx.db, now, weekEnd, week);
  let sent = 0;
  const zones = await ownerTimeZones(ctx.db, deps.users, owners, now, ctx.policy.timeZone);
  for (const ownerId of owners) {
    const tz = zones.get(ownerId) ?? ctx.policy.timeZone;
    // Loaded now for the audit event's counts; the message itself is drawn at delivery, as of now.
    const work = await loadOwnerWeek({ ctx, input: { ownerId } });
    const deliverAt = weeklyDeliveryTime(now, tz);
    await withTransaction(ctx, async (tx) => {
      const claimed = await tx.insert(ownerReminders).values({ ownerId, day: week, kind: 'week', createdAt: now }).onConflictDoNothing().returning({ ownerId: ownerReminders.ownerId });
      if (!claimed.length) return;
      await enqueueEvent(tx, now, {
        event: { kind: 'owner.week.v1', body: { ownerId, week, timeZone: tz } }, key: outboxKeys.ownerWeek(ownerId, week), ...(deliverAt > now ? { notBefore: deliverAt } : {}),
      });
      await recordAudit(tx, ctx, { action: 'owner.week_sent', subjectType: 'user', subjectId: ownerId,
        after: { week, deliverAt, openClaims: work.claimCount, reviewsDue: work.reviewCount, correctiveActions: work.correctiveActions.length, upcomingReviews: work.upcomingReviews.length } });
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
