import { EVIDENCE_FIELDS } from '../../domain/evidence-artifact.js';
import { fileIds, single, yesNo, type ViewStateValues } from './view-values.js';

/** The Submit evidence form's answers, as submitEvidence takes them; it validates them (and reports by block id). */
export function readEvidenceSubmission(values: ViewStateValues): Record<string, unknown> {
  const f = EVIDENCE_FIELDS;
  return {
    links: single(values, f.links),
    kind: single(values, f.kind) ?? undefined,
    description: single(values, f.description) ?? '',
    evidenceDate: single(values, f.evidenceDate) ?? undefined,
    periodFrom: single(values, f.periodFrom) ?? undefined,
    periodTo: single(values, f.periodTo) ?? undefined,
    criteriaMet: yesNo(single(values, f.criteriaMet)),
    acceptanceCriteria: single(values, f.acceptanceCriteria) ?? '',
  };
}

/** The files attached to the Submit evidence form, by Slack file id: aigov reads each from Slack itself. */
export function readEvidenceFileIds(values: ViewStateValues): string[] {
  return fileIds(values, EVIDENCE_FIELDS.files);
}
