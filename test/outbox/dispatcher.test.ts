import { afterAll, afterEach } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../src/db/client.js';
import { outboxMessages, slackMessages } from '../../src/db/schema/index.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import { OutboxDispatcher } from '../../src/outbox/dispatcher.js';
import { createSlackGateway } from '../../src/slack/gateway.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { onPostgres } from '../support/test-db.js';
import { silentLogger } from '../support/logger.js';
import { testRenderer } from '../support/event-renderer.js';

describe('the outbox dispatcher', () => {
  let database: Database & { url?: string };
  let fake: FakeSlack;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; fake = await startFakeSlack(); });
  afterAll(async () => { await fake?.close(); });
  afterEach(async () => { fake.clearFaults(); await database.db.execute(sql`delete from outbox_messages`); });

  const dispatcher = (db = database.db, clock?: () => Date) =>
    new OutboxDispatcher({ db, renderer: testRenderer(db), gateway: createSlackGateway({ token: 'xoxb-test', apiUrl: fake.apiUrl, timeoutMs: 2000 }), logger: silentLogger, ...(clock ? { clock } : {}) });
  const rowOf = async (key: string) => (await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key)))[0]!;
  const post = (key: string, channel = 'C0GOV', extra: object = {}) =>
    enqueue(database.db, { kind: 'slack.post.v1', channel, text: `message ${key}`, ...extra }, { idempotencyKey: key });

  it('delivers a queued message once and records the channel and ts', async () => {
    await post('a1');
    expect(await post('a1')).toBe(false);
    const mark = fake.mark();
    await dispatcher().drain(5000);
    expect(fake.since(mark, 'chat.postMessage')).toHaveLength(1);
    const row = await rowOf('a1');
    expect(row).toMatchObject({ status: 'sent', resultChannel: 'C0GOV', attempts: 1 });
    expect(row.resultTs).toMatch(/^\d+\.\d+$/);
  });

  it('waits out a 429 Retry-After without spending an attempt, then delivers', async () => {
    await post('r429');
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });
    let now = new Date();
    const d = dispatcher(database.db, () => now);
    await d.runOnce();
    const waiting = await rowOf('r429');
    expect(waiting.status).toBe('pending');
    expect(waiting.attempts).toBe(0);
    expect(waiting.nextAttemptAt.getTime() - now.getTime()).toBeGreaterThanOrEqual(7000);
    now = new Date(now.getTime() + 8000);
    const fresh = dispatcher(database.db, () => now);
    await fresh.runOnce();
    expect((await rowOf('r429')).status).toBe('sent');
  });

  it('retries a 5xx with backoff and delivers after Slack recovers', async () => {
    await post('r500');
    fake.failNext('chat.postMessage', { status: 503 }, 2);
    let now = new Date();
    const d = dispatcher(database.db, () => now);
    await d.runOnce();
    expect(await rowOf('r500')).toMatchObject({ status: 'pending', lastError: 'HTTP 503' });
    now = new Date(now.getTime() + 60_000);
    await d.runOnce();
    now = new Date(now.getTime() + 60_000);
    await d.runOnce();
    expect(await rowOf('r500')).toMatchObject({ status: 'sent', attempts: 3 });
  });

  it.each(['channel_not_found', 'not_in_channel', 'user_not_found'])('marks a message dead with the reason on %s', async (error) => {
    await post(`dead-${error}`);
    fake.failNext('chat.postMessage', { error });
    await dispatcher().runOnce();
    expect(await rowOf(`dead-${error}`)).toMatchObject({ status: 'dead', lastError: error });
  });

  it('treats a network failure as transient', async () => {
    await enqueue(database.db, { kind: 'slack.post.v1', channel: 'C0GOV', text: 'x' }, { idempotencyKey: 'net' });
    const broken = new OutboxDispatcher({ db: database.db, renderer: testRenderer(database.db), gateway: createSlackGateway({ token: 'xoxb-test', apiUrl: 'http://127.0.0.1:1/api/', timeoutMs: 500 }), logger: silentLogger });
    await broken.runOnce();
    expect(await rowOf('net')).toMatchObject({ status: 'pending' });
    expect((await rowOf('net')).lastError).toMatch(/request failed/);
  });

  it('edits a stored message in place once it has been posted, and holds the edit until then', async () => {
    await post('card-post', 'U0OWNER1', { storeAs: 'card:1' });
    await enqueue(database.db, { kind: 'slack.update.v1', key: 'card:1', text: 'first edit' }, { idempotencyKey: 'card-edit-1' });
    await enqueue(database.db, { kind: 'slack.update.v1', key: 'card:1', text: 'second edit' }, { idempotencyKey: 'card-edit-2' });
    expect((await rowOf('card-edit-1')).status).toBe('superseded');
    const mark = fake.mark();
    await dispatcher().drain(8000);
    const [stored] = await database.db.select().from(slackMessages).where(eq(slackMessages.key, 'card:1'));
    const updates = fake.since(mark, 'chat.update');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.args).toMatchObject({ channel: stored!.channel, ts: stored!.ts, text: 'second edit' });
  });

  it('re-delivers a message whose dispatcher died mid-delivery once its lease expires', async () => {
    await post('lease');
    await database.db.update(outboxMessages).set({ status: 'sending', lockedUntil: new Date(Date.now() - 1000), attempts: 1 }).where(eq(outboxMessages.idempotencyKey, 'lease'));
    await dispatcher().runOnce();
    expect(await rowOf('lease')).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it.runIf(onPostgres())('delivers each message exactly once with two dispatchers on separate connections', async () => {
    for (let i = 0; i < 60; i++) await post(`pair-${i}`);
    const other = await openDatabase({ url: database.url!, poolSize: 3 });
    try {
      const mark = fake.mark();
      await Promise.all([dispatcher().drain(20_000), dispatcher(other.db).drain(20_000)]);
      const texts = fake.since(mark, 'chat.postMessage').map((c) => c.args.text);
      expect(texts).toHaveLength(60);
      expect(new Set(texts).size).toBe(60);
    } finally {
      await other.close();
    }
  });
});
