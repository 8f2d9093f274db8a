import { CronExpressionParser } from 'cron-parser';
import { DateTime } from 'luxon';
import { isKnownZone } from './time-zones.js';

/** One run of a schedule: from a fire time (inclusive) to the next one (exclusive). */
export interface SchedulePeriod {
  /** The start as local time in the schedule's zone, e.g. `2026-11-23T09:00`: stable for every instant in the period. */
  key: string;
  start: Date;
  end: Date;
}

// Jenkins-style `H` picks a random value at each parse: two replicas, or two reads of the same setting,
// would fire at different times and disagree on the period. A field that starts a list item with H is refused.
const HASHED_FIELD = /(^|,)H(?=$|[(/,])/;

/**
 * Why the expression can't be used as a schedule, or null when it can. This one judgement serves the
 * configuration check, the scheduler's fire times and the digest's periods: cron-parser computes all three,
 * so an expression accepted here runs, and one refused here is refused at start-up.
 */
export function validateCron(expr: string): string | null {
  // cron-parser reads an empty string as "every second", which no one means.
  if (expr.trim() === '') return 'The cron expression is empty.';
  if (expr.trim().split(/\s+/).some((field) => HASHED_FIELD.test(field))) {
    return `"${expr}" uses H, which picks a random time; give the minute and hour (e.g. "0 9 * * 1" for Monday 09:00).`;
  }
  try {
    const schedule = CronExpressionParser.parse(expr);
    schedule.next();
    schedule.prev();
    return null;
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `"${expr}" is not a valid cron expression (e.g. "0 9 * * 1" for Monday 09:00): ${detail}.`;
  }
}

/**
 * The first fire time strictly after `after`: the end of the period containing `after`, so a scheduler
 * that sleeps until it fires each job at the start of a new period.
 */
export function nextFireAfter(after: Date, cron: string, tz: string): Date {
  return periodContaining(after, cron, tz).end;
}

// cron-parser's answers next to a DST change depend on where its search starts: going forward it fires once
// in a repeated hour, going backward it can return the repeated fire as well. Walking forward from a fire
// well before the candidate start gives every instant the same period, whichever side of the change it is on.
const SETTLE_MS = 3 * 60 * 60 * 1000;

/**
 * The schedule period that contains `now`: start is the latest fire time at or before `now`, end the next
 * fire time after it. A `now` exactly on a fire time opens the new period. Local times that a spring-forward
 * skips fire at the first instant after the gap; a repeated hour in autumn fires once.
 *
 * Throws RangeError for an invalid expression or zone: both are configuration, checked at start-up.
 */
export function periodContaining(now: Date, cron: string, tz: string): SchedulePeriod {
  const problem = validateCron(cron);
  if (problem !== null) throw new RangeError(problem);
  if (!isKnownZone(tz)) throw new RangeError(`"${tz}" is not a known IANA time zone.`);

  const latestFire = CronExpressionParser.parse(cron, { currentDate: new Date(now.getTime() + 1), tz }).prev().toDate();
  const anchor = CronExpressionParser.parse(cron, { currentDate: new Date(latestFire.getTime() - SETTLE_MS), tz }).prev();
  const schedule = CronExpressionParser.parse(cron, { currentDate: anchor, tz });
  let start = anchor.toDate();
  let end = schedule.next().toDate();
  while (end.getTime() <= now.getTime()) {
    start = end;
    end = schedule.next().toDate();
  }
  return { key: periodKey(start, tz), start, end };
}

// Minutes are enough for ordinary schedules; seconds appear only for second-level expressions. In the
// repeated autumn hour the same local time happens twice, so the offset tells the two periods apart.
function periodKey(start: Date, tz: string): string {
  const local = DateTime.fromJSDate(start, { zone: tz });
  const time = local.toFormat(local.second === 0 ? "yyyy-LL-dd'T'HH:mm" : "yyyy-LL-dd'T'HH:mm:ss");
  return local.getPossibleOffsets().length > 1 ? `${time}${local.toFormat('ZZ')}` : time;
}
