import { describe, expect, it } from 'vitest';
import { periodContaining, validateCron } from '../../../src/domain/schedule-period.js';

const WEEKLY_MONDAY_9 = '0 9 * * 1';
const HOURLY = '0 * * * *';

const period = (now: string, cron: string, tz: string) => {
  const p = periodContaining(new Date(now), cron, tz);
  return { key: p.key, start: p.start.toISOString(), end: p.end.toISOString() };
};

describe('periodContaining, weekly Monday 09:00 in UTC', () => {
  it.each([
    { label: 'midweek', now: '2026-11-25T12:00:00.000Z', key: '2026-11-23T09:00', start: '2026-11-23T09:00:00.000Z', end: '2026-11-30T09:00:00.000Z' },
    { label: 'exactly at the fire time', now: '2026-11-23T09:00:00.000Z', key: '2026-11-23T09:00', start: '2026-11-23T09:00:00.000Z', end: '2026-11-30T09:00:00.000Z' },
    { label: '1 ms after the fire time', now: '2026-11-23T09:00:00.001Z', key: '2026-11-23T09:00', start: '2026-11-23T09:00:00.000Z', end: '2026-11-30T09:00:00.000Z' },
    { label: '1 ms before the fire time', now: '2026-11-23T08:59:59.999Z', key: '2026-11-16T09:00', start: '2026-11-16T09:00:00.000Z', end: '2026-11-23T09:00:00.000Z' },
    { label: '1 ms before the next fire time', now: '2026-11-30T08:59:59.999Z', key: '2026-11-23T09:00', start: '2026-11-23T09:00:00.000Z', end: '2026-11-30T09:00:00.000Z' },
    { label: 'across a year end', now: '2027-01-01T00:00:00.000Z', key: '2026-12-28T09:00', start: '2026-12-28T09:00:00.000Z', end: '2027-01-04T09:00:00.000Z' },
  ])('$label: period $key', ({ now, key, start, end }) => {
    expect(period(now, WEEKLY_MONDAY_9, 'UTC')).toEqual({ key, start, end });
  });
});

describe('periodContaining, weekly Monday 09:00 in Europe/Berlin across DST', () => {
  it.each([
    {
      label: 'the week clocks go forward is one hour short',
      now: '2026-03-25T12:00:00.000Z',
      key: '2026-03-23T09:00',
      start: '2026-03-23T08:00:00.000Z',
      end: '2026-03-30T07:00:00.000Z',
    },
    {
      label: '1 ms before the first summer-time fire',
      now: '2026-03-30T06:59:59.999Z',
      key: '2026-03-23T09:00',
      start: '2026-03-23T08:00:00.000Z',
      end: '2026-03-30T07:00:00.000Z',
    },
    {
      label: 'exactly at the first summer-time fire',
      now: '2026-03-30T07:00:00.000Z',
      key: '2026-03-30T09:00',
      start: '2026-03-30T07:00:00.000Z',
      end: '2026-04-06T07:00:00.000Z',
    },
    {
      label: 'inside the repeated autumn hour',
      now: '2026-10-25T01:30:00.000Z',
      key: '2026-10-19T09:00',
      start: '2026-10-19T07:00:00.000Z',
      end: '2026-10-26T08:00:00.000Z',
    },
    {
      label: 'exactly at the first winter-time fire',
      now: '2026-10-26T08:00:00.000Z',
      key: '2026-10-26T09:00',
      start: '2026-10-26T08:00:00.000Z',
      end: '2026-11-02T08:00:00.000Z',
    },
    {
      label: 'at 09:00 UTC, which is 10:00 in Berlin in winter',
      now: '2026-11-23T09:00:00.000Z',
      key: '2026-11-23T09:00',
      start: '2026-11-23T08:00:00.000Z',
      end: '2026-11-30T08:00:00.000Z',
    },
  ])('$label', ({ now, key, start, end }) => {
    expect(period(now, WEEKLY_MONDAY_9, 'Europe/Berlin')).toEqual({ key, start, end });
  });

  it('keeps the week with the autumn change one hour long', () => {
    const p = periodContaining(new Date('2026-10-22T12:00:00.000Z'), WEEKLY_MONDAY_9, 'Europe/Berlin');
    expect(p.end.getTime() - p.start.getTime()).toBe((7 * 24 + 1) * 3_600_000);
  });
});

