import { DateTime } from 'luxon';
import { zoneOrUtc } from './time-zones.js';
import { DEFAULT_WORKING_HOURS, nextWorkingTime, type WorkingHours } from './working-hours.js';

/**
 * When an owner's weekly summary should reach them: the start of Monday's working day in their zone,
 * or, if that has passed, their next working hour. Never in the night, whatever the server's zone.
 */
export function weeklyDeliveryTime(now: Date, tz: string, hours: WorkingHours = DEFAULT_WORKING_HOURS): Date {
  const zone = zoneOrUtc(tz);
  // Luxon weeks start on Monday (ISO 8601).
  const monday = DateTime.fromJSDate(now, { zone }).startOf('week').set({ hour: hours.start });
  if (monday.toMillis() >= now.getTime()) return monday.toJSDate();
  return nextWorkingTime(now, zone, hours);
}

/** The Monday (calendar date, in the schedule's zone) of the week an instant falls in: one summary per owner per week. */
export function weekStartDate(now: Date, tz: string): string {
  return DateTime.fromJSDate(now, { zone: zoneOrUtc(tz) }).startOf('week').toISODate()!;
}
