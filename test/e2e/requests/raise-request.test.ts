import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq, sql } from 'drizzle-orm';
import { aiSystems, evidenceClaims, intakeRequests, reviews, slackMessages, statutoryDeadlines } from '../../../src/db/schema/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import type { StoredView } from '../../support/fake-slack.js';
import { USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { openIntake, submit } from '../../support/intake-flow.js';
import { clickClaim, evidenceValues, openedView, ownerCard, registeredSystem, today } from '../../support/evidence-flow.js';
import { mrkdwnTexts } from '../../support/message-text.js';
import { checkboxesValue, datepickerValue, externalSelectValue, plainTextValue, radioButtonsValue, staticSelectValue } from '../../support/view-state.js';

describe('a material change makes dependent evidence stale', () => {
  let app: TestApp;
  let sys: Awaited<ReturnType<typeof registeredSystem>>;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    // Outside the EU and without personal data it owes few enough claims that every one fits on the card.
    sys = await registeredSystem(app, USERS.requester, { name: 'Support chatbot', euNexus: 'no', annexIII: 'none', data: ['none'], supplier: 'OpenAI' });
  });

  const claimRow = async (id: string) => (await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, id)))[0]!;
  const count = async (table: typeof intakeRequests | typeof reviews) => (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

  async function answer(source: string, requirementId: string) {
    const claim = sys.claim(source, requirementId);
    const view = await openedView(app, (await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.evidenceSubmit, claim.id)).mark);
    expect((await submit(app, USERS.owner, view, evidenceValues())).body?.response_action).toBe('clear');
    return claim;
  }

  /** /aigov → "what is affected" → the request form for that kind. */
  async function requestForm(kind: string, trigger: string): Promise<StoredView> {
    const start = await openIntake(app, USERS.requester);
    const next = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue(kind) }, trigger: { value: staticSelectValue(trigger) } });
    expect(next.body?.response_action).toBe('push');
    return next.next!;
  }

  it('lists registered systems by name in the form\'s system menu', async () => {
    const form = await requestForm('change', 'material_change');
    const res = await app.slack.blockSuggestion({ user: USERS.requester, view: form, actionId: 'system_ref', blockId: 'system', value: 'support' });
    expect(res.status).toBe(200);
    expect(res.body.options).toEqual([{ text: { type: 'plain_text', text: 'Support chatbot', emoji: true }, value: sys.system.id }]);
    const none = await app.slack.blockSuggestion({ user: USERS.requester, view: form, actionId: 'system_ref', blockId: 'system', value: 'no such system' });
    expect(none.body.options).toEqual([]);
  });

  it('marks answered evidence stale with the reason, asks for it again and makes a review due, from Report change', async () => {
    const answered = [await answer('iso-42001', '6.1.4'), await answer('nist-ai-rmf', 'MAP 1.1')];
    await app.deliver();
    const [announcement] = await app.database.db.select().from(slackMessages).where(eq(slackMessages.key, `announcement:${sys.system.id}`));
    const card = app.fake.message(announcement!.channel, announcement!.ts)!;
    const { mark } = await (async () => {
      const m = app.fake.mark();
      const res = await app.slack.blockActions({ user: USERS.requester, actionId: ACTIONS.reportChange, message: { channel: card.channel, ts: card.ts, blocks: card.blocks } });
      expect(res.status).toBe(200);
      return { mark: m };
    })();
    const form = await openedView(app, mark);
    expect(form.callback_id).toBe('aigov_intake_request');
    const select = form.blocks.find((b: { block_id: string }) => b.block_id === 'system');
    expect(select.element.initial_option.value).toBe(sys.system.id);

    const values = {
      system: { value: externalSelectValue(sys.system.id, 'Support chatbot') },
      changed: { value: checkboxesValue(['lifecycle']) },
      lifecycle_stage: { value: staticSelectValue('validation') },
      description: { value: plainTextValue('Taken back to validation after a failed rollout.') },
    };
    const before = Date.now();
    const sent = app.fake.mark();
    const done = await submit(app, USERS.requester, form, values);
    expect(done.body?.response_action).toBe('clear');

    for (const c of answered) {
      const row = await claimRow(c.id);
      expect(row.status).toBe('stale');
      expect(row.staleReason).toMatch(/lifecycle stage changed from deployed to validation/);
      expect(row.dueAt.getTime()).toBeGreaterThan(before + 13 * 86_400_000);
    }
    expect((await claimRow(sys.claim('iso-42001', 'A.5.2').id)).status).toBe('requested');
    const [system] = await app.database.db.select().from(aiSystems).where(eq(aiSystems.id, sys.system.id));
    expect(system!.lifecycleStage).toBe('validation');
    const due = await app.database.db.select().from(reviews).where(eq(reviews.systemId, sys.system.id));
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ dueReason: 'materially_changed', status: 'due' });
    const [request] = await app.database.db.select().from(intakeRequests).where(and(eq(intakeRequests.systemId, sys.system.id), eq(intakeRequests.kind, 'change')));
    expect(request).toMatchObject({ trigger: 'material_change', requesterId: USERS.requester, idempotencyKey: `view:${form.id}` });

    const again = await app.slack.viewSubmission({ user: USERS.requester, view: form, values }, { retryNum: 1 });
    expect(again.status).toBe(200);
    expect(await app.database.db.select().from(reviews).where(eq(reviews.systemId, sys.system.id))).toHaveLength(1);
    expect((await app.database.db.select().from(intakeRequests).where(eq(intakeRequests.idempotencyKey, `view:${form.id}`)))).toHaveLength(1);

    await app.deliver();
    const ownerText = mrkdwnTexts(ownerCard(app, USERS.owner, sys.system.id).blocks).join('\n');
    expect(ownerText).toContain('stale — needs new evidence');
    expect(ownerText).toContain('Why: Material change');
    expect(JSON.stringify(ownerCard(app, USERS.owner, sys.system.id).blocks)).toContain(`claim:${answered[0]!.id}`);
    const note = app.fake.since(sent, 'chat.postMessage').find((c) => c.args.channel === CHANNELS.intake && c.args.thread_ts === announcement!.ts);
    expect(mrkdwnTexts(note?.args.blocks).join('\n')).toContain('Evidence marked stale and requested again:* 2');
    expect(app.fake.since(sent, 'chat.postMessage').some((c) => c.args.channel === USERS.requester && String(c.args.text).includes('Recorded your request'))).toBe(true);
  });

  it('marks stale only the evidence collected under the old supplier after a supplier change', async () => {
    const renewed = await answer('iso-42001', '6.1.4');
    const form = await requestForm('supplier', 'supplier_change');
    const done = await submit(app, USERS.requester, form, {
      system: { value: externalSelectValue(sys.system.id) },
      supplier: { value: plainTextValue('Anthropic') },
      description: { value: plainTextValue('Moved the assistant to another model provider.') },
    });
    expect(done.body?.response_action).toBe('clear');
    const row = await claimRow(renewed.id);
    expect(row.status).toBe('stale');
    expect(row.staleReason).toMatch(/supplier changed from "OpenAI" to "Anthropic"/);
    const [system] = await app.database.db.select().from(aiSystems).where(eq(aiSystems.id, sys.system.id));
    expect(system!.supplier).toBe('Anthropic');
    expect((await app.database.db.select().from(reviews).where(and(eq(reviews.systemId, sys.system.id), eq(reviews.dueReason, 'materially_changed'))))).toHaveLength(1);
  });

  it('shows field errors for a change form without a system or a new lifecycle stage, and records nothing', async () => {
    const before = await count(intakeRequests);
    const form = await requestForm('change', 'material_change');
    const res = await submit(app, USERS.requester, form, {
      system: { value: externalSelectValue(null) }, changed: { value: checkboxesValue(['lifecycle']) },
      lifecycle_stage: { value: staticSelectValue(null) }, description: { value: plainTextValue('Moved to production') },
    });
    expect(res.body?.response_action).toBe('errors');
    expect(Object.keys(res.body!.errors!).sort()).toEqual(['lifecycle_stage', 'system']);
    expect(await count(intakeRequests)).toBe(before);
  });

  it('starts the Art. 73 legal clock for a serious incident and posts it to the governance channel as a legal deadline', async () => {
    const form = await requestForm('incident', 'incident');
    const mark = app.fake.mark();
    const done = await submit(app, USERS.requester, form, {
      system: { value: externalSelectValue(sys.system.id) }, serious: { value: radioButtonsValue('yes') }, severity: { value: staticSelectValue('general') },
      aware_on: { value: datepickerValue(today()) }, description: { value: plainTextValue('The assistant gave dangerous medical advice to a customer.') },
    });
    expect(done.body?.response_action).toBe('clear');
    const [deadline] = await app.database.db.select().from(statutoryDeadlines).where(eq(statutoryDeadlines.systemId, sys.system.id));
    expect(deadline).toMatchObject({ ref: 'Art. 73(2)', status: 'open' });
    expect(deadline!.dueAt.toISOString()).toBe(new Date(Date.parse(`${today()}T00:00:00Z`) + 15 * 86_400_000).toISOString());
    const [request] = await app.database.db.select().from(intakeRequests).where(eq(intakeRequests.idempotencyKey, `view:${form.id}`));
    expect(request).toMatchObject({ kind: 'incident', seriousIncident: true });
    await app.deliver();
    const post = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === CHANNELS.governance);
    expect(String(post?.args.text)).toMatch(/^LEGAL DEADLINE \(EU AI Act Art\. 73\(2\)\)/);
  });

  it('asks which deadline applies when an incident is marked serious without one', async () => {
    const form = await requestForm('incident', 'incident');
    const res = await submit(app, USERS.requester, form, {
      system: { value: externalSelectValue(sys.system.id) }, serious: { value: radioButtonsValue('yes') }, severity: { value: staticSelectValue(null) },
      aware_on: { value: datepickerValue(today()) }, description: { value: plainTextValue('Outage') },
    });
    expect(res.body?.errors?.severity).toMatch(/deadline/);
  });

  it('sends a customer-assurance request to the system owner', async () => {
    const form = await requestForm('assurance', 'customer_assurance');
    const mark = app.fake.mark();
    const done = await submit(app, USERS.requester, form, {
      system: { value: externalSelectValue(sys.system.id) }, customer: { value: plainTextValue('Globex <Procurement>') }, due_on: { value: datepickerValue(null) },
      description: { value: plainTextValue('They ask for our AI risk assessment and incident process.') },
    });
    expect(done.body?.response_action).toBe('clear');
    await app.deliver();
    const dm = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === USERS.owner && String(c.args.text).includes('Customer-assurance'));
    expect(mrkdwnTexts(dm?.args.blocks).join('\n')).toContain('Globex &lt;Procurement&gt;');
  });
});