describe('periodContaining, hourly', () => {
  it.each([
    { label: 'half past', now: '2026-11-23T10:30:00.000Z', tz: 'UTC', key: '2026-11-23T10:00', start: '2026-11-23T10:00:00.000Z', end: '2026-11-23T11:00:00.000Z' },
    { label: 'exactly on the hour', now: '2026-11-23T10:00:00.000Z', tz: 'UTC', key: '2026-11-23T10:00', start: '2026-11-23T10:00:00.000Z', end: '2026-11-23T11:00:00.000Z' },
    { label: '1 ms before the hour', now: '2026-11-23T09:59:59.999Z', tz: 'UTC', key: '2026-11-23T09:00', start: '2026-11-23T09:00:00.000Z', end: '2026-11-23T10:00:00.000Z' },
    { label: 'across midnight', now: '2026-12-31T23:59:59.999Z', tz: 'UTC', key: '2026-12-31T23:00', start: '2026-12-31T23:00:00.000Z', end: '2027-01-01T00:00:00.000Z' },
    { label: 'in a half-hour-offset zone', now: '2026-11-23T10:10:00.000Z', tz: 'Asia/Kolkata', key: '2026-11-23T15:00', start: '2026-11-23T09:30:00.000Z', end: '2026-11-23T10:30:00.000Z' },
    {
      label: 'in the first pass of the repeated autumn hour in Berlin',
      now: '2026-10-25T00:30:00.000Z',
      tz: 'Europe/Berlin',
      key: '2026-10-25T02:00+02:00',
      start: '2026-10-25T00:00:00.000Z',
      end: '2026-10-25T01:00:00.000Z',
    },
    {
      label: 'in the second pass of the repeated autumn hour in Berlin',
      now: '2026-10-25T01:30:00.000Z',
      tz: 'Europe/Berlin',
      key: '2026-10-25T02:00+01:00',
      start: '2026-10-25T01:00:00.000Z',
      end: '2026-10-25T02:00:00.000Z',
    },
    { label: 'after the repeated hour in Berlin', now: '2026-10-25T02:30:00.000Z', tz: 'Europe/Berlin', key: '2026-10-25T03:00', start: '2026-10-25T02:00:00.000Z', end: '2026-10-25T03:00:00.000Z' },
    { label: 'just before the spring gap in Berlin', now: '2026-03-29T00:59:59.999Z', tz: 'Europe/Berlin', key: '2026-03-29T01:00', start: '2026-03-29T00:00:00.000Z', end: '2026-03-29T01:00:00.000Z' },
    { label: 'just after the spring gap in Berlin', now: '2026-03-29T01:00:00.000Z', tz: 'Europe/Berlin', key: '2026-03-29T03:00', start: '2026-03-29T01:00:00.000Z', end: '2026-03-29T02:00:00.000Z' },
  ])('$label: period $key', ({ now, tz, key, start, end }) => {
    expect(period(now, HOURLY, tz)).toEqual({ key, start, end });
  });
});

describe('periodContaining, a daily fire inside the DST change hour in Berlin', () => {
  const DAILY_0230 = '30 2 * * *';

  it.each([
    { now: '2026-10-25T00:29:59.999Z', key: '2026-10-24T02:30', start: '2026-10-24T00:30:00.000Z', end: '2026-10-25T00:30:00.000Z' },
    { now: '2026-10-25T00:30:00.000Z', key: '2026-10-25T02:30+02:00', start: '2026-10-25T00:30:00.000Z', end: '2026-10-26T01:30:00.000Z' },
    { now: '2026-10-25T01:30:00.000Z', key: '2026-10-25T02:30+02:00', start: '2026-10-25T00:30:00.000Z', end: '2026-10-26T01:30:00.000Z' },
    { now: '2026-10-25T12:00:00.000Z', key: '2026-10-25T02:30+02:00', start: '2026-10-25T00:30:00.000Z', end: '2026-10-26T01:30:00.000Z' },
  ])('fires once on the autumn day: at $now the period is $key', ({ now, key, start, end }) => {
    expect(period(now, DAILY_0230, 'Europe/Berlin')).toEqual({ key, start, end });
  });

  it.each([
    { now: '2026-03-29T01:29:59.999Z', key: '2026-03-28T02:30', start: '2026-03-28T01:30:00.000Z', end: '2026-03-29T01:30:00.000Z' },
    { now: '2026-03-29T01:30:00.000Z', key: '2026-03-29T03:30', start: '2026-03-29T01:30:00.000Z', end: '2026-03-30T00:30:00.000Z' },
    { now: '2026-03-29T12:00:00.000Z', key: '2026-03-29T03:30', start: '2026-03-29T01:30:00.000Z', end: '2026-03-30T00:30:00.000Z' },
  ])('fires just after the spring gap: at $now the period is $key', ({ now, key, start, end }) => {
    expect(period(now, DAILY_0230, 'Europe/Berlin')).toEqual({ key, start, end });
  });
});

