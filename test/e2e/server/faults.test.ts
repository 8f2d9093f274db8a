import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq, inArray, sql } from 'drizzle-orm';
import { startTestApp, USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { openIntake, registerThroughModal, submit, systemDetailsValues } from '../../support/intake-flow.js';
import { aiSystems, outboxMessages } from '../../../src/db/schema/index.js';
import { staticSelectValue } from '../../support/view-state.js';
import { onPostgres, createTestDatabase } from '../../support/test-db.js';
import { startTcpProxy } from '../../support/tcp-proxy.js';
import { startFakeSlack } from '../../support/fake-slack.js';
import { loadConfig } from '../../../src/config.js';
import { startServer } from '../../../src/server.js';
import { openDatabase } from '../../../src/db/client.js';
import { silentLogger } from '../../support/logger.js';
import { SlackTestClient } from '../../support/slack-client.js';
import { runSweep } from '../../../src/app/sweep/run-sweep.js';
import { postDigest } from '../../../src/app/digest/post-digest.js';
import { jobContext } from '../../../src/jobs/job-context.js';

describe('when Slack is down during an intake', () => {
  let app: TestApp;
  test.beforeAll(async ({ app: testApp }) => { app = testApp; });

  it('the submission still succeeds, and the messages arrive once after Slack recovers', async () => {
    const start = await openIntake(app, USERS.requester);
    app.fake.failNext('chat.postMessage', { status: 503 }, 1000);
    const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
    const step3 = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'Outage-proof bot' }));
    const mark = app.fake.mark();
    const done = await submit(app, USERS.requester, step3.next!, {});
    expect(done.body?.response_action).toBe('clear');
    await new Promise((r) => setTimeout(r, 300));
    expect(app.fake.since(mark, 'chat.postMessage').filter((c) => c.ok)).toHaveLength(0);
    // Not delivered: waiting for their next attempt, or in the middle of one (drawing a message reads the record first).
    const waiting = await app.database.db.select().from(outboxMessages).where(inArray(outboxMessages.status, ['pending', 'sending']));
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    app.fake.clearFaults();
    // The 503s pushed the messages into backoff; bring their next attempt forward as time passing would.
    await app.database.db.update(outboxMessages).set({ nextAttemptAt: new Date() }).where(eq(outboxMessages.status, 'pending'));
    await app.deliver();
    const delivered = app.fake.since(mark, 'chat.postMessage').filter((c) => c.ok);
    expect(delivered.filter((c) => c.args.channel === CHANNELS.intake)).toHaveLength(1);
    expect(delivered.filter((c) => c.args.channel === USERS.owner)).toHaveLength(1);
  });
});

describe.runIf(onPostgres())('when PostgreSQL goes away while the app runs', () => {
  it('answers in the modal with a clear error, stores nothing, and recovers without a restart', async () => {
    const database = await createTestDatabase();
    const target = new URL(database.url!);
    const proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const proxied = new URL(database.url!);
    proxied.port = String(proxy.port);
    const app = await startTestApp({ database: await openDatabase({ url: proxied.toString(), poolSize: 3 }) });
    try {
      const start = await openIntake(app, USERS.requester);
      const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
      proxy.cut();
      const during = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'Written during outage' }));
      expect(during.res.ms).toBeLessThan(3000);
      expect(during.body?.response_action, JSON.stringify(during.body)).toBe('errors');
      expect(during.body?.errors?.name).toMatch(/could not save this just now.*nothing was stored/);
      const health = await fetch(`${app.baseUrl}/healthz`);
      expect(health.status).toBe(503);
      proxy.restore();
      // Connections broken by the outage are replaced on use; allow the pool a moment to do so.
      let after = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'Written after outage' }));
      for (let i = 0; i < 5 && after.body?.response_action !== 'push'; i++) {
        await new Promise((r) => setTimeout(r, 500));
        after = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'Written after outage' }));
      }
      expect(after.body?.response_action, JSON.stringify(after.body)).toBe('push');
      expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
      expect(await database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Written during outage'))).toHaveLength(0);
    } finally {
      await app.stop();
      await proxy.close();
      await database.close();
    }
  }, 60_000);
});

describe.runIf(onPostgres())('two replicas on one database', () => {
  it('deliver every outbox message once and run each schedule once', async () => {
    const fake = await startFakeSlack();
    const database = await createTestDatabase();
    const env = {
      SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'replica-secret', SLACK_API_URL: fake.apiUrl, PORT: '0', DATABASE_URL: database.url!,
      AIGOV_GOVERNANCE_CHANNEL: CHANNELS.governance, AIGOV_INTAKE_CHANNEL: CHANNELS.intake, AIGOV_ADMINS: USERS.admin, AIGOV_SCHEDULER: 'off', AIGOV_CANVASES: 'off',
    };
    const config = loadConfig(env, 'server');
    const [a, b] = await Promise.all([startServer(config, silentLogger), startServer(config, silentLogger)]);
    try {
      const app = { fake, slack: new SlackTestClient({ baseUrl: `http://127.0.0.1:${a.port}`, signingSecret: 'replica-secret', fake }), database, deliver: async () => {} } as unknown as TestApp;
      for (const name of ['Replica one', 'Replica two', 'Replica three']) await registerThroughModal(app, USERS.requester, { name });
      const later = new Date(Date.now() + 400 * 86_400_000);
      await Promise.all([a, b].flatMap((s) => [runSweep({ ctx: jobContext(s.runtime, 'sweep', later) }), postDigest({ ctx: jobContext(s.runtime, 'digest', later), input: { cron: '0 9 * * 1' } })]));
      await Promise.all([a.runtime.dispatcher.drain(20_000), b.runtime.dispatcher.drain(20_000)]);
      const rows = await database.db.select({ status: outboxMessages.status, n: sql<number>`count(*)::int` }).from(outboxMessages).groupBy(outboxMessages.status);
      const stuck = await database.db.select().from(outboxMessages).where(sql`status not in ('sent', 'superseded') and next_attempt_at <= now()`);
      expect(stuck.map((r) => [r.idempotencyKey, r.nextAttemptAt, r.lastError])).toEqual([]);
      const sent = rows.find((r) => r.status === 'sent')!.n;
      const posts = fake.calls('chat.postMessage').filter((c) => c.ok);
      expect(posts).toHaveLength(sent);
      const digests = posts.filter((c) => String(c.args.text).startsWith('AI governance digest'));
      expect(digests).toHaveLength(1);
      const escalationTexts = posts.filter((c) => String(c.args.text).startsWith('Level')).map((c) => c.args.text);
      expect(escalationTexts.length).toBeGreaterThan(0);
      expect(new Set(escalationTexts).size).toBe(escalationTexts.length);
    } finally {
      await Promise.all([a.stop(), b.stop()]);
      await database.close();
      await fake.close();
    }
  }, 90_000);
});
