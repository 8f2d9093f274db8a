import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startSlackApp, type RunningSlackApp } from './slack/app.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { registerOutboxGauges } from './outbox/metrics.js';
import { checkBotTokenAtStart } from './slack/startup-checks.js';

export interface Server {
  readonly runtime: Runtime;
  readonly port: number;
  /** Stop taking requests, finish in-flight work and deliveries, close the pool. */
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger, opts: { database?: Database; now?: () => Date } = {}): Promise<Server> {
  await checkBotTokenAtStart(config, logger);
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
  return {
    runtime,
    port: app.port,
    stop: async () => {
      scheduler?.stop();
      await app?.stop();
      await scheduler?.idle();
      await dispatcher.stop();
      await database.close();
    },
  };
}
