import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { like } from 'drizzle-orm';
import { pino } from 'pino';
import { outboxMessages } from '../../src/db/schema/index.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import type { Database } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { createTestDatabase } from '../support/test-db.js';
import { runAigov, testRuntime } from '../support/test-runtime.js';
import { DAY, quietSystem } from '../support/governance-fixtures.js';

interface LogLine { level: number; msg: string; reason?: string }

describe('when Slack revokes the app token for two minutes', () => {
  let app: TestApp;
  const logs: LogLine[] = [];
  // The outbox's own time: backoff and probes follow it, so two minutes pass in a few seconds.
  let nowMs = Date.now();
  const step = async (ms: number) => {
    nowMs += ms;
    await app.server.runtime.dispatcher.runOnce();
  };
  const health = async () => {
    const res = await fetch(`${app.baseUrl}/healthz`);
    return { status: res.status, body: await res.json() as { ok: boolean; outbox: { blocked: boolean; reason?: string } } };
  };
  const metric = async (name: string) => {
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    return Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);
  };
  const rows = () => app.database.db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, 'revoked-%'));
  const post = (i: number) => enqueue(app.database.db, { kind: 'slack.post.v1', channel: `U0REVOKED${i}`, text: `revoked ${i}` }, { idempotencyKey: `revoked-${i}` });

  beforeAll(async () => {
    const logger = pino({ level: 'info' }, { write: (line: string) => { logs.push(JSON.parse(line) as LogLine); } });
    app = await startTestApp({ outboxClock: () => new Date(nowMs), logger });
    // The test drives the outbox itself, step by step, rather than racing the server's poll loop.
    await app.server.runtime.dispatcher.stop();
  });
  afterAll(async () => { await app?.stop(); });

  it('pauses the outbox, says so on /healthz and /metrics, and delivers every message once after the token is restored', async () => {
    app.fake.revokeToken();
    for (let i = 0; i < 6; i++) await post(i);
    nowMs = Date.now();
    const mark = app.fake.mark();

    await step(0);
    // One message was refused, for the app's sake: it and the rest stay queued, no attempt spent, none dead.
    expect(app.fake.since(mark, 'chat.postMessage')).toHaveLength(1);
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual(new Array(6).fill(['pending', 0]));
    expect(await health()).toEqual({ status: 200, body: { ok: true, outbox: expect.objectContaining({ blocked: true, reason: 'token_revoked' }) } });
    expect(await metric('aigov_outbox_blocked')).toBe(1);
    expect(await metric('aigov_outbox_blocked_total')).toBe(1);

    // Two minutes of fake time, a second at a time; more messages fall due meanwhile.
    for (let s = 1; s <= 120; s++) {
      if (s === 60) for (let i = 6; i < 10; i++) await post(i);
      await step(1000);
    }
    expect(app.fake.since(mark, 'chat.postMessage')).toHaveLength(1);
    // Probes 5, 15, 35 and 75 s after the refusal (5 s doubling); the next is due at 155 s.
    expect(app.fake.since(mark, 'auth.test').map((c) => c.response?.error)).toEqual(new Array(4).fill('token_revoked'));
    expect((await rows()).every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    expect((await health()).body.outbox).toMatchObject({ blocked: true, reason: 'token_revoked' });

    app.fake.restoreToken();
    for (let s = 121; s <= 160 && (await rows()).some((r) => r.status !== 'sent'); s++) await step(1000);

    const delivered = app.fake.since(mark, 'chat.postMessage').filter((c) => c.ok).map((c) => c.args.text);
    expect(delivered.sort()).toEqual(Array.from({ length: 10 }, (_, i) => `revoked ${i}`).sort());
    expect((await rows()).map((r) => [r.status, r.attempts])).toEqual(new Array(10).fill(['sent', 1]));
    expect(app.fake.since(mark, 'auth.test').filter((c) => c.ok)).toHaveLength(1);
    expect(await health()).toEqual({ status: 200, body: { ok: true, outbox: { blocked: false } } });
    // The gauges are read at most once a second.
    await new Promise((r) => setTimeout(r, 1100));
    expect(await metric('aigov_outbox_blocked')).toBe(0);
    expect(await metric('aigov_outbox_blocked_total')).toBe(1);
    expect(logs.filter((l) => l.level === 50).map((l) => l.reason)).toEqual(['token_revoked']);
    expect(logs.filter((l) => l.level === 30 && /^Slack accepts the app again/.test(l.msg))).toHaveLength(1);
  });
});

describe('a CLI run while Slack refuses the app', () => {
  const T = new Date('2026-03-02T10:00:00Z');
  let database: Database;
  let fake: FakeSlack;
  beforeAll(async () => {
    database = await createTestDatabase();
    fake = await startFakeSlack();
    await quietSystem(database.db, 'Blocked-outbox system', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
  });
  afterAll(async () => { await database?.close(); await fake?.close(); });

  it('stops delivering at the first refusal, says why in one line, exits 1, and keeps the messages queued', async () => {
    const runtime = await testRuntime(database, fake.apiUrl);
    fake.revokeToken('account_inactive');
    try {
      const started = Date.now();
      const result = await runAigov(runtime, ['sweep', '--now', new Date(T.getTime() + 7 * DAY).toISOString()]);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^aigov: sweep as of .*queued (\d+) Slack messages, delivered 0, still pending \1: Slack at 127\.0\.0\.1:\d+ refuses the app itself \(account_inactive\): check SLACK_BOT_TOKEN and that the app is still installed; the messages stay queued and the server delivers them once Slack accepts the app again\n$/);
      expect(fake.calls('chat.postMessage')).toHaveLength(1);
      const queued = await database.db.select().from(outboxMessages);
      expect(queued.length).toBeGreaterThanOrEqual(2);
      expect(queued.every((r) => r.status === 'pending' && r.attempts === 0)).toBe(true);
    } finally {
      await runtime.dispatcher.stop();
    }
    fake.restoreToken();
    const next = await testRuntime(database, fake.apiUrl);
    try {
      const drained = await next.dispatcher.drain(10_000);
      expect(drained).toMatchObject({ pending: 0, dead: 0, blocked: undefined });
    } finally {
      await next.dispatcher.stop();
    }
  });
});
