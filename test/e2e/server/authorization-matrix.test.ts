import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayContains, count, eq, gt, sql } from 'drizzle-orm';
import {
  aiSystems, auditEvents, decisions, escalationCards, escalations, evidenceArtifacts, evidenceClaims, exceptions, reviews,
} from '../../../src/db/schema/index.js';
import { newId } from '../../../src/db/ids.js';
import { recordAudit } from '../../../src/app/audit.js';
import { withTransaction } from '../../../src/app/context.js';
import { showDecisionCard } from '../../../src/app/decisions/decision-card.js';
import { showExceptionCard } from '../../../src/app/exceptions/exception-card.js';
import { submitEvidence } from '../../../src/app/evidence/submit-evidence.js';
import { crosswalkPartners } from '../../../src/domain/catalog/index.js';
import { ACTIONS } from '../../../src/slack/ids.js';
import { startTestApp, USERS, CHANNELS, type TestApp } from '../../support/test-app.js';
import { dmChannelOf, type StoredView } from '../../support/fake-slack.js';
import { submit } from '../../support/intake-flow.js';
import { evidenceValues, ownerCard, registeredSystem } from '../../support/evidence-flow.js';
import { DAY, quietSystem, sweepAt } from '../../support/governance-fixtures.js';
import { verbContext } from '../../support/verb-context.js';
import type { MessageLike } from '../../support/slack-payloads.js';
import { datepickerValue, plainTextValue, staticSelectValue, usersSelectValue, type ViewStateValues } from '../../support/view-state.js';
import { parseItemRef } from '../../../src/app/escalations/find-escalation-card.js';

// Reviews fall due at T; a week later they are escalated, and every action below is taken then.
const T = new Date('2026-03-02T10:00:00Z');
const NOW = new Date(T.getTime() + 7 * DAY);

/** owner: the claim's or system's owner. reviewer: the review's assigned reviewer, who does not own the system. */
type Actor = 'owner' | 'reviewer' | 'admin' | 'stranger';
const ACTOR_IDS: Record<Actor, string> = { owner: USERS.owner, reviewer: USERS.owner2, admin: USERS.admin, stranger: USERS.stranger };

type Action =
  | 'submit evidence' | 'reuse evidence' | 'reassign claim' | "can't provide" | 'complete review'
  | 'approve decision' | 'accept risk' | 'snooze escalation' | 'export';

/** Who may do what: every other cell must be refused and change nothing. */
const MATRIX: { action: Action; rule: string; allowed: Partial<Record<Actor, boolean>> }[] = [
  { action: 'submit evidence', rule: 'claim owner or admin', allowed: { stranger: false, owner: true, admin: true } },
  { action: 'reuse evidence', rule: 'claim owner or admin', allowed: { stranger: false, owner: true, admin: true } },
  { action: 'reassign claim', rule: 'claim owner or admin', allowed: { stranger: false, owner: true, admin: true } },
  { action: "can't provide", rule: 'claim owner or admin', allowed: { stranger: false, owner: true, admin: true } },
  { action: 'complete review', rule: 'reviewer, system owner or admin', allowed: { stranger: false, owner: true, reviewer: true, admin: true } },
  { action: 'approve decision', rule: 'admin only', allowed: { stranger: false, owner: false, admin: true } },
  { action: 'accept risk', rule: 'admin only', allowed: { stranger: false, owner: false, admin: true } },
  { action: 'snooze escalation', rule: 'admin only', allowed: { stranger: false, owner: false, admin: true } },
  { action: 'export', rule: 'admin only', allowed: { stranger: false, owner: false, admin: true } },
];

const CELLS = MATRIX.flatMap(({ action, rule, allowed }) => (Object.entries(allowed) as [Actor, boolean][])
  .map(([actor, ok]) => ({ action, rule, actor, allowed: ok, verdict: ok ? 'allowed' : 'refused' })));

const EVIDENCE = evidenceValues({ evidenceDate: '2026-03-01', periodFrom: '2025-12-01', periodTo: '2026-12-01' });
const REVIEW: ViewStateValues = {
  result: { value: staticSelectValue('effective') },
  exceptions_found: { value: plainTextValue(null) },
  corrective_action: { value: plainTextValue(null) },
  next_owner: { value: usersSelectValue(USERS.owner) },
  next_review_date: { value: datepickerValue('2026-09-01') },
  changes: { value: staticSelectValue('none') },
  decision_scope: { value: plainTextValue(null) },
  decision_assumption: { value: plainTextValue(null) },
  decision_risk: { value: plainTextValue(null) },
  decision_owner: { value: usersSelectValue(null) },
};
const ACCEPT_RISK: ViewStateValues = {
  rationale: { value: plainTextValue('Residual risk is low; monthly sampling suffices until the new team starts.') },
  expires_on: { value: datepickerValue('2026-06-01') },
};
const SNOOZE: ViewStateValues = {
  snooze_until: { value: datepickerValue('2026-03-20') },
  snooze_reason: { value: plainTextValue('Owner back from leave on the 19th.') },
};
const CANNOT_PROVIDE: ViewStateValues = { reason: { value: plainTextValue('The supplier will not share its technical documentation.') } };
const CORRECTIVE_ACTION: ViewStateValues = {
  corrective_action: { value: plainTextValue('Add drift monitoring to the weekly report.') },
  action_owner: { value: usersSelectValue(USERS.owner2) },
  action_due: { value: datepickerValue('2026-04-30') },
};
/** The owner and an admin hand a claim to owner2; anyone else tries to take it for themselves. */
const reassignTo = (user: string) => ({ new_owner: { value: usersSelectValue(user === USERS.owner || user === USERS.admin ? USERS.owner2 : user) } });

