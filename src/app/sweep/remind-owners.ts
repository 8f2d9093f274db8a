import { localDate } from '../../domain/calendar-dates.js';
import { ownerReminders } from '../../db/schema/index.js';
import { insertMany } from '../../db/insert-many.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvents } from '../events/enqueue-event.js';
import type { UserDirectory } from './user-directory.js';
import { recordAudits } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { deliveryTimesAt, ownerTimeZones } from './owner-time-zone.js';
import type { OverdueItem } from './overdue-items.js';

/**
 * At most one reminder DM per owner per day, listing everything of theirs that fell due, delivered in
 * their working hours (their Slack time zone): never at 3 a.m. The (owner, day) row is the claim, so
 * concurrent sweeps remind once; rows, messages and audit events go in batches.
 */
export async function remindOwners(ctx: ServiceContext, owners: Map<string, OverdueItem[]>, users?: UserDirectory): Promise<number> {
  if (!owners.size) return 0;
  const now = ctx.now();
  const ownerIds = [...owners.keys()].sort();
  const zones = await ownerTimeZones(ctx.db, users, ownerIds, now, ctx.policy.timeZone);
  const plans = ownerIds.map((ownerId) => {
    const tz = zones.get(ownerId) ?? ctx.policy.timeZone;
    return { ownerId, tz, day: localDate(now, tz), items: owners.get(ownerId)! };
  });
  return withTransaction(ctx, async (tx) => {
    const rows = await insertMany(tx, ownerReminders, plans.map((p) => ({ ownerId: p.ownerId, day: p.day, kind: 'overdue', createdAt: now })),
      { onConflictDoNothing: [], returning: ['ownerId'] });
    const won = new Set(rows.map((r) => r.ownerId));
    const deliveryTime = deliveryTimesAt(now);
    const mine = plans.filter((p) => won.has(p.ownerId)).map((p) => ({ ...p, at: deliveryTime(p.tz) }));
    // The audit event names the items; the reminder is drawn from it at delivery (dates as of now).
    await enqueueEvents(tx, now, mine.map((p) => ({
      event: { kind: 'owner.reminder.v1' as const, body: { ownerId: p.ownerId, day: p.day, timeZone: p.tz } },
      key: outboxKeys.reminder(p.ownerId, p.day),
      ...(p.at > now ? { notBefore: p.at } : {}),
    })));
    await recordAudits(tx, ctx, mine.map((p) => ({
      action: 'owner.reminded', subjectType: 'user', subjectId: p.ownerId, after: { day: p.day, items: p.items.map((i) => ({ kind: i.kind, id: i.id })), deliverAt: p.at },
    })));
    return mine.length;
  });
}
