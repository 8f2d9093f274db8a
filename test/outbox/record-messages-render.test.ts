import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { exceptions, outboxMessages } from '../../src/db/schema/index.js';
import { registerSystem } from '../../src/app/intake/register-system.js';
import { overrideClassification } from '../../src/app/classification/override-classification.js';
import { createEventRenderer } from '../../src/slack/render/index.js';
import { SystemFacts } from '../../src/domain/system-facts.js';
import { createTestDatabase } from '../support/test-db.js';
import { CHANNELS, USERS } from '../support/test-app.js';
import { renderQueued, testRenderer } from '../support/event-renderer.js';
import { silentLogger } from '../support/logger.js';
import { TEST_POLICY, verbContext } from '../support/verb-context.js';

describe('intake, thread-note, request, re-classification and SoA messages drawn at delivery', () => {
  let database: Database;
  const now = new Date('2026-03-02T10:00:00Z');
  const as = (user: string) => verbContext(database.db, user, { now: () => now });
  beforeAll(async () => { database = await createTestDatabase(); });
  afterAll(async () => { await database?.close(); });

  const render = (kind: string, payload: unknown) => testRenderer(database.db).render({ kind, payload, asOf: now, cardKey: null, existing: false });
  const queuedRow = async (key: string) => (await database.db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, key)))[0]!;

  async function register(name: string, facts: Record<string, unknown> = {}, note?: string) {
    const parsed = SystemFacts.parse({ name, purpose: 'Ranks applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', ...facts });
    const r = await registerSystem({ ctx: as(USERS.requester), input: { facts: parsed, idempotencyKey: `render:${name}`, ...(note ? { note } : {}) } });
    return r.systemId!;
  }

  it('queues the announcement as an event naming the system, drawn with the note, its buttons and the system metadata', async () => {
    const systemId = await register('Announced ranker', {}, 'Please look at *this* <!channel>');
    const row = await queuedRow(`announce:${systemId}`);
    expect(row).toMatchObject({ kind: 'intake.announcement.v1', cardKey: `announcement:${systemId}`, payload: { systemId, note: 'Please look at *this* <!channel>' } });
    const message = await renderQueued(database.db, row);
    expect(message).toMatchObject({ channel: CHANNELS.intake, metadata: { event_type: 'aigov_system', event_payload: { system_id: systemId } } });
    expect(message.text).toContain('Announced ranker');
    expect(message.json).toContain('&lt;!channel&gt;');
    expect(message.json).not.toContain('<!channel>');
  });

  it('alerts the forum of a prohibited practice with the exception it opened in the metadata', async () => {
    const systemId = await register('Social scorer', { prohibitedPractice: '5(1)(c)' });
    const [exception] = await database.db.select().from(exceptions).where(eq(exceptions.systemId, systemId));
    const row = await queuedRow(`prohibited:${systemId}`);
    expect(row).toMatchObject({ kind: 'intake.prohibited.v1', payload: { systemId, exceptionId: exception!.id } });
    const message = await renderQueued(database.db, row);
    expect(message).toMatchObject({ channel: CHANNELS.governance, text: 'Prohibited practice registered: Social scorer', metadata: { event_type: 'aigov_exception', event_payload: { exception_id: exception!.id, system_id: systemId } } });
  });

  it('draws an override note from the override recorded beside the classification', async () => {
    const systemId = await register('Overridden ranker');
    await overrideClassification({ ctx: as(USERS.admin), input: { systemId, outcome: 'cadenceDays', value: 90, justification: 'The forum reviews this quarterly by decision.' } });
    const [row] = (await database.db.select().from(outboxMessages).where(eq(outboxMessages.kind, 'classification.override-note.v1')));
    const message = await renderQueued(database.db, row!);
    expect(message).toMatchObject({ channel: CHANNELS.intake, threadKey: `announcement:${systemId}`, metadata: { event_type: 'aigov_system', event_payload: { system_id: systemId } } });
    expect(message.text).toMatch(/review cadence \(days\) of Overridden ranker overridden: \d+ → 90/);
  });

  it('tells the intake channel of an import, and skips the line where no intake channel is set', async () => {
    const rendered = await render('intake.imported.v1', { registered: 3 });
    expect(rendered).toMatchObject({ message: { channel: CHANNELS.intake, metadata: { event_type: 'aigov_inventory_import', event_payload: { registered: '3' } } } });
    const noChannel = createEventRenderer({ db: database.db, policy: { ...TEST_POLICY, intakeChannel: '' }, logger: silentLogger });
    expect(await noChannel.render({ kind: 'intake.imported.v1', payload: { registered: 3 }, asOf: now, cardKey: null, existing: false })).toEqual({ skip: 'no intake channel is set' });
  });

  it.each([
    ['intake.announcement.v1', { systemId: 'sys_gone' }],
    ['intake.prohibited.v1', { systemId: 'sys_gone', exceptionId: 'exc_gone' }],
    ['evidence.note.v1', { kind: 'submitted', claimId: 'clm_gone', artifactId: 'art_gone', actorId: USERS.owner }],
    ['evidence.exception-note.v1', { exceptionId: 'exc_gone', claimId: 'clm_gone', actorId: USERS.owner, reason: 'No vendor report.' }],
    ['classification.override-note.v1', { systemId: 'sys_gone', overrideId: 'cls_gone' }],
    ['classification.reclassified-owner.v1', { ownerId: USERS.owner, version: 'other-rules' }],
    ['classification.reclassified-summary.v1', { version: 'other-rules' }],
    ['requests.note.v1', { requestId: 'req_gone', outcome: { kind: 'none' } }],
    ['requests.receipt.v1', { requestId: 'req_gone', outcome: { kind: 'none' } }],
    ['requests.assurance.v1', { requestId: 'req_gone' }],
    ['requests.legal-deadline.v1', { deadlineId: 'std_gone', reason: 'Art. 73(2).' }],
    ['soa.approved.v1', { versionId: 'soa_gone', changes: null }],
    ['soa.owner-notice.v1', { decisionId: 'sad_gone' }],
  ])('sends nothing for %s when its record is gone', async (kind, payload) => {
    const rendered = await render(kind, payload);
    expect(rendered).toHaveProperty('skip');
  });
});