describe('periodContaining invariants', () => {
  it.each([
    { cron: HOURLY, tz: 'Europe/Berlin', from: '2026-10-24T22:00:00.000Z', hours: 6, stepMinutes: 7 },
    { cron: HOURLY, tz: 'Europe/Berlin', from: '2026-03-28T22:00:00.000Z', hours: 6, stepMinutes: 7 },
    { cron: '30 2 * * *', tz: 'Europe/Berlin', from: '2026-10-24T00:00:00.000Z', hours: 72, stepMinutes: 41 },
    { cron: '30 2 * * *', tz: 'Europe/Berlin', from: '2026-03-28T00:00:00.000Z', hours: 72, stepMinutes: 41 },
    { cron: '*/20 1-3 * * *', tz: 'America/New_York', from: '2026-11-01T03:00:00.000Z', hours: 6, stepMinutes: 7 },
    { cron: '*/30 * * * *', tz: 'Australia/Lord_Howe', from: '2026-04-04T13:00:00.000Z', hours: 4, stepMinutes: 7 },
    { cron: WEEKLY_MONDAY_9, tz: 'Europe/Berlin', from: '2026-10-19T00:00:00.000Z', hours: 24 * 14, stepMinutes: 307 },
  ])('gives every instant one period that contains it, periods tile and keys are unique ($cron in $tz from $from)', ({ cron, tz, from, hours, stepMinutes }) => {
    const stepMs = stepMinutes * 60 * 1000 + 13;
    const startMs = new Date(from).getTime();
    const seen = new Map<string, string>();
    for (let t = startMs; t < startMs + hours * 3_600_000; t += stepMs) {
      const p = periodContaining(new Date(t), cron, tz);
      expect(p.start.getTime()).toBeLessThanOrEqual(t);
      expect(p.end.getTime()).toBeGreaterThan(t);
      const span = `${p.start.toISOString()}/${p.end.toISOString()}`;
      expect(seen.get(p.key) ?? span).toBe(span);
      seen.set(p.key, span);
      expect(periodContaining(p.end, cron, tz).start).toEqual(p.end);
    }
  });

  it('keys a second-level schedule to the second', () => {
    expect(periodContaining(new Date('2026-11-23T09:00:45.000Z'), '30 0 9 * * 1', 'UTC').key).toBe('2026-11-23T09:00:30');
  });

  it('rejects an invalid expression', () => {
    expect(() => periodContaining(new Date(), 'every monday', 'UTC')).toThrow(RangeError);
  });

  it('rejects an unknown time zone rather than guessing, because keys must stay stable', () => {
    expect(() => periodContaining(new Date(), HOURLY, 'Mars/Olympus_Mons')).toThrow('"Mars/Olympus_Mons" is not a known IANA time zone.');
  });
});

describe('validateCron', () => {
  it.each(['0 9 * * 1', '0 * * * *', '*/15 * * * *', '0 9 * * MON', '0 9 * * 1-5', '30 0 9 * * 1', '@weekly', '@hourly'])(
    'accepts %s',
    (expr) => {
      expect(validateCron(expr)).toBeNull();
    },
  );

  it.each([
    { expr: '', says: 'The cron expression is empty.' },
    { expr: '   ', says: 'The cron expression is empty.' },
    { expr: '61 * * * *', says: '"61 * * * *" is not a valid cron expression' },
    { expr: '0 9 * * 8', says: '"0 9 * * 8" is not a valid cron expression' },
    { expr: 'bogus', says: '"bogus" is not a valid cron expression' },
    { expr: '* * * * * * *', says: '"* * * * * * *" is not a valid cron expression' },
    { expr: '0 0 30 2 *', says: '"0 0 30 2 *" is not a valid cron expression' },
  ])('rejects "$expr" with a message', ({ expr, says }) => {
    expect(validateCron(expr)).toContain(says);
  });
});
