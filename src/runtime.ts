import type { Logger } from 'pino';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import type { Policy } from './app/context.js';
import { createSlackGateway, type SlackGateway } from './slack/gateway.js';
import { OutboxDispatcher } from './outbox/dispatcher.js';
import { createEventRenderer } from './slack/render/index.js';
import { seedCatalog } from './db/seed-catalog.js';
import { DEFAULT_CLASSIFICATION_POLICY } from './domain/classify-intake.js';
import { DEFAULT_ESCALATION_POLICY } from './domain/escalation-ladder.js';

/** The pieces both the server and the CLI stand on. */
export interface Runtime {
  readonly config: Config;
  readonly database: Database;
  readonly gateway: SlackGateway;
  readonly dispatcher: OutboxDispatcher;
  readonly policy: Policy;
  readonly logger: Logger;
}

export function policyFrom(config: Config): Policy {
  return {
    governanceChannel: config.channels.governance,
    intakeChannel: config.channels.intake,
    admins: config.admins,
    timeZone: config.timeZone,
    evidenceDueDays: 14,
    classification: DEFAULT_CLASSIFICATION_POLICY,
    escalation: DEFAULT_ESCALATION_POLICY,
    digestCron: config.schedules.digestCron,
    canvases: config.canvases,
  };
}

/** Opens the database and applies migrations: nothing runs against a schema older than the code. */
export async function openMigratedDatabase(config: Pick<Config, 'database'>, logger: Logger, existing?: Database): Promise<Database> {
  const database = existing ?? await openDatabase({ url: config.database.url, dataDir: config.database.dataDir });
  const started = Date.now();
  await database.migrate();
  await seedCatalog(database.db);
  logger.info({ database: database.kind, where: database.where, ms: Date.now() - started }, 'database ready');
  return database;
}

/** `outboxClock` lets a test run the outbox's waits (backoff, probes) on its own time; it defaults to the wall clock. */
export async function createRuntime(config: Config, logger: Logger, existing?: Database, opts: { outboxClock?: () => Date } = {}): Promise<Runtime> {
  const database = await openMigratedDatabase(config, logger, existing);
  const gateway = createSlackGateway({ token: config.slack.botToken, apiUrl: config.slack.apiUrl });
  const policy = policyFrom(config);
  const outboxLogger = logger.child({ component: 'outbox' });
  const renderer = createEventRenderer({ db: database.db, policy, logger: outboxLogger });
  const dispatcher = new OutboxDispatcher({ db: database.db, gateway, renderer, logger: outboxLogger, ...(opts.outboxClock ? { clock: opts.outboxClock } : {}) });
  return { config, database, gateway, dispatcher, policy, logger };
}
