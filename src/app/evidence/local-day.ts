import { DateTime } from 'luxon';

/** The calendar day it is at `now` where the organisation works (AIGOV_TZ): what "today" means for evidence dates. */
export function localDay(now: Date, timeZone: string): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? now.toISOString().slice(0, 10);
}
