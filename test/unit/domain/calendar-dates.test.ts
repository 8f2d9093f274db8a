import { describe, expect, it } from 'vitest';
import { addDays, futureDateProblem, localDate, startOfLocalDate } from '../../../src/domain/calendar-dates.js';
import { snoozeProblems } from '../../../src/domain/escalation-snooze.js';
import { isKnownZone, zoneOrUtc } from '../../../src/domain/time-zones.js';
import { DateTime } from 'luxon';

describe('calendar dates from Slack forms', () => {
  it('begin at local midnight in the workspace zone', () => {
    expect(startOfLocalDate('2026-06-01', 'UTC').toISOString()).toBe('2026-06-01T00:00:00.000Z');
    expect(startOfLocalDate('2026-06-01', 'Europe/Berlin').toISOString()).toBe('2026-05-31T22:00:00.000Z');
  });

  it('are read in the zone: late evening in New York is still the same day there', () => {
    expect(localDate(new Date('2026-03-03T03:00:00Z'), 'America/New_York')).toBe('2026-03-02');
  });

  it.each([
    ['2026-03-29T00:59:59.999Z', 'Europe/London', '2026-03-29'],
    ['2026-10-25T23:30:00Z', 'Europe/London', '2026-10-25'],
    ['2026-12-31T18:14:59Z', 'Asia/Kathmandu', '2026-12-31'],
    ['2026-12-31T18:15:00Z', 'Asia/Kathmandu', '2027-01-01'],
    ['2026-06-30T10:00:00Z', 'Pacific/Kiritimati', '2026-07-01'],
    ['2026-01-01T04:59:59Z', 'America/New_York', '2025-12-31'],
    ['2026-01-01T00:00:00Z', 'Not/AZone', '2026-01-01'],
    ['2026-01-01T00:00:00Z', '', '2026-01-01'],
  ])('%s in %s is %s, as luxon reads it', (at, tz, expected) => {
    expect(localDate(new Date(at), tz)).toBe(expected);
    expect(localDate(new Date(at), tz)).toBe(DateTime.fromJSDate(new Date(at), { zone: zoneOrUtc(tz) }).toISODate());
  });

  it('know real zones from made-up ones', () => {
    expect([isKnownZone('Europe/Berlin'), isKnownZone('UTC'), isKnownZone('Not/AZone'), isKnownZone('')]).toEqual([true, true, false, false]);
    expect([zoneOrUtc('Asia/Tokyo'), zoneOrUtc('Mars/Olympus')]).toEqual(['Asia/Tokyo', 'UTC']);
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
