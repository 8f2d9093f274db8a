import { DateTime } from 'luxon';
import { zoneOrUtc } from './time-zones.js';

/** Whole local hours: work runs from `start` (inclusive) to `end` (exclusive), Monday to Friday. */
export interface WorkingHours {
  start: number;
  end: number;
}

export const DEFAULT_WORKING_HOURS: Readonly<WorkingHours> = Object.freeze({ start: 9, end: 17 });

const SATURDAY = 6;

/**
 * When a message to a person should go out: `now` if it is a working hour in their zone, otherwise the
 * start of the next working day. Public holidays are not known here. An unknown zone falls back to UTC,
 * because a late message is better than none.
 */
export function nextWorkingTime(now: Date, tz: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  assertHours(hours);
  const zone = zoneOrUtc(tz);
  const local = DateTime.fromJSDate(now, { zone });
  const workingDay = isWeekday(local);
  if (workingDay && local.hour >= hours.start && local.hour < hours.end) return new Date(now.getTime());

  let day = local.startOf('day');
  if (!(workingDay && local.hour < hours.start)) day = day.plus({ days: 1 });
  while (!isWeekday(day)) day = day.plus({ days: 1 });
  return day.set({ hour: hours.start, minute: 0, second: 0, millisecond: 0 }).toJSDate();
}

function isWeekday(at: DateTime): boolean {
  return at.weekday < SATURDAY;
}

function assertHours({ start, end }: WorkingHours): void {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > 24 || start >= end) {
    throw new RangeError(`working hours need whole hours with 0 ≤ start < end ≤ 24 (got ${start}–${end})`);
  }
}
