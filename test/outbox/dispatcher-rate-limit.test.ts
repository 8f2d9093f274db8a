import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { outboxMessages } from '../../src/db/schema/index.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { createSlackGateway } from '../../src/slack/gateway.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { silentLogger } from '../support/logger.js';
import { testRenderer } from '../support/event-renderer.js';

describe('the outbox dispatcher under Slack rate limits', () => {
  let database: Database;
  let fake: FakeSlack;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; fake = await startFakeSlack(); });
  afterAll(async () => { await fake?.close(); });

  it('resumes after the Retry-After pause even while more messages keep falling due, spending no attempts', async () => {
    for (let i = 0; i < 20; i++) {
      await enqueue(database.db, { kind: 'slack.post.v1', channel: `U0RATE${i}`, text: `paced ${i}` }, { idempotencyKey: `paced-${i}` });
    }
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const dispatcher = new OutboxDispatcher({ db: database.db, renderer: testRenderer(database.db), gateway: createSlackGateway({ token: 'xoxb-test', apiUrl: fake.apiUrl }), logger: silentLogger });

    const { pending } = await dispatcher.drain(20_000);

    const posted = fake.calls('chat.postMessage').filter((c) => c.ok).map((c) => c.args.text);
    expect(pending).toBe(0);
    expect(posted).toHaveLength(20);
    expect(new Set(posted).size).toBe(20);
    const attempts = await database.db.select({ n: outboxMessages.attempts }).from(outboxMessages).where(sql`${outboxMessages.idempotencyKey} like 'paced-%'`);
    expect(attempts.map((r) => r.n)).toEqual(new Array(20).fill(1));
  });

  it('delivers a backlog at a sliding-window limit without losing or repeating a message', async () => {
    fake.reset();
    fake.limit('chat.postMessage', 600, { windowMs: 1000 });
    for (let i = 0; i < 25; i++) {
      await enqueue(database.db, { kind: 'slack.post.v1', channel: `U0WIN${i}`, text: `windowed ${i}` }, { idempotencyKey: `windowed-${i}` });
    }
    const dispatcher = new OutboxDispatcher({ db: database.db, renderer: testRenderer(database.db), gateway: createSlackGateway({ token: 'xoxb-test', apiUrl: fake.apiUrl }), logger: silentLogger });

    const { pending } = await dispatcher.drain(20_000);

    const calls = fake.calls('chat.postMessage');
    const posted = calls.filter((c) => c.ok).map((c) => c.args.text);
    expect(pending).toBe(0);
    expect(calls.some((c) => c.status === 429)).toBe(true);
    expect(posted.sort()).toEqual(Array.from({ length: 25 }, (_, i) => `windowed ${i}`).sort());
  });
});
