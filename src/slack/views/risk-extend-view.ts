import type { ModalView } from '@slack/types';
import { VIEWS } from '../ids.js';
import { context, datePicker, input, modal, textInput, type Block } from './blocks.js';

export const RISK_EXTEND_BLOCKS = { until: 'extend_until', reason: 'extend_reason' } as const;

export function buildRiskExtendView(m: { exceptionId: string }): ModalView {
  return modal({
    callbackId: VIEWS.riskExtend, title: 'Extend acceptance', submit: 'Extend',
    privateMetadata: JSON.stringify({ exceptionId: m.exceptionId }),
    blocks: [
      context(`Extending the risk acceptance of exception \`${m.exceptionId}\`. The original rationale is kept; the reason for the extension is recorded beside it.`),
      input(RISK_EXTEND_BLOCKS.until, 'New expiry date', datePicker('value')),
      input(RISK_EXTEND_BLOCKS.reason, 'Reason', textInput('value', { multiline: true, maxLength: 1000 })),
    ],
  });
}
