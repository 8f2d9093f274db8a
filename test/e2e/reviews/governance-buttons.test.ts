import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { decisions, escalations, exceptions, reviews } from '../../../src/db/schema/index.js';
import { runSweep } from '../../../src/app/sweep/run-sweep.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { startTestApp, USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { submit } from '../../support/intake-flow.js';
import { openedView } from '../../support/evidence-flow.js';
import type { MessageLike } from '../../support/slack-payloads.js';
import { mrkdwnTexts } from '../../support/message-text.js';
import { datepickerValue, plainTextValue, staticSelectValue, usersSelectValue, type ViewStateValues } from '../../support/view-state.js';
import { DAY, quietSystem, schedulerAt } from '../../support/governance-fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('review, approval and escalation buttons in Slack', () => {
  let app: TestApp;
  let clock = T;
  let rankerId: string;
  let plannerId: string;

  beforeAll(async () => {
    app = await startTestApp({ now: () => clock });
    rankerId = await quietSystem(app.database.db, 'Loan ranker', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
    plannerId = await quietSystem(app.database.db, 'Rota planner', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T, owner: USERS.owner2 });
    await runSweep({ ctx: schedulerAt(app.database.db, T) });
    await app.deliver();
  });
  afterAll(async () => { await app?.stop(); });

  /** The message as it stands in Slack now, found by a piece of its blocks. */
  const messageWith = (channel: string, needle: string): MessageLike => {
    const post = app.fake.calls('chat.postMessage').filter((c) => c.ok && (c.args.channel === channel || c.response?.channel === app.fake.dmChannelOf(channel)))
      .findLast((c) => JSON.stringify(c.args.blocks ?? []).includes(needle));
    if (!post?.response) throw new Error(`no message in ${channel} with ${needle}`);
    const stored = app.fake.message(String(post.response.channel), String(post.response.ts))!;
    return { channel: stored.channel, ts: stored.ts, text: stored.text, blocks: stored.blocks };
  };
  const click = async (user: string, message: MessageLike, actionId: string) => {
    const mark = app.fake.mark();
    const res = await app.slack.blockActions({ user, actionId, message });
    expect(res.status).toBe(200);
    return mark;
  };
  const ephemeralSince = (mark: number) => app.fake.waitFor(() => app.fake.responsesSince(mark).find((r) => r.body.response_type === 'ephemeral'), 3000);
  /** Button handlers ack first and work after: wait for what they record. */
  const eventually = async <V>(probe: () => Promise<V>, ms = 3000): Promise<V> => {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value || Date.now() > end) return value;
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  const textOf = (m: MessageLike | undefined) => mrkdwnTexts(m?.blocks ?? []).join('\n');
  const current = (m: MessageLike) => { const s = app.fake.message(m.channel, m.ts)!; return { ...m, blocks: s.blocks }; };

  const reviewValues = (o: Partial<Record<string, string | null>> = {}): ViewStateValues => ({
    result: { value: staticSelectValue(o.result ?? 'effective_with_exceptions') },
    exceptions_found: { value: plainTextValue(o.exceptions ?? 'Drift is not monitored') },
    corrective_action: { value: plainTextValue('Add a drift dashboard') },
    next_owner: { value: usersSelectValue(USERS.owner) },
    next_review_date: { value: datepickerValue(o.date ?? '2026-09-01') },
    changes: { value: staticSelectValue(o.changes ?? 'risk') },
    decision_scope: { value: plainTextValue(o.scope === undefined ? 'Ranker now also scores small-business loans' : o.scope) },
    decision_assumption: { value: plainTextValue(null) },
    decision_risk: { value: plainTextValue('Unfair refusals of small businesses') },
    decision_owner: { value: usersSelectValue(USERS.owner) },
  });

  it('opens the review form from the Start review button on the owner\'s DM, with the cadence date filled in', async () => {
    clock = new Date(T.getTime() + DAY);
    const card = messageWith(USERS.owner, 'aigov_start_review');
    const view = await openedView(app, await click(USERS.owner, card, ACTIONS.startReview));
    expect(view.callback_id).toBe('aigov_review_record');
    const date = view.blocks.find((b: { block_id?: string }) => b.block_id === 'next_review_date');
    expect(date.element.initial_date > '2026-03-03').toBe(true);
  });

  it('shows decision errors under their fields when the outcome changes risk but the decision is missing, storing nothing', async () => {
    const card = messageWith(USERS.owner, 'aigov_start_review');
    const view = await openedView(app, await click(USERS.owner, card, ACTIONS.startReview));
    const res = await submit(app, USERS.owner, view, reviewValues({ scope: null }));
    expect(res.body?.response_action).toBe('errors');
    expect(Object.keys(res.body!.errors!)).toContain('decision_scope');
    const [review] = await app.database.db.select().from(reviews).where(eq(reviews.systemId, rankerId));
    expect(review!.status).toBe('due');
  });

  it('records the review, posts the decision for approval and the exception to the forum, and edits the review card', async () => {
    const card = messageWith(USERS.owner, 'aigov_start_review');
    const view = await openedView(app, await click(USERS.owner, card, ACTIONS.startReview));
    const res = await submit(app, USERS.owner, view, reviewValues());
    expect(res.body?.response_action).toBe('clear');
    await app.deliver();
    const [review] = await app.database.db.select().from(reviews).where(eq(reviews.systemId, rankerId));
    expect(review).toMatchObject({ status: 'completed', result: 'effective_with_exceptions', nextReviewAt: new Date('2026-09-01T00:00:00Z') });
    expect(textOf(messageWith(CHANNELS.governance, 'aigov_decision_approve'))).toContain('Ranker now also scores small-business loans');
    expect(textOf(messageWith(CHANNELS.governance, 'aigov_exception_accept_risk'))).toContain('Drift is not monitored');
    expect(textOf(current(card))).toContain('Review recorded by');
  });

  it('ties each card to its record with message metadata', async () => {
    const metadataOf = (m: MessageLike) => app.fake.message(m.channel, m.ts)!.metadata;
    const [review] = await app.database.db.select().from(reviews).where(eq(reviews.systemId, rankerId));
    const [decision] = await app.database.db.select().from(decisions).where(eq(decisions.systemId, rankerId));
    const [exception] = await app.database.db.select().from(exceptions).where(eq(exceptions.systemId, rankerId));
    expect(metadataOf(messageWith(USERS.owner, review!.id))).toEqual({ event_type: 'aigov_review', event_payload: { review_id: review!.id, system_id: rankerId } });
    expect(metadataOf(messageWith(CHANNELS.governance, 'aigov_decision_approve'))).toEqual({ event_type: 'aigov_decision', event_payload: { decision_id: decision!.id, system_id: rankerId } });
    expect(metadataOf(messageWith(CHANNELS.governance, 'aigov_exception_accept_risk'))).toEqual({ event_type: 'aigov_exception', event_payload: { exception_id: exception!.id, system_id: rankerId } });
  });

  it('refuses Approve from someone who is not a governance admin, ephemerally, and changes nothing', async () => {
    const card = messageWith(CHANNELS.governance, 'aigov_decision_approve');
    const response = await ephemeralSince(await click(USERS.owner, card, ACTIONS.decisionApprove));
    expect(response.body.text).toMatch(/Only governance admins/);
    expect(response.body.replace_original).toBe(false);
    const [decision] = await app.database.db.select().from(decisions).where(eq(decisions.systemId, rankerId));
    expect(decision!.status).toBe('pending');
  });

  it('does not open the Reject form for a non-admin', async () => {
    const card = messageWith(CHANNELS.governance, 'aigov_decision_reject');
    const mark = await click(USERS.stranger, card, ACTIONS.decisionReject);
    await ephemeralSince(mark);
    expect(app.fake.since(mark, 'views.open')).toEqual([]);
  });

  it('records an admin\'s approval and updates the decision card in place', async () => {
    const card = messageWith(CHANNELS.governance, 'aigov_decision_approve');
    await click(USERS.admin, card, ACTIONS.decisionApprove);
    const decision = await eventually(async () => (await app.database.db.select().from(decisions).where(and(eq(decisions.systemId, rankerId), eq(decisions.status, 'approved'))))[0]);
    expect(decision).toMatchObject({ status: 'approved', decidedBy: USERS.admin, decidedAt: new Date('2026-03-03T10:00:00Z') });
    await app.deliver();
    const now = textOf(current(card));
    expect(now).toContain(`*Approved* by <@${USERS.admin}> on 2026-03-03`);
    expect(JSON.stringify(current(card).blocks)).not.toContain('aigov_decision_approve');
  });

  it('lets an admin accept the exception\'s risk from its card, after refusing a non-admin', async () => {
    const card = messageWith(CHANNELS.governance, 'aigov_exception_accept_risk');
    const refused = await ephemeralSince(await click(USERS.owner, card, ACTIONS.exceptionAcceptRisk));
    expect(refused.body.text).toMatch(/Only governance admins can accept a risk/);
    const view = await openedView(app, await click(USERS.admin, card, ACTIONS.exceptionAcceptRisk));
    const res = await submit(app, USERS.admin, view, { rationale: { value: plainTextValue('Drift is slow for this model; monthly checks suffice.') }, expires_on: { value: datepickerValue('2026-06-01') } });
    expect(res.body?.response_action).toBe('clear');
    const [exception] = await app.database.db.select().from(exceptions).where(eq(exceptions.systemId, rankerId));
    expect(exception).toMatchObject({ status: 'risk_accepted', acceptedBy: USERS.admin, acceptedUntil: new Date('2026-06-01T00:00:00Z') });
    await app.deliver();
    expect(textOf(current(card))).toContain('*Risk accepted*');
  });

  describe('on an escalation card', () => {
    let card: MessageLike;
    beforeAll(async () => {
      clock = new Date(T.getTime() + 7 * DAY);
      await runSweep({ ctx: schedulerAt(app.database.db, clock) });
      await app.deliver();
      card = messageWith(CHANNELS.governance, `review:`);
      expect(textOf(card)).toContain('Rota planner');
      expect(app.fake.message(card.channel, card.ts)!.metadata).toMatchObject({ event_type: 'aigov_escalation', event_payload: { escalation_card: expect.stringMatching(/^escalation:review:/), system_id: plannerId } });
    });

    it('refuses Snooze from a non-admin without opening a form', async () => {
      const mark = await click(USERS.stranger, card, ACTIONS.escalationSnooze);
      const response = await ephemeralSince(mark);
      expect(response.body.text).toMatch(/Only governance admins can snooze/);
      expect(app.fake.since(mark, 'views.open')).toEqual([]);
    });

    it('records who acknowledged it and shows them on the card', async () => {
      await click(USERS.stranger, card, ACTIONS.escalationAcknowledge);
      const rows = await eventually(async () => (await app.database.db.select().from(escalations).where(and(eq(escalations.level, 1), eq(escalations.acknowledgedBy, USERS.stranger)))).length);
      expect(rows).toBe(1);
      await app.deliver();
      expect(textOf(current(card))).toContain(`Acknowledged by <@${USERS.stranger}> on 2026-03-09`);
    });

    it('snoozes for an admin with a reason and a date, muting the ladder', async () => {
      const view = await openedView(app, await click(USERS.admin, current(card), ACTIONS.escalationSnooze));
      expect(view.callback_id).toBe('aigov_escalation_snooze');
      const bad = await submit(app, USERS.admin, view, { snooze_until: { value: datepickerValue('2026-03-01') }, snooze_reason: { value: plainTextValue('') } });
      expect(Object.keys(bad.body!.errors!).sort()).toEqual(['snooze_reason', 'snooze_until']);
      const res = await submit(app, USERS.admin, view, { snooze_until: { value: datepickerValue('2026-03-20') }, snooze_reason: { value: plainTextValue('Owner back from leave on the 19th.') } });
      expect(res.body?.response_action).toBe('clear');
      const [review] = await app.database.db.select().from(reviews).where(eq(reviews.systemId, plannerId));
      const [row] = await app.database.db.select().from(escalations).where(and(eq(escalations.itemId, review!.id), eq(escalations.level, 1)));
      expect(row!.snoozedUntil).toEqual(new Date('2026-03-20T00:00:00Z'));
      await app.deliver();
      expect(textOf(current(card))).toContain('Snoozed until 2026-03-20');
    });

    it('reassigns the item to a new owner, who is asked in their DM', async () => {
      const view = await openedView(app, await click(USERS.owner2, current(card), ACTIONS.escalationReassign));
      const res = await submit(app, USERS.owner2, view, { new_owner: { value: usersSelectValue(USERS.owner) } });
      expect(res.body?.response_action).toBe('clear');
      const [review] = await app.database.db.select().from(reviews).where(eq(reviews.systemId, plannerId));
      expect(review!.reviewerId).toBe(USERS.owner);
      await app.deliver();
      expect(textOf(messageWith(USERS.owner, review!.id))).toContain('Rota planner');
      expect(textOf(current(card))).toContain(`Reassigned to <@${USERS.owner}>`);
    });

    it('answers Open record with the system record, only to the person who asked', async () => {
      const response = await ephemeralSince(await click(USERS.stranger, current(card), ACTIONS.openRecord));
      expect(response.body.replace_original).toBe(false);
      const text = mrkdwnTexts(response.body.blocks).join('\n');
      expect(text).toContain('*Rota planner*');
      expect(text).toContain('*Reviews open*');
    });
  });
  describe('on a risk acceptance running out', () => {
    let notice: MessageLike;
    beforeAll(async () => {
      // Accepted on 2026-03-03 until 2026-06-01: 80% of the period has passed by mid-May.
      clock = new Date('2026-05-14T10:00:00Z');
      await runSweep({ ctx: schedulerAt(app.database.db, clock) });
      await app.deliver();
      notice = messageWith(USERS.owner, 'aigov_risk_extend');
    });

    it('tells the owner and the approver, each once, with Extend and Close', () => {
      expect(textOf(notice)).toContain('expires on *2026-06-01*');
      expect(app.fake.dmsTo(USERS.admin).filter((c) => JSON.stringify(c.args.blocks ?? []).includes('aigov_risk_extend'))).toHaveLength(1);
      expect(app.fake.dmsTo(USERS.owner).filter((c) => JSON.stringify(c.args.blocks ?? []).includes('aigov_risk_extend'))).toHaveLength(1);
    });

    it('refuses Extend to the owner, and extends for an admin with a reason', async () => {
      const mark = await click(USERS.owner, notice, ACTIONS.riskExtend);
      expect((await ephemeralSince(mark)).body.text).toMatch(/Only governance admins can extend/);
      expect(app.fake.since(mark, 'views.open')).toEqual([]);
      const adminNotice = messageWith(USERS.admin, 'aigov_risk_extend');
      const view = await openedView(app, await click(USERS.admin, adminNotice, ACTIONS.riskExtend));
      const res = await submit(app, USERS.admin, view, { extend_until: { value: datepickerValue('2026-09-01') }, extend_reason: { value: plainTextValue('Drift dashboard lands in August.') } });
      expect(res.body?.response_action).toBe('clear');
      const [exception] = await app.database.db.select().from(exceptions).where(eq(exceptions.systemId, rankerId));
      expect(exception).toMatchObject({ status: 'risk_accepted', acceptedUntil: new Date('2026-09-01T00:00:00Z'), acceptedAt: clock });
      await app.deliver();
      expect(textOf(current(notice))).toContain(`Extended by <@${USERS.admin}> until 2026-09-01`);
    });
  });
});
