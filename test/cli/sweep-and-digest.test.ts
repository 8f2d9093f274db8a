import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import { eq } from 'drizzle-orm';
import { outboxMessages } from '../../src/db/schema/index.js';
import { enqueue } from '../../src/outbox/enqueue.js';
import type { Database } from '../../src/db/client.js';
import type { Runtime } from '../../src/runtime.js';
import { startFakeSlack, type FakeSlack } from '../support/fake-slack.js';
import { runAigov, testRuntime } from '../support/test-runtime.js';
import { USERS } from '../support/test-app.js';
import { DAY, quietSystem } from '../support/governance-fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const iso = (n: number) => new Date(T.getTime() + n * DAY).toISOString();

describe('aigov sweep and aigov digest', () => {
  let database: Database;
  let fake: FakeSlack;
  let runtime: Runtime;

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    fake = await startFakeSlack();
    runtime = await testRuntime(database, fake.apiUrl);
    await quietSystem(database.db, 'CLI reviewed system', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
  });
  afterAll(async () => {
    await runtime?.dispatcher.stop();
    
    await fake?.close();
  });

  it('sweeps as of --now, delivers what it queued and prints a summary', async () => {
    const result = await runAigov(runtime, ['sweep', '--now', iso(7), '--format', 'json']);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const out = JSON.parse(result.stdout) as { sweep: { reviewsOpened: number; escalated: number }; undelivered: number; queued: number; delivered: number };
    expect(out.sweep).toMatchObject({ reviewsOpened: 1, escalated: 1 });
    expect(out.undelivered).toBe(0);
    expect(out.queued).toBeGreaterThanOrEqual(2);
    expect(out.delivered).toBe(out.queued);
    const [escalation] = fake.postsTo('C0GOV');
    expect(escalation!.args.text).toContain('Level 1');
    expect(fake.dmsTo(USERS.owner).some((c) => JSON.stringify(c.args.blocks).includes('aigov_start_review'))).toBe(true);
  });

  it('posts nothing twice when the sweep runs again for the same instant', async () => {
    await runAigov(runtime, ['sweep', '--now', iso(7)]); // the first run, as the case before makes it (a no-op after it)
    const posted = fake.calls('chat.postMessage').length;
    const result = await runAigov(runtime, ['sweep', '--now', iso(7)]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`sweep as of ${iso(7)}: 0 reviews opened, 0 escalations, 0 owner reminders, 0 evidence periods expired; queued 0 Slack messages, delivered 0, still pending 0\n`);
    expect(fake.calls('chat.postMessage')).toHaveLength(posted);
  });

  it('posts the digest for the period containing --now, once', async () => {
    const first = await runAigov(runtime, ['digest', '--now', iso(7), '--format', 'json']);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout).digest).toMatchObject({ status: 'posted', period: '2026-03-09T09:00', ownerWeek: { week: '2026-03-09', owners: 1 } });
    const digests = () => fake.postsTo('C0GOV').filter((c) => String(c.args.text).startsWith('AI governance digest'));
    expect(digests()).toHaveLength(1);
    const again = await runAigov(runtime, ['digest', '--now', iso(8), '--format', 'json']);
    expect(JSON.parse(again.stdout).digest).toMatchObject({ status: 'already_posted', ownerWeek: { owners: 0 } });
    expect(digests()).toHaveLength(1);
  });

  it('says in one line what was queued and not delivered when Slack does not answer, exits 1, and stops waiting soon', async () => {
    const offline = await testRuntime(database, 'http://127.0.0.1:1/api/');
    try {
      const started = Date.now();
      const result = await runAigov(offline, ['digest', '--now', iso(14)]);
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      const lines = result.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^aigov: digest for the period of 2026-03-16T09:00: queued; .*queued (\d+) Slack messages?, delivered 0, still pending [1-9]\d*: Slack at 127\.0\.0\.1:1 did not answer \(.+\); the server delivers pending messages once Slack answers, or run this again$/);
    } finally {
      await offline.dispatcher.stop();
    }
    // What was queued is delivered by the next run that reaches Slack.
    const retried = await runAigov(runtime, ['digest', '--now', iso(14), '--format', 'json']);
    expect(retried.code).toBe(0);
    expect(JSON.parse(retried.stdout)).toMatchObject({ digest: { status: 'already_posted' }, undelivered: 0 });
    expect(JSON.parse(retried.stdout).delivered).toBeGreaterThan(0);
  });

  it('counts a message that is not due yet as pending, not as a failed delivery', async () => {
    await enqueue(database.db, { kind: 'slack.post.v1', channel: 'C0GOV', text: 'later' }, { idempotencyKey: 'test:not-due-yet' });
    await database.db.update(outboxMessages).set({ nextAttemptAt: new Date(Date.now() + 3_600_000) }).where(eq(outboxMessages.idempotencyKey, 'test:not-due-yet'));
    const result = await runAigov(runtime, ['sweep', '--now', iso(7)]);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/queued 0 Slack messages, delivered 0, still pending 1 \(1 not due yet or being sent by another process\)\n$/);
    await database.db.delete(outboxMessages).where(eq(outboxMessages.idempotencyKey, 'test:not-due-yet'));
  });

  it('refuses a --now that is not a date with exit status 2', async () => {
    const result = await runAigov(runtime, ['sweep', '--now', 'next tuesday']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--now must be an ISO-8601 date/);
  });
});
