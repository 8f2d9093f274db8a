import { describe, expect, it } from 'vitest';
import { parseReviewRecord as parseState } from '../../../src/slack/parse/review-record.js';
import { ViewStateValues as StateSchema } from '../../../src/slack/parse/view-values.js';
import { datepickerValue, plainTextValue, staticSelectValue, usersSelectValue, type ViewStateValues } from '../../support/view-state.js';

const values = (o: Partial<Record<string, unknown>> = {}): ViewStateValues => ({
  result: { value: staticSelectValue('effective_with_exceptions') },
  exceptions_found: { value: plainTextValue('  Drift unmonitored \n\n No rollback plan ') },
  corrective_action: { value: plainTextValue(null) },
  next_owner: { value: usersSelectValue('U0OWNER2') },
  next_review_date: { value: datepickerValue('2026-06-01') },
  changes: { value: staticSelectValue('none') },
  decision_scope: { value: plainTextValue(null) },
  decision_assumption: { value: plainTextValue(null) },
  decision_risk: { value: plainTextValue(null) },
  decision_owner: { value: usersSelectValue(null) },
  ...(o as ViewStateValues),
});

// As the listener does: Slack's view state through the zod schema, then the form parser.
const parseReviewRecord = (v: ViewStateValues) => parseState(StateSchema.parse(v));

describe('the review form, parsed', () => {
  it('turns each line of exceptions into one exception and leaves out the decision when nothing changes', () => {
    const parsed = parseReviewRecord(values());
    expect(parsed).toEqual({ ok: true, value: { result: 'effective_with_exceptions', exceptionsFound: ['Drift unmonitored', 'No rollback plan'], correctiveAction: null,
      nextOwnerId: 'U0OWNER2', nextReviewDate: '2026-06-01', decision: null } });
  });

  it('requires the decision record when the outcome changes scope, risk or classification', () => {
    const parsed = parseReviewRecord(values({ changes: { value: staticSelectValue('classification') } }));
    expect(parsed.ok).toBe(false);
    expect(Object.keys((parsed as { errors: Record<string, string> }).errors).sort()).toEqual(['decision_owner', 'decision_risk', 'decision_scope']);
  });

  it('builds the decision from its fields', () => {
    const parsed = parseReviewRecord(values({
      changes: { value: staticSelectValue('scope') }, decision_scope: { value: plainTextValue('EU only') }, decision_risk: { value: plainTextValue('Art. 26 duties') },
      decision_owner: { value: usersSelectValue('U0OWNER1') },
    }));
    expect(parsed.ok && parsed.value.decision).toEqual({ changes: 'scope', scope: 'EU only', assumption: null, riskOrObligation: 'Art. 26 duties', ownerId: 'U0OWNER1' });
  });

  it('names each missing required field by its block id', () => {
    const parsed = parseReviewRecord(values({ result: { value: staticSelectValue(null) }, next_owner: { value: usersSelectValue(null) }, next_review_date: { value: datepickerValue(null) } }));
    expect(Object.keys((parsed as { errors: Record<string, string> }).errors).sort()).toEqual(['next_owner', 'next_review_date', 'result']);
  });
});
