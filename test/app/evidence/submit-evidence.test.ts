import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq, like, sql } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { auditEvents, evidenceArtifacts, evidenceClaims, exceptions, outboxMessages } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { submitEvidence } from '../../../src/app/evidence/submit-evidence.js';
import { reuseEvidence } from '../../../src/app/evidence/reuse-evidence.js';
import { reassignClaim } from '../../../src/app/evidence/reassign-claim.js';
import { cannotProvideClaim } from '../../../src/app/evidence/cannot-provide-claim.js';
import { listReuseOptions } from '../../../src/app/evidence/list-reuse-options.js';
import { runSweep } from '../../../src/app/sweep/run-sweep.js';
import { AppError } from '../../../src/app/errors.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { renderQueued } from '../../support/event-renderer.js';
import { verbContext } from '../../support/verb-context.js';

describe('the evidence verbs', () => {
  let database: Database;
  let now = new Date('2026-03-02T10:00:00Z');
  const clock = () => now;
  const as = (user: string) => verbContext(database.db, user, { now: clock });
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; });

  let seq = 0;
  async function system(facts: Partial<SystemFactsInput> = {}, opts: { announce?: boolean } = {}) {
    seq += 1;
    const input = SystemFacts.parse({ name: `System ${seq}`, purpose: 'Scores loan applications.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer',
      dataCategories: ['personal'], annexIIIPoint: '5(b)', ...facts });
    const r = await registerSystem({ ctx: as(USERS.requester), input: { facts: input, idempotencyKey: `test:${seq}`, ...opts } });
    const claims = await database.db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, r.systemId!));
    return { systemId: r.systemId!, claim: (source: string, id: string) => claims.find((c) => c.source === source && c.requirementId === id)! };
  }
  const submission = (over: Record<string, unknown> = {}) => ({
    links: ['https://wiki.example.com/doc'], kind: 'document', description: 'Risk assessment', evidenceDate: '2026-03-01',
    periodFrom: '2026-01-01', periodTo: '2026-12-31', criteriaMet: true, acceptanceCriteria: '', ...over,
  });
  const claimRow = async (id: string) => (await database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, id)))[0]!;
  const failure = async (p: Promise<unknown>) => { try { await p; } catch (e) { return e as AppError; } throw new Error('expected the verb to refuse'); };

  describe('submitEvidence', () => {
    it('records the artifact under the conditions of the day, audits it and queues the card update and thread note', async () => {
      const s = await system({ supplier: 'Acme AI' });
      const claim = s.claim('iso-42001', '6.1.4');
      const r = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim.id, idempotencyKey: 'k1', submission: submission() } });
      expect(r.status).toBe('submitted');
      const [artifact] = await database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, r.artifactId));
      expect(artifact!.conditions).toEqual({
        ownerId: USERS.owner, systemId: s.systemId, scope: 'Scores loan applications. (deployed, deployer)', purpose: 'Scores loan applications.',
        lifecycleStage: 'deployed', operatorRole: 'deployer', supplier: 'Acme AI', dataCategories: ['personal'], riskTier: 'high', acceptanceCriteria: '',
        claim: { source: 'iso-42001', requirementId: '6.1.4' },
      });
      expect(await claimRow(claim.id)).toMatchObject({ status: 'submitted', artifactId: r.artifactId, answeredAt: now });
      const notes = await database.db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, `evidence-note:${r.artifactId}:%`));
      expect(notes[0]).toMatchObject({ kind: 'evidence.note.v1', payload: { kind: 'submitted', claimId: claim.id, artifactId: r.artifactId, actorId: USERS.owner } });
      const note = await renderQueued(database.db, notes[0]!);
      expect(note).toMatchObject({ channel: 'C0INTAKE', threadKey: `announcement:${s.systemId}`, metadata: { event_type: 'aigov_system', event_payload: { system_id: s.systemId } } });
      expect(note.json).toContain('submitted evidence for');
      const cardUpdates = await database.db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, `update:evidence-card:${s.systemId}:${USERS.owner}:%`));
      expect(cardUpdates).toHaveLength(1);
    });

    it('stores one artifact for the same key, however often it is sent', async () => {
      const s = await system();
      const claim = s.claim('iso-42001', '6.1.4');
      const first = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim.id, idempotencyKey: 'same', submission: submission() } });
      const second = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim.id, idempotencyKey: 'same', submission: submission() } });
      expect(second).toEqual({ status: 'duplicate', artifactId: first.artifactId });
      const [{ n }] = await database.db.select({ n: sql<number>`count(*)::int` }).from(evidenceArtifacts).where(eq(evidenceArtifacts.idempotencyKey, 'same')) as [{ n: number }];
      expect(n).toBe(1);
    });

    it('lets only one of two different submissions for the same claim land when they race', async () => {
      const s = await system();
      const claim = s.claim('iso-42001', '6.1.4');
      const results = await Promise.allSettled(['race:a', 'race:b'].map((key) =>
        submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim.id, idempotencyKey: `${key}:${seq}`, submission: submission() } })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect((refused.reason as AppError).code).toBe('CONFLICT');
      const stored = await database.db.select().from(evidenceArtifacts).where(like(evidenceArtifacts.idempotencyKey, `race:%:${seq}`));
      expect(stored).toHaveLength(1);
      expect((await claimRow(claim.id)).artifactId).toBe(stored[0]!.id);
    });

    it('refuses someone who is neither the owner nor an admin, storing nothing', async () => {
      const s = await system();
      const claim = s.claim('iso-42001', '6.1.4');
      const err = await failure(submitEvidence({ ctx: as(USERS.stranger), input: { claimId: claim.id, idempotencyKey: 'stranger', submission: submission() } }));
      expect(err.code).toBe('FORBIDDEN');
      expect(await database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.idempotencyKey, 'stranger'))).toEqual([]);
      expect((await claimRow(claim.id)).status).toBe('requested');
    });

    it('says a claim that does not exist was not found', async () => {
      expect((await failure(submitEvidence({ ctx: as(USERS.owner), input: { claimId: 'clm_nope', idempotencyKey: 'x', submission: submission() } }))).code).toBe('NOT_FOUND');
      expect((await failure(submitEvidence({ ctx: as(USERS.owner), input: { claimId: "'; drop table x", idempotencyKey: 'y', submission: submission() } }))).code).toBe('NOT_FOUND');
    });

    it.each([
      [{ links: [] }, 'links', /at least one https link/],
      [{ links: ['https://intranet/doc'] }, 'links', /full host name/],
      [{ links: ['https://user:secret@wiki.example.com/doc'] }, 'links', /user name or password/],
      [{ kind: 'rumour' }, 'kind', /kind of artifact/],
      [{ evidenceDate: '2026-03-03' }, 'evidence_date', /after today \(2026-03-02\)/],
      [{ evidenceDate: '2026-02-30' }, 'evidence_date', /must be a date/i],
      [{ periodFrom: '2026-04-01', periodTo: '2026-05-01' }, 'period_from', /started by today/],
      [{ periodFrom: '2026-02-01', periodTo: '2026-01-01' }, 'period_to', /cannot end before it starts/],
      [{ criteriaMet: undefined }, 'criteria_met', /acceptance criteria/],
    ])('rejects %j with an error under %s', async (over, field, message) => {
      const s = await system();
      const err = await failure(submitEvidence({ ctx: as(USERS.owner), input: { claimId: s.claim('iso-42001', '6.1.4').id, idempotencyKey: `bad:${field}:${seq}`, submission: submission(over) } }));
      expect(err.code).toBe('VALIDATION');
      expect(err.fields[field]).toMatch(message);
    });

    it('notes evidence of a system that was never announced in the intake channel itself', async () => {
      const s = await system({}, { announce: false });
      const r = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: s.claim('iso-42001', '6.1.4').id, idempotencyKey: 'quiet', submission: submission() } });
      const [note] = await database.db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, `evidence-note:${r.artifactId}:%`));
      const rendered = await renderQueued(database.db, note!);
      expect(rendered.channel).toBe('C0INTAKE');
      expect(rendered).not.toHaveProperty('threadKey');
    });
  });

  describe('reuseEvidence', () => {
    it('links a crosswalk-mapped claim to the same artifact when every condition holds', async () => {
      const s = await system();
      const from = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: s.claim('nist-ai-rmf', 'MAP 1.1').id, idempotencyKey: `r1:${seq}`, submission: submission() } });
      const target = s.claim('iso-42001', '6.1.4');
      const options = await listReuseOptions({ ctx: as(USERS.owner), input: { claimId: target.id } });
      expect(options.allowed.map((c) => c.artifact.id)).toEqual([from.artifactId]);
      const r = await reuseEvidence({ ctx: as(USERS.owner), input: { claimId: target.id, artifactId: from.artifactId } });
      expect(r.status).toBe('reused');
      expect(await claimRow(target.id)).toMatchObject({ status: 'reused', artifactId: from.artifactId });
      expect(await reuseEvidence({ ctx: as(USERS.owner), input: { claimId: target.id, artifactId: from.artifactId } })).toMatchObject({ status: 'already_reused' });
    });

    it.each([
      ['the period it covers has ended', { periodFrom: '2025-01-01', periodTo: '2026-02-28' }, /period the evidence covers ended/],
      ['its acceptance criteria were not met', { criteriaMet: false }, /did not meet its acceptance criteria/],
      ['it was judged against its own criteria', { acceptanceCriteria: 'Reviewed by the DPO' }, /different acceptance criteria/],
    ])('refuses to reuse evidence when %s, saying so', async (_why, over, reason) => {
      const s = await system();
      const from = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: s.claim('nist-ai-rmf', 'MAP 1.1').id, idempotencyKey: `r2:${seq}`, submission: submission(over) } });
      const target = s.claim('iso-42001', '6.1.4');
      const err = await failure(reuseEvidence({ ctx: as(USERS.owner), input: { claimId: target.id, artifactId: from.artifactId } }));
      expect(err.fields.artifact).toMatch(reason);
      expect((await claimRow(target.id)).status).toBe('requested');
      const options = await listReuseOptions({ ctx: as(USERS.owner), input: { claimId: target.id } });
      expect(options.allowed).toEqual([]);
      expect(options.refused[0]!.decision).toMatchObject({ kind: 'refused', reason: expect.stringMatching(reason) });
    });

    it('refuses evidence of a requirement the crosswalk does not map, and artifacts of another system', async () => {
      const s = await system();
      const other = await system();
      const unmapped = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: s.claim('nist-ai-rmf', 'GOVERN 1.1').id, idempotencyKey: `r3:${seq}`, submission: submission() } });
      const elsewhere = await submitEvidence({ ctx: as(USERS.owner), input: { claimId: other.claim('nist-ai-rmf', 'MAP 1.1').id, idempotencyKey: `r4:${seq}`, submission: submission() } });
      const target = s.claim('iso-42001', '6.1.4');
      expect((await failure(reuseEvidence({ ctx: as(USERS.owner), input: { claimId: target.id, artifactId: unmapped.artifactId } }))).fields.artifact).toMatch(/crosswalk does not map/);
      expect((await failure(reuseEvidence({ ctx: as(USERS.owner), input: { claimId: target.id, artifactId: elsewhere.artifactId } }))).fields.artifact).toMatch(/not found for this system/);
      const options = await listReuseOptions({ ctx: as(USERS.owner), input: { claimId: target.id } });
      expect(options).toMatchObject({ allowed: [], refused: [], unmapped: 1 });
    });
  });

  describe('reassignClaim', () => {
    it('moves one claim to the new owner, audits who handed it to whom and posts the new owner a card', async () => {
      const s = await system();
      const iso = s.claim('iso-42001', '6.1.4');
      const r = await reassignClaim({ ctx: as(USERS.owner), input: { claimId: iso.id, newOwnerId: USERS.owner2 } });
      expect(r).toEqual({ fromOwnerId: USERS.owner, toOwnerId: USERS.owner2 });
      expect((await claimRow(iso.id)).ownerId).toBe(USERS.owner2);
      expect((await claimRow(s.claim('nist-ai-rmf', 'MAP 1.1').id)).ownerId).toBe(USERS.owner);
      const [card] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `post:evidence-card:${s.systemId}:${USERS.owner2}`));
      expect(card).toMatchObject({ kind: 'evidence.card.v1', payload: { systemId: s.systemId, ownerId: USERS.owner2 }, cardKey: `evidence-card:${s.systemId}:${USERS.owner2}` });
      expect((await renderQueued(database.db, card!)).json).toContain(iso.id);
      const [old] = await database.db.select().from(outboxMessages)
        .where(like(outboxMessages.idempotencyKey, `update:evidence-card:${s.systemId}:${USERS.owner}:%`)).orderBy(sql`${outboxMessages.createdAt} desc`);
      expect(old).toMatchObject({ kind: 'evidence.card.v1', payload: { systemId: s.systemId, ownerId: USERS.owner } });
      expect((await renderQueued(database.db, old!, true)).json).toContain(`now with <@${USERS.owner2}>`);
    });

    it('refuses a value that is not a Slack user and a stranger', async () => {
      const s = await system();
      const claim = s.claim('iso-42001', '6.1.4');
      expect((await failure(reassignClaim({ ctx: as(USERS.owner), input: { claimId: claim.id, newOwnerId: 'bob' } }))).fields.new_owner).toBeDefined();
      expect((await failure(reassignClaim({ ctx: as(USERS.stranger), input: { claimId: claim.id, newOwnerId: USERS.stranger } }))).code).toBe('FORBIDDEN');
      expect((await claimRow(claim.id)).ownerId).toBe(USERS.owner);
    });
  });

  describe('cannotProvideClaim', () => {
    it('opens one exception for the forum, due in the evidence window, however often it is sent', async () => {
      const s = await system();
      const claim = s.claim('iso-42001', '6.1.4');
      const first = await cannotProvideClaim({ ctx: as(USERS.owner), input: { claimId: claim.id, reason: 'The vendor will not share it.' } });
      const again = await cannotProvideClaim({ ctx: as(USERS.owner), input: { claimId: claim.id, reason: 'The vendor will not share it.' } });
      expect(again).toEqual({ status: 'already_open', exceptionId: first.exceptionId });
      const rows = await database.db.select().from(exceptions).where(eq(exceptions.claimId, claim.id));
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ status: 'open', dueAt: new Date('2026-03-16T10:00:00Z'),
        reason: 'No evidence can be provided for ISO/IEC 42001:2023 6.1.4 (AI system impact assessment): The vendor will not share it.' });
      const [post] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `post:exception:${first.exceptionId}`));
      expect(post).toMatchObject({ kind: 'exception.card.v1', payload: { exceptionId: first.exceptionId }, cardKey: `exception:${first.exceptionId}` });
      const card = await renderQueued(database.db, post!);
      expect(card).toMatchObject({ channel: 'C0GOV', metadata: { event_type: 'aigov_exception', event_payload: { exception_id: first.exceptionId } } });
      expect(card.json).toContain('aigov_exception_accept_risk');
      const actions = (await database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, first.exceptionId))).map((a) => a.action);
      expect(actions).toEqual(['exception.opened']);
    });

    it('needs a reason', async () => {
      const s = await system();
      expect((await failure(cannotProvideClaim({ ctx: as(USERS.owner), input: { claimId: s.claim('iso-42001', '6.1.4').id, reason: '   ' } }))).fields.reason).toMatch(/why/);
    });
  });

  it('marks evidence stale on the first sweep after the period it covers has ended', async () => {
    const s = await system();
    const claim = s.claim('iso-42001', '6.1.4');
    await submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim.id, idempotencyKey: 'period', submission: submission({ periodTo: '2026-03-10' }) } });
    now = new Date('2026-03-10T23:00:00Z');
    await runSweep({ ctx: verbContext(database.db, 'system', { now: clock, origin: { via: 'scheduler', job: 'sweep' } }) });
    expect((await claimRow(claim.id)).status).toBe('submitted');
    now = new Date('2026-03-11T01:00:00Z');
    await runSweep({ ctx: verbContext(database.db, 'system', { now: clock, origin: { via: 'scheduler', job: 'sweep' } }) });
    expect(await claimRow(claim.id)).toMatchObject({ status: 'stale', staleReason: expect.stringContaining('2026-03-10') });
    now = new Date('2026-03-02T10:00:00Z');
  });
});
