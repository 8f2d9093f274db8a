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
} as const;
