import { z } from 'zod';

const Id = z.string().min(1);

export const EVIDENCE_NOTE_EVENTS = {
  /** A note in the system's thread: a claim answered with evidence, new, reused or confirmed as still valid. */
  'evidence.note.v1': z.object({
    kind: z.enum(['submitted', 'reused', 'reattested']),
    claimId: Id,
    artifactId: Id,
    /** Who answered (an admin may answer for the owner). */
    actorId: Id,
    /** Why the evidence may be reused, or what the owner checked: said once, here. */
    reason: z.string().max(2500).optional(),
  }),
  /** A note in the system's thread: the owner cannot provide a claim's evidence; the exception is with the forum. */
  'evidence.exception-note.v1': z.object({
    exceptionId: Id,
    claimId: Id,
    actorId: Id,
    /** The owner's own words (the exception stores them inside its longer statement). */
    reason: z.string().max(2000),
  }),
} as const;
