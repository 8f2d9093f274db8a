import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq, like } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { classifications, reviews } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { reclassifyInventory, versionHandle } from '../../../src/app/classification/reclassify-inventory.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { at, DAY, queued, schedulerAt } from '../../support/governance-fixtures.js';
import { ageClassification } from '../../support/reclassification-fixtures.js';

const T = new Date('2026-12-06T10:00:00Z');
const LATER = new Date(T.getTime() + DAY);

async function register(db: Database['db'], name: string, facts: Partial<SystemFactsInput>, opts: { owner?: string; evidence?: boolean } = {}): Promise<string> {
  const parsed = SystemFacts.parse({ name, purpose: `${name}: a system under test.`, owner: opts.owner ?? USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', ...facts });
  const r = await registerSystem({ ctx: at(db, USERS.requester, T), input: { facts: parsed, idempotencyKey: `reclassify-test:${name}`, announce: false, requestEvidence: opts.evidence ?? false } });
  if (r.status !== 'created') throw new Error('not registered');
  return r.systemId;
}

const run = (db: Database['db'], dryRun = false, extra: { batchSize?: number; stopAfterBatches?: number } = {}) =>
  reclassifyInventory({ ctx: { ...schedulerAt(db, LATER), actor: { userId: 'system', isAdmin: true, origin: { via: 'cli', command: 'reclassify' } } }, input: { dryRun, ...extra } });

describe('a re-classification cut short', () => {
  let database: Database;
  let db: Database['db'];
  const ids: string[] = [];

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    db = database.db;
    for (const name of ['Alpha model', 'Beta model', 'Gamma model']) {
      const id = await register(db, name, { annexIIIPoint: '1(a)' });
      await ageClassification(db, id, (c) => { c.tier = { value: 'minimal', reason: 'Old rules.', refs: [] }; });
      ids.push(id);
    }
  });

  it('resumes where it stopped and tells the owner once about every system', async () => {
    const first = await run(db, false, { batchSize: 1, stopAfterBatches: 1 });
    expect(first).toMatchObject({ examined: 1, notified: null });
    expect(await queued(db, 'reclassified')).toHaveLength(0);
    const second = await run(db, false, { batchSize: 1 });
    expect(second).toMatchObject({ examined: 2, notified: { owners: 1, summary: true } });
    const dms = await queued(db, `reclassified:${versionHandle()}:`);
    expect(dms).toHaveLength(1);
    const text = JSON.stringify(dms[0]!.message);
    for (const name of ['Alpha model', 'Beta model', 'Gamma model']) expect(text).toContain(name);
    expect(await db.select().from(reviews).where(and(eq(reviews.dueReason, 'reclassified')))).toHaveLength(3);
    expect(await db.select().from(classifications).where(like(classifications.rulesVersion, 'classify-intake/1%'))).toHaveLength(3);
  });
});
