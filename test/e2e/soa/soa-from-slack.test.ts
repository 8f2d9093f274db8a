import { describe, expect, it, test } from '../../support/fixtures.js';
import { like } from 'drizzle-orm';
import { aimsScopes, auditEvents, soaControls, soaDecisions, soaVersions } from '../../../src/db/schema/index.js';
import { decideControl } from '../../../src/app/soa/decide-control.js';
import { loadSoaState } from '../../../src/app/soa/load-soa.js';
import { ACTIONS, VIEWS } from '../../../src/slack/ids.js';
import { CHANNELS, USERS, type TestApp } from '../../support/test-app.js';
import type { SlackArgs, StoredView } from '../../support/fake-slack.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { openedView } from '../../support/evidence-flow.js';
import { mrkdwnTexts } from '../../support/message-text.js';
import { plainTextValue, radioButtonsValue, staticSelectValue, usersSelectValue, type ViewStateValues } from '../../support/view-state.js';
import { verbContext } from '../../support/verb-context.js';

describe('the Statement of Applicability from Slack: App Home decisions and /aigov soa approve', () => {
  let app: TestApp;
  let seed: SeededGovernance;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    seed = await seedGovernance(app.database.db);
  });

  async function command(user: string, text: string, opts: { expectReply?: boolean } = {}) {
    const mark = app.fake.mark();
    const res = await app.slack.slashCommand({ user, text });
    expect(res.status).toBe(200);
    const reply = opts.expectReply === false ? undefined : await app.fake.waitFor(() => app.fake.responsesSince(mark)[0], 5000);
    return { ack: res.body as SlackArgs | null, reply: (reply?.body ?? {}) as SlackArgs };
  }
  async function openHome(user: string): Promise<StoredView> {
    const mark = app.fake.mark();
    expect((await app.slack.appHomeOpened({ user })).status).toBe(200);
    await app.fake.waitFor(() => app.fake.since(mark, 'views.publish').find((c) => c.args.user_id === user));
    return app.fake.homeOf(user)!;
  }
  async function clickOnHome(user: string, actionId: string) {
    const home = app.fake.homeOf(user) ?? await openHome(user);
    const mark = app.fake.mark();
    expect((await app.slack.blockActions({ user, actionId, view: home })).status).toBe(200);
    return mark;
  }
  const submit = (user: string, view: StoredView, values: ViewStateValues) => app.slack.viewSubmission({ user, view, values });
  const counts = async () => ({
    decisions: (await app.database.db.select().from(soaDecisions)).length,
    scopes: (await app.database.db.select().from(aimsScopes)).length,
    versions: (await app.database.db.select().from(soaVersions)).length,
  });
  const controlValues = (o: { control?: string | null; owner?: string | null; applicability?: string; justification?: string | null }): ViewStateValues => ({
    control: { value: staticSelectValue(o.control === undefined ? 'A.8.5' : o.control) },
    owner: { value: usersSelectValue(o.owner ?? null) },
    applicability: { value: radioButtonsValue(o.applicability ?? 'unchanged') },
    justification: { value: plainTextValue(o.justification ?? null) },
  });

  describe('/aigov soa approve', () => {
    it('is refused to someone who is not a governance admin, storing nothing', async () => {
      const { ack } = await command(USERS.owner, 'soa approve', { expectReply: false });
      expect(ack).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('Only governance admins') });
      expect((await counts()).versions).toBe(0);
    });

    it('answers anything but "approve" with its usage', async () => {
      const { ack } = await command(USERS.admin, 'soa', { expectReply: false });
      expect(ack).toMatchObject({ response_type: 'ephemeral', text: expect.stringContaining('/aigov soa approve') });
    });

    it('lists the open required decisions where the admin is, and approves nothing', async () => {
      const { reply } = await command(USERS.admin, 'soa approve');
      expect(reply.response_type).toBe('ephemeral');
      expect(reply.text).toMatch(/^The Statement of Applicability cannot be approved yet: \d+ required decisions are open\.\n• The AIMS scope is not recorded\.\n• A\.2\.2: applicable and has no owner\./);
      expect((await counts()).versions).toBe(0);
    });
  });

  describe('the governance view of the App Home', () => {
    it('shows the document as a draft with its open decisions and the admin\'s buttons; an owner does not see it', async () => {
      const home = await openHome(USERS.admin);
      const t = mrkdwnTexts(home.blocks).join('\n');
      expect(t).toContain('*Statement of Applicability* (ISO/IEC 42001 Annex A) — *Draft*: no version approved yet.');
      expect(t).toMatch(/decisions open before approval:\*\n• The AIMS scope is not recorded\./);
      expect(JSON.stringify(home.blocks)).toContain(ACTIONS.soaRecordScope);
      const ownerHome = await openHome(USERS.owner);
      expect(JSON.stringify(ownerHome.blocks)).not.toContain(ACTIONS.soaDecideControl);
    });

    it('opens no form for someone who is not an admin', async () => {
      const mark = app.fake.mark();
      const home = await openHome(USERS.admin);
      // The same button, clicked by an owner who somehow has it.
      expect((await app.slack.blockActions({ user: USERS.owner, actionId: ACTIONS.soaDecideControl, view: home })).status).toBe(200);
      await app.fake.waitFor(() => app.fake.since(mark, 'chat.postMessage').find((c) => String(c.args.text).includes('Only governance admins')), 3000);
      expect(app.fake.since(mark, 'views.open')).toEqual([]);
    });

    it('records the AIMS scope from its form, with field errors for a bad one', async () => {
      const view = await openedView(app, await clickOnHome(USERS.admin, ACTIONS.soaRecordScope));
      expect(view.callback_id).toBe(VIEWS.soaScope);
      const bad = await submit(USERS.admin, view, { scope_statement: { value: plainTextValue('  ') }, scope_systems: { value: { type: 'multi_external_select', selected_options: [] } }, scope_units: { value: plainTextValue(null) } });
      expect(bad.body).toEqual({ response_action: 'errors', errors: { scope_statement: 'Say what the AI management system covers.' } });
      expect((await counts()).scopes).toBe(0);
      const mark = app.fake.mark();
      const ok = await submit(USERS.admin, view, {
        scope_statement: { value: plainTextValue('AI systems Acme develops or uses in recruiting, lending and customer support.') },
        scope_systems: { value: { type: 'multi_external_select', selected_options: [{ text: { type: 'plain_text', text: 'Applicant ranker' }, value: seed.ids.ranker }] } },
        scope_units: { value: plainTextValue('People\nLending') },
      });
      expect(ok.body).toEqual({ response_action: 'clear' });
      const [scope] = await app.database.db.select().from(aimsScopes);
      expect(scope).toMatchObject({ systemIds: [seed.ids.ranker], units: ['People', 'Lending'], recordedBy: USERS.admin });
      await app.fake.waitFor(() => app.fake.since(mark, 'views.publish').find((c) => c.args.user_id === USERS.admin), 3000);
      expect(mrkdwnTexts(app.fake.homeOf(USERS.admin)!.blocks).join('\n')).toContain('scope recorded');
    });

    it('refuses an exclusion without a justification under the field, storing nothing', async () => {
      const view = await openedView(app, await clickOnHome(USERS.admin, ACTIONS.soaDecideControl));
      expect(view.callback_id).toBe(VIEWS.soaControl);
      const before = await counts();
      const res = await submit(USERS.admin, view, controlValues({ applicability: 'excluded' }));
      expect(res.body).toEqual({ response_action: 'errors', errors: { justification: 'An exclusion needs a justification: say why this control does not apply to the organisation.' } });
      expect(await counts()).toEqual(before);
    });

    it('records an owner and a justified exclusion as decision records with audit events', async () => {
      const view = await openedView(app, await clickOnHome(USERS.admin, ACTIONS.soaDecideControl));
      const res = await submit(USERS.admin, view, controlValues({ owner: USERS.owner2, applicability: 'excluded', justification: 'Assurance packs are answered by the group trust centre, outside this AIMS.' }));
      expect(res.body).toEqual({ response_action: 'clear' });
      const [row] = (await app.database.db.select().from(soaControls)).filter((r) => r.controlId === 'A.8.5');
      expect(row).toMatchObject({ ownerId: USERS.owner2, decision: 'excluded', ruleOutcome: 'not_applicable', decidedBy: USERS.admin });
      const audit = await app.database.db.select().from(auditEvents).where(like(auditEvents.action, 'soa.%'));
      const decided = audit.find((a) => a.action === 'soa.applicability_decided')!;
      expect(decided.origin).toMatchObject({ via: 'slack', surface: 'view_submission' });
    });

    it('tells the new owner by DM what they own and what evidence is missing for it', async () => {
      const mark = app.fake.mark();
      const view = await openedView(app, await clickOnHome(USERS.admin, ACTIONS.soaDecideControl));
      expect((await submit(USERS.admin, view, controlValues({ control: 'A.5.2', owner: USERS.owner2 }))).body).toEqual({ response_action: 'clear' });
      await app.deliver();
      const dm = app.fake.since(mark, 'chat.postMessage').find((c) => c.ok && c.args.channel === USERS.owner2 && String(c.args.text).startsWith('You now own the ISO/IEC 42001 Annex A control A.5.2'));
      expect(dm, 'a DM to the new owner').toBeDefined();
      const t = mrkdwnTexts(dm!.args.blocks).join('\n');
      expect(t).toContain(`You now own the ISO/IEC 42001 Annex A control *A.5.2* AI system impact assessment process in the Statement of Applicability (assigned by <@${USERS.admin}>).`);
      expect(t).toMatch(/\*Evidence still missing \(2\):\*\n• (Customer support assistant|Demand forecaster) — requested, due \d{4}-\d{2}-\d{2}/);
    });

    it('gives a NIST AI RMF outcome an owner from its own form', async () => {
      const view = await openedView(app, await clickOnHome(USERS.admin, ACTIONS.soaNistOwner));
      const res = await submit(USERS.admin, view, { control: { value: staticSelectValue('GOVERN 2.1') }, owner: { value: usersSelectValue(USERS.owner) } });
      expect(res.body).toEqual({ response_action: 'clear' });
      expect((await app.database.db.select().from(soaControls)).find((r) => r.controlId === 'GOVERN 2.1')).toMatchObject({ framework: 'nist-ai-rmf', ownerId: USERS.owner });
    });
  });

  it('approves the document as version 1 once nothing is open, and says nothing changed when asked again', async () => {
    const db = app.database.db;
    const state = await loadSoaState(db, { asOf: new Date(), sampleSize: 0 });
    for (const l of state.lines.filter((x) => x.applicable === 'yes' && !x.ownerId)) {
      await decideControl({ ctx: verbContext(db, USERS.admin), input: { framework: 'iso-42001', controlId: l.controlId, ownerId: USERS.owner } });
    }
    // The new owner's DMs go out first: drawn at delivery, they would otherwise share the database with the approval.
    await app.deliver();
    const { reply } = await command(USERS.admin, 'soa approve');
    expect(reply.text).toMatch(/^Approved the Statement of Applicability as version 1 on \d{4}-\d{2}-\d{2} \(the first approved version\)\./);
    const [version] = await db.select().from(soaVersions);
    expect(version).toMatchObject({ number: 1, approvedBy: USERS.admin });
    const mark = app.fake.mark();
    await app.deliver();
    expect(app.fake.since(mark, 'chat.postMessage').filter((c) => c.ok && c.args.channel === CHANNELS.governance).map((c) => c.args.text))
      .toEqual([`Statement of Applicability version 1 approved by <@${USERS.admin}> (the first approved version). \`/aigov export soa md\` sends it.`]);
    const again = await command(USERS.admin, 'soa approve');
    expect(again.reply.text).toMatch(/^Nothing changed since version 1 \(approved by <@U0ADMIN1> on \d{4}-\d{2}-\d{2}\): it stays the current version\./);
    expect((await counts()).versions).toBe(1);
    const home = await openHome(USERS.admin);
    expect(mrkdwnTexts(home.blocks).join('\n')).toMatch(/:white_check_mark: Approved version 1, approved by <@U0ADMIN1> on \d{4}-\d{2}-\d{2}\./);
  });
});
