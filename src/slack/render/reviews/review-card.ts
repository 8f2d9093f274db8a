import { loadReviewCard } from '../../../app/reviews/load-review-card.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildReviewCard } from '../../views/review-card.js';
import { reviewMetadata } from '../metadata.js';

/** A review card in the DM of the person asked, as the review stands now. */
export async function renderReviewCard(ctx: ServiceContext, body: EventBody<'review.card.v1'>): Promise<Rendered> {
  const row = await loadReviewCard({ ctx, input: body });
  if (!row) return { skip: `review ${body.reviewId} is gone` };
  const card = buildReviewCard({ review: row.review, system: row.system, recipientId: body.recipientId, reassignedTo: body.reassignedTo ?? null, timeZone: ctx.policy.timeZone });
  return { message: { channel: body.recipientId, ...card, metadata: reviewMetadata(row.review.id, row.system.id) } };
}
