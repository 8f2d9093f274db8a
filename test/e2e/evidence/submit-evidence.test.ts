import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, evidenceArtifacts, evidenceClaims, slackMessages } from '../../../src/db/schema/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { submit } from '../../support/intake-flow.js';
import { clickClaim, evidenceValues, openedView, ownerCard, registeredSystem, daysFromToday } from '../../support/evidence-flow.js';
import { mrkdwnTexts } from '../../support/message-text.js';

describe('answering an evidence request with Submit evidence', () => {
  let app: TestApp;
  let sys: Awaited<ReturnType<typeof registeredSystem>>;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    sys = await registeredSystem(app, USERS.requester, { name: 'Applicant ranker', annexIII: '4(a)' });
  });

  const artifactsOf = async (claimId: string) =>
    app.database.db.select({ id: evidenceArtifacts.id }).from(evidenceArtifacts).innerJoin(evidenceClaims, eq(evidenceClaims.artifactId, evidenceArtifacts.id)).where(eq(evidenceClaims.id, claimId));
  const artifactCount = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(evidenceArtifacts))[0]!.n;

  it('opens a form whose first fields ask for the artifact links as https URLs and for files', async () => {
    const claim = sys.claim('iso-42001', '6.1.4');
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const view = await openedView(app, mark);
    expect(view.callback_id).toBe('aigov_evidence_submit');
    const inputs = view.blocks.filter((b: { type: string }) => b.type === 'input');
    expect(inputs[0].block_id).toBe('links');
    expect(inputs[0].label.text).toMatch(/links \(https URLs/i);
    expect(inputs.map((b: { block_id: string }) => b.block_id)).toEqual(['links', 'files', 'kind', 'description', 'evidence_date', 'period_from', 'period_to', 'criteria_met', 'acceptance_criteria']);
    expect(inputs[1].element).toMatchObject({ type: 'file_input', max_files: 5 });
    expect(inputs[1].element.filetypes).toEqual(expect.arrayContaining(['pdf', 'docx', 'xlsx', 'png']));
    expect(inputs[4].label.text).toBe('Effective date');
    expect(JSON.stringify(view.blocks)).toContain('6.1.4');
  });

  it('stores the artifact, marks the claim submitted, edits the card in place and notes it in the system thread', async () => {
    const claim = sys.claim('iso-42001', '6.1.4');
    const card = ownerCard(app, USERS.owner, sys.system.id);
    const { mark } = await clickClaim(app, USERS.owner, card, ACTIONS.evidenceSubmit, claim.id);
    const view = await openedView(app, mark);
    const before = app.fake.mark();
    const done = await submit(app, USERS.owner, view, evidenceValues({ links: 'https://wiki.example.com/ai/risk\n\nhttps://jira.example.com/browse/GOV-12' }));
    expect(done.body?.response_action).toBe('clear');

    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row!.status).toBe('submitted');
    const [artifact] = await app.database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, row!.artifactId!));
    expect(artifact).toMatchObject({ kind: 'document', links: ['https://wiki.example.com/ai/risk', 'https://jira.example.com/browse/GOV-12'], criteriaMet: true, submittedBy: USERS.owner });
    expect(artifact!.conditions).toMatchObject({ ownerId: USERS.owner, systemId: sys.system.id, supplier: null, dataCategories: ['personal'], acceptanceCriteria: '', claim: { source: 'iso-42001', requirementId: '6.1.4' } });
    const audit = await app.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, claim.id), eq(auditEvents.action, 'evidence.submitted')));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(USERS.owner);

    await app.deliver();
    const updates = app.fake.since(before, 'chat.update').filter((c) => c.ok);
    expect(updates.some((u) => u.args.ts === card.ts && u.args.channel === card.channel)).toBe(true);
    expect(app.fake.since(before, 'chat.postMessage').filter((c) => c.args.channel === USERS.owner)).toEqual([]);
    const now = ownerCard(app, USERS.owner, sys.system.id);
    expect(mrkdwnTexts(now.blocks).join('\n')).toContain(`1 of ${sys.claims.length} answered`);
    expect(JSON.stringify(now.blocks)).not.toContain(`claim:${claim.id}`);

    const [announcement] = await app.database.db.select().from(slackMessages).where(eq(slackMessages.key, `announcement:${sys.system.id}`));
    const note = app.fake.since(before, 'chat.postMessage').find((c) => c.args.channel === CHANNELS.intake && c.args.thread_ts === announcement!.ts);
    expect(JSON.stringify(note?.args.blocks)).toContain('submitted evidence for');
    expect(JSON.stringify(note?.args.blocks)).toContain('https://jira.example.com/browse/GOV-12');
  });

  it('shows a field error for a link that is not https and stores nothing', async () => {
    const claim = sys.claim('iso-42001', 'A.5.2');
    const before = await artifactCount();
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const view = await openedView(app, mark);
    const bad = await submit(app, USERS.owner, view, evidenceValues({ links: 'https://wiki.example.com/ok\nhttp://insecure.example.com/doc' }));
    expect(bad.body?.response_action).toBe('errors');
    expect(bad.body?.errors?.links).toMatch(/Line 2 must start with https:\/\//);
    const notALink = await submit(app, USERS.owner, view, evidenceValues({ links: 'ISO/IEC 42001 clause 6.1.4' }));
    expect(notALink.body?.errors?.links).toMatch(/not a web address/);
    expect(await artifactCount()).toBe(before);
    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row!.status).toBe('requested');
  });

  it('shows every other invalid answer under its own field at once', async () => {
    const claim = sys.claim('iso-42001', 'A.5.2');
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const view = await openedView(app, mark);
    const res = await submit(app, USERS.owner, view, evidenceValues({ evidenceDate: daysFromToday(3), periodFrom: daysFromToday(-10), periodTo: daysFromToday(-20), criteriaMet: null, description: '  ' }));
    expect(res.body?.response_action).toBe('errors');
    expect(Object.keys(res.body!.errors!).sort()).toEqual(['criteria_met', 'description', 'evidence_date', 'period_to']);
    expect(res.body?.errors?.period_to).toMatch(/cannot end before it starts/);
    expect(res.body?.errors?.evidence_date).toMatch(/cannot be after today/);
  });

  it('stores one artifact when the same submission arrives twice at once', async () => {
    const claim = sys.claim('iso-42001', 'A.5.4');
    const before = await artifactCount();
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const view = await openedView(app, mark);
    const values = evidenceValues();
    const [a, b] = await Promise.all([
      app.slack.viewSubmission({ user: USERS.owner, view, values }),
      app.slack.viewSubmission({ user: USERS.owner, view, values }, { retryNum: 1 }),
    ]);
    expect([a.body?.response_action, b.body?.response_action]).toEqual(['clear', 'clear']);
    expect(await artifactCount()).toBe(before + 1);
    expect(await artifactsOf(claim.id)).toHaveLength(1);
  });

  it('refuses a second answer from another modal opened by a double click on the card', async () => {
    const claim = sys.claim('iso-42001', 'A.5.5');
    const card = ownerCard(app, USERS.owner, sys.system.id);
    const v1 = await openedView(app, (await clickClaim(app, USERS.owner, card, ACTIONS.evidenceSubmit, claim.id)).mark);
    const v2 = await openedView(app, (await clickClaim(app, USERS.owner, card, ACTIONS.evidenceSubmit, claim.id)).mark);
    expect(v1.id).not.toBe(v2.id);
    const before = await artifactCount();
    expect((await submit(app, USERS.owner, v1, evidenceValues())).body?.response_action).toBe('clear');
    const again = await submit(app, USERS.owner, v2, evidenceValues({ links: 'https://wiki.example.com/other' }));
    expect(again.body?.response_action).toBe('errors');
    expect(again.body?.errors?.links).toMatch(/already answered/);
    expect(await artifactCount()).toBe(before + 1);
  });

  it('tells a stranger who clicks the owner\'s button that the claim is not theirs, and opens nothing', async () => {
    const claim = sys.claim('iso-42001', 'A.6.2.6');
    const { mark } = await clickClaim(app, USERS.stranger, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const reply = await app.fake.waitFor(() => app.fake.responsesSince(mark)[0], 3000);
    expect(reply.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(reply.body.text).toMatch(/not yours/);
    expect(app.fake.since(mark, 'views.open')).toEqual([]);
  });

  it('refuses a forged submission from a stranger naming the owner\'s claim, and changes nothing', async () => {
    const claim = sys.claim('iso-42001', 'A.6.2.6');
    const before = await artifactCount();
    const forged = { id: 'V0FORGED01', callback_id: 'aigov_evidence_submit', private_metadata: JSON.stringify({ claimId: claim.id }) };
    const res = await app.slack.viewSubmission({ user: USERS.stranger, view: forged, values: evidenceValues() });
    expect(res.body?.response_action).toBe('errors');
    expect(res.body?.errors?.links).toMatch(/not yours/);
    expect(await artifactCount()).toBe(before);
  });

  it('lets a governance admin answer someone else\'s claim', async () => {
    const claim = sys.claim('iso-42001', 'A.6.2.6');
    const { mark } = await clickClaim(app, USERS.admin, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id);
    const view = await openedView(app, mark);
    expect((await submit(app, USERS.admin, view, evidenceValues())).body?.response_action).toBe('clear');
    const [row] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(row).toMatchObject({ status: 'submitted', ownerId: USERS.owner });
  });
});
