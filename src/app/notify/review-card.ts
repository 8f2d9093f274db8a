import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, reviews } from '../../db/schema/index.js';
import { buildReviewCard } from '../../slack/views/review-card.js';
import type { ServiceContext } from '../context.js';
import { postCard, updateCard } from './card-message.js';

/** One card per (review, person asked): a reassigned review gets a fresh card for its new reviewer. */
export const reviewCardKey = (reviewId: string, recipientId: string) => `review:${reviewId}:${recipientId}`;

async function load(tx: DbOrTx, reviewId: string) {
  const [row] = await tx.select({ review: reviews, system: aiSystems }).from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId)).where(eq(reviews.id, reviewId));
  return row;
}

/** Whom a review asks: its reviewer, or the system's owner when none is set. */
export const reviewRecipient = (review: { reviewerId: string | null }, system: { ownerId: string }) => review.reviewerId ?? system.ownerId;

/** DMs the reviewer the review with Start review, once. Returns whether it was queued now. */
export async function sendReviewCard(tx: DbOrTx, ctx: ServiceContext, args: { reviewId: string; notBefore?: Date }): Promise<boolean> {
  const row = await load(tx, args.reviewId);
  if (!row) return false;
  const recipientId = reviewRecipient(row.review, row.system);
  const card = buildReviewCard({ review: row.review, system: row.system, recipientId, timeZone: ctx.policy.timeZone });
  return postCard(tx, { key: reviewCardKey(args.reviewId, recipientId), channel: recipientId, card, ...(args.notBefore ? { notBefore: args.notBefore } : {}) });
}

/** Redraws the card a person was sent (after the review is recorded, or moved to someone else). */
export async function refreshReviewCard(tx: DbOrTx, ctx: ServiceContext, args: { reviewId: string; recipientId: string; reassignedTo?: string }): Promise<void> {
  const row = await load(tx, args.reviewId);
  if (!row) return;
  const card = buildReviewCard({ review: row.review, system: row.system, recipientId: args.recipientId, reassignedTo: args.reassignedTo ?? null, timeZone: ctx.policy.timeZone });
  await updateCard(tx, { key: reviewCardKey(args.reviewId, args.recipientId), card });
}
