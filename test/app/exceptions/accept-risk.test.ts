import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { newId } from '../../../src/db/ids.js';
import { auditEvents, exceptions } from '../../../src/db/schema/index.js';
import { acceptRisk } from '../../../src/app/exceptions/accept-risk.js';
import { planCorrectiveAction } from '../../../src/app/exceptions/plan-corrective-action.js';
import { completeCorrectiveAction } from '../../../src/app/exceptions/complete-corrective-action.js';
import { extendRiskAcceptance } from '../../../src/app/exceptions/extend-risk-acceptance.js';
import { closeRiskAcceptance } from '../../../src/app/exceptions/close-risk-acceptance.js';
import { prepareExceptionResolution } from '../../../src/app/exceptions/prepare-exception-resolution.js';
import { USERS } from '../../support/test-app.js';
import { refusal } from '../../support/refusal.js';
import { at, DAY, postsTo, quietSystem, sweepAt, updatesOf } from '../../support/governance-fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('an exception ends as risk acceptance or corrective action', () => {
  let database: Database;
  let db: Database['db'];
  let systemId: string;
  let prohibitedId: string;
  const exc = { action: newId('exc') };
  const row = async (id: string) => (await db.select().from(exceptions).where(eq(exceptions.id, id)))[0]!;
  // Each case opens its own exception, so none leans on what another left behind.
  const openException = async (reason = 'No human review of refunds over 500 EUR') => {
    const id = newId('exc');
    await db.insert(exceptions).values({ id, systemId, reason, openedBy: USERS.owner, dueAt: T });
    return id;
  };
  const RATIONALE = 'Fewer than ten such refunds a month; finance samples them.';
  const acceptedRisk = async () => {
    const id = await openException();
    await acceptRisk({ ctx: at(db, USERS.admin, T), input: { exceptionId: id, rationale: RATIONALE, expiresOn: '2026-05-01' } });
    return id;
  };
  const expiryNotices = async (id: string) =>
    db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, id), eq(auditEvents.action, 'risk_acceptance.expiry_notice')));

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    db = database.db;
    systemId = await quietSystem(db, 'Returns classifier', new Date(T.getTime() - 100 * DAY));
    prohibitedId = await quietSystem(db, 'Staff mood monitor', new Date(T.getTime() - 100 * DAY), { facts: { prohibitedPractice: '5(1)(f)', dataCategories: ['biometric'] } });
    await db.insert(exceptions).values({ id: exc.action, systemId, reason: 'Training data lineage undocumented', openedBy: USERS.owner, dueAt: T });
  });

  it('lets only governance admins accept a risk', async () => {
    const risk = await openException();
    expect((await refusal(acceptRisk({ ctx: at(db, USERS.owner, T), input: { exceptionId: risk, rationale: 'Fine', expiresOn: '2026-05-01' } }))).code).toBe('FORBIDDEN');
    expect((await refusal(prepareExceptionResolution({ ctx: at(db, USERS.owner, T), input: { exceptionId: risk, resolution: 'accept_risk' } }))).code).toBe('FORBIDDEN');
    expect((await row(risk)).status).toBe('open');
  });

  it('requires a rationale and an expiry date in the future', async () => {
    const risk = await openException();
    const missing = await refusal(acceptRisk({ ctx: at(db, USERS.admin, T), input: { exceptionId: risk, rationale: ' ', expiresOn: '' } }));
    expect(Object.keys(missing.fields).sort()).toEqual(['expires_on', 'rationale']);
    const past = await refusal(acceptRisk({ ctx: at(db, USERS.admin, T), input: { exceptionId: risk, rationale: 'Volume is low', expiresOn: '2026-03-02' } }));
    expect(past.fields.expires_on).toMatch(/after today/);
  });

  it('records the approver, the period and the rationale, and shows it on the exception card', async () => {
    const risk = await acceptedRisk();
    expect(await row(risk)).toMatchObject({ status: 'risk_accepted', acceptedBy: USERS.admin, acceptedAt: T, acceptedUntil: new Date('2026-05-01T00:00:00Z'), rationale: RATIONALE });
    const [card] = (await postsTo(db, 'C0GOV')).filter((p) => p.post.storeAs === `exception:${risk}`);
    expect(card!.body).toContain(`*Risk accepted* by <@${USERS.admin}> until 2026-05-01`);
    expect(card!.body).toContain('finance samples them');
    const err = await refusal(acceptRisk({ ctx: at(db, USERS.admin, T), input: { exceptionId: risk, rationale: 'Again', expiresOn: '2026-06-01' } }));
    expect(err.message).toMatch(/Extend/);
  });

  it('never accepts the risk of a prohibited practice; its owner orders a corrective action instead', async () => {
    const [prohibited] = await db.select().from(exceptions).where(eq(exceptions.systemId, prohibitedId));
    expect(prohibited!.reason).toMatch(/Prohibited practice/);
    const err = await refusal(acceptRisk({ ctx: at(db, USERS.admin, T), input: { exceptionId: prohibited!.id, rationale: 'Business need', expiresOn: '2026-05-01' } }));
    expect(err.message).toMatch(/cannot be accepted as a risk/);
    expect((await refusal(planCorrectiveAction({ ctx: at(db, USERS.stranger, T), input: { exceptionId: prohibited!.id, action: 'Stop', ownerId: USERS.owner, dueOn: '2026-03-20' } }))).code).toBe('FORBIDDEN');
    await planCorrectiveAction({ ctx: at(db, USERS.owner, T), input: { exceptionId: prohibited!.id, action: 'Switch the emotion inference off and delete the voice features.', ownerId: USERS.owner2, dueOn: '2026-03-20' } });
    expect(await row(prohibited!.id)).toMatchObject({ status: 'corrective_action', actionOwnerId: USERS.owner2, actionDueAt: new Date('2026-03-20T00:00:00Z') });
  });

  it('tells the approver and the owner once when 80% of the acceptance period has passed, with Extend and Close', async () => {
    const risk = await acceptedRisk();
    // 2026-03-02T10:00 → 2026-05-01T00:00 is 59 days 14 hours; 80% of it (47 days 16 hours) has passed at 2026-04-19T02:00.
    await sweepAt(db, new Date('2026-04-19T01:59:00Z'));
    expect(await expiryNotices(risk)).toHaveLength(0);
    expect((await sweepAt(db, new Date('2026-04-19T10:00:00Z'))).acceptancesExpiring).toBeGreaterThanOrEqual(1);
    for (const user of [USERS.admin, USERS.owner]) {
      const notices = (await postsTo(db, user)).filter((p) => p.post.storeAs?.startsWith(`risk-notice:${risk}:`));
      expect(notices).toHaveLength(1);
      expect(notices[0]!.body).toContain('expires on *2026-05-01* (12 days left)');
      expect(notices[0]!.body).toContain('aigov_risk_extend');
      expect(notices[0]!.body).toContain('aigov_risk_close');
    }
    await sweepAt(db, new Date('2026-04-20T10:00:00Z'));
    expect(await expiryNotices(risk)).toHaveLength(1);
  });

  it('extends only for an admin, to a later date, keeping the rationale and starting a new period', async () => {
    const risk = await acceptedRisk();
    await sweepAt(db, new Date('2026-04-19T10:00:00Z'));
    expect(await expiryNotices(risk)).toHaveLength(1);
    const now = new Date('2026-04-20T10:00:00Z');
    expect((await refusal(extendRiskAcceptance({ ctx: at(db, USERS.owner, now), input: { exceptionId: risk, until: '2026-08-01', reason: 'More time' } }))).code).toBe('FORBIDDEN');
    const early = await refusal(extendRiskAcceptance({ ctx: at(db, USERS.admin, now), input: { exceptionId: risk, until: '2026-04-25', reason: 'More time' } }));
    expect(early.fields.extend_until).toMatch(/after the current expiry, 2026-05-01/);
    expect((await refusal(extendRiskAcceptance({ ctx: at(db, USERS.admin, now), input: { exceptionId: risk, until: '2026-08-01', reason: '' } }))).fields).toHaveProperty('extend_reason');
    await extendRiskAcceptance({ ctx: at(db, USERS.admin, now), input: { exceptionId: risk, until: '2026-08-01', reason: 'The refund review tool ships in July.' } });
    expect(await row(risk)).toMatchObject({ status: 'risk_accepted', acceptedAt: now, acceptedUntil: new Date('2026-08-01T00:00:00Z'), rationale: RATIONALE });
    const [audit] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, risk), eq(auditEvents.action, 'exception.risk_extended')));
    expect(audit!.after).toMatchObject({ reason: 'The refund review tool ships in July.', extendedBy: USERS.admin });
    const [notice] = await updatesOf(db, `risk-notice:${risk}:2026-05-01T00:00:00.000Z:${USERS.owner}`);
    expect(notice!.body).toContain(`Extended by <@${USERS.admin}> until 2026-08-01`);
    expect(notice!.body).not.toContain('aigov_risk_extend');
    await sweepAt(db, new Date('2026-04-21T10:00:00Z'));
    expect(await expiryNotices(risk)).toHaveLength(1);
  });

  it('closes for the owner or approver, once', async () => {
    const risk = await acceptedRisk();
    const now = new Date('2026-05-02T10:00:00Z');
    expect((await refusal(closeRiskAcceptance({ ctx: at(db, USERS.stranger, now), input: { exceptionId: risk } }))).code).toBe('FORBIDDEN');
    expect(await closeRiskAcceptance({ ctx: at(db, USERS.owner, now), input: { exceptionId: risk } })).toEqual({ status: 'closed' });
    expect(await row(risk)).toMatchObject({ status: 'closed', closedAt: now });
    expect(await closeRiskAcceptance({ ctx: at(db, USERS.owner, now), input: { exceptionId: risk } })).toEqual({ status: 'already_closed' });
  });

  it('closes a corrective action when its owner marks it done', async () => {
    const now = new Date('2026-03-03T10:00:00Z');
    const form = await prepareExceptionResolution({ ctx: at(db, USERS.owner, now), input: { exceptionId: exc.action, resolution: 'corrective_action' } });
    expect(form).toMatchObject({ defaultOwnerId: USERS.owner, defaultActionDue: '2026-04-02' });
    await planCorrectiveAction({ ctx: at(db, USERS.owner, now), input: { exceptionId: exc.action, action: 'Document the lineage in the data catalogue', ownerId: USERS.owner2, dueOn: '2026-04-02' } });
    expect((await refusal(planCorrectiveAction({ ctx: at(db, USERS.owner, now), input: { exceptionId: exc.action, action: 'Later', ownerId: USERS.owner2, dueOn: '2026-06-02' } }))).code).toBe('FORBIDDEN');
    expect((await refusal(completeCorrectiveAction({ ctx: at(db, USERS.stranger, now), input: { exceptionId: exc.action } }))).code).toBe('FORBIDDEN');
    expect(await completeCorrectiveAction({ ctx: at(db, USERS.owner2, now), input: { exceptionId: exc.action } })).toEqual({ status: 'closed' });
    expect(await row(exc.action)).toMatchObject({ status: 'closed', correctiveAction: 'Document the lineage in the data catalogue' });
    const updates = await updatesOf(db, `exception:${exc.action}`);
    expect(updates.at(-1)!.body).toContain('*Closed* on 2026-03-03');
  });
});
