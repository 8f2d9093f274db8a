import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.js';
import { startServer, type Server } from '../../src/server.js';
import type { Database } from '../../src/db/client.js';
import { startFakeSlack, type FakeSlack } from './fake-slack.js';
import { SlackTestClient } from './slack-client.js';
import { createTestDatabase } from './test-db.js';
import { silentLogger } from './logger.js';
import type { Logger } from 'pino';

export const USERS = { requester: 'U0REQUEST', owner: 'U0OWNER1', owner2: 'U0OWNER2', admin: 'U0ADMIN1', stranger: 'U0STRANGER' } as const;
export const CHANNELS = { governance: 'C0GOV', intake: 'C0INTAKE' } as const;

export interface TestApp {
  readonly server: Server;
  readonly fake: FakeSlack;
  readonly slack: SlackTestClient;
  readonly database: Database;
  readonly config: Config;
  readonly baseUrl: string;
  /** Delivers every outbox message that is due, as the server's dispatcher would. */
  deliver(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real app in HTTP mode on port 0, its own database, and a fake Slack Web API on loopback.
 * Requests are signed exactly as Slack signs them.
 */
export async function startTestApp(opts: { env?: Record<string, string>; now?: () => Date; outboxClock?: () => Date; fake?: FakeSlack; database?: Database; logger?: Logger } = {}): Promise<TestApp> {
  const fake = opts.fake ?? await startFakeSlack();
  const database = opts.database ?? await createTestDatabase();
  const signingSecret = randomBytes(16).toString('hex');
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: fake.apiUrl, PORT: '0',
    AIGOV_GOVERNANCE_CHANNEL: CHANNELS.governance, AIGOV_INTAKE_CHANNEL: CHANNELS.intake, AIGOV_ADMINS: USERS.admin,
    // Canvases are off unless a test is about them: their rows and calls would crowd every other test's counts.
    AIGOV_SCHEDULER: 'off', AIGOV_TZ: 'UTC', AIGOV_CANVASES: 'off', ...opts.env,
  }, 'server');
  const server = await startServer(config, opts.logger ?? silentLogger, { database, ...(opts.now ? { now: opts.now } : {}), ...(opts.outboxClock ? { outboxClock: opts.outboxClock } : {}) });
  const baseUrl = `http://127.0.0.1:${server.port}`;
  const slack = new SlackTestClient({ baseUrl, signingSecret, fake });
  return {
    server, fake, slack, database, config, baseUrl,
    deliver: async () => { await server.runtime.dispatcher.drain(10_000); },
    stop: async () => {
      await server.stop();
      if (!opts.fake) await fake.close();
    },
  };
}
