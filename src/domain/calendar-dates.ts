import { DateTime, IANAZone } from 'luxon';

// Forms in Slack speak in calendar dates (datepicker: YYYY-MM-DD, in the user's calendar); the database
// stores instants. These convert between the two in the workspace's time zone.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const zoneOf = (tz: string) => (IANAZone.isValidZone(tz) ? tz : 'UTC');

export const isIsoDate = (s: string) => ISO_DATE.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;

/** The calendar date of an instant in a zone. */
export function localDate(at: Date, tz: string): string {
  return DateTime.fromJSDate(at, { zone: zoneOf(tz) }).toISODate()!;
}

/** The instant a calendar date begins in a zone. */
export function startOfLocalDate(date: string, tz: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
  return DateTime.fromISO(date, { zone: zoneOf(tz) }).startOf('day').toJSDate();
}

export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).plus({ days }).toISODate()!;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'UTC' }).diff(DateTime.fromISO(from, { zone: 'UTC' }), 'days').days);
}

/**
 * Why a date chosen for the future can't be used, or null: it must come after `today` and be at most
 * `maxDays` ahead, so a typo in the year does not park an item for decades.
 */
export function futureDateProblem(date: string, today: string, maxDays: number): string | null {
  if (!isIsoDate(date)) return 'Choose a date.';
  const ahead = daysBetween(today, date);
  if (ahead < 1) return 'Choose a date after today.';
  if (ahead > maxDays) return `Choose a date at most ${maxDays} days ahead (until ${addDays(today, maxDays)}).`;
  return null;
}
