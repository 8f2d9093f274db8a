import { ownerReminders } from '../../db/schema/index.js';
import { nextWorkingTime } from '../../domain/working-hours.js';
import { enqueue } from '../../outbox/enqueue.js';
import type { SlackGateway } from '../../slack/gateway.js';
import { buildOwnerReminder } from '../../slack/views/owner-reminder.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { ownerTimeZone } from '../owner-time-zone.js';
import type { OverdueItem } from './overdue-items.js';

/**
 * At most one reminder DM per owner per day, listing everything of theirs that fell due, delivered in
 * their working hours (their Slack time zone): never at 3 a.m.
 */
export async function remindOwners(ctx: ServiceContext, owners: Map<string, OverdueItem[]>, gateway?: Pick<SlackGateway, 'userTimeZone'>): Promise<number> {
  const now = ctx.now();
  let sent = 0;
  for (const [ownerId, items] of [...owners].sort(([a], [b]) => a.localeCompare(b))) {
    const tz = await ownerTimeZone(ctx.db, gateway, ownerId, now, ctx.policy.timeZone);
    const day = now.toLocaleDateString('en-CA', { timeZone: tz });
    await withTransaction(ctx, async (tx) => {
      const claimed = await tx.insert(ownerReminders).values({ ownerId, day, kind: 'overdue', createdAt: now }).onConflictDoNothing().returning({ ownerId: ownerReminders.ownerId });
      if (!claimed.length) return;
      const at = nextWorkingTime(now, tz);
      const message = buildOwnerReminder({ ownerId, items, timeZone: tz });
      await enqueue(tx, { kind: 'slack.post.v1', channel: ownerId, ...message }, { idempotencyKey: `reminder:${ownerId}:${day}`, ...(at > now ? { notBefore: at } : {}) });
      await recordAudit(tx, ctx, { action: 'owner.reminded', subjectType: 'user', subjectId: ownerId, after: { day, items: items.map((i) => ({ kind: i.kind, id: i.id })), deliverAt: at } });
      sent += 1;
    });
  }
  return sent;
}
