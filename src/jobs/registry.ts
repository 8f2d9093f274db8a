import type { Config } from '../config.js';
import type { Runtime } from '../runtime.js';
import { runSweep } from '../app/sweep/run-sweep.js';
import { postDigest } from '../app/digest/post-digest.js';
import { sendOwnerWeeks } from '../app/sweep/send-owner-weeks.js';
import { jobContext } from './job-context.js';

export interface Job {
  readonly name: 'sweep' | 'digest';
  schedule(config: Config): string;
  /** Thin: one verb, as of `now`. The CLI runs the same function. */
  run(runtime: Runtime, now: Date): Promise<unknown>;
}

export const JOBS: readonly Job[] = [
  { name: 'sweep', schedule: (c) => c.schedules.sweepCron, run: (rt, now) => runSweep({ ctx: jobContext(rt, 'sweep', now), users: rt.gateway }) },
  // The owners' weekly DMs ride on the digest's schedule: each owner is told once per week however often it runs.
  { name: 'digest', schedule: (c) => c.schedules.digestCron, run: async (rt, now) => ({
    ...(await postDigest({ ctx: jobContext(rt, 'digest', now), input: { cron: rt.config.schedules.digestCron } })),
    ownerWeek: await sendOwnerWeeks({ ctx: jobContext(rt, 'owner-week', now), users: rt.gateway }),
  }) },
];
