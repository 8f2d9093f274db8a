import type { Logger } from 'pino';
import type { Runtime } from '../runtime.js';
import { JOBS } from './registry.js';
import { jobMetrics } from './metrics.js';
import { startCronTimer } from './cron-timer.js';

export interface Scheduler {
  stop(): void;
  /** Resolves when no job is running. */
  idle(): Promise<void>;
}

/**
 * In-process schedules. Every replica runs them; the jobs themselves make each period's work happen
 * once (unique keys in the database), so no leader election is needed. A job still running when its next
 * fire comes skips that fire: the run in progress already covers the work.
 */
export function startScheduler(runtime: Runtime, logger: Logger): Scheduler {
  const running = new Map<string, Promise<unknown>>();
  const timers = JOBS.map((job) => startCronTimer(job.schedule(runtime.config), runtime.config.timeZone, () => {
    if (running.has(job.name)) {
      logger.warn({ job: job.name }, 'job still running at its next fire time; this fire is skipped');
      return;
    }
    const end = jobMetrics.duration.startTimer({ job: job.name });
    const run = job.run(runtime, new Date())
      .finally(() => end())
      .then((summary) => logger.info({ job: job.name, summary }, 'job finished'))
      .catch((err) => logger.error({ job: job.name, err }, 'job failed'))
      .finally(() => { running.delete(job.name); runtime.dispatcher.kick(); });
    running.set(job.name, run);
  }));
  return {
    stop: () => { for (const t of timers) t.stop(); },
    idle: async () => { await Promise.allSettled([...running.values()]); },
  };
}