type ClaimRow = typeof evidenceClaims.$inferSelect;

/**
 * A system's open claims, each used by one test only: NIST/ISO pairs the crosswalk maps (the NIST one to
 * answer, the ISO one to reuse it) set aside first, since a system has only a few.
 */
interface ClaimPool { singles: ClaimRow[]; pairs: { nist: ClaimRow; iso: ClaimRow }[] }
function claimPool(claims: ClaimRow[]): ClaimPool {
  const open = claims.filter((c) => c.status === 'requested');
  const pairs: ClaimPool['pairs'] = [];
  for (const nist of open.filter((c) => c.source === 'nist-ai-rmf')) {
    const partners = crosswalkPartners({ source: 'nist-ai-rmf', id: nist.requirementId }).map((p) => p.id);
    const iso = open.find((c) => c.source === 'iso-42001' && partners.includes(c.requirementId) && !pairs.some((p) => p.iso === c));
    if (iso) pairs.push({ nist, iso });
  }
  return { singles: open.filter((c) => !pairs.some((p) => p.nist === c || p.iso === c)), pairs };
}

/** The record a cell acts on, and the message its button is on. */
interface Target {
  id: string;
  card?: MessageLike;
  /** The audit subject, when it is not the record id (an escalation card's key, an export's kind). */
  subject?: string;
  /** Reuse: the artifact the claim may take. */
  artifactId?: string;
}

/** What the user was shown when refused: an ephemeral reply, or errors in the modal. */
interface Refusal { where: 'ephemeral' | 'modal'; text: string }

interface Driver {
  /** A record no other cell touches. */
  fresh(actor: Actor): Promise<Target>;
  /** Everything the action could change about the record. */
  state(t: Target): Promise<unknown>;
  /** The action end to end, as Slack sends it; the refusal shown, or null when it went through. */
  attempt(user: string, t: Target): Promise<Refusal | null>;
  expectChanged(t: Target, user: string): Promise<void>;
  audited: string;
  refusal: RegExp;
  /** Modal actions: someone allowed opens the form, and the refused user submits it. */
  forge?: { opener: Actor; open(opener: string, t: Target): Promise<StoredView>; values(user: string, t: Target): ViewStateValues };
}

