import path from 'node:path';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import type { Database } from './db/client.js';
import { createRuntime, type Runtime } from './runtime.js';
import { startSlackApp, type RunningSlackApp } from './slack/app.js';
import { startScheduler, type Scheduler } from './jobs/scheduler.js';
import { registerOutboxGauges } from './outbox/metrics.js';
import { reclassifyAtStart } from './jobs/reclassify-at-start.js';
import type { ReclassifyResult } from './app/classification/reclassify-inventory.js';
import { contextFactory } from './app/context.js';
import { startCliListener, type CliListener } from './cli/remote/listener.js';
import { runCli } from './cli/main.js';
import { checkBotTokenAtStart } from './slack/startup-checks.js';

export interface Server {
  readonly runtime: Runtime;
  readonly port: number;
  /** The re-classification a start on a database classified under other rules runs once; null when there was none to do. */
  readonly reclassification: Promise<ReclassifyResult | null>;
  /** Stop taking requests, finish in-flight work and deliveries, close the pool. */
  stop(): Promise<void>;
}

export async function startServer(config: Config, logger: Logger, opts: { database?: Database; now?: () => Date; outboxClock?: () => Date } = {}): Promise<Server> {
  await checkBotTokenAtStart(config, logger);
  const runtime = await createRuntime(config, logger, opts.database, opts.outboxClock ? { outboxClock: opts.outboxClock } : {});
  const { database, dispatcher } = runtime;
  const now = opts.now ?? (() => new Date());
  let app: RunningSlackApp | undefined;
  let scheduler: Scheduler | undefined;
  let cliListener: CliListener | undefined;
  try {
    app = await startSlackApp({
      config,
      logger,
      deps: {
        contexts: contextFactory({ db: database.db, policy: runtime.policy, now, logger, afterCommit: () => dispatcher.kick() }),
        gateway: runtime.gateway, logger, policy: runtime.policy, now,
      },
      health: async () => { await database.ping(); return { ok: true, outbox: dispatcher.blockReport() }; },
    });
    // No canvas is drawn at start: a server that is only started calls Slack for nothing. The first sweep or
    // state change draws the register (and probes again when canvases were unavailable).
    dispatcher.start();
    registerOutboxGauges(() => dispatcher.health());
    scheduler = config.schedules.enabled ? startScheduler(runtime, logger) : undefined;
    cliListener = await listenForCliCommands(runtime, logger);
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
      await Promise.all([app?.stop(), cliListener?.close()]);
      await reclassification;
      await scheduler?.idle();
      await dispatcher.stop();
      await database.close();
    },
  };
}

/**
 * On the embedded database this server owns the data folder, so `aigov <command>` run beside it is carried
 * out here (see src/cli/remote/listener.ts). Without the socket the bot still works; the CLI then reports
 * the folder as busy, as before.
 */
async function listenForCliCommands(runtime: Runtime, logger: Logger): Promise<CliListener | undefined> {
  const { database } = runtime;
  if (database.kind !== 'pglite' || !path.isAbsolute(database.where)) return undefined;
  try {
    return await startCliListener({ dataDir: database.where, logger, run: (argv, io) => runCli(argv, io, { runtime: async () => runtime }) });
  } catch (err) {
    logger.warn({ err }, 'aigov CLI commands cannot reach this server; they will find the data folder busy');
    return undefined;
  }
}
