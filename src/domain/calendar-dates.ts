import { DateTime } from 'luxon';
import { zoneOrUtc } from './time-zones.js';

// Forms in Slack speak in calendar dates (datepicker: YYYY-MM-DD, in the user's calendar); the database
// stores instants. These convert between the two in the workspace's time zone.

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const isIsoDate = (s: string) => ISO_DATE.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid;

// One formatter per zone: building a DateTime per instant cost a sweep more than its database writes.
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar date of an instant in a zone. */
export function localDate(at: Date, tz: string): string {
  const zone = zoneOrUtc(tz);
  let format = dateFormatters.get(zone);
  if (!format) dateFormatters.set(zone, (format = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })));
  // en-US with 2-digit fields is MM/DD/YYYY in every ICU release; format() is several times cheaper than formatToParts().
  const [month, day, year] = format.format(at).split('/');
  return `${year}-${month}-${day}`;
}

/** The instant a calendar date begins in a zone. */
export function startOfLocalDate(date: string, tz: string): Date {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
  return DateTime.fromISO(date, { zone: zoneOrUtc(tz) }).startOf('day').toJSDate();
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
