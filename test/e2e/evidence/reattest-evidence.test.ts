import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import { aiSystems, auditEvents, evidenceArtifacts, evidenceAttestations, evidenceClaims } from '../../../src/db/schema/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { expireEvidencePeriods } from '../../../src/app/sweep/expire-evidence-periods.js';
import { offerStillValid } from '../../../src/app/sweep/offer-still-valid.js';
import { USERS, type TestApp } from '../../support/test-app.js';
import { submit } from '../../support/intake-flow.js';
import { clickClaim, daysFromToday, evidenceValues, openedView, ownerCard, registeredSystem, today } from '../../support/evidence-flow.js';
import { datepickerValue, plainTextValue } from '../../support/view-state.js';
import { verbContext } from '../../support/verb-context.js';

const stillValidValues = (a: { checkedOn?: string; periodTo?: string; note?: string }) => ({
  checked_on: { value: datepickerValue(a.checkedOn ?? today()) },
  period_to: { value: datepickerValue(a.periodTo ?? daysFromToday(365)) },
  note: { value: plainTextValue(a.note ?? 'Re-read the risk assessment; nothing has changed since the sign-off.') },
});

describe('Still valid: confirming the evidence on record for a new period', () => {
  let app: TestApp;
  let sys: Awaited<ReturnType<typeof registeredSystem>>;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    sys = await registeredSystem(app, USERS.requester, { name: 'Applicant ranker', annexIII: '4(a)' });
  });

  /** A claim answered with evidence whose period ended yesterday, then expired by the sweep as it runs hourly. */
  async function expiredClaim(requirementId: string) {
    const claim = sys.claim('iso-42001', requirementId);
    // A case run after the one that expired it finds it expired already; run alone, it expires it itself.
    const [current] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    if (current!.status === 'stale') return current!;
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const form = await openedView(app, mark);
    const done = await submit(app, USERS.owner, form, evidenceValues({ evidenceDate: daysFromToday(-200), periodFrom: daysFromToday(-200), periodTo: daysFromToday(-1) }));
    expect(done.body?.response_action).toBe('clear');
    await expireEvidencePeriods(verbContext(app.database.db, 'U0SCHEDULER', { origin: { via: 'scheduler', job: 'sweep' } }));
    await app.deliver();
    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row!.status).toBe('stale');
    return row!;
  }

  it('expires a claim whose evidence period has ended, with the reason on the owner\'s card', async () => {
    const claim = await expiredClaim('6.1.4');
    expect(claim.staleReason).toBe(`The evidence covered a period that ended on ${daysFromToday(-1)}.`);
  });

  it('records a re-attestation (who, when, the date checked, the new period), extends the period and counts the claim as answered again', async () => {
    const claim = await expiredClaim('6.1.4');
    const [before] = await app.database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, claim.artifactId ?? (await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id)))[0]!.artifactId!));
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceStillValid, claim.id);
    const view = await openedView(app, mark);
    expect(view.callback_id).toBe('aigov_evidence_still_valid');
    expect(JSON.stringify(view.blocks)).toContain(before!.id);
    const newEnd = daysFromToday(300);
    const done = await submit(app, USERS.owner, view, stillValidValues({ periodTo: newEnd }));
    expect(done.body?.response_action).toBe('clear');

    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row).toMatchObject({ status: 'submitted', staleReason: null, artifactId: before!.id });
    const [artifact] = await app.database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, before!.id));
    expect(artifact!.periodTo).toBe(newEnd);
    expect(artifact!.evidenceDate).toBe(before!.evidenceDate);
    const attestations = await app.database.db.select().from(evidenceAttestations).where(eq(evidenceAttestations.claimId, claim.id));
    expect(attestations).toHaveLength(1);
    expect(attestations[0]).toMatchObject({ attestedBy: USERS.owner, checkedOn: today(), previousPeriodTo: daysFromToday(-1), periodTo: newEnd, artifactId: before!.id });
    const audit = await app.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, claim.id), eq(auditEvents.action, 'evidence.reattested')));
    expect(audit).toHaveLength(1);
    await app.deliver();
    expect(JSON.stringify(ownerCard(app, USERS.owner, sys.system.id).blocks)).not.toContain(`claim:${claim.id}`);
    // The sweep finds nothing to expire: the confirmed period has not ended.
    expect(await expireEvidencePeriods(verbContext(app.database.db, 'U0SCHEDULER', { origin: { via: 'scheduler', job: 'sweep' } }))).toBe(0);
  });

  it('shows field errors for a new period that does not end later, a date checked in the future and an empty note, and records nothing', async () => {
    const claim = await expiredClaim('A.5.2');
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceStillValid, claim.id);
    const view = await openedView(app, mark);
    const bad = await submit(app, USERS.owner, view, stillValidValues({ periodTo: daysFromToday(-5), checkedOn: daysFromToday(2), note: '' }));
    expect(bad.body?.response_action).toBe('errors');
    expect(bad.body?.errors?.period_to).toMatch(/must end after the current one/);
    expect(bad.body?.errors?.checked_on).toMatch(/cannot be after today/);
    expect(bad.body?.errors?.note).toMatch(/Say what you checked/);
    expect(await app.database.db.select().from(evidenceAttestations).where(eq(evidenceAttestations.claimId, claim.id))).toEqual([]);
  });

  it('offers Still valid once, before the period ends, and confirms the evidence for a new period from that message', async () => {
    const claim = sys.claim('iso-42001', 'A.5.4');
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const form = await openedView(app, mark);
    const ends = daysFromToday(10);
    expect((await submit(app, USERS.owner, form, evidenceValues({ periodTo: ends }))).body?.response_action).toBe('clear');
    const sweep = () => offerStillValid(verbContext(app.database.db, 'U0SCHEDULER', { origin: { via: 'scheduler', job: 'sweep' } }));
    const before = app.fake.mark();
    expect(await sweep()).toBe(1);
    expect(await sweep()).toBe(0);
    await app.deliver();
    const offers = app.fake.since(before, 'chat.postMessage').filter((c) => c.args.channel === USERS.owner && JSON.stringify(c.args.blocks).includes('Evidence ending soon'));
    expect(offers).toHaveLength(1);
    expect(JSON.stringify(offers[0]!.args.blocks)).toContain(`ends on *${ends}*`);
    const offer = app.fake.message(String(offers[0]!.response!.channel), String(offers[0]!.response!.ts))!;

    const click = app.fake.mark();
    const res = await app.slack.blockActions({ user: USERS.owner, actionId: ACTIONS.evidenceStillValid, message: offer, value: claim.id, blockId: `still-valid:${claim.id}` });
    expect(res.status).toBe(200);
    const view = await openedView(app, click);
    const newEnd = daysFromToday(375);
    expect((await submit(app, USERS.owner, view, stillValidValues({ periodTo: newEnd }))).body?.response_action).toBe('clear');
    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row!.status).toBe('submitted');
    const [artifact] = await app.database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, row!.artifactId!));
    expect(artifact!.periodTo).toBe(newEnd);
    expect(await sweep()).toBe(0);
  });

  it('refuses after a material change and tells the owner why, opening no form', async () => {
    const claim = sys.claim('iso-42001', 'A.5.2');
    await app.database.db.update(aiSystems).set({ supplier: 'TalentSift Ltd' }).where(eq(aiSystems.id, sys.system.id));
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceStillValid, claim.id);
    const reply = await app.fake.waitFor(() => app.fake.responsesSince(mark)[0], 3000);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral' });
    expect(reply.body.text).toMatch(/Material change: the supplier changed from no supplier to "TalentSift Ltd".*Submit new evidence instead\./);
    expect(app.fake.since(mark, 'views.open')).toEqual([]);
  });
});
