import { z } from 'zod';

const Id = z.string().min(1);

export const SOA_EVENTS = {
  /** The forum hears of each approved Statement of Applicability version, once. */
  'soa.approved.v1': z.object({
    versionId: Id,
    /** Changes since the version before (null for the first): counted at approval, kept only in the audit trail. */
    changes: z.number().int().nonnegative().nullable(),
  }),
  /** A newly assigned control owner's DM: what they own and what evidence is still missing (the owner decision's id). */
  'soa.owner-notice.v1': z.object({ decisionId: Id }),
} as const;
