import type { ModalView } from '@slack/types';
import { ARTIFACT_KINDS, ARTIFACT_KIND_LABELS, EVIDENCE_FIELDS, MAX_ARTIFACT_LINKS } from '../../../domain/evidence-artifact.js';
import { EVIDENCE_FILE_TYPES, FILE_LIMITS_TEXT, MAX_EVIDENCE_FILES } from '../../../domain/evidence-files.js';
import { VIEWS } from '../../ids.js';
import { datePicker, input, modal, option, radios, staticSelect, textInput, type Block } from '../blocks.js';
import { claimHeading, type ClaimHeading } from './claim-context.js';


export const CRITERIA_OPTIONS = [option('Yes — the artifact meets them', 'yes'), option('No — it does not meet them (yet)', 'no')];

/** The Submit evidence form: an artifact is links or files, a kind, what it shows, its date and the period it covers. */
export function buildSubmitEvidenceView(args: { claim: ClaimHeading; systemName: string; today: string }): ModalView {
  const b = EVIDENCE_FIELDS;
  return modal({
    callbackId: VIEWS.evidenceSubmit,
    title: 'Submit evidence',
    submit: 'Submit',
    privateMetadata: JSON.stringify({ claimId: args.claim.id }),
    blocks: [
      ...claimHeading(args.claim, args.systemName),
      input(b.links, 'Artifact links (https URLs, one per line)', textInput('value', { multiline: true, maxLength: 3000, placeholder: 'https://wiki.example.com/ai/model-card' }), {
        optional: true,
        hint: `Links to the artifact itself — a document, ticket, log, minutes or test result — not to a standard. Up to ${MAX_ARTIFACT_LINKS}. At least one link or one file.`,
      }),
      input(b.files, 'Artifact files', {
        type: 'file_input', action_id: 'value', max_files: MAX_EVIDENCE_FILES, filetypes: [...new Set(Object.values(EVIDENCE_FILE_TYPES).flat())],
      }, { optional: true, hint: `${FILE_LIMITS_TEXT} aigov keeps a SHA-256 of each file, so a later change to it shows.` }),
      input(b.kind, 'Artifact type', staticSelect('value', ARTIFACT_KINDS.map((k) => option(ARTIFACT_KIND_LABELS[k], k)))),
      input(b.description, 'What does it show?', textInput('value', { multiline: true, maxLength: 2000 })),
      input(b.evidenceDate, 'Effective date', datePicker('value', args.today), { hint: 'When the artifact took effect: when it was produced or the activity took place, not when it is submitted here.' }),
      input(b.periodFrom, 'Period covered: from', datePicker('value')),
      input(b.periodTo, 'Period covered: to', datePicker('value'), { hint: 'The evidence is stale once this period ends, and is asked for again.' }),
      input(b.criteriaMet, 'Are the acceptance criteria met?', radios('value', CRITERIA_OPTIONS)),
      input(b.acceptanceCriteria, 'Acceptance criteria it was judged against', textInput('value', { multiline: true, maxLength: 2000 }), {
        optional: true,
        hint: 'Leave empty for the requirement\'s standard criteria. Evidence judged against its own criteria is not reused for other requirements.',
      }),
    ],
  });
}
