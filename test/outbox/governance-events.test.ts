import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, like } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { newId } from '../../src/db/ids.js';
import { decisions, exceptions, outboxMessages, reviews } from '../../src/db/schema/index.js';
import type { RenderRequest } from '../../src/outbox/rendering.js';
import { postDigest } from '../../src/app/digest/post-digest.js';
import { createTestDatabase } from '../support/test-db.js';
import { USERS } from '../support/test-app.js';
import { testRenderer } from '../support/event-renderer.js';
import { DAY, quietSystem, schedulerAt, sweepAt } from '../support/governance-fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('governance messages are queued as events and drawn at delivery', () => {
  let database: Database;
  let db: Database['db'];
  let systemId: string;
  const reviewId = newId('rev');
  /** Due at the sweep's instant: its owner is reminded, the forum not yet told. */
  const dueNow = newId('rev');
  const render = (kind: string, payload: unknown, extra: Partial<RenderRequest> = {}) =>
    testRenderer(db).render({ kind, payload, asOf: T, cardKey: null, existing: false, ...extra });

  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.db;
    systemId = await quietSystem(db, 'Claims triage', new Date(T.getTime() - 100 * DAY));
    await db.insert(reviews).values({ id: reviewId, systemId, status: 'due', dueAt: new Date(T.getTime() - 7 * DAY), dueReason: 'cadence', reviewerId: USERS.owner });
    await db.insert(reviews).values({ id: dueNow, systemId, status: 'due', dueAt: T, dueReason: 'material_change', reviewerId: USERS.owner });
    await sweepAt(db, T);
  });
  afterAll(async () => { await database?.close(); });

  it('stores an escalation post as its card key only, and draws the card with its metadata', async () => {
    const [row] = await db.select().from(outboxMessages).where(like(outboxMessages.idempotencyKey, 'escalation:review:%'));
    expect(row).toMatchObject({ kind: 'escalation.posted.v1', payload: { cardKey: row!.cardKey } });
    expect(row!.cardKey).toMatch(new RegExp(`^escalation:review:${reviewId}:L1:`));
    // The Block Kit is not stored: the row is an order of magnitude smaller than the message it becomes.
    const rendered = await render(row!.kind, row!.payload, { cardKey: row!.cardKey });
    if (!('message' in rendered)) throw new Error('skip' in rendered ? rendered.skip : 'a canvas, not a message');
    expect(JSON.stringify(row!.payload).length * 10).toBeLessThan(JSON.stringify(rendered.message).length);
    expect(rendered.message).toMatchObject({
      channel: 'C0GOV', metadata: { event_type: 'aigov_escalation', event_payload: { escalation_card: row!.cardKey, system_id: systemId } },
    });
    expect(await render('escalation.posted.v1', { cardKey: 'escalation:review:rev_gone:L1:2026-01-01T00:00:00.000Z' })).toEqual({ skip: expect.stringMatching(/unknown/) });
  });

  it('asks the reviewer with a review card tied to the review, and skips a review that is gone', async () => {
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `post:review:${reviewId}:${USERS.owner}`));
    expect(row).toMatchObject({ kind: 'review.card.v1', payload: { reviewId, recipientId: USERS.owner }, cardKey: `review:${reviewId}:${USERS.owner}` });
    expect(await render(row!.kind, row!.payload)).toMatchObject({ message: { channel: USERS.owner, metadata: { event_type: 'aigov_review', event_payload: { review_id: reviewId, system_id: systemId } } } });
    expect(await render('review.card.v1', { reviewId: 'rev_gone', recipientId: USERS.owner })).toEqual({ skip: expect.stringMatching(/gone/) });
  });

  it('reminds the owner of what is still due when the reminder is delivered, and says nothing once it is all done', async () => {
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `reminder:${USERS.owner}:2026-03-02`));
    expect(row).toMatchObject({ kind: 'owner.reminder.v1', payload: { ownerId: USERS.owner, day: '2026-03-02' } });
    const before = await render(row!.kind, row!.payload);
    expect(before).toMatchObject({ message: { channel: USERS.owner, metadata: { event_type: 'aigov_owner', event_payload: { owner_id: USERS.owner, day: '2026-03-02' } } } });
    expect(JSON.stringify(before)).toContain('review after change (material change)');
    await db.update(reviews).set({ status: 'completed', completedAt: T }).where(eq(reviews.id, dueNow));
    expect(await render(row!.kind, row!.payload)).toEqual({ skip: expect.stringMatching(/nothing/) });
  });

  it('draws exception and decision cards for the governance channel, and skips records that are gone', async () => {
    const exceptionId = newId('exc');
    const decisionId = newId('dec');
    await db.insert(exceptions).values({ id: exceptionId, systemId, reason: 'No human review of refunds', openedBy: USERS.owner, dueAt: T });
    await db.insert(decisions).values({ id: decisionId, systemId, scope: 'Extend to refunds', riskOrObligation: 'Refund errors', changes: 'scope', ownerId: USERS.owner, createdBy: USERS.owner, createdAt: T });
    expect(await render('exception.card.v1', { exceptionId })).toMatchObject({
      message: { channel: 'C0GOV', metadata: { event_type: 'aigov_exception', event_payload: { exception_id: exceptionId, system_id: systemId } } },
    });
    expect(await render('decision.card.v1', { decisionId })).toMatchObject({
      message: { channel: 'C0GOV', metadata: { event_type: 'aigov_decision', event_payload: { decision_id: decisionId, system_id: systemId } } },
    });
    expect(await render('exception.card.v1', { exceptionId: 'exc_gone' })).toEqual({ skip: expect.stringMatching(/gone/) });
    expect(await render('decision.card.v1', { decisionId: 'dec_gone' })).toEqual({ skip: expect.stringMatching(/gone/) });
    expect(await render('risk.notice.v1', { exceptionId: 'exc_gone', acceptedUntil: T.toISOString(), recipientId: USERS.owner })).toEqual({ skip: expect.stringMatching(/gone/) });
  });

  it('words a risk notice with the days left at the event, and what happened once settled', async () => {
    const exceptionId = newId('exc');
    const until = new Date(T.getTime() + 3 * DAY);
    await db.insert(exceptions).values({ id: exceptionId, systemId, reason: 'Manual sampling only', openedBy: USERS.owner, dueAt: T, status: 'risk_accepted',
      acceptedBy: USERS.admin, acceptedAt: new Date(T.getTime() - 20 * DAY), acceptedUntil: until, rationale: 'Low volume' });
    const notice = await render('risk.notice.v1', { exceptionId, acceptedUntil: until.toISOString(), recipientId: USERS.owner });
    expect(JSON.stringify(notice)).toContain('3 days left');
    expect(notice).toMatchObject({ message: { channel: USERS.owner, metadata: { event_type: 'aigov_exception', event_payload: { exception_id: exceptionId } } } });
    const settled = await render('risk.notice.v1', { exceptionId, acceptedUntil: until.toISOString(), recipientId: USERS.owner, outcome: { kind: 'closed', by: USERS.admin } });
    expect(JSON.stringify(settled)).toContain(`Closed by <@${USERS.admin}>`);
  });

  it('offers Still valid only while some claim of the offer is still answered', async () => {
    expect(await render('evidence.still-valid-offer.v1', { systemId, ownerId: USERS.owner, periodTo: '2026-03-20' })).toEqual({ skip: expect.stringMatching(/any more/) });
    expect(await render('evidence.still-valid-offer.v1', { systemId: 'sys_gone', ownerId: USERS.owner, periodTo: '2026-03-20' })).toEqual({ skip: expect.stringMatching(/gone/) });
  });

  it('sends the Monday message only to someone who still has open work', async () => {
    const other = await quietSystem(db, 'Idle forecaster', new Date(T.getTime() - 100 * DAY), { owner: USERS.owner2 });
    expect(other).toBeTruthy();
    expect(await render('owner.week.v1', { ownerId: USERS.owner2, week: '2026-03-02', timeZone: 'UTC' })).toEqual({ skip: expect.stringMatching(/nothing open/) });
    expect(await render('owner.week.v1', { ownerId: USERS.owner, week: '2026-03-02', timeZone: 'UTC' })).toMatchObject({
      message: { channel: USERS.owner, metadata: { event_type: 'aigov_owner', event_payload: { owner_id: USERS.owner, week: '2026-03-02' } } },
    });
  });

  it('queues the digest as its period and draws it with the period in its metadata', async () => {
    const result = await postDigest({ ctx: schedulerAt(db, T), input: { cron: '0 9 * * 1' } });
    const [row] = await db.select().from(outboxMessages).where(eq(outboxMessages.idempotencyKey, `digest:${result.period}`));
    expect(row).toMatchObject({ kind: 'digest.posted.v1', payload: { periodKey: result.period }, asOf: T });
    expect(await render(row!.kind, row!.payload)).toMatchObject({
      message: { channel: 'C0GOV', text: expect.any(String), metadata: { event_type: 'aigov_digest', event_payload: { period: result.period } } },
    });
  });
});
