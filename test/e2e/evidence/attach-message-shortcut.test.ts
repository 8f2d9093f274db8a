import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq, sql } from 'drizzle-orm';
import { auditEvents, evidenceArtifacts, evidenceClaims } from '../../../src/db/schema/index.js';
import { SHORTCUTS } from '../../../src/slack/ids.js';
import { USERS, type TestApp } from '../../support/test-app.js';
import type { StoredView } from '../../support/fake-slack.js';
import { submit } from '../../support/intake-flow.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { datepickerValue, plainTextValue, radioButtonsValue, staticSelectValue, type ViewStateValues } from '../../support/view-state.js';

const MESSAGE = { channel: 'C0RISK', ts: '1760000000.000200', text: 'Minutes of the AI risk committee, 2 Oct: bias report reviewed, no findings.', user: USERS.owner };
const today = () => new Date().toISOString().slice(0, 10);

function attachValues(claimId: string, over: Partial<Record<string, string>> = {}): ViewStateValues {
  return {
    claim: { value: staticSelectValue(claimId) },
    kind: { value: staticSelectValue(over.kind ?? 'review_minutes') },
    description: { value: plainTextValue(over.description ?? 'Committee minutes approving the bias report.') },
    evidence_date: { value: datepickerValue(over.evidenceDate ?? today()) },
    period_from: { value: datepickerValue(over.periodFrom ?? today()) },
    period_to: { value: datepickerValue(over.periodTo ?? '2099-12-31') },
    criteria_met: { value: radioButtonsValue('yes') },
  };
}

describe('shortcuts', () => {
  let app: TestApp;
  let seed: SeededGovernance;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    seed = await seedGovernance(app.database.db);
  });

  /** Uses "Attach as evidence" on MESSAGE; returns the form Slack shows once the placeholder is replaced. */
  async function attachShortcut(user: string): Promise<StoredView> {
    const mark = app.fake.mark();
    const res = await app.slack.messageShortcut({ user, callbackId: SHORTCUTS.attachEvidence, message: MESSAGE });
    expect(res.status).toBe(200);
    const opened = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok));
    const update = await app.fake.waitFor(() => app.fake.since(mark, 'views.update').find((c) => c.ok));
    expect(update.args.view_id).toBe((opened.response!.view as StoredView).id);
    return app.fake.view(String(update.args.view_id))!;
  }
  const claimOptions = (view: StoredView) => view.blocks.find((b: { block_id: string }) => b.block_id === 'claim')?.element.options.map((o: { value: string }) => o.value) ?? [];

  it('opens the intake modal from the global Register an AI system shortcut', async () => {
    const mark = app.fake.mark();
    const res = await app.slack.globalShortcut({ user: USERS.stranger, callbackId: SHORTCUTS.registerSystem });
    expect(res.status).toBe(200);
    const call = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok));
    expect((call.response!.view as StoredView).callback_id).toBe('aigov_intake_start');
  });

  it('offers only my own open claims to attach a message to, with its permalink', async () => {
    const view = await attachShortcut(USERS.owner2);
    const mine = await app.database.db.select({ id: evidenceClaims.id }).from(evidenceClaims)
      .where(sql`${evidenceClaims.ownerId} = ${USERS.owner2} and ${evidenceClaims.status} in ('requested', 'stale')`);
    expect(claimOptions(view).sort()).toEqual(mine.map((c) => c.id).sort());
    expect(JSON.stringify(view.blocks)).toContain(`archives/${MESSAGE.channel}/p1760000000000200`);
    expect(view.submit?.text).toBe('Attach');
  });

  it('records the message permalink as the artifact, answers the claim, audits it and refreshes the Home tab', async () => {
    const claim = (await app.database.db.select().from(evidenceClaims)
      .where(and(eq(evidenceClaims.systemId, seed.ids.credit), eq(evidenceClaims.requirementId, 'A.5.4'))))[0]!;
    const view = await attachShortcut(USERS.owner2);
    const mark = app.fake.mark();
    const done = await submit(app, USERS.owner2, view, attachValues(claim.id));
    expect(done.res.status).toBe(200);
    expect(done.body).toBeNull();
    const [answered] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claim.id));
    expect(answered!.status).toBe('submitted');
    const [artifact] = await app.database.db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, answered!.artifactId!));
    expect(artifact).toMatchObject({ kind: 'review_minutes', links: [`https://aigov-test.slack.com/archives/${MESSAGE.channel}/p1760000000000200`], submittedBy: USERS.owner2, periodTo: '2099-12-31' });
    const [audit] = await app.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, claim.id), eq(auditEvents.action, 'evidence.submitted')));
    expect(audit!.origin).toMatchObject({ via: 'slack', surface: 'message_shortcut', channel: MESSAGE.channel, messageTs: MESSAGE.ts });
    await app.fake.waitFor(() => app.fake.since(mark, 'views.publish').find((c) => c.args.user_id === USERS.owner2));

    const again = await app.slack.viewSubmission({ user: USERS.owner2, view, values: attachValues(claim.id) }, { retryNum: 1 });
    expect(again.status).toBe(200);
    const artifacts = await app.database.db.select({ id: evidenceArtifacts.id }).from(evidenceArtifacts).where(eq(evidenceArtifacts.idempotencyKey, `attach:${view.id}`));
    expect(artifacts).toHaveLength(1);
  });

  it("refuses a claim that is not mine, under the claim field, and stores nothing", async () => {
    const others = (await app.database.db.select().from(evidenceClaims)
      .where(and(eq(evidenceClaims.ownerId, USERS.owner), eq(evidenceClaims.status, 'requested'))).limit(1))[0]!;
    const view = await attachShortcut(USERS.owner2);
    const done = await submit(app, USERS.owner2, view, attachValues(others.id));
    expect(done.body?.response_action).toBe('errors');
    expect(done.body?.errors?.claim).toMatch(/not yours/);
    const [still] = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, others.id));
    expect(still!.status).toBe('requested');
  });

  it('shows field errors for a period that ends before it starts', async () => {
    const claim = (await app.database.db.select().from(evidenceClaims)
      .where(and(eq(evidenceClaims.ownerId, USERS.owner2), eq(evidenceClaims.status, 'requested'))).limit(1))[0]!;
    const view = await attachShortcut(USERS.owner2);
    const done = await submit(app, USERS.owner2, view, attachValues(claim.id, { periodFrom: today(), periodTo: '2001-01-01' }));
    expect(done.body?.response_action).toBe('errors');
    expect(Object.keys(done.body!.errors!)).toEqual(['period_to']);
  });

  it('tells someone with no open claims there is nothing to attach to', async () => {
    const view = await attachShortcut(USERS.stranger);
    expect(view.submit ?? null).toBeNull();
    expect(JSON.stringify(view.blocks)).toContain('no open evidence requests');
  });

  it('explains when the message cannot be linked, rather than storing an artifact without a link', async () => {
    app.fake.failNext('chat.getPermalink', { error: 'channel_not_found' });
    const view = await attachShortcut(USERS.owner2);
    expect(view.submit ?? null).toBeNull();
    expect(JSON.stringify(view.blocks)).toContain('aigov has to be a member of the conversation');
  });
});
