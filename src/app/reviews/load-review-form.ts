import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, reviews } from '../../db/schema/index.js';
import { localDate } from '../../domain/calendar-dates.js';
import { defaultNextReviewDate } from '../../domain/review-outcome.js';
import type { ServiceContext } from '../context.js';
import { AppError, forbidden, notFound, parseInput } from '../errors.js';

/** What the review form shows; the Slack layer words the due reason. */
export interface ReviewForm {
  reviewId: string;
  systemId: string;
  systemName: string;
  dueReason: string;
  defaultOwnerId: string;
  defaultNextReviewDate: string;
  cadenceDays: number | null;
}

/** Who may record a review: its reviewer, the system's owner, or a governance admin. */
export function mayRecordReview(actor: ServiceContext['actor'], review: { reviewerId: string | null }, system: { ownerId: string }): boolean {
  return actor.isAdmin || actor.userId === review.reviewerId || actor.userId === system.ownerId;
}

export async function findReview(db: DbOrTx, reviewId: string) {
  const [row] = await db.select({ review: reviews, system: aiSystems }).from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId)).where(eq(reviews.id, reviewId));
  return row;
}

const LoadReviewFormInput = z.object({
  reviewId: z.string().min(1),
});
export type LoadReviewFormInput = z.input<typeof LoadReviewFormInput>;

/**
 * What the review form shows, after checking the review is still open and the actor may record it:
 * the next review date defaults to the system's cadence counted from today.
 */
export async function loadReviewForm({ ctx, input }: { ctx: ServiceContext; input: LoadReviewFormInput }): Promise<ReviewForm> {
  const { reviewId } = parseInput(LoadReviewFormInput, input);
  const row = await findReview(ctx.db, reviewId);
  if (!row) throw notFound('That review');
  const { review, system } = row;
  if (!mayRecordReview(ctx.actor, review, system)) throw forbidden('Only the reviewer, the system owner or a governance admin can record this review.');
  if (review.status === 'completed') throw new AppError('CONFLICT', `This review was already recorded on ${review.completedAt ? localDate(review.completedAt, ctx.policy.timeZone) : 'an earlier date'}.`);
  const today = localDate(ctx.now(), ctx.policy.timeZone);
  return {
    reviewId: review.id, systemId: system.id, systemName: system.name, dueReason: review.dueReason,
    defaultOwnerId: review.reviewerId ?? system.ownerId, defaultNextReviewDate: defaultNextReviewDate(today, system.cadenceDays), cadenceDays: system.cadenceDays,
  };
}
