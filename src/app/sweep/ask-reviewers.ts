import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { aiSystems, outboxMessages, reviews } from '../../db/schema/index.js';
import { nextWorkingTime } from '../../domain/working-hours.js';
import type { SlackGateway } from '../../slack/gateway.js';
import { buildReviewCard } from '../../slack/views/review-card.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { ownerTimeZone } from '../owner-time-zone.js';
import { postCard } from '../notify/card-message.js';
import { reviewCardKey, reviewRecipient } from '../notify/review-card.js';

/**
 * Every open review whose reviewer has not been sent its card gets one, in the reviewer's working hours:
 * reviews opened on cadence by this sweep and reviews opened by a change, whoever created them.
 * The card's outbox key makes this once per review and reviewer, however many sweeps run.
 */
export async function askReviewers(ctx: ServiceContext, gateway?: Pick<SlackGateway, 'userTimeZone'>): Promise<number> {
  const now = ctx.now();
  const waiting = await ctx.db.select({ review: reviews, system: aiSystems }).from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId))
    .where(and(inArray(reviews.status, ['due', 'in_progress']), lte(reviews.dueAt, now),
      sql`not exists (select 1 from ${outboxMessages} o where o.idempotency_key = 'post:review:' || ${reviews.id} || ':' || coalesce(${reviews.reviewerId}, ${aiSystems.ownerId}))`))
    .orderBy(reviews.id);
  if (!waiting.length) return 0;
  // Time zones come from Slack (cached); they are looked up before the transaction, not inside it.
  const deliverAt = new Map<string, Date>();
  for (const { review, system } of waiting) {
    const to = reviewRecipient(review, system);
    if (!deliverAt.has(to)) deliverAt.set(to, nextWorkingTime(now, await ownerTimeZone(ctx.db, gateway, to, now, ctx.policy.timeZone)));
  }
  return withTransaction(ctx, async (tx) => {
    let sent = 0;
    for (const { review, system } of waiting) {
      const to = reviewRecipient(review, system);
      const at = deliverAt.get(to)!;
      const card = buildReviewCard({ review, system, recipientId: to, timeZone: ctx.policy.timeZone });
      const key = reviewCardKey(review.id, to);
      if (!(await postCard(tx, { key, channel: to, card, ...(at > now ? { notBefore: at } : {}) }))) continue;
      sent += 1;
      await recordAudit(tx, ctx, { action: 'review.requested', subjectType: 'review', subjectId: review.id, after: { systemId: system.id, reviewerId: to, card: key, deliverAt: at } });
    }
    return sent;
  });
}
