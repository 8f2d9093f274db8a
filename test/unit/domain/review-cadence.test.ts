import { describe, expect, it } from 'vitest';
import { CHANGE_TRIGGERS, isReviewDue, nextReviewDue, reviewDueOnChange } from '../../../src/domain/review-cadence.js';

const at = (iso: string) => new Date(iso);

describe('nextReviewDue', () => {
  it.each([
    { from: '2026-01-01T00:00:00.000Z', cadenceDays: 1, expected: '2026-01-02T00:00:00.000Z' },
    { from: '2026-01-01T00:00:00.000Z', cadenceDays: 90, expected: '2026-04-01T00:00:00.000Z' },
    { from: '2026-01-01T12:34:56.789Z', cadenceDays: 365, expected: '2027-01-01T12:34:56.789Z' },
    { from: '2028-02-28T00:00:00.000Z', cadenceDays: 1, expected: '2028-02-29T00:00:00.000Z' },
    { from: '2026-03-28T09:00:00.000Z', cadenceDays: 2, expected: '2026-03-30T09:00:00.000Z' },
  ])('schedules $cadenceDays days after $from at $expected', ({ from, cadenceDays, expected }) => {
    expect(nextReviewDue({ from: at(from), cadenceDays })?.toISOString()).toBe(expected);
  });

  it('counts days as 24 elapsed hours, so a DST change does not move the time of day in UTC', () => {
    expect(nextReviewDue({ from: at('2026-10-24T09:00:00.000Z'), cadenceDays: 7 })?.toISOString()).toBe('2026-10-31T09:00:00.000Z');
  });

  it('never schedules a review when the cadence is null, as for a prohibited system', () => {
    expect(nextReviewDue({ from: at('2026-01-01T00:00:00.000Z'), cadenceDays: null })).toBeNull();
  });

  it.each([0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('rejects a cadence of %s days as a policy error', (cadenceDays) => {
    expect(() => nextReviewDue({ from: at('2026-01-01T00:00:00.000Z'), cadenceDays })).toThrow(RangeError);
  });

  it('does not change the date it was given', () => {
    const from = at('2026-01-01T00:00:00.000Z');
    nextReviewDue({ from, cadenceDays: 30 });
    expect(from.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });
});

describe('reviewDueOnChange', () => {
  it('lists the six change triggers of the workflow', () => {
    expect(CHANGE_TRIGGERS).toEqual(['designed', 'deployed', 'materially_changed', 'monitoring_signal', 'retired', 'reclassified']);
  });

  it.each(CHANGE_TRIGGERS.map((trigger) => ({ trigger })))('makes a review due at once when the system is $trigger', ({ trigger }) => {
    const now = at('2026-05-04T10:15:30.123Z');
    const outcome = reviewDueOnChange(trigger, now);
    expect(outcome.dueAt.getTime()).toBe(now.getTime());
    expect(outcome.dueAt).not.toBe(now);
    expect(outcome.trigger).toBe(trigger);
    expect(outcome.kind).toBe('review_cycle');
    expect(outcome.reason.length).toBeGreaterThan(20);
  });

  it('gives each trigger its own reason', () => {
    const now = at('2026-05-04T10:15:30.123Z');
    const reasons = new Set(CHANGE_TRIGGERS.map((t) => reviewDueOnChange(t, now).reason));
    expect(reasons.size).toBe(CHANGE_TRIGGERS.length);
  });
});

describe('isReviewDue', () => {
  const scheduled = at('2026-06-01T09:00:00.000Z');

  it.each([
    { now: '2026-05-01T09:00:00.000Z', due: false, when: 'a month before' },
    { now: '2026-06-01T08:59:59.999Z', due: false, when: 'one millisecond before' },
    { now: '2026-06-01T09:00:00.000Z', due: true, when: 'at the scheduled instant' },
    { now: '2026-06-01T09:00:00.001Z', due: true, when: 'one millisecond after' },
    { now: '2027-06-01T09:00:00.000Z', due: true, when: 'a year after' },
  ])('is $due $when the scheduled review', ({ now, due }) => {
    expect(isReviewDue(scheduled, at(now))).toBe(due);
  });

  it('is never due when no review was scheduled', () => {
    expect(isReviewDue(null, at('2100-01-01T00:00:00.000Z'))).toBe(false);
  });
});
