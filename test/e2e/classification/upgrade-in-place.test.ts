import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { aiSystems, classifications, jobRuns } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { CLASSIFICATION_VERSION_KEY } from '../../../src/domain/catalog/versions.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';
import { testRuntime } from '../../support/test-runtime.js';
import { CHANNELS, startTestApp, USERS } from '../../support/test-app.js';
import { verbContext } from '../../support/verb-context.js';
import { ageClassification, asPreviousShape, withoutRequirement } from '../../support/reclassification-fixtures.js';

/**
 * A database as the previous release left it: systems registered and classified under its rules (an
 * old version key and, for some, an outcome this release computes differently), their announcements and
 * evidence cards delivered. This release starts on it.
 */
describe('upgrading in place', () => {
  let database: Database;
  let fake: FakeSlack;
  const ids: Record<string, string> = {};

  async function register(name: string, owner: string, facts: Partial<SystemFactsInput>) {
    const parsed = SystemFacts.parse({ name, purpose: `${name}: a system from the previous release.`, owner, lifecycleStage: 'deployed', operatorRole: 'deployer', ...facts });
    const r = await registerSystem({ ctx: verbContext(database.db, USERS.requester), input: { facts: parsed, idempotencyKey: `upgrade:${name}` } });
    if (r.status !== 'created') throw new Error('not registered');
    ids[name] = r.systemId;
  }

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    fake = await startFakeSlack();
    await register('Exam proctoring', USERS.owner, { annexIIIPoint: '3(b)' });
    await register('Loan scorer', USERS.owner, { annexIIIPoint: '5(b)' });
    await register('Help chatbot', USERS.owner2, { transparency: ['interacts_with_people'] });
    await register('Demand forecaster', USERS.owner2, {});
    // What the previous release computed differently: two of one owner's systems, one of the other's.
    await ageClassification(database.db, ids['Exam proctoring']!, async (c) => { asPreviousShape(c); await withoutRequirement(database.db, ids['Exam proctoring']!, c); });
    await ageClassification(database.db, ids['Loan scorer']!, (c) => { asPreviousShape(c); c.reasons.push('High-risk obligations apply from 3 Mar 2021.'); });
    await ageClassification(database.db, ids['Help chatbot']!, (c) => { asPreviousShape(c); c.tier = { value: 'minimal', reason: 'Old rules.', refs: [] }; });
    await ageClassification(database.db, ids['Demand forecaster']!, asPreviousShape);
    // The previous release delivered its messages before it stopped.
    const previous = await testRuntime(database, fake.apiUrl);
    await previous.dispatcher.drain(10_000);
    await previous.dispatcher.stop();
  });
  afterAll(async () => {
    
    await fake?.close();
  });

  it('re-classifies once at start and tells each owner once, the forum once, editing evidence cards in place', async () => {
    const mark = fake.mark();
    const app = await startTestApp({ database: keepOpen(database), fake });
    try {
      const result = await app.server.reclassification;
      expect(result).toMatchObject({ examined: 4, changed: 3, notified: { owners: 2, summary: true } });
      await app.deliver();
      const posts = fake.since(mark, 'chat.postMessage').filter((c) => c.ok);
      const dm = (user: string) => posts.filter((c) => c.response?.channel === fake.dmsTo(user)[0]?.response?.channel);
      expect(dm(USERS.owner)).toHaveLength(1);
      expect(dm(USERS.owner2)).toHaveLength(1);
      const ownerDm = JSON.stringify(dm(USERS.owner)[0]!.args.blocks);
      expect(ownerDm).toContain('Exam proctoring');
      expect(ownerDm).toContain('Loan scorer');
      expect(ownerDm).toContain('aigov_start_review');
      expect(String(dm(USERS.owner)[0]!.args.text)).toMatch(/^2 of your AI systems were reclassified/);
      expect(JSON.stringify(dm(USERS.owner2)[0]!.args.blocks)).not.toContain('Demand forecaster');
      expect(posts.filter((c) => c.response?.channel === CHANNELS.governance)).toHaveLength(1);
      expect(posts).toHaveLength(3);
      // The card of the system that gained a requirement was edited in place.
      expect(fake.since(mark, 'chat.update').filter((c) => c.ok).length).toBeGreaterThanOrEqual(1);
      // The DM's Start review opens the review form, as a review card's would.
      const sent = dm(USERS.owner)[0]!;
      const stored = fake.message(String(sent.response!.channel), String(sent.response!.ts))!;
      const block = (stored.blocks as { block_id?: string; elements?: { action_id?: string; value?: string }[] }[])
        .find((b) => b.elements?.some((e) => e.action_id === 'aigov_start_review'))!;
      const reviewId = block.elements!.find((e) => e.action_id === 'aigov_start_review')!.value!;
      const clicked = fake.mark();
      const res = await app.slack.blockActions({ user: USERS.owner, actionId: 'aigov_start_review', value: reviewId, blockId: block.block_id!,
        message: { channel: stored.channel, ts: stored.ts, text: stored.text, blocks: stored.blocks } });
      expect(res.status).toBe(200);
      const opened = await fake.waitFor(() => fake.since(clicked, 'views.open').find((c) => c.ok), 3000);
      expect(JSON.stringify(opened.args.view)).toContain(reviewId);
      const rows = await database.db.select({ v: classifications.rulesVersion }).from(aiSystems).innerJoin(classifications, eq(classifications.id, aiSystems.currentClassificationId));
      expect(rows.every((r) => r.v === CLASSIFICATION_VERSION_KEY)).toBe(true);
    } finally {
      await app.stop();
    }
  });

  it('does nothing on the next start', async () => {
    const mark = fake.mark();
    const app = await startTestApp({ database: keepOpen(database), fake });
    try {
      expect(await app.server.reclassification).toBeNull();
      await app.deliver();
      expect(fake.since(mark, 'chat.postMessage')).toHaveLength(0);
      expect(await app.database.db.select().from(jobRuns).where(eq(jobRuns.job, 'reclassify'))).toHaveLength(1);
    } finally {
      await app.stop();
    }
  });
});

/** A server closes its database when it stops; this one outlives both starts. */
const keepOpen = (database: Database): Database => ({ ...database, close: async () => {} });
