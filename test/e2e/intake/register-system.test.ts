import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq, sql } from 'drizzle-orm';
import { USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { openIntake, registerThroughModal, submit, systemDetailsValues } from '../../support/intake-flow.js';
import { aiSystems, auditEvents, evidenceClaims, intakeRequests } from '../../../src/db/schema/index.js';
import { plainTextValue, staticSelectValue } from '../../support/view-state.js';
import { mrkdwnTexts } from '../../support/message-text.js';

describe('registering an AI system through /aigov', () => {
  let app: TestApp;
  test.beforeAll(async ({ app: testApp }) => { app = testApp; });

  const count = async (table: typeof aiSystems | typeof intakeRequests | typeof evidenceClaims) =>
    (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(table))[0]!.n;

  it('opens the intake modal with views.open before acknowledging slowly', async () => {
    const view = await openIntake(app, USERS.requester);
    expect(view.callback_id).toBe('aigov_intake_start');
    expect(view.blocks.some((b: { type: string }) => b.type === 'input')).toBe(true);
  });

  it('registers the system, classifies it with reasons, announces it and DMs the owner an evidence card', async () => {
    const mark = app.fake.mark();
    const { done } = await registerThroughModal(app, USERS.requester, { name: 'Applicant ranker', annexIII: '4(a)' });
    expect(done.body?.response_action).toBe('clear');
    const [system] = await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Applicant ranker'));
    expect(system).toMatchObject({ ownerId: USERS.owner, riskTier: 'high', primarySource: 'eu-ai-act' });
    const claims = await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, system!.id));
    expect(claims.length).toBeGreaterThan(5);
    expect(new Set(claims.map((c) => c.source))).toEqual(new Set(['iso-42001', 'nist-ai-rmf', 'eu-ai-act']));
    const audit = await app.database.db.select().from(auditEvents).where(eq(auditEvents.subjectId, system!.id));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['system.registered', 'classification.computed', 'evidence.requested']));
    await app.deliver();
    const announcement = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === CHANNELS.intake);
    expect(JSON.stringify(announcement?.args.blocks)).toContain('Applicant ranker');
    const dm = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === USERS.owner);
    expect(JSON.stringify(dm?.args.blocks)).toContain('Submit evidence');
  });

  it('shows field errors keyed by block id for invalid details and stores nothing', async () => {
    const before = await count(aiSystems);
    const start = await openIntake(app, USERS.requester);
    const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
    const bad = systemDetailsValues({ name: '   ', owner: 'not-a-user', data: ['none', 'personal'], art63: 'a', annexIII: 'none' });
    const res = await submit(app, USERS.requester, step2.next!, bad);
    expect(res.body?.response_action).toBe('errors');
    expect(Object.keys(res.body!.errors!)).toEqual(expect.arrayContaining(['name', 'owner', 'data_categories', 'art6_3_condition']));
    expect(await count(aiSystems)).toBe(before);
  });

  it('refuses a name that is already registered with an error under the name field', async () => {
    const start = await openIntake(app, USERS.requester);
    const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
    const res = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'APPLICANT RANKER' }));
    expect(res.body?.response_action).toBe('errors');
    expect(res.body?.errors?.name).toMatch(/already registered/);
  });

  it('registers once when Slack retries the confirming submission', async () => {
    const before = await count(aiSystems);
    const { review } = await registerThroughModal(app, USERS.requester, { name: 'Chat assistant', annexIII: 'none', transparency: ['interacts_with_people'] });
    const again = await app.slack.viewSubmission({ user: USERS.requester, view: review, values: { note: { value: plainTextValue(null) } } }, { retryNum: 1 });
    expect(again.status).toBe(200);
    expect(await count(aiSystems)).toBe(before + 1);
  });

  it('shows a system named like a broadcast literally: nobody is pinged', async () => {
    await app.deliver();
    const mark = app.fake.mark();
    await registerThroughModal(app, USERS.requester, { name: '<!channel> <@U0ADMIN1> bot', annexIII: 'none' });
    await app.deliver();
    const posts = app.fake.since(mark, 'chat.postMessage');
    expect(posts.length).toBeGreaterThan(0);
    for (const p of posts) {
      const raw = mrkdwnTexts({ text: p.args.text, blocks: p.args.blocks }).join('\n');
      expect(raw).not.toContain('<!channel>');
      expect(raw).not.toContain('<@U0ADMIN1> bot');
      expect(raw).toContain('&lt;!channel&gt;');
    }
  });
});
