import { z } from 'zod';

const Id = z.string().min(1);

export const EVIDENCE_EVENTS = {
  /** An owner's evidence card for one system (their DM): posted once, then edited to the claims' current state. */
  'evidence.card.v1': z.object({
    systemId: Id,
    ownerId: Id,
    /** What just changed for this owner, said once above the claims (e.g. who handed them a claim). */
    notes: z.array(z.string().max(500)).max(5).optional(),
  }),
  /** The DM telling an owner that evidence was asked of them by a date (beside their evidence card). */
  'evidence.requested.v1': z.object({
    claimId: Id,
    /** Who asked: a Slack user, or the workflow step's actor. */
    requesterId: Id,
    /** The due date as asked (YYYY-MM-DD): what the request said, whatever the claim says later. */
    dueDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  }),
} as const;
