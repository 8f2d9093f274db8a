import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import { USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { registerThroughModal, submit } from '../../support/intake-flow.js';
import { aiSystems, auditEvents, classifications } from '../../../src/db/schema/index.js';
import { plainTextValue, staticSelectValue } from '../../support/view-state.js';
import type { StoredView } from '../../support/fake-slack.js';
import type { MessageLike } from '../../support/slack-payloads.js';

describe('overriding a classification outcome', () => {
  let app: TestApp;
  let announcement: MessageLike;
  let systemId: string;
  test.beforeAll(async ({ app: testApp }) => {
    app = testApp;
    const mark = app.fake.mark();
    await registerThroughModal(app, USERS.requester, { name: 'Fraud scorer', annexIII: '5(b)', supplier: 'ScoreCo' });
    await app.deliver();
    const post = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.channel === CHANNELS.intake)!;
    announcement = { channel: String(post.response!.channel), ts: String(post.response!.ts), blocks: post.args.blocks as MessageLike['blocks'] };
    systemId = (await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Fraud scorer')))[0]!.id;
  });

  const click = async (user: string) => {
    const mark = app.fake.mark();
    const res = await app.slack.blockActions({ user, actionId: 'aigov_override_classification', message: announcement });
    expect(res.status).toBe(200);
    return mark;
  };

  it('tells a non-admin ephemerally and opens nothing', async () => {
    const mark = await click(USERS.stranger);
    const reply = await app.fake.waitFor(() => app.fake.responsesSince(mark)[0], 3000);
    expect(JSON.stringify(reply.body)).toMatch(/Only governance admins/);
    expect(app.fake.since(mark, 'views.open')).toHaveLength(0);
  });

  it('keeps the computed result and records the admin override beside it, with the justification', async () => {
    const mark = await click(USERS.admin);
    const opened = await app.fake.waitFor(() => app.fake.since(mark, 'views.open').find((c) => c.ok), 3000);
    const view = opened.response!.view as StoredView;
    const short = await submit(app, USERS.admin, view, { choice: { value: staticSelectValue('cadenceDays=30') }, justification: { value: plainTextValue('because') } });
    expect(short.body?.errors?.justification).toMatch(/at least 20 characters/);
    const ok = await submit(app, USERS.admin, view, {
      choice: { value: staticSelectValue('cadenceDays=30') },
      justification: { value: plainTextValue('Model retrained monthly by the supplier; quarterly review is too slow.') },
    });
    expect(ok.res.status).toBe(200);
    expect(ok.body).toBeFalsy();
    const [system] = await app.database.db.select().from(aiSystems).where(eq(aiSystems.id, systemId));
    expect(system!.cadenceDays).toBe(30);
    const [cls] = await app.database.db.select().from(classifications).where(eq(classifications.id, system!.currentClassificationId!));
    expect((cls!.computed as { cadence: { days: number } }).cadence.days).toBe(90);
    expect(cls!.overrides).toEqual([expect.objectContaining({ outcome: 'cadenceDays', from: 90, to: 30, by: USERS.admin })]);
    const audit = await app.database.db.select().from(auditEvents).where(eq(auditEvents.action, 'classification.overridden'));
    expect(audit).toHaveLength(1);
    await app.deliver();
    const note = app.fake.since(mark, 'chat.postMessage').find((c) => c.args.thread_ts === announcement.ts);
    expect(JSON.stringify(note?.args.blocks)).toMatch(/quarterly review is too slow/);
  });
});
