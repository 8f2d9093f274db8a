import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { outboxMessages } from '../../../src/db/schema/index.js';
import { enqueue } from '../../../src/outbox/enqueue.js';
import { startFakeSlack } from '../../support/fake-slack.js';
import { createTestDatabase, onPostgres } from '../../support/test-db.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TOTAL = 30;

// Killing an embedded (PGlite) server mid-write is not a supported way to stop it; this runs on PostgreSQL.
describe.runIf(onPostgres())('a server killed in the middle of delivering', () => {
  it('delivers every committed message after a restart; only the one in flight can repeat', async () => {
    const fake = await startFakeSlack();
    const database = await createTestDatabase();
    for (let i = 0; i < TOTAL; i++) await enqueue(database.db, { kind: 'slack.post.v1', channel: 'C0GOV', text: `crash message ${i}` }, { idempotencyKey: `crash-${i}` });
    fake.failNext('chat.postMessage', { delayMs: 150 }, 1000);
    const start = () => spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: ROOT, stdio: 'ignore',
      env: { PATH: process.env.PATH!, SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: 'x', AIGOV_GOVERNANCE_CHANNEL: 'C0GOV', SLACK_API_URL: fake.apiUrl, DATABASE_URL: database.url!, PORT: '0', AIGOV_SCHEDULER: 'off' },
    });
    let child = start();
    try {
      await fake.waitFor(() => fake.calls('chat.postMessage').length >= 5, 30_000);
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      const before = fake.calls('chat.postMessage').length;
      expect(before).toBeLessThan(TOTAL);
      // Fast-forward past the claim lease the dead process held, as time passing would.
      await database.db.update(outboxMessages).set({ lockedUntil: new Date(Date.now() - 1000) }).where(eq(outboxMessages.status, 'sending'));
      fake.clearFaults();
      child = start();
      for (let i = 0; i < 200; i++) {
        const [row] = await database.db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(eq(outboxMessages.status, 'sent'));
        if (row!.n === TOTAL) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      const texts = fake.calls('chat.postMessage').map((c) => String(c.args.text));
      const distinct = new Set(texts);
      expect(distinct.size).toBe(TOTAL);
      const duplicates = texts.length - distinct.size;
      expect(duplicates).toBeLessThanOrEqual(1);
    } finally {
      child.kill('SIGKILL');
      await database.close();
      await fake.close();
    }
  }, 90_000);
});
