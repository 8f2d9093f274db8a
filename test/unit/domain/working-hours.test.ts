import { describe, expect, it } from 'vitest';
import { DEFAULT_WORKING_HOURS, nextWorkingTime } from '../../../src/domain/working-hours.js';

const next = (now: string, tz: string, hours = DEFAULT_WORKING_HOURS) => nextWorkingTime(new Date(now), tz, hours).toISOString();

describe('nextWorkingTime in UTC with the default 09:00–17:00', () => {
  it.each([
    { label: 'inside working hours, Wednesday noon', now: '2026-11-25T12:00:00.000Z', expected: '2026-11-25T12:00:00.000Z' },
    { label: 'exactly at the start of the day', now: '2026-11-25T09:00:00.000Z', expected: '2026-11-25T09:00:00.000Z' },
    { label: '1 ms before the start of the day', now: '2026-11-25T08:59:59.999Z', expected: '2026-11-25T09:00:00.000Z' },
    { label: 'just after midnight', now: '2026-11-25T00:00:00.000Z', expected: '2026-11-25T09:00:00.000Z' },
    { label: '1 ms before the end of the day', now: '2026-11-25T16:59:59.999Z', expected: '2026-11-25T16:59:59.999Z' },
    { label: 'exactly at the end of the day', now: '2026-11-25T17:00:00.000Z', expected: '2026-11-26T09:00:00.000Z' },
    { label: 'Friday evening', now: '2026-11-27T17:00:00.000Z', expected: '2026-11-30T09:00:00.000Z' },
    { label: 'Saturday noon', now: '2026-11-28T12:00:00.000Z', expected: '2026-11-30T09:00:00.000Z' },
    { label: 'Sunday just before midnight', now: '2026-11-29T23:59:59.999Z', expected: '2026-11-30T09:00:00.000Z' },
    { label: 'Monday early morning', now: '2026-11-30T06:00:00.000Z', expected: '2026-11-30T09:00:00.000Z' },
  ])('$label: $expected', ({ now, expected }) => {
    expect(next(now, 'UTC')).toBe(expected);
  });
});

describe('nextWorkingTime in other time zones', () => {
  it.each([
    { label: 'Berlin winter: 08:30 UTC is 09:30 local, inside', now: '2026-11-25T08:30:00.000Z', tz: 'Europe/Berlin', expected: '2026-11-25T08:30:00.000Z' },
    { label: 'Berlin winter: 16:00 UTC is 17:00 local, after hours', now: '2026-11-25T16:00:00.000Z', tz: 'Europe/Berlin', expected: '2026-11-26T08:00:00.000Z' },
    { label: 'Berlin summer: 07:00 UTC is 09:00 local', now: '2026-06-10T07:00:00.000Z', tz: 'Europe/Berlin', expected: '2026-06-10T07:00:00.000Z' },
    { label: 'Berlin: Friday after hours before the spring change lands on Monday summer time', now: '2026-03-27T17:00:00.000Z', tz: 'Europe/Berlin', expected: '2026-03-30T07:00:00.000Z' },
    { label: 'Berlin: Friday after hours before the autumn change lands on Monday winter time', now: '2026-10-23T16:00:00.000Z', tz: 'Europe/Berlin', expected: '2026-10-26T08:00:00.000Z' },
    { label: 'Berlin: Sunday of the autumn change', now: '2026-10-25T01:30:00.000Z', tz: 'Europe/Berlin', expected: '2026-10-26T08:00:00.000Z' },
    { label: 'New York: the Sunday clocks go forward', now: '2026-03-08T12:00:00.000Z', tz: 'America/New_York', expected: '2026-03-09T13:00:00.000Z' },
    { label: 'New York: Friday 23:00 local is already Saturday in UTC', now: '2026-11-28T04:00:00.000Z', tz: 'America/New_York', expected: '2026-11-30T14:00:00.000Z' },
    { label: 'Tokyo: Monday 08:00 local is still Sunday in UTC', now: '2026-11-29T23:00:00.000Z', tz: 'Asia/Tokyo', expected: '2026-11-30T00:00:00.000Z' },
    { label: 'Tokyo: Saturday morning local is Friday in UTC', now: '2026-11-27T23:00:00.000Z', tz: 'Asia/Tokyo', expected: '2026-11-30T00:00:00.000Z' },
    { label: 'Kolkata: half-hour offset, before hours', now: '2026-11-25T03:00:00.000Z', tz: 'Asia/Kolkata', expected: '2026-11-25T03:30:00.000Z' },
  ])('$label', ({ now, tz, expected }) => {
    expect(next(now, tz)).toBe(expected);
  });

  it.each(['Mars/Olympus_Mons', '', 'not a zone'])('falls back to UTC for the unknown zone "%s"', (tz) => {
    expect(next('2026-11-28T12:00:00.000Z', tz)).toBe('2026-11-30T09:00:00.000Z');
    expect(next('2026-11-25T12:00:00.000Z', tz)).toBe('2026-11-25T12:00:00.000Z');
  });
});

describe('nextWorkingTime with custom hours', () => {
  it.each([
    { hours: { start: 8, end: 12 }, now: '2026-11-25T12:00:00.000Z', expected: '2026-11-26T08:00:00.000Z' },
    { hours: { start: 8, end: 12 }, now: '2026-11-25T11:59:59.999Z', expected: '2026-11-25T11:59:59.999Z' },
    { hours: { start: 0, end: 24 }, now: '2026-11-25T23:59:59.999Z', expected: '2026-11-25T23:59:59.999Z' },
    { hours: { start: 0, end: 24 }, now: '2026-11-28T10:00:00.000Z', expected: '2026-11-30T00:00:00.000Z' },
  ])('from $hours.start to $hours.end at $now: $expected', ({ hours, now, expected }) => {
    expect(next(now, 'UTC', hours)).toBe(expected);
  });

  it.each([
    { start: 17, end: 9 },
    { start: 9, end: 9 },
    { start: -1, end: 17 },
    { start: 9, end: 25 },
    { start: 9.5, end: 17 },
  ])('rejects hours $start–$end', (hours) => {
    expect(() => nextWorkingTime(new Date('2026-11-25T12:00:00.000Z'), 'UTC', hours)).toThrow(RangeError);
  });

  it('returns a new Date rather than the one it was given', () => {
    const now = new Date('2026-11-25T12:00:00.000Z');
    expect(nextWorkingTime(now, 'UTC')).not.toBe(now);
  });
});
