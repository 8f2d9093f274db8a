import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { pino } from 'pino';
import { startTestApp, USERS, type TestApp } from '../../support/test-app.js';
import { openIntake, registerThroughModal, submit, systemDetailsValues } from '../../support/intake-flow.js';
import { aiSystems } from '../../../src/db/schema/index.js';
import { slashCommand } from '../../support/slack-payloads.js';
import { signSlackRequest, nowSeconds } from '../../support/signing.js';
import { staticSelectValue, plainTextValue } from '../../support/view-state.js';
import { mrkdwnTexts } from '../../support/message-text.js';

const HOSTILE = '<!channel> <!here> <@U0ADMIN1> <https://evil.example|click me> & <#C0GOV>';

describe('security at the Slack boundary', () => {
  let app: TestApp;
  const logLines: string[] = [];
  beforeAll(async () => {
    const sink = new Writable({ write(chunk, _enc, done) { logLines.push(String(chunk)); done(); } });
    app = await startTestApp({ logger: pino({ level: 'debug' }, sink) });
  });
  afterAll(async () => { await app?.stop(); });

  it('refuses a captured request replayed with a fresh timestamp', async () => {
    const req = slashCommand({ user: USERS.requester, text: 'help', responseUrl: app.fake.responseUrl() });
    const old = signSlackRequest({ body: req.body, signingSecret: (app.config.slack.signingSecret)!, timestamp: nowSeconds() - 600 });
    const res = await fetch(`${app.baseUrl}/slack/events`, {
      method: 'POST', body: req.body,
      headers: { 'content-type': req.contentType, 'x-slack-signature': old['x-slack-signature'], 'x-slack-request-timestamp': String(nowSeconds()) },
    });
    expect(res.status).toBe(401);
  });

  it('shows Slack control sequences in every free-text field literally and pings nobody', async () => {
    await app.deliver();
    const mark = app.fake.mark();
    await registerThroughModal(app, USERS.requester, {
      name: `Hostile ${HOSTILE}`.slice(0, 120), purpose: HOSTILE, supplier: HOSTILE, oversight: HOSTILE, monitoring: HOSTILE,
    });
    await app.deliver();
    const texts = app.fake.since(mark, 'chat.postMessage').flatMap((c) => mrkdwnTexts({ text: c.args.text, blocks: c.args.blocks }));
    expect(texts.length).toBeGreaterThan(0);
    for (const t of texts) {
      expect(t).not.toMatch(/<!channel>|<!here>|<@U0ADMIN1>|<https:\/\/evil|<#C0GOV>/);
    }
    expect(texts.join('\n')).toContain('&lt;!channel&gt;');
  });

  it('stores SQL metacharacters verbatim', async () => {
    const name = `Robert'); DROP TABLE ai_systems;-- "x" \\ %_`;
    await registerThroughModal(app, USERS.requester, { name });
    const rows = await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, name));
    expect(rows).toHaveLength(1);
    expect((await app.database.db.select({ n: sql<number>`count(*)::int` }).from(aiSystems))[0]!.n).toBeGreaterThan(1);
  });

  it.each([
    ['an oversized purpose', { purpose: 'x'.repeat(2001) }, 'purpose'],
    ['an oversized name', { name: 'n'.repeat(121) }, 'name'],
    ['an unknown enum value', { lifecycle: 'shipping' }, 'lifecycle_stage'],
    ['an unknown Annex III point', { annexIII: '9(z)' }, 'annex_iii_point'],
    ['a channel in place of a user', { owner: 'C0GOV' }, 'owner'],
  ])('answers %s with a field error and stores nothing', async (_what, answers, block) => {
    const before = (await app.database.db.select({ n: sql<number>`count(*)::int` }).from(aiSystems))[0]!.n;
    const start = await openIntake(app, USERS.requester);
    const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
    const res = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'Limits test', ...answers }));
    expect(res.body?.response_action).toBe('errors');
    expect(Object.keys(res.body!.errors!)).toContain(block);
    expect((await app.database.db.select({ n: sql<number>`count(*)::int` }).from(aiSystems))[0]!.n).toBe(before);
  });

  it('refuses tampered private_metadata that points at someone else\'s draft', async () => {
    const start = await openIntake(app, USERS.requester);
    const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
    const step3 = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'Someone else draft' }));
    const res = await app.slack.viewSubmission({ user: USERS.stranger, view: step3.next!, values: { note: { value: plainTextValue(null) } } });
    expect(res.body?.response_action).toBe('errors');
    expect(JSON.stringify(res.body.errors)).toMatch(/belongs to someone else/);
    expect(await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Someone else draft'))).toHaveLength(0);
  });

  it('never writes a token or the signing secret to the log', () => {
    const log = logLines.join('');
    expect(log.length).toBeGreaterThan(0);
    expect(log).not.toContain('xoxb-test-token');
    expect(log).not.toContain(app.config.slack.signingSecret!);
  });
});
