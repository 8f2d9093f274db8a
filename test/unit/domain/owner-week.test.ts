import { describe, expect, it } from 'vitest';
import { weeklyDeliveryTime, weekStartDate } from '../../../src/domain/owner-week.js';

// 2026-03-02 is a Monday.
describe("when an owner's week reaches them", () => {
  it.each([
    ['New York, before their Monday starts', '2026-03-02T06:00:00Z', 'America/New_York', '2026-03-02T14:00:00.000Z'],
    ['London, before nine', '2026-03-02T06:00:00Z', 'Europe/London', '2026-03-02T09:00:00.000Z'],
    ['Tokyo, during their Monday afternoon', '2026-03-02T06:00:00Z', 'Asia/Tokyo', '2026-03-02T06:00:00.000Z'],
    ['Tokyo, after their Monday has ended', '2026-03-02T10:00:00Z', 'Asia/Tokyo', '2026-03-03T00:00:00.000Z'],
    ['Berlin, on a Sunday evening run', '2026-03-01T20:00:00Z', 'Europe/Berlin', '2026-03-02T08:00:00.000Z'],
  ])('in %s', (_label, now, tz, expected) => {
    expect(weeklyDeliveryTime(new Date(now), tz).toISOString()).toBe(expected);
  });

  it('falls back to UTC for a zone Slack did not give', () => {
    expect(weeklyDeliveryTime(new Date('2026-03-02T06:00:00Z'), 'Mars/Olympus').toISOString()).toBe('2026-03-02T09:00:00.000Z');
  });
});

describe('the week an owner is told about', () => {
  it.each([
    ['2026-03-02T00:00:00Z', 'UTC', '2026-03-02'],
    ['2026-03-08T23:59:59Z', 'UTC', '2026-03-02'],
    ['2026-03-08T23:30:00Z', 'Europe/Berlin', '2026-03-09'],
  ])('for %s in %s starts on Monday %s', (now, tz, monday) => {
    expect(weekStartDate(new Date(now), tz)).toBe(monday);
  });
});
