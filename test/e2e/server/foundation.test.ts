import { describe, expect, it, test } from '../../support/fixtures.js';
import { USERS, type TestApp } from '../../support/test-app.js';

describe('the running app in HTTP mode', () => {
  let app: TestApp;
  test.beforeAll(async ({ app: testApp }) => { app = testApp; });

  it('answers /healthz with ok once migrations are applied', async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, outbox: { blocked: false } });
  });

  it('answers /healthz with 503 while the database does not answer, and recovers', async () => {
    const database = app.server.runtime.database as { ping: () => Promise<void> };
    const ping = database.ping;
    database.ping = async () => { throw new Error('connection refused'); };
    try {
      const res = await fetch(`${app.baseUrl}/healthz`);
      expect(res.status).toBe(503);
      expect(await res.json()).toEqual({ ok: false });
    } finally {
      database.ping = ping;
    }
    expect((await fetch(`${app.baseUrl}/healthz`)).status).toBe(200);
  });

  it('serves Prometheus metrics', async () => {
    const res = await fetch(`${app.baseUrl}/metrics`);
    expect(res.status).toBe(200);
    const text = await res.text();
    for (const m of ['aigov_outbox_deliveries_total', 'aigov_outbox_depth', 'aigov_outbox_oldest_age_seconds', 'aigov_slack_request_seconds', 'aigov_job_seconds']) expect(text).toContain(m);
  });

  it('answers /aigov help ephemerally with the commands', async () => {
    const res = await app.slack.slashCommand({ user: USERS.requester, text: 'help' });
    expect(res.status).toBe(200);
    expect(res.body.response_type).toBe('ephemeral');
    for (const cmd of ['new', 'mine', 'status', 'help']) expect(res.body.text).toContain(`/aigov ${cmd}`);
  });

  it('answers an unknown subcommand with a hint and escapes what the user typed', async () => {
    const res = await app.slack.slashCommand({ user: USERS.requester, text: '<!channel>' });
    expect(res.status).toBe(200);
    expect(res.body.text).toContain('&lt;!channel&gt;');
    expect(res.body.text).not.toContain('<!channel>');
  });

  it.each(['none', 'bad'] as const)('refuses a request with a %s signature with 401 and calls nothing', async (signature) => {
    const mark = app.fake.mark();
    const res = await app.slack.slashCommand({ user: USERS.requester, text: 'new' }, { signature });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 300));
    expect(app.fake.since(mark).filter((c) => c.method !== 'auth.test')).toEqual([]);
  });

  it('refuses a request signed more than five minutes ago with 401', async () => {
    const mark = app.fake.mark();
    const res = await app.slack.slashCommand({ user: USERS.requester, text: 'new' }, { stale: true });
    expect(res.status).toBe(401);
    expect(app.fake.since(mark).filter((c) => c.method !== 'auth.test')).toEqual([]);
  });
});
