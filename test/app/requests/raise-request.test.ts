import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { aiSystems, auditEvents, evidenceClaims, intakeRequests, outboxMessages, reviews, statutoryDeadlines } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { submitEvidence } from '../../../src/app/evidence/submit-evidence.js';
import { raiseRequest } from '../../../src/app/requests/raise-request.js';
import type { AppError } from '../../../src/app/errors.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { verbContext } from '../../support/verb-context.js';
import { renderQueued } from '../../support/event-renderer.js';

describe('raiseRequest', () => {
  let database: Database;
  const now = new Date('2026-03-02T10:00:00Z');
  const as = (user: string, timeZone = 'UTC') => verbContext(database.db, user, { now: () => now, policy: { timeZone } });
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; });

  let seq = 0;
  /** A registered system with two claims answered, one by reuse. */
  async function answeredSystem(facts: Partial<SystemFactsInput> = {}) {
    seq += 1;
    const input = SystemFacts.parse({ name: `Request system ${seq}`, purpose: 'Ranks applicants.', owner: USERS.owner, lifecycleStage: 'validation', operatorRole: 'deployer',
      dataCategories: ['personal'], annexIIIPoint: '4(a)', supplier: 'Acme AI', ...facts });
    const { systemId } = await registerSystem({ ctx: as(USERS.requester), input: { facts: input, idempotencyKey: `rq:${seq}` } }) as { systemId: string };
    const claims = await database.db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId));
    const claim = (source: string, id: string) => claims.find((c) => c.source === source && c.requirementId === id)!;
    for (const [source, id] of [['iso-42001', '6.1.4'], ['nist-ai-rmf', 'MAP 1.1']] as const) {
      await submitEvidence({ ctx: as(USERS.owner), input: { claimId: claim(source, id).id, idempotencyKey: `rq:${seq}:${id}`, submission: {
        links: ['https://wiki.example.com/x'], kind: 'document', description: 'x', evidenceDate: '2026-03-01', periodFrom: '2026-01-01', periodTo: '2026-12-31', criteriaMet: true,
      } } });
    }
    return { systemId, claim };
  }
  const statusOf = async (id: string) => (await database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, id)))[0]!;
  const failure = async (p: Promise<unknown>) => { try { await p; } catch (e) { return e as AppError; } throw new Error('expected a refusal'); };

  it('applies a lifecycle change, marks the evidence stale with the reason and opens the review that stage calls for', async () => {
    const s = await answeredSystem();
    const r = await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'material_change', idempotencyKey: 'chg1', details: {
      kind: 'change', systemId: s.systemId, aspects: ['lifecycle'], lifecycleStage: 'deployed', description: 'Went live today.' } } });
    expect(r.status).toBe('recorded');
    const iso = await statusOf(s.claim('iso-42001', '6.1.4').id);
    expect(iso).toMatchObject({ status: 'stale', dueAt: new Date('2026-03-16T10:00:00Z'), requestedAt: now });
    expect(iso.staleReason).toBe('Material change: the lifecycle stage changed from validation to deployed. Evidence that depends on the old facts is stale and must be renewed.');
    expect((await statusOf(s.claim('iso-42001', 'A.5.2').id)).status).toBe('requested');
    const [system] = await database.db.select().from(aiSystems).where(eq(aiSystems.id, s.systemId));
    expect(system).toMatchObject({ lifecycleStage: 'deployed', facts: expect.objectContaining({ lifecycleStage: 'deployed' }) });
    const [review] = await database.db.select().from(reviews).where(eq(reviews.systemId, s.systemId));
    expect(review).toMatchObject({ dueReason: 'deployed', dueAt: now, status: 'due', reviewerId: USERS.owner });
    // The reviewer is asked in the same transaction, not at the next sweep.
    const [card] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `post:review:${review!.id}:${USERS.owner}`));
    expect(card).toMatchObject({ kind: 'review.card.v1', payload: { reviewId: review!.id, recipientId: USERS.owner }, cardKey: `review:${review!.id}:${USERS.owner}` });
    const [request] = await database.db.select().from(intakeRequests).where(eq(intakeRequests.id, r.requestId));
    expect(request).toMatchObject({ kind: 'change', trigger: 'material_change', systemId: s.systemId, status: 'closed', requesterId: USERS.requester });
    const actions = (await database.db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.actorId, USERS.requester))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['request.raised', 'system.changed', 'evidence.stale', 'review.due']));
  });

  it('records a form once, however often it is sent', async () => {
    const s = await answeredSystem();
    const details = { kind: 'change', systemId: s.systemId, aspects: ['scope'], description: 'New purpose' };
    const first = await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'material_change', idempotencyKey: 'chg2', details } });
    const again = await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'material_change', idempotencyKey: 'chg2', details } });
    expect(again).toEqual({ status: 'duplicate', requestId: first.requestId });
    expect(await database.db.select().from(reviews).where(eq(reviews.systemId, s.systemId))).toHaveLength(1);
  });

  it('closes the open claims of a system a change retires, with the reason, keeps answered evidence, and opens the retirement review', async () => {
    const s = await answeredSystem();
    const answeredId = s.claim('iso-42001', '6.1.4').id;
    const openId = s.claim('iso-42001', 'A.5.2').id;
    const r = await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'material_change', idempotencyKey: 'retire1', details: {
      kind: 'change', systemId: s.systemId, aspects: ['lifecycle'], lifecycleStage: 'retired', description: 'Switched off today.' } } });
    const open = await statusOf(openId);
    expect(open.status).toBe('retired');
    expect(open.retiredReason).toBe(`The system was retired (request ${r.requestId}): no evidence is requested of a retired system.`);
    expect((await statusOf(answeredId)).status).not.toBe('retired');
    const [review] = await database.db.select().from(reviews).where(eq(reviews.systemId, s.systemId));
    expect(review!.dueReason).toBe('retired');
  });

  it('treats a reported change without new values as changing every fact the evidence was collected under', async () => {
    const s = await answeredSystem();
    await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'privacy', idempotencyKey: 'chg3', details: {
      kind: 'change', systemId: s.systemId, aspects: ['data_type'], description: 'Now also processes health data.' } } });
    const nist = await statusOf(s.claim('nist-ai-rmf', 'MAP 1.1').id);
    expect(nist.status).toBe('stale');
    expect(nist.staleReason).toMatch(/a change was reported to the data it processes/);
    const [review] = await database.db.select().from(reviews).where(eq(reviews.systemId, s.systemId));
    expect(review!.dueReason).toBe('materially_changed');
  });

  it('changes the supplier and marks stale the evidence collected under the old one', async () => {
    const s = await answeredSystem();
    await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'supplier_change', idempotencyKey: 'sup1', details: {
      kind: 'supplier', systemId: s.systemId, supplier: 'Globex Models', description: 'Switched model provider.' } } });
    expect((await statusOf(s.claim('iso-42001', '6.1.4').id)).staleReason).toMatch(/supplier changed from "Acme AI" to "Globex Models"/);
    const [system] = await database.db.select().from(aiSystems).where(eq(aiSystems.id, s.systemId));
    expect(system!.supplier).toBe('Globex Models');
  });

  it('records an incident that is not serious without a legal deadline', async () => {
    const s = await answeredSystem();
    const r = await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'incident', idempotencyKey: 'inc1', details: {
      kind: 'incident', systemId: s.systemId, serious: false, awareOn: '2026-03-01', description: 'A wrong ranking, caught in review.' } } });
    const [request] = await database.db.select().from(intakeRequests).where(eq(intakeRequests.id, r.requestId));
    expect(request).toMatchObject({ seriousIncident: false, status: 'open' });
    expect(await database.db.select().from(statutoryDeadlines).where(eq(statutoryDeadlines.requestId, r.requestId))).toEqual([]);
  });

  it('dates the Art. 73 report of a serious incident from the start of the day of awareness in the organisation\'s zone', async () => {
    const s = await answeredSystem();
    const r = await raiseRequest({ ctx: as(USERS.requester, 'Europe/Berlin'), input: { trigger: 'incident', idempotencyKey: 'inc2', details: {
      kind: 'incident', systemId: s.systemId, serious: true, severity: 'death', awareOn: '2026-03-01', description: 'A fatal accident involving the system.' } } });
    const [deadline] = await database.db.select().from(statutoryDeadlines).where(eq(statutoryDeadlines.requestId, r.requestId));
    // Midnight in Berlin on 1 March is 23:00 UTC on 28 February; Art. 73(4) allows 10 days.
    expect(deadline).toMatchObject({ ref: 'Art. 73(4)', systemId: s.systemId, dueAt: new Date('2026-03-10T23:00:00Z'), status: 'open' });
    const [post] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `statutory:${deadline!.id}`));
    expect(post).toMatchObject({ kind: 'requests.legal-deadline.v1', cardKey: `statutory:${deadline!.id}`, payload: { deadlineId: deadline!.id } });
    const message = await renderQueued(database.db, post!);
    expect(message).toMatchObject({ channel: 'C0GOV', text: expect.stringMatching(/^LEGAL DEADLINE/), metadata: { event_type: 'aigov_statutory_deadline', event_payload: { deadline_id: deadline!.id, system_id: s.systemId } } });
  });

  it('refuses awareness dated in the future and an unknown system, under their fields', async () => {
    const s = await answeredSystem();
    const future = await failure(raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'incident', idempotencyKey: 'inc3', details: {
      kind: 'incident', systemId: s.systemId, serious: false, awareOn: '2026-03-05', description: 'x' } } }));
    expect(future.fields.aware_on).toMatch(/after today/);
    const unknown = await failure(raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'incident', idempotencyKey: 'inc4', details: {
      kind: 'incident', systemId: 'sys_doesnotexist', serious: false, awareOn: '2026-03-01', description: 'x' } } }));
    expect(unknown.fields.system).toMatch(/not registered/);
    expect(await database.db.select().from(intakeRequests).where(and(eq(intakeRequests.kind, 'incident'), eq(intakeRequests.idempotencyKey, 'inc4')))).toEqual([]);
  });

  it('sends an assurance request without a system to the governance channel', async () => {
    const r = await raiseRequest({ ctx: as(USERS.requester), input: { trigger: 'customer_assurance', idempotencyKey: 'as1', details: {
      kind: 'assurance', systemId: null, customer: 'Initech', dueOn: '2026-04-01', description: 'Questionnaire on our AI governance.' } } });
    const [message] = await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `assurance:${r.requestId}`));
    expect(message).toMatchObject({ kind: 'requests.assurance.v1', payload: { requestId: r.requestId } });
    const rendered = await renderQueued(database.db, message!);
    expect(rendered).toMatchObject({ channel: 'C0GOV', metadata: { event_type: 'aigov_request', event_payload: { request_id: r.requestId } } });
    expect(rendered.json).toContain('2026-04-01');
    expect(rendered.json).toContain('Initech');
  });
});