describe('authorization matrix: who may change what', () => {
  let app: TestApp;
  let clock = T;
  /** Requested claims of the owner's system not yet used by any test. */
  let unused: ClaimPool = { singles: [], pairs: [] };
  let evidenceSystemId: string;
  let forumSystemId: string;
  const reviewTargets = {} as Record<Actor, Target>;
  const snoozeTargets = {} as Record<Actor, Target>;

  const db = () => app.database.db;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

  /** The message as it stands in Slack now, found by a piece of its blocks. */
  function cardWith(where: string, needle: string): MessageLike {
    const post = app.fake.calls('chat.postMessage').filter((c) => c.ok && (c.args.channel === where || c.response?.channel === app.fake.dmChannelOf(where)))
      .findLast((c) => JSON.stringify(c.args.blocks ?? []).includes(needle));
    if (!post?.response) throw new Error(`no message in ${where} with ${needle}`);
    const stored = app.fake.message(String(post.response.channel), String(post.response.ts))!;
    return { channel: stored.channel, ts: stored.ts, text: stored.text, blocks: stored.blocks };
  }

  /** Polls until the probe returns something truthy: button handlers ack first and work after. */
  async function eventually<V>(probe: () => Promise<V | undefined | null | false>, ms = 5000): Promise<V> {
    const end = Date.now() + ms;
    for (;;) {
      const value = await probe();
      if (value) return value;
      if (Date.now() > end) throw new Error('timed out waiting for the click to be handled');
      await sleep(20);
    }
  }

  const auditHead = async () => (await db().select({ rows: count(), last: sql<number>`coalesce(max(${auditEvents.seq}), 0)::int` }).from(auditEvents))[0]!;
  const auditSince = (last: number) => db().select().from(auditEvents).where(gt(auditEvents.seq, last));

  const ephemeralSince = (mark: number): Refusal | undefined => {
    const reply = app.fake.responsesSince(mark).find((r) => r.body.response_type === 'ephemeral');
    if (!reply) return undefined;
    expect(reply.body.replace_original).toBe(false);
    return { where: 'ephemeral', text: String(reply.body.text) };
  };

  /** Clicks a button on a card, with the value and block id Slack would send (or a tampered one). */
  async function press(user: string, card: MessageLike, actionId: string, value: string, blockId: string): Promise<number> {
    const mark = app.fake.mark();
    const res = await app.slack.blockActions({ user, actionId, message: card, value, blockId });
    expect(res.status).toBe(200);
    return mark;
  }

  /** What a click led to: the ephemeral refusal, or the modal it opened (for Reuse, once its choices are filled in). */
  async function clickOutcome(mark: number, opts: { filled?: boolean } = {}): Promise<{ refused: Refusal } | { view: StoredView }> {
    const first = await app.fake.waitFor((): { refused: Refusal } | { view: StoredView } | undefined => {
      const refused = ephemeralSince(mark);
      if (refused) return { refused };
      const opened = app.fake.since(mark, 'views.open').find((c) => c.ok);
      return opened ? { view: opened.response!.view as StoredView } : undefined;
    });
    if ('refused' in first) {
      expect(app.fake.since(mark, 'views.open')).toEqual([]);
      return first;
    }
    if (!opts.filled) return first;
    const update = await app.fake.waitFor(() => app.fake.since(mark, 'views.update').find((c) => c.ok && c.args.view_id === first.view.id));
    return { view: update.response!.view as StoredView };
  }

  /** The refusal a click was answered with. */
  const refusalOf = (outcome: { refused: Refusal } | { view: StoredView }) => ('refused' in outcome ? outcome.refused.text : `a form opened: ${String(outcome.view.callback_id)}`);

  /** Opens a form for someone allowed to open it. */
  async function openForm(user: string, card: MessageLike, actionId: string, value: string, blockId: string, opts: { filled?: boolean } = {}): Promise<StoredView> {
    const outcome = await clickOutcome(await press(user, card, actionId, value, blockId), opts);
    if ('refused' in outcome) throw new Error(`${user} could not open the form: ${outcome.refused.text}`);
    return outcome.view;
  }

  /** Clicks, and submits the modal if one opened. */
  async function clickAndSubmit(user: string, card: MessageLike, actionId: string, value: string, blockId: string, values: ViewStateValues, opts: { filled?: boolean } = {}): Promise<Refusal | null> {
    const outcome = await clickOutcome(await press(user, card, actionId, value, blockId), opts);
    if ('refused' in outcome) return outcome.refused;
    const res = await submit(app, user, outcome.view, values);
    if (res.body?.response_action === 'errors') return { where: 'modal', text: JSON.stringify(res.body.errors) };
    expect(res.body?.response_action).toBe('clear');
    return null;
  }

  /** A forged or tampered view_submission: it must come back as errors in the modal. */
  async function forgedSubmission(user: string, view: StoredView, values: ViewStateValues): Promise<string> {
    const res = await app.slack.viewSubmission({ user, view, values });
    expect(res.status).toBe(200);
    expect(res.body?.response_action).toBe('errors');
    return JSON.stringify(res.body.errors);
  }

  // --- records ---------------------------------------------------------------------------------

  const claimRow = async (id: string) => (await db().select().from(evidenceClaims).where(eq(evidenceClaims.id, id)))[0]!;
  const claimState = async (id: string) => {
    const claim = await claimRow(id);
    const [artifacts] = await db().select({ n: count() }).from(evidenceArtifacts).where(eq(evidenceArtifacts.systemId, claim.systemId));
    const [opened] = await db().select({ n: count() }).from(exceptions).where(eq(exceptions.claimId, id));
    return { claim, artifacts: artifacts!.n, exceptions: opened!.n };
  };
  const reviewState = async (id: string) => (await db().select({ review: reviews, system: aiSystems }).from(reviews)
    .innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId)).where(eq(reviews.id, id)))[0]!;
  const decisionRow = async (id: string) => (await db().select().from(decisions).where(eq(decisions.id, id)))[0]!;
  const exceptionRow = async (id: string) => (await db().select().from(exceptions).where(eq(exceptions.id, id)))[0]!;

  function takeClaim(from: ClaimPool = unused): ClaimRow {
    const claim = from.singles.shift();
    if (!claim) throw new Error('no unused claim left');
    return claim;
  }

  /** An ISO claim and the NIST claim the crosswalk pairs it with, the NIST one answered (by its owner) so the ISO one can reuse it. */
  async function reusablePair(from: ClaimPool = unused): Promise<Target> {
    const pair = from.pairs.shift();
    if (!pair) throw new Error('no crosswalk pair left');
    const ctx = verbContext(db(), pair.nist.ownerId, { now: () => clock, origin: { via: 'slack', surface: 'view_submission' } });
    const { artifactId } = await submitEvidence({ ctx, input: { claimId: pair.nist.id, idempotencyKey: `matrix:${pair.nist.id}`, submission: {
      links: ['https://wiki.example.com/ai/evidence'], kind: 'document', description: 'Evidence answered under NIST AI RMF.', evidenceDate: '2026-03-01',
      periodFrom: '2025-12-01', periodTo: '2026-12-01', criteriaMet: true,
    } } });
    await app.deliver();
    return { id: pair.iso.id, artifactId };
  }

  const ownerCtx = () => verbContext(db(), USERS.owner, { now: () => clock, origin: { via: 'slack', surface: 'view_submission' } });

  /** A pending decision with its card in the governance channel, as a completed review leaves one. */
  async function proposedDecision(systemId: string): Promise<Target> {
    const ctx = ownerCtx();
    const id = newId('dec');
    await withTransaction(ctx, async (tx) => {
      const decision = {
        id, systemId, scope: 'Also score small-business loans.', assumption: null, riskOrObligation: 'Unfair refusals of small businesses', changes: 'scope',
        ownerId: USERS.owner, status: 'pending', createdBy: USERS.owner, createdAt: clock,
      };
      await tx.insert(decisions).values(decision);
      await recordAudit(tx, ctx, { action: 'decision.proposed', subjectType: 'decision', subjectId: id, after: decision });
      await showDecisionCard(tx, ctx, id);
    });
    await app.deliver();
    return { id, card: cardWith(CHANNELS.governance, `"block_id":"decision:${id}"`) };
  }

  /** An open exception with its card (Accept risk, Corrective action) in the governance channel. */
  async function openException(systemId: string): Promise<Target> {
    const ctx = ownerCtx();
    const id = newId('exc');
    await withTransaction(ctx, async (tx) => {
      const exception = { id, systemId, reason: 'Drift is not monitored.', openedBy: USERS.owner, dueAt: new Date(clock.getTime() + 14 * DAY), createdAt: clock };
      await tx.insert(exceptions).values(exception);
      await recordAudit(tx, ctx, { action: 'exception.opened', subjectType: 'exception', subjectId: id, after: exception });
      await showExceptionCard(tx, ctx, id);
    });
    await app.deliver();
    return { id, card: cardWith(CHANNELS.governance, `"block_id":"exception:${id}"`) };
  }

  const reviewIdOf = async (systemId: string) => (await db().select({ id: reviews.id }).from(reviews).where(eq(reviews.systemId, systemId)))[0]!.id;
  /** The review card its reviewer got in their DM. */
  const reviewCard = (reviewId: string, reviewer: string) => cardWith(reviewer, `"block_id":"review:${reviewId}"`);
  const escalationKey = async (itemRef: string) => (await db().select({ key: escalationCards.key }).from(escalationCards).where(arrayContains(escalationCards.itemRefs, [itemRef])))[0]!.key;

  // The owner's evidence card stands for whatever card the claim's buttons are on.
  const evidenceCard = () => ownerCard(app, USERS.owner, evidenceSystemId);

  beforeAll(async () => {
    app = await startTestApp({ now: () => clock });
    const registeredAt = new Date(T.getTime() - 200 * DAY);
    const reviewSystems = {} as Record<Actor, string>;
    const snoozeSystems = {} as Record<Actor, string>;
    // One system per review cell: owned by the owner, reviewed by owner2, so the owner's right is the system owner's alone.
    for (const actor of Object.keys(MATRIX.find((r) => r.action === 'complete review')!.allowed) as Actor[]) {
      reviewSystems[actor] = await quietSystem(db(), `Review by ${actor}`, registeredAt, { nextReviewAt: T });
      await db().update(aiSystems).set({ reviewerId: USERS.owner2 }).where(eq(aiSystems.id, reviewSystems[actor]));
    }
    for (const actor of Object.keys(MATRIX.find((r) => r.action === 'snooze escalation')!.allowed) as Actor[]) {
      snoozeSystems[actor] = await quietSystem(db(), `Snooze by ${actor}`, registeredAt, { nextReviewAt: T });
    }
    forumSystemId = await quietSystem(db(), 'Loan ranker', registeredAt);
    await sweepAt(db(), T);
    await app.deliver();
    clock = NOW;
    await sweepAt(db(), NOW);
    await app.deliver();

    for (const [actor, systemId] of Object.entries(reviewSystems) as [Actor, string][]) {
      const id = await reviewIdOf(systemId);
      reviewTargets[actor] = { id, card: reviewCard(id, USERS.owner2) };
    }
    for (const [actor, systemId] of Object.entries(snoozeSystems) as [Actor, string][]) {
      const id = `review:${await reviewIdOf(systemId)}`;
      snoozeTargets[actor] = { id, subject: await escalationKey(id), card: cardWith(CHANNELS.governance, `"block_id":"escalation:${id}"`) };
    }

    const sys = await registeredSystem(app, USERS.requester, { name: 'Applicant ranker', annexIII: '4(a)' });
    evidenceSystemId = sys.system.id;
    unused = claimPool(sys.claims);
  });
  afterAll(async () => { await app?.stop(); });

  // --- how each action is taken ----------------------------------------------------------------

  function claimDriver(d: {
    actionId: string; audited: string; filled?: boolean;
    fresh?: () => Promise<Target>;
    values: (user: string, t: Target) => ViewStateValues;
    expectChanged: (t: Target, user: string) => Promise<void>;
  }): Driver {
    const click = (user: string, t: Target) => clickAndSubmit(user, evidenceCard(), d.actionId, t.id, `claim:${t.id}`, d.values(user, t), { filled: d.filled ?? false });
    return {
      fresh: d.fresh ?? (async () => ({ id: takeClaim().id })),
      state: (t) => claimState(t.id),
      attempt: click,
      expectChanged: d.expectChanged,
      audited: d.audited,
      // The same words in the ephemeral reply and under the modal field.
      refusal: /This claim is not yours: only its owner or a governance admin can answer it\. Nothing was changed\./,
      forge: { opener: 'owner', open: (opener, t) => openForm(opener, evidenceCard(), d.actionId, t.id, `claim:${t.id}`, { filled: d.filled ?? false }), values: d.values },
    };
  }

  const DRIVERS: Record<Action, Driver> = {
    'submit evidence': claimDriver({
      actionId: ACTIONS.evidenceSubmit, audited: 'evidence.submitted', values: () => EVIDENCE,
      expectChanged: async (t, user) => {
        const claim = await claimRow(t.id);
        expect(claim).toMatchObject({ status: 'submitted', ownerId: USERS.owner });
        const [artifact] = await db().select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, claim.artifactId!));
        expect(artifact!.submittedBy).toBe(user);
      },
    }),
    'reuse evidence': claimDriver({
      actionId: ACTIONS.evidenceReuse, audited: 'evidence.reused', filled: true,
      fresh: () => reusablePair(),
      values: (_user, t) => ({ artifact: { value: staticSelectValue(t.artifactId!) } }),
      expectChanged: async (t) => { expect(await claimRow(t.id)).toMatchObject({ status: 'reused', artifactId: t.artifactId, ownerId: USERS.owner }); },
    }),
    'reassign claim': claimDriver({
      actionId: ACTIONS.claimReassign, audited: 'evidence.reassigned', values: reassignTo,
      expectChanged: async (t) => { expect(await claimRow(t.id)).toMatchObject({ ownerId: USERS.owner2, status: 'requested' }); },
    }),
    "can't provide": claimDriver({
      actionId: ACTIONS.claimCannotProvide, audited: 'evidence.cannot_provide', values: () => CANNOT_PROVIDE,
      expectChanged: async (t, user) => {
        expect((await claimRow(t.id)).status).toBe('exception');
        const opened = await db().select().from(exceptions).where(eq(exceptions.claimId, t.id));
        expect(opened).toHaveLength(1);
        expect(opened[0]).toMatchObject({ status: 'open', openedBy: user });
      },
    }),
    'complete review': {
      fresh: async (actor) => reviewTargets[actor],
      state: (t) => reviewState(t.id),
      attempt: (user, t) => clickAndSubmit(user, t.card!, ACTIONS.startReview, t.id, `review:${t.id}`, REVIEW),
      expectChanged: async (t, user) => {
        const { review, system } = await reviewState(t.id);
        expect(review).toMatchObject({ status: 'completed', result: 'effective', reviewerId: user, nextReviewAt: new Date('2026-09-01T00:00:00Z') });
        expect(system.nextReviewAt).toEqual(new Date('2026-09-01T00:00:00Z'));
      },
      audited: 'review.completed',
      refusal: /Only the reviewer, the system owner or a governance admin can record this review\./,
      forge: { opener: 'owner', open: (opener, t) => openForm(opener, t.card!, ACTIONS.startReview, t.id, `review:${t.id}`), values: () => REVIEW },
    },
    'approve decision': {
      fresh: () => proposedDecision(forumSystemId),
      state: (t) => decisionRow(t.id),
      attempt: async (user, t) => {
        const mark = await press(user, t.card!, ACTIONS.decisionApprove, t.id, `decision:${t.id}`);
        const outcome = await eventually(async () => ephemeralSince(mark) ?? ((await decisionRow(t.id)).status !== 'pending' && 'decided'));
        return outcome === 'decided' ? null : outcome;
      },
      expectChanged: async (t, user) => { expect(await decisionRow(t.id)).toMatchObject({ status: 'approved', decidedBy: user, decidedAt: NOW }); },
      audited: 'decision.approved',
      refusal: /Only governance admins can approve or reject decisions\./,
    },
    'accept risk': {
      fresh: () => openException(forumSystemId),
      state: (t) => exceptionRow(t.id),
      attempt: (user, t) => clickAndSubmit(user, t.card!, ACTIONS.exceptionAcceptRisk, t.id, `exception:${t.id}`, ACCEPT_RISK),
      expectChanged: async (t, user) => {
        expect(await exceptionRow(t.id)).toMatchObject({ status: 'risk_accepted', acceptedBy: user, acceptedUntil: new Date('2026-06-01T00:00:00Z') });
      },
      audited: 'exception.risk_accepted',
      refusal: /Only governance admins can accept a risk\./,
      forge: { opener: 'admin', open: (opener, t) => openForm(opener, t.card!, ACTIONS.exceptionAcceptRisk, t.id, `exception:${t.id}`), values: () => ACCEPT_RISK },
    },
    'snooze escalation': {
      fresh: async (actor) => snoozeTargets[actor],
      state: async (t) => ({
        card: (await db().select().from(escalationCards).where(eq(escalationCards.key, t.subject!)))[0],
        ladder: await db().select().from(escalations).where(eq(escalations.itemId, parseItemRef(t.id).id)).orderBy(escalations.id),
      }),
      attempt: (user, t) => clickAndSubmit(user, t.card!, ACTIONS.escalationSnooze, t.id, `escalation:${t.id}`, SNOOZE),
      expectChanged: async (t, user) => {
        const until = new Date('2026-03-20T00:00:00Z');
        const [card] = await db().select().from(escalationCards).where(eq(escalationCards.key, t.subject!));
        expect(card).toMatchObject({ snoozedBy: user, snoozedUntil: until, snoozeReason: 'Owner back from leave on the 19th.' });
        // The rung the card stands for is muted; the reminder before it is history.
        const ladder = await db().select().from(escalations).where(eq(escalations.itemId, parseItemRef(t.id).id));
        const rung = ladder.filter((step) => step.level === card!.level);
        expect(rung).toHaveLength(1);
        expect(rung[0]!.snoozedUntil).toEqual(until);
      },
      audited: 'escalation.snoozed',
      refusal: /Only governance admins can snooze an escalation\./,
      forge: { opener: 'admin', open: (opener, t) => openForm(opener, t.card!, ACTIONS.escalationSnooze, t.id, `escalation:${t.id}`), values: () => SNOOZE },
    },
    export: {
      // The dossier of the owner's own system: owning a system does not make its export yours.
      fresh: async () => ({ id: forumSystemId, subject: 'dossier' }),
      state: async () => ({ files: app.fake.uploadedFiles().length }),
      attempt: async (user, t) => {
        const before = app.fake.uploadedFiles().length;
        const mark = app.fake.mark();
        const res = await app.slack.slashCommand({ user, text: `export dossier ${t.id}` });
        expect(res.status).toBe(200);
        expect(res.body?.response_type).toBe('ephemeral');
        const text = String(res.body?.text);
        if (!text.startsWith('Building the dossier export (md)')) {
          await sleep(250);
          expect(app.fake.since(mark, 'files.getUploadURLExternal')).toEqual([]);
          return { where: 'ephemeral', text };
        }
        await app.fake.waitFor(() => app.fake.uploadedFiles()[before]);
        return null;
      },
      expectChanged: async (_t, user) => {
        const file = app.fake.uploadedFiles().at(-1)!;
        expect(file.channelId).toBe(dmChannelOf(user));
        expect(file.filename).toMatch(/^aigov-dossier-sys_[a-z0-9]+-\d{8}T\d{4}Z\.md$/);
        expect(file.content!.toString('utf8')).toMatch(/^# AI system dossier: Loan ranker/);
      },
      audited: 'export.generated',
      refusal: /^Exports are for governance admins \(AIGOV_ADMINS\)\. Ask one of them for the file\.$/,
    },
  };

  describe.each(MATRIX.map((r) => [r.action, r.rule] as const))('%s (%s)', (action) => {
    it.each(CELLS.filter((c) => c.action === action))('by the $actor: $verdict', async ({ actor, allowed }) => {
      const driver = DRIVERS[action];
      const user = ACTOR_IDS[actor];
      const target = await driver.fresh(actor);
      const before = { audit: await auditHead(), state: await driver.state(target) };
      const unchanged = async () => {
        expect(await auditHead(), 'no audit event may be written').toEqual(before.audit);
        expect(await driver.state(target)).toEqual(before.state);
      };

      const refusal = await driver.attempt(user, target);
      if (allowed) {
        expect(refusal, `refused: ${refusal?.text}`).toBeNull();
        await driver.expectChanged(target, user);
        const events = await auditSince(before.audit.last);
        expect(events.filter((e) => e.action === driver.audited && e.subjectId === (target.subject ?? target.id) && e.actorId === user)).toHaveLength(1);
        return;
      }
      expect(refusal?.text).toMatch(driver.refusal);
      await unchanged();
      if (!driver.forge) return;
      // The same modal, opened by someone allowed and submitted by this user.
      const view = await driver.forge.open(ACTOR_IDS[driver.forge.opener], target);
      expect(await auditHead()).toEqual(before.audit);
      expect(await forgedSubmission(user, view, driver.forge.values(user, target))).toMatch(driver.refusal);
      await unchanged();
    });
  });

  describe('tampered buttons and forms', () => {
    /** owner2's own records, and the owner's on another system, of each kind. */
    interface Kind {
      kind: string;
      actionId: string;
      blockId: (id: string) => string;
      /** The key in private_metadata naming the record. */
      metaKey: string;
      filled?: boolean;
      mine: () => Promise<Target>;
      theirs: () => Promise<Target>;
      /** The card owner2's button is on. */
      card: (t: Target) => MessageLike;
      state: (id: string) => Promise<unknown>;
      values: (mine: Target) => ViewStateValues;
      refusal: RegExp;
    }
    let mineEvidence: ClaimPool = { singles: [], pairs: [] };
    let mineEvidenceSystem: string;
    let mineSystem: string;
    let theirsSystem: string;
    let theirsPair: Target | undefined;
    let theirsClaim: Target | undefined;
    const NOT_YOURS = /This claim is not yours/;
    const claimKind = (kind: string, actionId: string, values: (mine: Target) => ViewStateValues, opts: { filled?: boolean; pair?: boolean } = {}): Kind => ({
      kind, actionId, blockId: (id) => `claim:${id}`, metaKey: 'claimId', filled: opts.filled ?? false,
      mine: async () => (opts.pair ? reusablePair(mineEvidence) : { id: takeClaim(mineEvidence).id }),
      // Nothing here changes the owner's claims, so one claim and one reusable pair serve every test.
      theirs: async () => (opts.pair ? (theirsPair ??= await reusablePair()) : (theirsClaim ??= { id: takeClaim().id })),
      card: () => ownerCard(app, USERS.owner2, mineEvidenceSystem),
      state: claimState, values, refusal: NOT_YOURS,
    });
    const KINDS: Kind[] = [
      claimKind('submit evidence', ACTIONS.evidenceSubmit, () => EVIDENCE),
      claimKind('reuse evidence', ACTIONS.evidenceReuse, (mine) => ({ artifact: { value: staticSelectValue(mine.artifactId!) } }), { filled: true, pair: true }),
      claimKind('reassign claim', ACTIONS.claimReassign, () => ({ new_owner: { value: usersSelectValue(USERS.stranger) } })),
      claimKind("can't provide", ACTIONS.claimCannotProvide, () => CANNOT_PROVIDE),
      {
        kind: 'complete review', actionId: ACTIONS.startReview, blockId: (id) => `review:${id}`, metaKey: 'reviewId',
        mine: async () => ({ id: await reviewIdOf(mineSystem) }), theirs: async () => ({ id: await reviewIdOf(theirsSystem) }),
        card: (t) => reviewCard(t.id, USERS.owner2), state: reviewState, values: () => REVIEW,
        refusal: /Only the reviewer, the system owner or a governance admin can record this review\./,
      },
      {
        kind: 'corrective action', actionId: ACTIONS.exceptionCorrectiveAction, blockId: (id) => `exception:${id}`, metaKey: 'exceptionId',
        mine: () => openException(mineSystem), theirs: () => openException(theirsSystem),
        card: (t) => t.card!, state: exceptionRow, values: () => CORRECTIVE_ACTION,
        refusal: /Only the system owner or a governance admin can set a corrective action\./,
      },
    ];

    beforeAll(async () => {
      const registeredAt = new Date(T.getTime() - 200 * DAY);
      mineSystem = await quietSystem(db(), 'Rota planner', registeredAt, { nextReviewAt: NOW, owner: USERS.owner2 });
      theirsSystem = await quietSystem(db(), 'Churn predictor', registeredAt, { nextReviewAt: NOW });
      await sweepAt(db(), NOW);
      await app.deliver();
      const sys = await registeredSystem(app, USERS.requester, { name: 'Shift scheduler', owner: USERS.owner2, annexIII: '4(b)' });
      mineEvidenceSystem = sys.system.id;
      expect(sys.claims.every((c) => c.ownerId === USERS.owner2)).toBe(true);
      mineEvidence = claimPool(sys.claims);
    });

    describe.each(KINDS.map((k) => [k.kind, k] as const))('%s', (_name, k) => {
      it('refuses owner2\'s own button with its value edited to the owner\'s record on another system, and changes nothing', async () => {
        const mine = await k.mine();
        const theirs = await k.theirs();
        // Unedited, the button opens owner2's form: only the edited value is refused.
        await openForm(USERS.owner2, k.card(mine), k.actionId, mine.id, k.blockId(mine.id), { filled: k.filled ?? false });
        const before = { audit: await auditHead(), mine: await k.state(mine.id), theirs: await k.state(theirs.id) };
        const outcome = await clickOutcome(await press(USERS.owner2, k.card(mine), k.actionId, theirs.id, k.blockId(mine.id)));
        expect(refusalOf(outcome)).toMatch(k.refusal);
        expect(await auditHead()).toEqual(before.audit);
        expect(await k.state(theirs.id)).toEqual(before.theirs);
        expect(await k.state(mine.id)).toEqual(before.mine);
      });

      it('refuses owner2\'s own form with private_metadata edited to the owner\'s record, and the unedited form still goes through', async () => {
        const mine = await k.mine();
        const theirs = await k.theirs();
        const view = await openForm(USERS.owner2, k.card(mine), k.actionId, mine.id, k.blockId(mine.id), { filled: k.filled ?? false });
        const before = { audit: await auditHead(), mine: await k.state(mine.id), theirs: await k.state(theirs.id) };
        const edited = { ...view, private_metadata: JSON.stringify({ ...JSON.parse(String(view.private_metadata)), [k.metaKey]: theirs.id }) };
        // Reuse: the artifact named is the one the owner's claim could take, so a missing check would link it.
        const values = k.kind === 'reuse evidence' ? k.values(theirs) : k.values(mine);
        expect(await forgedSubmission(USERS.owner2, edited, values)).toMatch(k.refusal);
        expect(await auditHead()).toEqual(before.audit);
        expect(await k.state(theirs.id)).toEqual(before.theirs);
        expect(await k.state(mine.id)).toEqual(before.mine);

        const genuine = await submit(app, USERS.owner2, view, k.values(mine));
        expect(genuine.body?.response_action, JSON.stringify(genuine.body)).toBe('clear');
        expect(await k.state(mine.id)).not.toEqual(before.mine);
        expect(await k.state(theirs.id)).toEqual(before.theirs);
      });
    });

    describe('garbage where an id belongs, even from an admin', () => {
      const OUT_OF_DATE_BUTTON = /^This button is out of date; nothing was changed\.$/;
      const OUT_OF_DATE_FORM = /This form is out of date; please start again\./;

      it.each([
        ['Submit evidence', 'a word', 'not-an-id', /^This evidence claim was not found\.$/],
        ['Submit evidence', 'a well-formed id of no claim', 'clm_doesnotexist0', /^This evidence claim was not found\.$/],
        ['Start review', 'SQL', "rev_x'; drop table reviews;--", OUT_OF_DATE_BUTTON],
        ['Approve', 'JSON', '{"decisionId":"dec_abc"}', OUT_OF_DATE_BUTTON],
        ['Approve', 'a review id', 'rev_abc123', OUT_OF_DATE_BUTTON],
        ['Approve', 'a well-formed id of no decision', 'dec_doesnotexist0', /^That decision was not found\.$/],
        ['Accept risk', '2,000 characters', 'x'.repeat(2000), OUT_OF_DATE_BUTTON],
        ['Snooze', 'a path', 'review:../../etc/passwd', OUT_OF_DATE_BUTTON],
        ['Snooze', 'a decision reference', 'decision:dec_abc123', OUT_OF_DATE_BUTTON],
      ] as const)('%s with %s for its value answers clearly and changes nothing', async (button, _what, value, message) => {
        const theirsReview = await reviewIdOf(theirsSystem);
        const where = {
          'Submit evidence': () => ({ card: evidenceCard(), actionId: ACTIONS.evidenceSubmit, blockId: `claim:${unused.singles[0]!.id}` }),
          'Start review': () => ({ card: reviewCard(theirsReview, USERS.owner), actionId: ACTIONS.startReview, blockId: `review:${theirsReview}` }),
          Approve: async () => { const d = await proposedDecision(theirsSystem); return { card: d.card!, actionId: ACTIONS.decisionApprove, blockId: `decision:${d.id}` }; },
          'Accept risk': async () => { const e = await openException(theirsSystem); return { card: e.card!, actionId: ACTIONS.exceptionAcceptRisk, blockId: `exception:${e.id}` }; },
          Snooze: () => ({ card: snoozeTargets.admin.card!, actionId: ACTIONS.escalationSnooze, blockId: `escalation:${snoozeTargets.admin.id}` }),
        }[button];
        const { card, actionId, blockId } = await where();
        const before = await auditHead();
        const outcome = await clickOutcome(await press(USERS.admin, card, actionId, value, blockId));
        expect(refusalOf(outcome)).toMatch(message);
        expect(await auditHead()).toEqual(before);
      });

      it('refuses forms whose private_metadata is not JSON, names the wrong kind of record, or names none that exists', async () => {
        const claim = takeClaim();
        const exception = await openException(theirsSystem);
        const theirsReview = await reviewIdOf(theirsSystem);
        const evidenceForm = await openForm(USERS.admin, evidenceCard(), ACTIONS.evidenceSubmit, claim.id, `claim:${claim.id}`);
        const acceptForm = await openForm(USERS.admin, exception.card!, ACTIONS.exceptionAcceptRisk, exception.id, `exception:${exception.id}`);
        const reviewForm = await openForm(USERS.admin, reviewCard(theirsReview, USERS.owner), ACTIONS.startReview, theirsReview, `review:${theirsReview}`);
        const snoozeForm = await openForm(USERS.admin, snoozeTargets.admin.card!, ACTIONS.escalationSnooze, snoozeTargets.admin.id, `escalation:${snoozeTargets.admin.id}`);
        const before = {
          audit: await auditHead(), claim: await claimState(claim.id), exception: await exceptionRow(exception.id), review: await reviewState(theirsReview),
        };
        const tampered = (view: StoredView, metadata: string) => ({ ...view, private_metadata: metadata });
        expect(await forgedSubmission(USERS.admin, tampered(evidenceForm, '{not json'), EVIDENCE)).toMatch(OUT_OF_DATE_FORM);
        expect(await forgedSubmission(USERS.admin, tampered(evidenceForm, JSON.stringify({ claimId: 'not-an-id' })), EVIDENCE)).toMatch(/This evidence claim was not found\./);
        expect(await forgedSubmission(USERS.admin, tampered(acceptForm, JSON.stringify({ exceptionId: claim.id, resolution: 'accept_risk' })), ACCEPT_RISK)).toMatch(OUT_OF_DATE_FORM);
        expect(await forgedSubmission(USERS.admin, tampered(acceptForm, JSON.stringify({ exceptionId: exception.id, resolution: 'delete' })), ACCEPT_RISK)).toMatch(OUT_OF_DATE_FORM);
        expect(await forgedSubmission(USERS.admin, tampered(reviewForm, '{}'), REVIEW)).toMatch(OUT_OF_DATE_FORM);
        expect(await forgedSubmission(USERS.admin, tampered(snoozeForm, JSON.stringify({ itemRef: 'review:rev_doesnotexist0' })), SNOOZE)).toMatch(/That escalation was not found\./);
        expect(await auditHead()).toEqual(before.audit);
        expect(await claimState(claim.id)).toEqual(before.claim);
        expect(await exceptionRow(exception.id)).toEqual(before.exception);
        expect(await reviewState(theirsReview)).toEqual(before.review);
      });
    });
  });
});
