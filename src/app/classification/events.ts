import { z } from 'zod';

const Id = z.string().min(1);

export const CLASSIFICATION_EVENTS = {
  /** A note in the system's thread: an admin overrode one outcome of its classification (the override's id). */
  'classification.override-note.v1': z.object({ systemId: Id, overrideId: Id }),
  /** An owner's one DM about a re-classification: every one of their systems that changed under the rules (`version`: its handle). */
  'classification.reclassified-owner.v1': z.object({ ownerId: Id, version: Id }),
  /** The governance channel's one summary of a re-classification under the rules `version` (its handle). */
  'classification.reclassified-summary.v1': z.object({ version: Id }),
} as const;
