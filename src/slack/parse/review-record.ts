import { z } from 'zod';
import { DECISION_CHANGES, REVIEW_RESULTS, type ReviewOutcome } from '../../domain/review-outcome.js';
import { SlackUserId } from '../../domain/system-facts.js';
import { NO_CHANGE, REVIEW_BLOCKS as B } from '../views/review-record-view.js';
import type { ParseResult } from './system-details.js';
import { single, type ViewStateValues } from './view-values.js';

const lines = (text: string | null) => (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * The review form → a ReviewOutcome. Shapes are checked here and problems keyed by block id; rules that
 * need the date or the record (next review after today, result agreeing with exceptions) are the verb's.
 */
export function parseReviewRecord(values: ViewStateValues): ParseResult<ReviewOutcome> {
  const errors: Record<string, string> = {};
  const result = z.enum(REVIEW_RESULTS).safeParse(single(values, B.result));
  if (!result.success) errors[B.result] = 'Choose the result of the review.';
  const nextOwner = SlackUserId.safeParse(single(values, B.nextOwner));
  if (!nextOwner.success) errors[B.nextOwner] = 'Choose who reviews the system next time.';
  const nextReviewDate = single(values, B.nextReviewDate);
  if (!nextReviewDate) errors[B.nextReviewDate] = 'Choose the next review date.';
  const changes = single(values, B.changes) ?? NO_CHANGE;
  let decision: ReviewOutcome['decision'] = null;
  if (changes !== NO_CHANGE) {
    const change = z.enum(DECISION_CHANGES).safeParse(changes);
    const scope = single(values, B.decisionScope);
    const risk = single(values, B.decisionRisk);
    const owner = SlackUserId.safeParse(single(values, B.decisionOwner));
    if (!change.success) errors[B.changes] = 'Choose what the outcome changes.';
    if (!scope) errors[B.decisionScope] = 'The outcome changes scope, risk or classification: say what the decision covers.';
    if (!risk) errors[B.decisionRisk] = 'Name the risk or obligation the decision is about.';
    if (!owner.success) errors[B.decisionOwner] = 'Choose who owns the decision.';
    if (change.success && scope && risk && owner.success) {
      decision = { changes: change.data, scope, assumption: single(values, B.decisionAssumption), riskOrObligation: risk, ownerId: owner.data };
    }
  }
  if (Object.keys(errors).length || !result.success || !nextOwner.success || !nextReviewDate) return { ok: false, errors };
  return {
    ok: true,
    value: {
      result: result.data, exceptionsFound: lines(single(values, B.exceptionsFound)).map((l) => l.slice(0, 2000)), correctiveAction: single(values, B.correctiveAction),
      nextOwnerId: nextOwner.data, nextReviewDate, decision,
    },
  };
}
