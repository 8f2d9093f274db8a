import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { findReview } from './load-review-form.js';

const Input = z.object({ reviewId: z.string().min(1) });

/** A review and its system, as a review card shows them; null when the review is gone. */
export async function loadReviewCard({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }) {
  const { reviewId } = Input.parse(input);
  return (await findReview(ctx.db, reviewId)) ?? null;
}
