import type { ModalView } from '@slack/types';
import { VIEWS } from '../ids.js';
import { context, datePicker, input, modal, textInput, usersSelect, type Block } from './blocks.js';

export const EXCEPTION_RESOLUTIONS = ['accept_risk', 'corrective_action'] as const;
export type ExceptionResolution = (typeof EXCEPTION_RESOLUTIONS)[number];

export const EXCEPTION_RESOLVE_BLOCKS = {
  rationale: 'rationale',
  expiresOn: 'expires_on',
  action: 'corrective_action',
  actionOwner: 'action_owner',
  actionDue: 'action_due',
} as const;

/**
 * Risk acceptance (rationale, expiry) or corrective action (what, owner, due date) for one exception.
 * Opened straight from the click; the verb re-checks the exception and who may resolve it.
 */
export function buildExceptionResolveView(m: { exceptionId: string; resolution: ExceptionResolution; defaultActionDue: string; defaultOwnerId?: string }): ModalView {
  const B = EXCEPTION_RESOLVE_BLOCKS;
  const blocks: Block[] = m.resolution === 'accept_risk'
    ? [
      context(`Accepting the risk of exception \`${m.exceptionId}\`. The rationale is kept; before the expiry date the approver and the owner are reminded.`),
      input(B.rationale, 'Rationale', textInput('value', { multiline: true, maxLength: 2000 })),
      input(B.expiresOn, 'Acceptance expires on', datePicker('value')),
    ]
    : [
      context(`Corrective action for exception \`${m.exceptionId}\`. If it is not done by the due date it escalates.`),
      input(B.action, 'Corrective action', textInput('value', { multiline: true, maxLength: 2000 })),
      input(B.actionOwner, 'Owner', usersSelect('value', m.defaultOwnerId)),
      input(B.actionDue, 'Due date', datePicker('value', m.defaultActionDue)),
    ];
  return modal({
    callbackId: VIEWS.exceptionResolve,
    title: m.resolution === 'accept_risk' ? 'Accept risk' : 'Corrective action',
    submit: 'Save',
    blocks,
    privateMetadata: JSON.stringify({ exceptionId: m.exceptionId, resolution: m.resolution }),
  });
}
