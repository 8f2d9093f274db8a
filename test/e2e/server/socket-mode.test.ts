import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { startServer, type Server } from '../../../src/server.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';
import { startFakeSocketMode } from '../../support/fake-socket-mode.js';
import { createTestDatabase } from '../../support/test-db.js';
import { silentLogger } from '../../support/logger.js';
import { slashCommand } from '../../support/slack-payloads.js';

describe('Socket Mode (an app-level token and no signing secret)', () => {
  let fake: FakeSlack;
  let socket: Awaited<ReturnType<typeof startFakeSocketMode>>;
  let server: Server;
  beforeAll(async () => {
    fake = await startFakeSlack();
    socket = await startFakeSocketMode();
    fake.setSocketModeUrl(socket.url);
    const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_APP_TOKEN: 'xapp-test', SLACK_API_URL: fake.apiUrl, AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', PORT: '0', AIGOV_SCHEDULER: 'off' }, 'server');
    server = await startServer(config, silentLogger, { database: await createTestDatabase() });
    await socket.connected();
  });
  afterAll(async () => { await server?.stop(); await socket?.close(); await fake?.close(); });

  it('connects through apps.connections.open and answers /aigov help over the socket', async () => {
    expect(fake.calls('apps.connections.open')).toHaveLength(1);
    const { payload } = slashCommand({ user: 'U0REQUEST', text: 'help', responseUrl: fake.responseUrl() });
    const ack = await socket.send('slash_commands', payload) as { response_type?: string; text?: string };
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toContain('/aigov mine');
  });

  it('opens the intake modal with the trigger from a socket envelope', async () => {
    const req = slashCommand({ user: 'U0REQUEST', text: 'new', responseUrl: fake.responseUrl() });
    await socket.send('slash_commands', req.payload);
    const opened = await fake.waitFor(() => fake.calls('views.open').find((c) => c.args.trigger_id === (req.payload as { trigger_id: string }).trigger_id), 3000);
    expect(opened.ok).toBe(true);
  });

  it('still serves /healthz on PORT', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
    expect(res.status).toBe(200);
  });
});

/** A port nothing listens on: bound, then released. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('starting with a token Slack refuses, or with Slack out of reach', () => {
  const env = (apiUrl: string, extra: Record<string, string> = {}) => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-test', SLACK_API_URL: apiUrl, AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', PORT: '0', AIGOV_SCHEDULER: 'off', ...extra }, 'server');

  it('Socket Mode: a refused app token is named, with where to make a new one', async () => {
    const fake = await startFakeSlack();
    const database = await createTestDatabase();
    try {
      fake.failNext('apps.connections.open', { error: 'invalid_auth' });
      await expect(startServer(env(fake.apiUrl, { SLACK_APP_TOKEN: 'xapp-test' }), silentLogger, { database }))
        .rejects.toThrow(/^Slack at 127\.0\.0\.1:\d+ refused SLACK_APP_TOKEN \(invalid_auth\): generate an app-level token .*connections:write/);
    } finally {
      await database.close().catch(() => {});
      await fake.close();
    }
  });

  it('Socket Mode: Slack out of reach names the host and the cause, not just "fetch failed"', async () => {
    const database = await createTestDatabase();
    const closed = await closedPort();
    try {
      await expect(startServer(env(`http://127.0.0.1:${closed}/api/`, { SLACK_APP_TOKEN: 'xapp-test' }), silentLogger, { database }))
        .rejects.toThrow(new RegExp(`^cannot reach Slack at 127\\.0\\.0\\.1:${closed} \\(fetch failed: ECONNREFUSED\\): Socket Mode needs an outbound connection to Slack; check the network, proxy and firewall, and SLACK_API_URL$`));
    } finally {
      await database.close().catch(() => {});
    }
  });
});
