import type { ModalView } from '@slack/types';
import { VIEWS } from '../ids.js';
import { context, datePicker, input, modal, textInput, usersSelect, type Block } from './blocks.js';

export const SNOOZE_BLOCKS = { until: 'snooze_until', reason: 'snooze_reason' } as const;
export const REASSIGN_BLOCKS = { owner: 'new_owner' } as const;

/** Where the escalation was clicked, carried to the submission so the same card is edited. */
export interface EscalationFormMeta { itemRef: string; channel?: string | undefined; ts?: string | undefined }

export function buildEscalationSnoozeView(meta: EscalationFormMeta): ModalView {
  return modal({
    callbackId: VIEWS.escalationSnooze, title: 'Snooze escalation', submit: 'Snooze', privateMetadata: JSON.stringify(meta),
    blocks: [
      context('Snoozing mutes reminders and escalations for this item until the date; the due date does not move.'),
      input(SNOOZE_BLOCKS.until, 'Snooze until', datePicker('value')),
      input(SNOOZE_BLOCKS.reason, 'Reason', textInput('value', { multiline: true, maxLength: 1000 })),
    ],
  });
}

export function buildEscalationReassignView(meta: EscalationFormMeta): ModalView {
  return modal({
    callbackId: VIEWS.escalationReassign, title: 'Reassign', submit: 'Reassign', privateMetadata: JSON.stringify(meta),
    blocks: [
      context('The new owner is asked in Slack and named on the escalation from now on.'),
      input(REASSIGN_BLOCKS.owner, 'New owner', usersSelect('value')),
    ],
  });
}
