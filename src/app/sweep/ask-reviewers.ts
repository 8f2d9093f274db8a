import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { aiSystems, outboxMessages, reviews } from '../../db/schema/index.js';
import type { SlackGateway } from '../../slack/gateway.js';
import { buildReviewCard } from '../../slack/views/review-card.js';
import { recordAudits } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { deliveryTimesAt, ownerTimeZones } from './owner-time-zone.js';
import { enqueuePosts } from '../../outbox/enqueue.js';
import { reviewCardKey, reviewRecipient } from '../notify/review-card.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';

/**
 * Every open review whose reviewer has not been sent its card gets one, in the reviewer's working hours:
 * reviews opened on cadence by this sweep and reviews opened by a change, whoever created them.
 * The card's outbox key makes this once per review and reviewer, however many sweeps run.
 */
export async function askReviewers(ctx: ServiceContext, gateway?: Pick<SlackGateway, 'userTimeZone'>): Promise<number> {
  const now = ctx.now();
  const waiting = await ctx.db.select({ review: reviews, system: aiSystems }).from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId))
    .where(and(inArray(reviews.status, [...OPEN_REVIEW_STATUSES]), lte(reviews.dueAt, now),
      sql`not exists (select 1 from ${outboxMessages} o where o.idempotency_key = 'post:review:' || ${reviews.id} || ':' || coalesce(${reviews.reviewerId}, ${aiSystems.ownerId}))`,
      // A re-classification asks the owner for its reviews in its one DM (reclassify-inventory.ts); a card as well would be a second message.
      sql`not (${reviews.dueReason} = 'reclassified' and coalesce(${reviews.reviewerId}, ${aiSystems.ownerId}) = ${aiSystems.ownerId})`))
    .orderBy(reviews.id);
  if (!waiting.length) return 0;
  // Time zones come from Slack (cached); they are looked up before the transaction, not inside it.
  const recipients = [...new Set(waiting.map(({ review, system }) => reviewRecipient(review, system)))];
  const zones = await ownerTimeZones(ctx.db, gateway, recipients, now, ctx.policy.timeZone);
  const deliveryTime = deliveryTimesAt(now);
  const cards = waiting.map(({ review, system }) => {
    const to = reviewRecipient(review, system);
    const at = deliveryTime(zones.get(to) ?? ctx.policy.timeZone);
    const key = reviewCardKey(review.id, to);
    const card = buildReviewCard({ review, system, recipientId: to, timeZone: ctx.policy.timeZone });
    return { review, system, to, at, key, card };
  });
  return withTransaction(ctx, async (tx) => {
    // A backlog asks hundreds of reviewers at once: cards and audit events go in batches.
    const queued = await enqueuePosts(tx, cards.map((c) => ({
      message: { kind: 'slack.post.v1' as const, channel: c.to, text: c.card.text, blocks: c.card.blocks, storeAs: c.key },
      idempotencyKey: `post:${c.key}`, ...(c.at > now ? { notBefore: c.at } : {}),
    })));
    const sent = cards.filter((c) => queued.has(`post:${c.key}`));
    await recordAudits(tx, ctx, sent.map((c) => ({
      action: 'review.requested', subjectType: 'review', subjectId: c.review.id, after: { systemId: c.system.id, reviewerId: c.to, card: c.key, deliverAt: c.at },
    })));
    return sent.length;
  });
}
