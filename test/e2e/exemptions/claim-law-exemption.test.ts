import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import { aiSystems, decisions, lawExemptionClaims } from '../../../src/db/schema/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { registerThroughModal, submit } from '../../support/intake-flow.js';
import { openedView } from '../../support/evidence-flow.js';
import type { MessageLike } from '../../support/slack-payloads.js';
import { plainTextValue, staticSelectValue } from '../../support/view-state.js';

describe('claiming a Colorado exemption from the announcement card', () => {
  let app: TestApp;
  let card: MessageLike;
  let systemId: string;

  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    await registerThroughModal(app, USERS.requester, {
      name: 'Claims triage', role: 'deployer', euNexus: 'no', data: ['personal', 'sensitive'], annexIII: 'none', usStates: ['CO'], consequentialDecision: 'health',
    });
    await app.deliver();
    const post = app.fake.calls('chat.postMessage').findLast((c) => c.ok && c.args.channel === CHANNELS.intake && JSON.stringify(c.args.blocks).includes('Claims triage'))!;
    const stored = app.fake.message(String(post.response!.channel), String(post.response!.ts))!;
    card = { channel: stored.channel, ts: stored.ts, text: stored.text, blocks: stored.blocks };
    systemId = (await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Claims triage')))[0]!.id;
  });

  it('offers the claim only where Colorado binds, names the law on the card, and opens the form', async () => {
    expect(JSON.stringify(card.blocks)).toContain(ACTIONS.claimExemption);
    expect(JSON.stringify(card.blocks)).toContain('Colorado SB 26-189 (ADMT Act)');
    const mark = app.fake.mark();
    expect((await app.slack.blockActions({ user: USERS.owner, actionId: ACTIONS.claimExemption, message: card })).status).toBe(200);
    const view = await openedView(app, mark);
    expect(view.callback_id).toBe('aigov_exemption_claim');
  });

  it('shows a short justification under its field and stores nothing', async () => {
    const mark = app.fake.mark();
    await app.slack.blockActions({ user: USERS.owner, actionId: ACTIONS.claimExemption, message: card });
    const view = await openedView(app, mark);
    const res = await submit(app, USERS.owner, view, { exemption: { value: staticSelectValue('co-ex-hipaa') }, justification: { value: plainTextValue('Trust us') } });
    expect(res.body?.response_action).toBe('errors');
    expect(res.body?.errors?.justification).toMatch(/at least 20 characters/);
    expect(await app.database.db.select().from(lawExemptionClaims).where(eq(lawExemptionClaims.systemId, systemId))).toEqual([]);
  });

  it('sends the owner\'s claim to the governance channel as a decision with Approve and Reject', async () => {
    const mark = app.fake.mark();
    await app.slack.blockActions({ user: USERS.owner, actionId: ACTIONS.claimExemption, message: card });
    const view = await openedView(app, mark);
    const res = await submit(app, USERS.owner, view, {
      exemption: { value: staticSelectValue('co-ex-hipaa') },
      justification: { value: plainTextValue('We are a HIPAA covered entity; the triage runs on patient records only.') },
    });
    expect(res.res.status).toBe(200);
    expect(res.body?.response_action).toBeUndefined();
    const [claim] = await app.database.db.select().from(lawExemptionClaims).where(eq(lawExemptionClaims.systemId, systemId));
    expect(claim).toMatchObject({ status: 'pending', claimedBy: USERS.owner });
    const [decision] = await app.database.db.select().from(decisions).where(eq(decisions.id, claim!.decisionId));
    expect(decision!.status).toBe('pending');
    await app.deliver();
    const forum = app.fake.calls('chat.postMessage').filter((c) => c.ok && c.args.channel === CHANNELS.governance && JSON.stringify(c.args.blocks).includes(ACTIONS.decisionApprove));
    expect(forum.some((c) => JSON.stringify(c.args.blocks).includes('HIPAA covered entities'))).toBe(true);
  });
});
