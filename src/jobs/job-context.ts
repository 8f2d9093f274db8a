import { SYSTEM_ACTOR_ID, type ServiceContext } from '../app/context.js';
import type { Runtime } from '../runtime.js';

/** A scheduled run acts as the system, as of a fixed instant (the CLI's --now, or the fire time). */
export function jobContext(rt: Runtime, job: string, now: Date, via: 'scheduler' | 'cli' = 'scheduler'): ServiceContext {
  return {
    db: rt.database.db,
    actor: { userId: SYSTEM_ACTOR_ID, isAdmin: true, origin: via === 'cli' ? { via: 'cli', command: job } : { via: 'scheduler', job } },
    now: () => now,
    logger: rt.logger.child({ job }),
    policy: rt.policy,
    afterCommit: () => rt.dispatcher.kick(),
  };
}
