import type { ModalView } from '@slack/types';
import { REATTEST_FIELDS } from '../../../domain/reattestation.js';
import { VIEWS } from '../../ids.js';
import { context, datePicker, input, modal, section, textInput, type Block } from '../blocks.js';
import { artifactSummary } from './evidence-note.js';
import { claimHeading, type ClaimHeading } from './claim-context.js';

export interface StillValidArtifact {
  id: string; kind: string; links: string[]; files?: unknown; description: string; evidenceDate: string; periodFrom: string; periodTo: string; criteriaMet: boolean; createdAt?: Date;
}

const DAY_MS = 86_400_000;
/** The new period offered: as long as the one ending, from its end, at most a year. */
export function suggestedPeriodEnd(a: Pick<StillValidArtifact, 'periodFrom' | 'periodTo'>, today: string): string {
  const length = Math.min(365, Math.max(30, Math.round((Date.parse(a.periodTo) - Date.parse(a.periodFrom)) / DAY_MS)));
  const from = a.periodTo > today ? a.periodTo : today;
  return new Date(Date.parse(`${from}T00:00:00Z`) + length * DAY_MS).toISOString().slice(0, 10);
}

/** Still valid: confirm the artifact on record for a new period, with the date checked and a note. */
export function buildStillValidView(args: { claim: ClaimHeading; systemName: string; artifact: StillValidArtifact; today: string }): ModalView {
  const f = REATTEST_FIELDS;
  return modal({
    callbackId: VIEWS.evidenceStillValid, title: 'Still valid', submit: 'Confirm',
    privateMetadata: JSON.stringify({ claimId: args.claim.id }),
    blocks: [
      ...claimHeading(args.claim, args.systemName),
      section(`*The evidence on record* (\`${args.artifact.id}\`)\n${artifactSummary(args.artifact)}`),
      input(f.checkedOn, 'Date you checked it', datePicker('value', args.today), { hint: 'The day you confirmed the artifact still shows what it showed.' }),
      input(f.periodTo, 'It stays valid until', datePicker('value', suggestedPeriodEnd(args.artifact, args.today)), { hint: 'The end of the new period it covers; it is asked for again then.' }),
      input(f.note, 'What did you check?', textInput('value', { multiline: true, maxLength: 2000, placeholder: 'Re-read the policy; no change since the last sign-off.' })),
      context('This records a re-attestation (you, now, the new period) beside the original submission. If the system has changed materially since, submit new evidence instead.'),
    ],
  });
}
