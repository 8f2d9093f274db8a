import type { DbOrTx } from '../../db/client.js';
import { cardKeys } from '../../domain/message-keys.js';
import type { ServiceContext } from '../context.js';
import { postCardEvent, queueCardEvents } from '../events/card-events.js';
import { findReview } from './load-review-form.js';

/** One card per (review, person asked): a reassigned review gets a fresh card for its new reviewer. */
export const reviewCardKey = cardKeys.review;

/** Whom a review asks: its reviewer, or the system's owner when none is set. */
export const reviewRecipient = (review: { reviewerId: string | null }, system: { ownerId: string }) => review.reviewerId ?? system.ownerId;

/** DMs the reviewer the review with Start review, once. Returns whether it was queued now. */
export async function sendReviewCard(tx: DbOrTx, _ctx: ServiceContext, args: { reviewId: string; notBefore?: Date }): Promise<boolean> {
  const row = await findReview(tx, args.reviewId);
  if (!row) return false;
  const recipientId = reviewRecipient(row.review, row.system);
  return postCardEvent(tx, null, {
    event: { kind: 'review.card.v1', body: { reviewId: args.reviewId, recipientId } },
    card: reviewCardKey(args.reviewId, recipientId), ...(args.notBefore ? { notBefore: args.notBefore } : {}),
  });
}

/** Redraws the card a person was sent (after the review is recorded, or moved to someone else). */
export async function refreshReviewCard(tx: DbOrTx, _ctx: ServiceContext, args: { reviewId: string; recipientId: string; reassignedTo?: string }): Promise<void> {
  const { reviewId, recipientId, reassignedTo } = args;
  await queueCardEvents(tx, null, [{
    event: { kind: 'review.card.v1', body: { reviewId, recipientId, ...(reassignedTo ? { reassignedTo } : {}) } },
    card: reviewCardKey(reviewId, recipientId), postIfNew: false,
  }]);
}
