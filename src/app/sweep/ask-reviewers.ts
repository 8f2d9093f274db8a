import { and, eq, inArray, lte, sql } from 'drizzle-orm';
import { aiSystems, outboxMessages, reviews } from '../../db/schema/index.js';
import { keySql } from '../../db/key-sql.js';
import { keyParts, outboxKeys } from '../../domain/message-keys.js';
import { recordAudits } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { enqueueEvents } from '../events/enqueue-event.js';
import { deliveryTimesAt, ownerTimeZones } from './owner-time-zone.js';
import type { UserDirectory } from './user-directory.js';
import { reviewCardKey, reviewRecipient } from '../reviews/review-card.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';

/**
 * Every open review whose reviewer has not been sent its card gets one, in the reviewer's working hours:
 * reviews opened on cadence by this sweep and reviews opened by a change, whoever created them.
 * The card's outbox key makes this once per review and reviewer, however many sweeps run.
 */
export async function askReviewers(ctx: ServiceContext, users?: UserDirectory): Promise<number> {
  const now = ctx.now();
  const recipientSql = sql`coalesce(${reviews.reviewerId}, ${aiSystems.ownerId})`;
  const waiting = await ctx.db.select({ reviewId: reviews.id, systemId: aiSystems.id, reviewerId: reviews.reviewerId, ownerId: aiSystems.ownerId })
    .from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId))
    .where(and(inArray(reviews.status, [...OPEN_REVIEW_STATUSES]), lte(reviews.dueAt, now),
      sql`not exists (select 1 from ${outboxMessages} o where o.idempotency_key = ${keySql(keyParts.post(keyParts.review(sql`${reviews.id}`, recipientSql)))})`,
      // A re-classification asks the owner for its reviews in its one DM (reclassify-inventory.ts); a card as well would be a second message.
      sql`not (${reviews.dueReason} = 'reclassified' and ${recipientSql} = ${aiSystems.ownerId})`))
    .orderBy(reviews.id);
  if (!waiting.length) return 0;
  // Time zones come from the workspace (cached); they are looked up before the transaction, not inside it.
  const recipients = [...new Set(waiting.map((w) => reviewRecipient(w, w)))];
  const zones = await ownerTimeZones(ctx.db, users, recipients, now, ctx.policy.timeZone);
  const deliveryTime = deliveryTimesAt(now);
  const cards = waiting.map((w) => {
    const to = reviewRecipient(w, w);
    return { ...w, to, at: deliveryTime(zones.get(to) ?? ctx.policy.timeZone), card: reviewCardKey(w.reviewId, to) };
  });
  return withTransaction(ctx, async (tx) => {
    // A backlog asks hundreds of reviewers at once: events and audit events go in batches. Each card is
    // drawn when delivered, from the review as it stands then.
    const queued = await enqueueEvents(tx, null, cards.map((c) => ({
      event: { kind: 'review.card.v1' as const, body: { reviewId: c.reviewId, recipientId: c.to } },
      key: outboxKeys.post(c.card), card: c.card, ...(c.at > now ? { notBefore: c.at } : {}),
    })));
    const sent = cards.filter((c) => queued.has(outboxKeys.post(c.card)));
    await recordAudits(tx, ctx, sent.map((c) => ({
      action: 'review.requested', subjectType: 'review', subjectId: c.reviewId, after: { systemId: c.systemId, reviewerId: c.to, card: c.card, deliverAt: c.at },
    })));
    return sent.length;
  });
}
