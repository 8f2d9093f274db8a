import { addDays, futureDateProblem } from './calendar-dates.js';

export const REVIEW_RESULTS = ['effective', 'effective_with_exceptions', 'not_effective'] as const;
export type ReviewResult = (typeof REVIEW_RESULTS)[number];

export const REVIEW_RESULT_LABELS: Record<ReviewResult, string> = {
  effective: 'Effective: controls operate as intended',
  effective_with_exceptions: 'Effective with exceptions',
  not_effective: 'Not effective',
};

/** What a review outcome can change that the governance forum must approve. */
export const DECISION_CHANGES = ['scope', 'risk', 'classification'] as const;
export type DecisionChange = (typeof DECISION_CHANGES)[number];

/** Decision record (PRODUCT.md step 5): scope, assumption, risk or obligation, owner; approval comes later. */
export interface ProposedDecision {
  changes: DecisionChange;
  scope: string;
  assumption: string | null;
  riskOrObligation: string;
  ownerId: string;
}

/** Review record (PRODUCT.md step 6): result, exceptions, corrective action, next owner, next review date. */
export interface ReviewOutcome {
  result: ReviewResult;
  exceptionsFound: string[];
  correctiveAction: string | null;
  nextOwnerId: string;
  nextReviewDate: string;
  decision: ProposedDecision | null;
}

/** The furthest a next review may be set: past this the system would go unreviewed too long. */
export const MAX_REVIEW_GAP_DAYS = 730;

/** Used when policy schedules no cycle (a prohibited system): the forum still sees it again within a year. */
export const FALLBACK_REVIEW_DAYS = 365;

/** The next review date a form offers: the cadence counted from today. */
export function defaultNextReviewDate(today: string, cadenceDays: number | null): string {
  return addDays(today, cadenceDays ?? FALLBACK_REVIEW_DAYS);
}

/**
 * Problems with a review outcome, keyed by the field they concern; empty when it can be recorded.
 * The result must agree with the exceptions: an effective review has none, any other result lists them.
 */
export function reviewOutcomeProblems(outcome: ReviewOutcome, today: string): Record<string, string> {
  const problems: Record<string, string> = {};
  const found = outcome.exceptionsFound.length > 0;
  if (outcome.result === 'effective' && found) {
    problems.result = 'Exceptions were found, so the result cannot be "effective": choose "effective with exceptions" or "not effective".';
  }
  if (outcome.result !== 'effective' && !found) {
    problems.exceptions_found = 'List the exceptions found, one per line: each becomes an exception the forum resolves.';
  }
  const date = futureDateProblem(outcome.nextReviewDate, today, MAX_REVIEW_GAP_DAYS);
  if (date) problems.next_review_date = date;
  if (outcome.decision) {
    if (!outcome.decision.scope.trim()) problems.decision_scope = 'Say what the decision covers.';
    if (!outcome.decision.riskOrObligation.trim()) problems.decision_risk = 'Name the risk or obligation the decision is about.';
  }
  return problems;
}
