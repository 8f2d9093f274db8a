import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import { auditEvents, evidenceClaims, exceptions } from '../../../src/db/schema/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { submit } from '../../support/intake-flow.js';
import { clickClaim, openedView, ownerCard, registeredSystem } from '../../support/evidence-flow.js';
import { mrkdwnTexts } from '../../support/message-text.js';
import { plainTextValue, usersSelectValue } from '../../support/view-state.js';

describe('reassigning a claim and saying it cannot be provided', () => {
  let app: TestApp;
  let sys: Awaited<ReturnType<typeof registeredSystem>>;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    sys = await registeredSystem(app, USERS.requester, { name: 'Fraud detector', annexIII: '5(b)' });
  });

  const claimRow = async (id: string) => (await app.database.db.select().from(evidenceClaims).where(eq(evidenceClaims.id, id)))[0]!;

  it('moves only the chosen claim to the new owner, who gets their own card, and the old card says who took it', async () => {
    const iso = sys.claim('iso-42001', '6.1.4');
    const nist = sys.claim('nist-ai-rmf', 'MAP 1.1');
    const oldCard = ownerCard(app, USERS.owner, sys.system.id);
    const view = await openedView(app, (await clickClaim(app, USERS.owner, oldCard, ACTIONS.claimReassign, iso.id)).mark);
    expect(view.blocks.find((b: { block_id: string }) => b.block_id === 'new_owner').element.type).toBe('users_select');
    const mark = app.fake.mark();
    const done = await submit(app, USERS.owner, view, { new_owner: { value: usersSelectValue(USERS.owner2) } });
    expect(done.body?.response_action).toBe('clear');

    expect((await claimRow(iso.id)).ownerId).toBe(USERS.owner2);
    expect((await claimRow(nist.id)).ownerId).toBe(USERS.owner);
    const [event] = await app.database.db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, iso.id), eq(auditEvents.action, 'evidence.reassigned')));
    expect(event).toMatchObject({ actorId: USERS.owner, before: { ownerId: USERS.owner }, after: { ownerId: USERS.owner2 } });

    await app.deliver();
    const newCard = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === USERS.owner2);
    expect(JSON.stringify(newCard?.args.blocks)).toContain(`claim:${iso.id}`);
    expect(JSON.stringify(newCard?.args.blocks)).not.toContain(`claim:${nist.id}`);
    const updatedOld = ownerCard(app, USERS.owner, sys.system.id);
    expect(updatedOld.ts).toBe(oldCard.ts);
    const text = mrkdwnTexts(updatedOld.blocks).join('\n');
    expect(text).toContain('Reassigned');
    expect(text).toContain(`now with <@${USERS.owner2}>`);
    expect(JSON.stringify(updatedOld.blocks)).not.toContain(`claim:${iso.id}`);
  });

  it('refuses to reassign a claim to the person who already owns it', async () => {
    const claim = sys.claim('iso-42001', '4.3');
    const view = await openedView(app, (await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.claimReassign, claim.id)).mark);
    const res = await submit(app, USERS.owner, view, { new_owner: { value: usersSelectValue(USERS.owner) } });
    expect(res.body?.response_action).toBe('errors');
    expect(res.body?.errors?.new_owner).toMatch(/already owns/);
  });

  it('opens an exception with a due date from Can\'t provide and shows it in the governance channel', async () => {
    const claim = sys.claims.find((c) => c.source === 'eu-ai-act')!;
    const view = await openedView(app, (await clickClaim(app, USERS.owner, ownerCard(app, USERS.owner, sys.system.id), ACTIONS.claimCannotProvide, claim.id)).mark);
    const empty = await submit(app, USERS.owner, view, { reason: { value: plainTextValue(null) } });
    expect(empty.body?.errors?.reason).toMatch(/why/);
    const mark = app.fake.mark();
    const done = await submit(app, USERS.owner, view, { reason: { value: plainTextValue('The supplier will not share its <b>technical</b> documentation.') } });
    expect(done.body?.response_action).toBe('clear');

    expect((await claimRow(claim.id)).status).toBe('exception');
    const [exception] = await app.database.db.select().from(exceptions).where(eq(exceptions.claimId, claim.id));
    expect(exception).toMatchObject({ status: 'open', systemId: sys.system.id, openedBy: USERS.owner });
    expect(exception!.dueAt.getTime()).toBeGreaterThan(Date.now() + 13 * 86_400_000);

    await app.deliver();
    const post = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === CHANNELS.governance);
    const text = mrkdwnTexts(post?.args.blocks).join('\n');
    expect(text).toContain('Exception on Fraud detector');
    expect(text).toContain(`No evidence can be provided for EU AI Act (Regulation (EU) 2024/1689, as amended) ${claim.requirementId}`);
    expect(text).toContain('&lt;b&gt;technical&lt;/b&gt;');
    expect(JSON.stringify(post?.args.blocks)).toContain(ACTIONS.exceptionAcceptRisk);
    expect(JSON.stringify(ownerCard(app, USERS.owner, sys.system.id).blocks)).not.toContain(`claim:${claim.id}`);
  });

  it('tells a stranger who clicks Reassign or Can\'t provide that the claim is not theirs', async () => {
    const claim = sys.claim('iso-42001', '4.3');
    for (const action of [ACTIONS.claimReassign, ACTIONS.claimCannotProvide, ACTIONS.evidenceReuse]) {
      const { mark } = await clickClaim(app, USERS.stranger, ownerCard(app, USERS.owner, sys.system.id), action, claim.id);
      const reply = await app.fake.waitFor(() => app.fake.responsesSince(mark)[0], 3000);
      expect(reply.body.text).toMatch(/not yours/);
      expect(app.fake.since(mark, 'views.open')).toEqual([]);
    }
    expect((await claimRow(claim.id))).toMatchObject({ ownerId: USERS.owner, status: 'requested' });
  });
});
