import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import { auditEvents, evidenceClaims } from '../../../src/db/schema/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import type { StoredView } from '../../support/fake-slack.js';
import { USERS, type TestApp } from '../../support/test-app.js';
import { submit } from '../../support/intake-flow.js';
import { clickClaim, evidenceValues, openedView, ownerCard, registeredSystem, type EvidenceAnswers } from '../../support/evidence-flow.js';
import { staticSelectValue } from '../../support/view-state.js';

describe('reusing evidence across frameworks', () => {
  let app: TestApp;
  let sys: Awaited<ReturnType<typeof registeredSystem>>;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    sys = await registeredSystem(app, USERS.requester, { name: 'Credit scorer', annexIII: '5(b)', data: ['personal'] });
  });

  const claimRow = async (id: string) => (await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, id)))[0]!;

  async function answer(source: string, requirementId: string, answers: EvidenceAnswers = {}) {
    const claim = sys.claim(source, requirementId);
    const view = await openedView(app, (await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id)).mark);
    expect((await submit(app, USERS.owner, view, evidenceValues(answers))).body?.response_action).toBe('clear');
    await app.deliver();
    return claimRow(claim.id);
  }

  /** Clicks Reuse evidence and returns the modal once the candidates have been filled in. */
  async function reuseModal(claimId: string): Promise<StoredView> {
    const { mark } = await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceReuse, claimId);
    const opened = await openedView(app, mark);
    const update = await app.fake.waitFor(() => app.fake.since(mark, 'views.update').find((c) => c.ok && c.args.view_id === opened.id), 3000);
    return update.response!.view as StoredView;
  }

  it('offers evidence of a crosswalk-mapped requirement and links both claims to the one artifact', async () => {
    const nist = await answer('nist-ai-rmf', 'MAP 1.1');
    const iso = sys.claim('iso-42001', '6.1.4');
    const modal = await reuseModal(iso.id);
    const select = modal.blocks.find((b: { block_id: string }) => b.block_id === 'artifact');
    expect(select.element.options.map((o: { value: string }) => o.value)).toEqual([nist.artifactId]);
    expect(select.element.options[0].text.text).toContain('MAP 1.1');

    const done = await submit(app, USERS.owner, modal, { artifact: { value: staticSelectValue(nist.artifactId!) } });
    expect(done.body?.response_action).toBe('clear');
    const reused = await claimRow(iso.id);
    expect(reused).toMatchObject({ status: 'reused', artifactId: nist.artifactId });
    const [event] = await app.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, iso.id), eq(auditEvents.action, 'evidence.reused')));
    expect((event!.after as { reason: string }).reason).toMatch(/can be reused/);
    await app.deliver();
    expect(JSON.stringify(ownerCard(app, USERS.owner, sys.system.id).blocks)).not.toContain(`claim:${iso.id}`);
  });

  it('does not offer evidence judged against its own acceptance criteria, and says which condition failed', async () => {
    await answer('nist-ai-rmf', 'MEASURE 2.3', { criteria: 'Disparate impact ratio above 0.8 on the 2024 applicant data' });
    const iso = sys.claim('iso-42001', 'A.6.2.6');
    const modal = await reuseModal(iso.id);
    expect(modal.blocks.some((b: { type: string }) => b.type === 'input')).toBe(false);
    expect(modal.submit).toBeNull();
    const text = JSON.stringify(modal.blocks);
    expect(text).toContain('Not reusable here');
    expect(text).toContain('same acceptance criteria');
    expect(text).toMatch(/different acceptance criteria/);
  });

  it('refuses a submission naming a refused artifact with the reason under the field, and changes nothing', async () => {
    const measure = await claimRow(sys.claim('nist-ai-rmf', 'MEASURE 2.3').id);
    const iso = sys.claim('iso-42001', 'A.6.2.6');
    const forged = { id: 'V0FORGEDREUSE', callback_id: 'aigov_evidence_reuse', private_metadata: JSON.stringify({ claimId: iso.id }) };
    const res = await app.slack.viewSubmission({ user: USERS.owner, view: forged, values: { artifact: { value: staticSelectValue(measure.artifactId!) } } });
    expect(res.body?.response_action).toBe('errors');
    expect(res.body?.errors?.artifact).toMatch(/different acceptance criteria/);
    expect((await claimRow(iso.id)).status).toBe('requested');
  });

  it('explains the crosswalk when nothing maps to the claim', async () => {
    const eu = sys.claims.find((c) => c.source === 'eu-ai-act')!;
    const modal = await reuseModal(eu.id);
    const text = JSON.stringify(modal.blocks);
    expect(text).toContain('No evidence can be reused');
    expect(text).toMatch(/Failed: _crosswalk_/);
  });

  it('refuses evidence owned by someone else once the claim has been reassigned', async () => {
    const nist = await claimRow(sys.claim('nist-ai-rmf', 'MAP 1.1').id);
    const iso = sys.claim('iso-42001', 'A.5.2');
    const reassign = await openedView(app, (await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.claimReassign, iso.id)).mark);
    expect((await submit(app, USERS.owner, reassign, { new_owner: { value: { type: 'users_select', selected_user: USERS.owner2 } } })).body?.response_action).toBe('clear');
    await app.deliver();
    const { mark } = await clickClaim(app, USERS.owner2, ownerCard(app, USERS.owner2, sys.system.id), ACTIONS.evidenceReuse, iso.id);
    const opened = await openedView(app, mark);
    const update = await app.fake.waitFor(() => app.fake.since(mark, 'views.update').find((c) => c.ok && c.args.view_id === opened.id), 3000);
    const text = JSON.stringify((update.response!.view as StoredView).blocks);
    expect(text).toContain('same owner');
    expect(text).toContain('different evidence owners');
    expect(text).not.toContain(`"value":"${nist.artifactId}"`);
  });
});
