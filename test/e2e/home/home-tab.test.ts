import { describe, expect, it, test } from '../../support/fixtures.js';
import { sql } from 'drizzle-orm';
import { auditEvents, evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { USERS, type TestApp } from '../../support/test-app.js';
import type { StoredView } from '../../support/fake-slack.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { mrkdwnTexts } from '../../support/message-text.js';
import { verbContext } from '../../support/verb-context.js';

const MANY = 'U0MANYCLAIMS';

describe('the App Home tab', () => {
  let app: TestApp;
  let seed: SeededGovernance;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    seed = await seedGovernance(app.database.db);
    // Eight high-risk systems owned by one person: 28 claims each, over 200 in all.
    for (let i = 1; i <= 8; i++) {
      const facts = SystemFacts.parse({
        name: `Screening model ${i}`, purpose: 'Screens applications.', owner: MANY, lifecycleStage: 'deployed', operatorRole: 'deployer',
        dataCategories: ['personal'], annexIIIPoint: '4(a)', supplier: 'Vendor', humanOversight: 'Reviewed.',
      });
      await registerSystem({ ctx: verbContext(app.database.db, USERS.requester), input: { facts, idempotencyKey: `many:${i}`, announce: false, requestEvidence: false } });
    }
    await registerSystem({ ctx: verbContext(app.database.db, USERS.requester), input: {
      facts: SystemFacts.parse({ name: '<!channel> ping bot', purpose: 'x', owner: USERS.owner, lifecycleStage: 'design', operatorRole: 'deployer', euNexus: false }),
      idempotencyKey: 'ping', announce: false, requestEvidence: false,
    } });
  });

  /** Opens the Home tab as Slack would and returns the view the bot published, and how long that took. */
  async function openHome(user: string, opts: { retryNum?: number; tab?: 'home' | 'messages' } = {}) {
    const mark = app.fake.mark();
    const started = Date.now();
    const res = await app.slack.appHomeOpened({ user, tab: opts.tab ?? 'home' }, opts.retryNum ? { retryNum: opts.retryNum } : {});
    expect(res.status).toBe(200);
    const call = await app.fake.waitFor(() => app.fake.since(mark, 'views.publish').find((c) => c.args.user_id === user));
    expect(call.ok, JSON.stringify(call.response)).toBe(true);
    return { view: app.fake.homeOf(user)!, ms: call.at - started };
  }
  const text = (view: StoredView) => mrkdwnTexts(view.blocks).join('\n') + JSON.stringify(view.blocks.filter((b: { type: string }) => b.type === 'header'));
  const buttons = (view: StoredView, actionId: string) =>
    view.blocks.flatMap((b: { accessory?: { action_id?: string; value?: string }; elements?: { action_id?: string; value?: string }[] }) => [b.accessory, ...(b.elements ?? [])])
      .filter((e: { action_id?: string } | undefined) => e?.action_id === actionId).map((e: { value?: string }) => e.value);

  it("shows an owner their systems with tier, next review and evidence progress, their open claims with the card's buttons, and a Register button", async () => {
    const { view, ms } = await openHome(USERS.owner);
    expect(ms).toBeLessThan(3000);
    const t = text(view);
    expect(t).toContain('Your AI systems (4)');
    expect(t).toMatch(/\*Applicant ranker\* `sys_[a-z0-9]+`\nHigh-risk · active · next review \d{4}-\d{2}-\d{2} · evidence: 4 of 28 claims answered · binding law: EU AI Act/);
    expect(t).toContain('Evidence waiting for you (');
    expect(t).not.toContain('Governance overview');
    expect(buttons(view, ACTIONS.registerSystem)).toEqual(['home']);
    expect(buttons(view, ACTIONS.openRecord)).toContain(seed.ids.ranker);
    const open = await app.database.db.select({ id: evidenceClaims.id }).from(evidenceClaims).where(sql`${evidenceClaims.ownerId} = ${USERS.owner} and ${evidenceClaims.status} in ('requested', 'stale')`);
    const shown = buttons(view, ACTIONS.evidenceSubmit);
    expect(shown).toHaveLength(10);
    expect(open.map((c) => c.id)).toEqual(expect.arrayContaining(shown));
    for (const id of shown) for (const action of [ACTIONS.evidenceReuse, ACTIONS.claimReassign, ACTIONS.claimCannotProvide]) expect(buttons(view, action)).toContain(id);
    expect(t).toContain(`…and ${open.length - 10} more open claims`);
    expect(t).toContain('Reviews due (1)');
    expect(buttons(view, ACTIONS.startReview)).toHaveLength(1);
  });

  it('escapes user text: a system named like a broadcast pings nobody', async () => {
    const { view } = await openHome(USERS.owner);
    const t = mrkdwnTexts(view.blocks).join('\n');
    expect(t).toContain('&lt;!channel&gt; ping bot');
    expect(t).not.toContain('<!channel>');
  });

  it('shows governance admins the portfolio above their own work: counts by tier and status, short overdue and exception lists with Open buttons', async () => {
    const { view } = await openHome(USERS.admin);
    const t = text(view);
    expect(t.indexOf('Governance overview')).toBeLessThan(t.indexOf('Your AI systems'));
    expect(t).toMatch(/\*14 AI systems\* by tier: .*High-risk: \*10\*/);
    expect(t).toContain('By status: active: *14*');
    expect(t).toMatch(/\*Overdue reviews\* \(1\)\n• \*Demand forecaster\* — due/);
    expect(t).toMatch(/\*Overdue evidence\* \(\d+\)\n(• .*\n){5}…and \d+ more/);
    expect(t).toMatch(/\*Open exceptions\* \(2\)/);
    expect(t).toMatch(/\*Risk acceptances expiring soon\* \(1\)\n• \*Credit limit model\* — accepted until \d{4}-\d{2}-\d{2} by <@U0ADMIN1>/);
    expect(buttons(view, ACTIONS.openRecord)).toEqual(expect.arrayContaining([seed.ids.forecaster, seed.ids.credit, seed.ids.emotion]));
    expect(t).toContain('Your AI systems (0)');
  });

  it('shows someone with nothing an empty state that still offers to register a system', async () => {
    const { view } = await openHome(USERS.stranger);
    const t = text(view);
    expect(t).toContain('You own no AI systems yet');
    expect(t).toContain('No evidence is waiting for you');
    expect(t).toContain('No reviews are due');
    expect(t).not.toContain('Governance overview');
    expect(buttons(view, ACTIONS.registerSystem)).toEqual(['home']);
    expect(view.blocks.length).toBeLessThan(15);
  });

  it('stays within 100 blocks for an owner of over 200 claims, saying how many more there are', async () => {
    const [{ n }] = await app.database.db.select({ n: sql<number>`count(*)::int` }).from(evidenceClaims).where(sql`${evidenceClaims.ownerId} = ${MANY}`) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(200);
    const { view, ms } = await openHome(MANY);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    expect(ms).toBeLessThan(3000);
    expect(text(view)).toContain(`Evidence waiting for you (${n})`);
    expect(text(view)).toContain(`…and ${n - 10} more open claims`);
  });

  it('publishes the same tab again on a Slack retry and records nothing', async () => {
    const count = async () => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(auditEvents))[0]!.n;
    const before = await count();
    const first = await openHome(USERS.owner2);
    const again = await openHome(USERS.owner2, { retryNum: 1 });
    expect(again.view.id).toBe(first.view.id);
    expect(again.view.blocks.map((b: { type: string }) => b.type)).toEqual(first.view.blocks.map((b: { type: string }) => b.type));
    expect(await count()).toBe(before);
  });

  it('ignores the Messages tab', async () => {
    const mark = app.fake.mark();
    const res = await app.slack.appHomeOpened({ user: USERS.requester, tab: 'messages' });
    expect(res.status).toBe(200);
    await new Promise((r) => setTimeout(r, 200));
    expect(app.fake.since(mark, 'views.publish')).toEqual([]);
  });

  it('hands a click on a claim or review button to the same forms as the DMs', async () => {
    const { view } = await openHome(USERS.owner);
    const claimId = buttons(view, ACTIONS.evidenceSubmit)[0];
    let mark = app.fake.mark();
    expect((await app.slack.blockActions({ user: USERS.owner, actionId: ACTIONS.evidenceSubmit, view, value: claimId, blockId: `home-claim:${claimId}` })).status).toBe(200);
    const submitForm = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok));
    expect((submitForm.response!.view as StoredView).callback_id).toBe('aigov_evidence_submit');
    expect(JSON.stringify((submitForm.response!.view as StoredView).private_metadata)).toContain(claimId);
    mark = app.fake.mark();
    expect((await app.slack.blockActions({ user: USERS.owner, actionId: ACTIONS.startReview, view })).status).toBe(200);
    const reviewForm = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok));
    expect((reviewForm.response!.view as StoredView).callback_id).toBe('aigov_review_record');
  });

  it('opens the intake modal from the Register an AI system button', async () => {
    const { view } = await openHome(USERS.stranger);
    const mark = app.fake.mark();
    const res = await app.slack.blockActions({ user: USERS.stranger, actionId: ACTIONS.registerSystem, view });
    expect(res.status).toBe(200);
    const opened = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok));
    expect((opened.response!.view as StoredView).callback_id).toBe('aigov_intake_start');
  });
});
