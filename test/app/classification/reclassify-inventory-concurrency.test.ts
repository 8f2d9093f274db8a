import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq, like, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '../../../src/db/client.js';
import { classifications, jobRuns, outboxMessages, reviews } from '../../../src/db/schema/index.js';
import { reclassifyInventory } from '../../../src/app/classification/reclassify-inventory.js';
import { onPostgres } from '../../support/test-db.js';
import { USERS } from '../../support/test-app.js';
import { DAY, quietSystem, schedulerAt } from '../../support/governance-fixtures.js';
import { ageClassification } from '../../support/reclassification-fixtures.js';

const T = new Date('2026-12-06T10:00:00Z');
const SYSTEMS = 24;

// Two replicas starting on one PostgreSQL at once: each re-classifies on its own pool.
describe.runIf(onPostgres())('two re-classifications at once on PostgreSQL', () => {
  let first: Database & { url?: string };
  let second: Database;

  test.beforeAll(async ({ database }) => {
    first = database;
    second = await openDatabase({ url: first.url!, poolSize: 5 });
    for (let i = 0; i < SYSTEMS; i += 1) {
      const id = await quietSystem(first.db, `Replica system ${i}`, new Date(T.getTime() - 30 * DAY), { owner: i % 2 ? USERS.owner : USERS.owner2, facts: { annexIIIPoint: '4(a)' } });
      await ageClassification(first.db, id, (c) => { c.tier = { value: 'minimal', reason: 'Old rules.', refs: [] }; });
    }
  });
  afterAll(async () => {
    await second?.close();
  });

  it('classifies each system once, opens each review once and sends one DM per owner and one summary', async () => {
    const run = (db: Database['db']) => reclassifyInventory({ ctx: schedulerAt(db, T), input: { batchSize: 5 } });
    const [a, b] = await Promise.all([run(first.db), run(second.db)]);
    expect(a.examined + b.examined).toBe(SYSTEMS);
    expect([a.notified, b.notified].filter(Boolean)).toEqual([{ owners: 2, summary: true }]);
    const perSystem = await first.db.select({ systemId: classifications.systemId, n: sql<number>`count(*)::int` }).from(classifications).groupBy(classifications.systemId);
    expect(perSystem).toHaveLength(SYSTEMS);
    expect(perSystem.every((r) => r.n === 2)).toBe(true);
    expect(await first.db.select().from(reviews).where(eq(reviews.dueReason, 'reclassified'))).toHaveLength(SYSTEMS);
    expect(await first.db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, 'reclassified:%'))).toHaveLength(2);
    expect(await first.db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, 'reclassified-summary:%'))).toHaveLength(1);
    expect(await first.db.select().from(jobRuns).where(eq(jobRuns.job, 'reclassify'))).toHaveLength(1);
  });
});
