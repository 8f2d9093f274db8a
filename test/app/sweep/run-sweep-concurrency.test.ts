import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { newId } from '../../../src/db/ids.js';
import { escalationCards, escalations, evidenceClaims, jobRuns, reviews, statutoryDeadlines } from '../../../src/db/schema/index.js';
import { runSweep } from '../../../src/app/sweep/run-sweep.js';
import { postDigest } from '../../../src/app/digest/post-digest.js';
import { onPostgres } from '../../support/test-db.js';
import { DAY, escalationPosts, queued, quietSystem, schedulerAt } from '../../support/governance-fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const day = (n: number) => new Date(T.getTime() + n * DAY);

// Two replicas on one PostgreSQL: each sweep runs on its own connection pool, at the same instant.
describe.runIf(onPostgres())('two sweeps at once on PostgreSQL', () => {
  let first: Database & { url?: string };
  let second: Database;
  const REVIEWS = 12;
  const EVIDENCE_SYSTEMS = 4;
  const DEADLINES = 3;

  test.beforeAll(async ({ database }) => {
    first = database;
    second = await openDatabase({ url: first.url!, poolSize: 5 });
    const db = first.db;
    for (let i = 0; i < REVIEWS; i += 1) await quietSystem(db, `Concurrent review ${i}`, day(-200), { nextReviewAt: T });
    for (let i = 0; i < EVIDENCE_SYSTEMS; i += 1) {
      const id = await quietSystem(db, `Concurrent evidence ${i}`, day(-200));
      // Three claims of each of these systems fall due at T: one escalation post per system and level.
      const claims = await db.select({ id: evidenceClaims.id }).from(evidenceClaims).where(eq(evidenceClaims.systemId, id)).limit(3);
      for (const c of claims) await db.update(evidenceClaims).set({ status: 'requested', dueAt: T }).where(eq(evidenceClaims.id, c.id));
    }
    const legal = await quietSystem(db, 'Concurrent legal', day(-200));
    for (let i = 0; i < DEADLINES; i += 1) await db.insert(statutoryDeadlines).values({ id: newId('std'), systemId: legal, ref: 'Art. 73(2)', label: `Incident ${i}`, dueAt: T });
  });
  afterAll(async () => {
    await second?.close();
  });

  const both = (now: Date) => Promise.all([runSweep({ ctx: schedulerAt(first.db, now) }), runSweep({ ctx: schedulerAt(second.db, now) })]);

  it('opens each review and asks each reviewer once', async () => {
    const [a, b] = await both(day(7));
    expect(a.reviewsOpened + b.reviewsOpened).toBe(REVIEWS);
    expect(a.reviewersAsked + b.reviewersAsked).toBe(REVIEWS);
    expect(await first.db.select().from(reviews)).toHaveLength(REVIEWS);
    expect(await queued(first.db, 'post:review:')).toHaveLength(REVIEWS);
  });

  it('posts each escalation once, whichever replica claimed it', async () => {
    const posts = await escalationPosts(first.db);
    expect(posts).toHaveLength(REVIEWS + EVIDENCE_SYSTEMS + DEADLINES);
    expect(new Set(posts.map((p) => p.key)).size).toBe(posts.length);
    expect(await first.db.select().from(escalationCards)).toHaveLength(posts.length);
    const perItem = await first.db.select({ itemId: escalations.itemId, n: sql<number>`count(*)::int` }).from(escalations)
      .where(eq(escalations.outcome, 'posted')).groupBy(escalations.itemId);
    expect(perItem.every((r) => r.n === 1)).toBe(true);
    expect(perItem).toHaveLength(REVIEWS + EVIDENCE_SYSTEMS * 3 + DEADLINES);
  });

  it('posts the second level once when both run again at day 21', async () => {
    const [a, b] = await both(day(21));
    const levelTwo = (await escalationPosts(first.db)).filter((p) => p.text.includes('Level 2'));
    expect(a.escalated + b.escalated).toBe(levelTwo.length);
    expect(levelTwo).toHaveLength(REVIEWS + EVIDENCE_SYSTEMS + DEADLINES);
  });

  it('posts one digest for the period when two replicas run it at once', async () => {
    const cron = '0 9 * * 1';
    const results = await Promise.all([postDigest({ ctx: schedulerAt(first.db, day(7)), input: { cron } }), postDigest({ ctx: schedulerAt(second.db, day(7)), input: { cron } })]);
    expect(results.map((r) => r.status).sort()).toEqual(['already_posted', 'posted']);
    expect(await queued(first.db, 'digest:')).toHaveLength(1);
    expect(await first.db.select().from(jobRuns).where(eq(jobRuns.job, 'digest'))).toHaveLength(1);
  });
});
