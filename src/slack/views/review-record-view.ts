import type { ModalView } from '@slack/types';
import { DECISION_CHANGES, REVIEW_RESULTS, REVIEW_RESULT_LABELS } from '../../domain/review-outcome.js';
import type { ReviewForm } from '../../app/reviews/load-review-form.js';
import { VIEWS } from '../ids.js';
import { reviewDueLabel } from './review-card.js';
import { escapeText } from '../escape.js';
import { context, datePicker, input, modal, option, section, staticSelect, textInput, usersSelect, type Block } from './blocks.js';

/** Block ids of the review form; the verb's field errors use the same names. */
export const REVIEW_BLOCKS = {
  result: 'result',
  exceptionsFound: 'exceptions_found',
  correctiveAction: 'corrective_action',
  nextOwner: 'next_owner',
  nextReviewDate: 'next_review_date',
  changes: 'changes',
  decisionScope: 'decision_scope',
  decisionAssumption: 'decision_assumption',
  decisionRisk: 'decision_risk',
  decisionOwner: 'decision_owner',
} as const;

export const NO_CHANGE = 'none';

const CHANGE_LABELS: Record<(typeof DECISION_CHANGES)[number], string> = {
  scope: 'It changes the scope',
  risk: 'It changes the risk',
  classification: 'It changes the classification',
};

/** The form's content as the review verb loads it; the due reason is worded here. */
export type ReviewFormModel = ReviewForm;

/** The review record modal; private_metadata carries only the review id, checked again on submit. */
export function buildReviewRecordView(m: ReviewFormModel): ModalView {
  const B = REVIEW_BLOCKS;
  const noChange = option('No: nothing to approve', NO_CHANGE);
  const blocks: Block[] = [
    section(`*${escapeText(m.systemName)}* (\`${m.systemId}\`) — ${escapeText(reviewDueLabel(m.dueReason, m.cadenceDays))}`),
    input(B.result, 'Result', staticSelect('value', REVIEW_RESULTS.map((r) => option(REVIEW_RESULT_LABELS[r], r)))),
    input(B.exceptionsFound, 'Exceptions found', textInput('value', { multiline: true, maxLength: 3000, placeholder: 'One per line; each opens an exception' }), { optional: true }),
    input(B.correctiveAction, 'Corrective action', textInput('value', { multiline: true, maxLength: 2000 }), { optional: true }),
    input(B.nextOwner, 'Next owner', usersSelect('value', m.defaultOwnerId), { hint: 'Who reviews the system next time.' }),
    input(B.nextReviewDate, 'Next review date', datePicker('value', m.defaultNextReviewDate),
      { hint: m.cadenceDays ? `Defaults to the cadence: every ${m.cadenceDays} days.` : 'No cadence is set for this system: choose when the forum sees it again.' }),
    input(B.changes, 'Does the outcome change scope, risk or classification?', staticSelect('value', [noChange, ...DECISION_CHANGES.map((c) => option(CHANGE_LABELS[c], c))], { initial: noChange })),
    context('If it does, fill in the decision record below: it goes to the governance forum for approval.'),
    input(B.decisionScope, 'Decision: scope', textInput('value', { multiline: true, maxLength: 1000 }), { optional: true }),
    input(B.decisionAssumption, 'Decision: assumption', textInput('value', { multiline: true, maxLength: 1000 }), { optional: true }),
    input(B.decisionRisk, 'Decision: risk or obligation', textInput('value', { multiline: true, maxLength: 1000 }), { optional: true }),
    input(B.decisionOwner, 'Decision: owner', usersSelect('value'), { optional: true }),
  ];
  return modal({ callbackId: VIEWS.reviewRecord, title: 'Record review', submit: 'Record', blocks, privateMetadata: JSON.stringify({ reviewId: m.reviewId }) });
}
