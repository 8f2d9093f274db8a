import { nextFireAfter } from '../domain/schedule-period.js';

export interface CronTimer {
  stop(): void;
}

// setTimeout takes at most a signed 32-bit delay (about 24.8 days); a longer wait is slept in steps.
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Calls `fire` at each fire time of `cron` in `tz`, computed by the same function that gives the digest
 * its periods, so a job always starts at the opening of a period the digest agrees exists (a second cron
 * library would have its own idea of DST gaps and of which expressions are valid). Each fire time is
 * used once: a timer that wakes early sleeps again, and the next fire is looked up after the last one.
 * `fire` is not awaited; the caller decides what an overlapping run does.
 */
export function startCronTimer(cron: string, tz: string, fire: (at: Date) => void, clock: () => number = Date.now): CronTimer {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  let lastFire = Number.NEGATIVE_INFINITY;

  const arm = (): void => {
    if (stopped) return;
    const next = nextFireAfter(new Date(Math.max(clock(), lastFire)), cron, tz).getTime();
    timer = setTimeout(() => {
      if (clock() >= next) {
        lastFire = next;
        fire(new Date(next));
      }
      arm();
    }, Math.min(Math.max(next - clock(), 0), MAX_DELAY_MS));
    // The HTTP listener keeps the server alive; a pending schedule alone should not hold a process open.
    timer.unref();
  };

  arm();
  return {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
