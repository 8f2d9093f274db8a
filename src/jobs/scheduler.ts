import cron from 'node-cron';
import type { Logger } from 'pino';
import type { Runtime } from '../runtime.js';
import { JOBS } from './registry.js';
import { jobMetrics } from './metrics.js';

export interface Scheduler {
  stop(): void;
  /** Resolves when no job is running. */
  idle(): Promise<void>;
}

/**
 * In-process schedules. Every replica runs them; the jobs themselves make each period's work happen
 * once (unique keys in the database), so no leader election is needed.
 */
export function startScheduler(runtime: Runtime, logger: Logger): Scheduler {
  const running = new Set<Promise<unknown>>();
  const tasks = JOBS.map((job) => cron.schedule(job.schedule(runtime.config), () => {
    const end = jobMetrics.duration.startTimer({ job: job.name });
    const run = job.run(runtime, new Date())
      .finally(() => end())
      .then((summary) => logger.info({ job: job.name, summary }, 'job finished'))
      .catch((err) => logger.error({ job: job.name, err }, 'job failed'))
      .finally(() => { running.delete(run); runtime.dispatcher.kick(); });
    running.add(run);
  }, { timezone: runtime.config.timeZone, name: `aigov-${job.name}`, noOverlap: true }));
  return {
    stop: () => { for (const t of tasks) void t.stop(); },
    idle: async () => { await Promise.allSettled([...running]); },
  };
}
