import { z } from 'zod';

const Id = z.string().min(1);

export const REVIEW_EVENTS = {
  /** A review card in the DM of the person asked: posted once, edited when the review is recorded or moved. */
  'review.card.v1': z.object({
    reviewId: Id,
    recipientId: Id,
    /** The review was moved from this recipient to someone else: their card says to whom. */
    reassignedTo: Id.optional(),
  }),
} as const;
