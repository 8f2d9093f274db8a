import { describe, expect, it } from 'vitest';
import { addDays, futureDateProblem, localDate, startOfLocalDate } from '../../../src/domain/calendar-dates.js';
import { snoozeProblems } from '../../../src/domain/escalation-snooze.js';

describe('calendar dates from Slack forms', () => {
  it('begin at local midnight in the workspace zone', () => {
    expect(startOfLocalDate('2026-06-01', 'UTC').toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(startOfLocalDate('2026-06-01', 'Europe/Berlin').toISOString()).toBe('2026-05-31T22:00:00.000Z');
  });

  it('are read in the zone: late evening in New York is still the same day there', () => {
    expect(localDate(new Date('2026-03-03T03:00:00Z'), 'America/New_York')).toBe('2026-03-02');
  });

  it('refuse a malformed date', () => {
    expect(() => startOfLocalDate('2026-02-30', 'UTC')).toThrow(RangeError);
  });

  it.each([
    ['', 'Choose a date.'],
    ['2026-03-02', 'Choose a date after today.'],
    ['2026-03-03', null],
    [addDays('2026-03-02', 30), null],
    [addDays('2026-03-02', 31), 'Choose a date at most 30 days ahead (until 2026-04-01).'],
  ])('as a future date, %s → %s', (date, problem) => {
    expect(futureDateProblem(date, '2026-03-02', 30)).toBe(problem);
  });
});

describe('a snooze', () => {
  it('needs a reason and a date within 90 days', () => {
    expect(snoozeProblems({ until: '2026-03-20', reason: 'On leave', today: '2026-03-02' })).toEqual({});
    expect(Object.keys(snoozeProblems({ until: '2026-07-01', reason: ' ', today: '2026-03-02' })).sort()).toEqual(['snooze_reason', 'snooze_until']);
  });
});
