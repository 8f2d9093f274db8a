import type { ModalView } from '@slack/types';
import { VIEWS } from '../ids.js';
import { input, modal, section, textInput, type Block } from './blocks.js';

export const DECISION_REJECT_BLOCKS = { reason: 'reason' } as const;

/** Opened straight from the click (no database work before views.open); the verb checks the decision again. */
export function buildDecisionRejectView(m: { decisionId: string }): ModalView {
  return modal({
    callbackId: VIEWS.decisionReject, title: 'Reject decision', submit: 'Reject',
    privateMetadata: JSON.stringify({ decisionId: m.decisionId }),
    blocks: [
      section(`Rejecting decision \`${m.decisionId}\`. The reason is kept with the decision and shown on its card.`),
      input(DECISION_REJECT_BLOCKS.reason, 'Reason', textInput('value', { multiline: true, maxLength: 1000 })),
    ],
  });
}
