import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startSlackApp, type RunningSlackApp } from './slack/app.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { registerOutboxGauges } from './outbox/metrics.js';
import { reclassifyAtStart } from './jobs/reclassify-at-start.js';
import type { ReclassifyResult } from './app/reclassify-inventory.js';

export interface Server {
  readonly runtime: Runtime;
  readonly port: number;
  /** The re-classification a start on a database classified under other rules runs once; null when there was none to do. */
  readonly reclassification: Promise<ReclassifyResult | null>;
  /** Stop taking requests, finish in-flight work and deliveries, close the pool. */
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger, opts: { database?: Database; now?: () => Date } = {}): Promise<Server> {
  const runtime = await createRuntime(config, logger, opts.database);
  const { database, dispatcher } = runtime;
  const now = opts.now ?? (() => new Date());
  let app: RunningSlackApp | undefined;
  let scheduler: Scheduler | undefined;
  try {
    app = await startSlackApp({
      config,
      logger,
      deps: { db: database.db, gateway: runtime.gateway, logger, policy: runtime.policy, now, kickOutbox: () => dispatcher.kick() },
      health: async () => { await database.ping(); return true; },
    });
    dispatcher.start();
    registerOutboxGauges(() => dispatcher.health());
    scheduler = config.schedules.enabled ? startScheduler(runtime, logger) : undefined;
  } catch (err) {
    await app?.stop().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
  const stopping = new AbortController();
  const reclassification = reclassifyAtStart(runtime, now(), stopping.signal).finally(() => dispatcher.kick());
  return {
    runtime,
    port: app.port,
    reclassification,
    stop: async () => {
      stopping.abort();
      scheduler?.stop();
      await app?.stop();
      await reclassification;
      await scheduler?.idle();
      await dispatcher.stop();
      await database.close();
    },
  };
}
