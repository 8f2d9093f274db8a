import { beforeAll } from 'vitest';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { aiSystems, auditEvents, classifications, evidenceClaims, outboxMessages, reviews } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { overrideClassification } from '../../../src/app/classification/override-classification.js';
import { reclassifyInventory, versionHandle, inventoryNeedsReclassification } from '../../../src/app/classification/reclassify-inventory.js';
import { evidenceCardKey } from '../../../src/app/evidence/evidence-card.js';
import { CLASSIFICATION_VERSIONS, CLASSIFICATION_VERSION_KEY } from '../../../src/domain/catalog/versions.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import type { ClassificationChange } from '../../../src/domain/reclassification.js';
import { CHANNELS, USERS } from '../../support/test-app.js';
import { at, DAY, postsTo, queued, schedulerAt, sweepAt, updatesOf } from '../../support/governance-fixtures.js';
import { ageClassification, asPreviousShape, withOldRequirement, withoutRequirement } from '../../support/reclassification-fixtures.js';

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

describe('reclassifying an inventory classified under other rules', () => {
  let database: Database;
  let db: Database['db'];
  let screener: string; let planner: string; let chatbot: string; let fresh: string;
  let oldScreenerCls: string; let retiredClaim: string; let added: { source: string; requirementId: string };

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    db = database.db;
    // Changed: the old rules said minimal, lacked one requirement, gave one that no longer applies and an old date.
    screener = await register(db, 'Resume screener', { annexIIIPoint: '4(a)' }, { evidence: true });
    oldScreenerCls = await ageClassification(db, screener, async (c) => {
      asPreviousShape(c);
      c.tier = { value: 'minimal', reason: 'Old rules: minimal.', refs: [] };
      c.reasons.push('High-risk obligations apply from 3 Mar 2021.');
      added = await withoutRequirement(db, screener, c);
      retiredClaim = await withOldRequirement(db, screener, USERS.owner, c);
    });
    // Unchanged: only the version key is old.
    planner = await register(db, 'Shift planner', {});
    await ageClassification(db, planner);
    // Changed, with an admin override of the tier that must hold.
    chatbot = await register(db, 'Support chatbot', { transparency: ['interacts_with_people'] }, { owner: USERS.owner2 });
    await overrideClassification({ ctx: at(db, USERS.admin, T), input: { systemId: chatbot, outcome: 'tier', value: 'high', justification: 'The forum treats every customer-facing chatbot as high-risk.' } });
    await ageClassification(db, chatbot, (c) => { c.tier = { value: 'minimal', reason: 'Old rules.', refs: [] }; });
    // Already under this release's rules: not examined.
    fresh = await register(db, 'Fraud scorer', {});
  });

  it('knows the inventory needs it', async () => {
    expect(await inventoryNeedsReclassification(db)).toBe(true);
  });

  it('prints the diff on a dry run and changes nothing', async () => {
    const before = { cls: await db.select().from(classifications), out: await queued(db), claims: await db.select().from(evidenceClaims), audit: await db.select().from(auditEvents) };
    const result = await run(db, true);
    expect(result).toMatchObject({ dryRun: true, examined: 3, changed: 2, notified: null, claimsAdded: 0 });
    expect(result.byKind.tier).toBe(2);
    expect(await db.select().from(classifications)).toHaveLength(before.cls.length);
    expect(await queued(db)).toHaveLength(before.out.length);
    expect(await db.select().from(evidenceClaims)).toEqual(before.claims);
    expect(await db.select().from(auditEvents)).toHaveLength(before.audit.length);
  });

  describe('then for real', () => {
    let result: Awaited<ReturnType<typeof run>>;
    beforeAll(async () => { result = await run(db); });

    it('keeps the old classification and links a new one made under this release\'s versions', async () => {
      expect(result).toMatchObject({ examined: 3, identical: 1, changed: 2, claimsAdded: 1, claimsRetired: 1, reviewsOpened: 2, notified: { owners: 2, summary: true } });
      const [system] = await db.select().from(aiSystems).where(eq(aiSystems.id, screener));
      const [cls] = await db.select().from(classifications).where(eq(classifications.id, system!.currentClassificationId!));
      expect(cls).toMatchObject({ replaces: oldScreenerCls, rulesVersion: CLASSIFICATION_VERSION_KEY, versions: CLASSIFICATION_VERSIONS });
      const change = cls!.change as ClassificationChange;
      expect(change.kinds).toEqual(expect.arrayContaining(['tier', 'requirements', 'dates']));
      expect(change.tier).toMatchObject({ from: 'minimal', to: 'high' });
      expect((await db.select().from(classifications).where(eq(classifications.id, oldScreenerCls)))[0]!.rulesVersion).toBe('classify-intake/1');
      expect(system!.riskTier).toBe('high');
      // The unchanged system is classified again too (under the new key), with nothing to tell.
      const [plannerRow] = await db.select().from(aiSystems).where(eq(aiSystems.id, planner));
      const [plannerCls] = await db.select().from(classifications).where(eq(classifications.id, plannerRow!.currentClassificationId!));
      expect(plannerCls).toMatchObject({ rulesVersion: CLASSIFICATION_VERSION_KEY, change: null });
    });

    it('adds a claim for the new requirement and retires the one that no longer applies, keeping its evidence', async () => {
      const claims = await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, screener));
      expect(claims.find((c) => c.source === added.source && c.requirementId === added.requirementId)).toMatchObject({ status: 'requested', ownerId: USERS.owner });
      const retired = claims.find((c) => c.id === retiredClaim)!;
      expect(retired).toMatchObject({ status: 'retired', artifactId: 'art_kept' });
      expect(retired.retiredReason).toMatch(/^No longer required after re-classification/);
      expect(retired.retiredAt).toEqual(LATER);
    });

    it('keeps an admin override on the system row', async () => {
      const [system] = await db.select().from(aiSystems).where(eq(aiSystems.id, chatbot));
      expect(system!.riskTier).toBe('high');
      const [cls] = await db.select().from(classifications).where(eq(classifications.id, system!.currentClassificationId!));
      expect(cls!.overrides).toEqual([expect.objectContaining({ outcome: 'tier', to: 'high' })]);
      expect((cls!.computed as { tier: { value: string } }).tier.value).toBe('transparency');
    });

    it('opens a reclassified review for each changed system and writes the audit trail', async () => {
      const opened = await db.select().from(reviews).where(eq(reviews.dueReason, 'reclassified'));
      expect(opened.map((r) => r.systemId).sort()).toEqual([screener, chatbot].sort());
      const actions = (await db.select().from(auditEvents).where(eq(auditEvents.actorId, 'system'))).map((e) => e.action);
      expect(actions.filter((a) => a === 'classification.recomputed')).toHaveLength(3);
      expect(actions).toEqual(expect.arrayContaining(['evidence.retired', 'evidence.requested', 'review.due', 'inventory.reclassified']));
      expect(actions.filter((a) => a === 'review.due')).toHaveLength(2);
    });

    it('queues exactly one DM per owner, with the reviews in it, and one governance summary flagging the override', async () => {
      const toOwner = (await postsTo(db, USERS.owner)).filter((p) => p.idempotencyKey.startsWith('reclassified:'));
      expect(toOwner).toHaveLength(1);
      expect(toOwner[0]!.body).toContain('Resume screener');
      expect(toOwner[0]!.body).not.toContain('Shift planner');
      expect(toOwner[0]!.body).toContain('aigov_start_review');
      expect(toOwner[0]!.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect((await postsTo(db, USERS.owner2)).filter((p) => p.idempotencyKey.startsWith('reclassified:'))).toHaveLength(1);
      const summary = (await postsTo(db, CHANNELS.governance)).filter((p) => p.idempotencyKey === `reclassified-summary:${versionHandle()}`);
      expect(summary).toHaveLength(1);
      expect(summary[0]!.body).toContain('Overrides to confirm or lift');
      expect(summary[0]!.body).toContain('Support chatbot');
      // No review card beside the DM, now or when the sweep next asks reviewers.
      await sweepAt(db, new Date(LATER.getTime() + 3_600_000));
      expect(await queued(db, 'post:review:')).toHaveLength(0);
    });

    it('edits the owner\'s evidence card in place rather than posting a second one', async () => {
      const key = evidenceCardKey(screener, USERS.owner);
      expect(await updatesOf(db, key)).toHaveLength(1);
      expect(await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `post:${key}`))).toHaveLength(1);
    });

    it('changes and sends nothing when run again', async () => {
      const outbox = (await queued(db)).length;
      const cls = (await db.select().from(classifications)).length;
      const again = await run(db);
      expect(again).toMatchObject({ examined: 0, changed: 0, notified: null });
      expect(await queued(db)).toHaveLength(outbox);
      expect(await db.select().from(classifications)).toHaveLength(cls);
      expect(await inventoryNeedsReclassification(db)).toBe(false);
      expect((await db.select().from(aiSystems).where(eq(aiSystems.id, fresh)))[0]!.currentClassificationId).toBeTruthy();
    });

    it('asks by review card about a system the previous release registered after this version\'s messages went out', async () => {
      const late = await register(db, 'Late loan scorer', { annexIIIPoint: '5(b)' });
      await ageClassification(db, late, (c) => { c.tier = { value: 'minimal', reason: 'Old rules.', refs: [] }; });
      const dms = (await queued(db, 'reclassified')).length;
      const result = await run(db);
      expect(result).toMatchObject({ examined: 1, changed: 1, reviewsOpened: 1, notified: null });
      expect(await queued(db, 'reclassified')).toHaveLength(dms);
      const [review] = await db.select().from(reviews).where(and(eq(reviews.systemId, late), eq(reviews.dueReason, 'reclassified')));
      expect(await queued(db, `post:review:${review!.id}:`)).toHaveLength(1);
    });
  });
});
