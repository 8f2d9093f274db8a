import { z } from 'zod';
import { ATTACH_EVIDENCE_BLOCKS } from '../views/evidence/attach-evidence-view.js';
import { single, yesNo, type ViewStateValues } from './view-values.js';

/** What the shortcut put in private_metadata: the message and its link. Shape-checked; the claim is re-checked by the verb. */
export const AttachEvidenceMeta = z.object({
  permalink: z.url({ protocol: /^https$/ }),
  channel: z.string().regex(/^[CDG][A-Z0-9]+$/),
  messageTs: z.string().regex(/^\d+\.\d+$/),
});
export type AttachEvidenceMeta = z.infer<typeof AttachEvidenceMeta>;

/** The form's answers as a Submit evidence submission whose only link is the message's permalink. */
export function parseAttachEvidence(values: ViewStateValues, meta: AttachEvidenceMeta) {
  const b = ATTACH_EVIDENCE_BLOCKS;
  return {
    claimId: single(values, b.claim) ?? '',
    submission: {
      links: [meta.permalink],
      kind: single(values, b.kind) ?? undefined,
      description: single(values, b.description) ?? undefined,
      evidenceDate: single(values, b.evidenceDate) ?? undefined,
      periodFrom: single(values, b.periodFrom) ?? undefined,
      periodTo: single(values, b.periodTo) ?? undefined,
      criteriaMet: yesNo(single(values, b.criteriaMet)),
    },
  };
}
