import { describe, expect, it } from 'vitest';
import { defaultNextReviewDate, reviewOutcomeProblems, type ReviewOutcome } from '../../../src/domain/review-outcome.js';

const base: ReviewOutcome = { result: 'effective', exceptionsFound: [], correctiveAction: null, nextOwnerId: 'U0OWNER1', nextReviewDate: '2026-06-01', decision: null };
const today = '2026-03-02';

describe('a review outcome', () => {
  it('can be recorded when the result agrees with the exceptions and the next date is ahead', () => {
    expect(reviewOutcomeProblems(base, today)).toEqual({});
    expect(reviewOutcomeProblems({ ...base, result: 'not_effective', exceptionsFound: ['No monitoring'] }, today)).toEqual({});
  });

  it.each([
    ['an effective result with exceptions', { exceptionsFound: ['Drift'] }, 'result'],
    ['exceptions missing from a partly effective result', { result: 'effective_with_exceptions' as const }, 'exceptions_found'],
    ['a next review date of today', { nextReviewDate: today }, 'next_review_date'],
    ['a next review date more than two years away', { nextReviewDate: '2028-03-03' }, 'next_review_date'],
    ['a decision without a scope', { decision: { changes: 'risk' as const, scope: ' ', assumption: null, riskOrObligation: 'Bias', ownerId: 'U0OWNER1' } }, 'decision_scope'],
  ])('is refused for %s', (_label, change, field) => {
    expect(Object.keys(reviewOutcomeProblems({ ...base, ...change }, today))).toEqual([field]);
  });
});

describe('the next review date a form offers', () => {
  it.each([
    [90, '2026-05-31'],
    [365, '2027-03-02'],
    [null, '2027-03-02'],
  ])('is today plus the cadence (%s days) → %s', (cadence, expected) => {
    expect(defaultNextReviewDate(today, cadence)).toBe(expected);
  });
});
