import { beforeAll } from 'vitest';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { aiSystems, auditEvents, decisions, exceptions, reviews } from '../../../src/db/schema/index.js';
import { loadReviewForm } from '../../../src/app/reviews/load-review-form.js';
import { recordReview } from '../../../src/app/reviews/record-review.js';
import { openChangeReview } from '../../../src/app/reviews/open-change-review.js';
import type { ReviewOutcome } from '../../../src/domain/review-outcome.js';
import { USERS } from '../../support/test-app.js';
import { refusal } from '../../support/refusal.js';
import { at, DAY, postsTo, queued, quietSystem, sweepAt, updatesOf } from '../../support/governance-fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const LATER = new Date(T.getTime() + 2 * DAY);

const outcome = (o: Partial<ReviewOutcome> = {}): ReviewOutcome => ({
  result: 'effective', exceptionsFound: [], correctiveAction: null, nextOwnerId: USERS.owner2, nextReviewDate: '2026-06-01', decision: null, ...o,
});

describe('recording a review', () => {
  let database: Database;
  let db: Database['db'];
  let systemId: string;
  let reviewId: string;

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    db = database.db;
    systemId = await quietSystem(db, 'Shift planner', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
    await db.update(aiSystems).set({ cadenceDays: 180 }).where(eq(aiSystems.id, systemId));
    await sweepAt(db, T);
    [{ id: reviewId }] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.systemId, systemId)) as [{ id: string }];
  });

  it('DMs the owner a card with Start review when the review falls due', async () => {
    const [card] = (await postsTo(db, USERS.owner)).filter((p) => p.post.storeAs?.startsWith('review:'));
    expect(card!.body).toContain('Review due: Shift planner');
    const buttons = (card!.post.blocks ?? []).flatMap((b) => (b.elements as { action_id?: string; value?: string }[] | undefined) ?? []);
    expect(buttons).toContainEqual(expect.objectContaining({ action_id: 'aigov_start_review', value: reviewId }));
  });

  it('offers the cadence as the next review date and the reviewer as next owner', async () => {
    const form = await loadReviewForm({ ctx: at(db, USERS.owner, LATER), input: { reviewId } });
    expect(form).toMatchObject({ reviewId, systemId, defaultOwnerId: USERS.owner, defaultNextReviewDate: '2026-08-31', cadenceDays: 180 });
  });

  it('refuses the form to someone who is neither reviewer, owner nor admin', async () => {
    const err = await refusal(loadReviewForm({ ctx: at(db, USERS.stranger, LATER), input: { reviewId } }));
    expect(err.code).toBe('FORBIDDEN');
  });

  it('refuses an outcome whose result contradicts the exceptions, storing nothing', async () => {
    const err = await refusal(recordReview({ ctx: at(db, USERS.owner, LATER), input: { reviewId, outcome: outcome({ exceptionsFound: ['Drift not monitored'] }) } }));
    expect(err.fields).toHaveProperty('result');
    const err2 = await refusal(recordReview({ ctx: at(db, USERS.owner, LATER), input: { reviewId, outcome: outcome({ result: 'not_effective' }) } }));
    expect(err2.fields).toHaveProperty('exceptions_found');
    const err3 = await refusal(recordReview({ ctx: at(db, USERS.owner, LATER), input: { reviewId, outcome: outcome({ nextReviewDate: '2026-03-04' }) } }));
    expect(err3.fields.next_review_date).toMatch(/after today/);
    const [review] = await db.select().from(reviews).where(eq(reviews.id, reviewId));
    expect(review!.status).toBe('due');
  });

  // Every case below starts from the recorded review; the describe records it once, so each case also runs alone.
  describe('once the review is recorded', () => {
    let result: Awaited<ReturnType<typeof recordReview>>;
    beforeAll(async () => {
      result = await recordReview({ ctx: at(db, USERS.owner, LATER), input: { reviewId, outcome: outcome({
        result: 'effective_with_exceptions', exceptionsFound: ['Drift is not monitored', 'No rollback plan'], correctiveAction: 'Add a drift dashboard',
        decision: { changes: 'risk', scope: 'Planner now also schedules night shifts', assumption: 'Staff can swap shifts', riskOrObligation: 'Fatigue risk to staff', ownerId: USERS.owner },
      }) } });
    });

    it('completes the review, moves the next review date, opens the exceptions and proposes the decision, in one go', async () => {
      const [review] = await db.select().from(reviews).where(eq(reviews.id, reviewId));
      expect(review).toMatchObject({ status: 'completed', result: 'effective_with_exceptions', exceptionsFound: 'Drift is not monitored\nNo rollback plan',
        correctiveAction: 'Add a drift dashboard', nextOwnerId: USERS.owner2, reviewerId: USERS.owner, completedAt: LATER, nextReviewAt: new Date('2026-06-01T00:00:00Z') });
      const [system] = await db.select().from(aiSystems).where(eq(aiSystems.id, systemId));
      expect(system).toMatchObject({ nextReviewAt: new Date('2026-06-01T00:00:00Z'), reviewerId: USERS.owner2 });
      const opened = await db.select().from(exceptions).where(eq(exceptions.reviewId, reviewId));
      expect(opened.map((e) => e.reason).sort()).toEqual(['Drift is not monitored', 'No rollback plan']);
      expect(opened.every((e) => e.status === 'open' && e.openedBy === USERS.owner)).toBe(true);
      const [decision] = await db.select().from(decisions).where(eq(decisions.id, result.decisionId!));
      expect(decision).toMatchObject({ status: 'pending', changes: 'risk', reviewId, createdBy: USERS.owner, scope: 'Planner now also schedules night shifts' });
      const audit = await db.select({ action: auditEvents.action }).from(auditEvents).where(eq(auditEvents.subjectId, reviewId));
      expect(audit.map((a) => a.action)).toContain('review.completed');
    });

    it('posts each exception and the decision to the governance channel with their buttons, and edits the review card', async () => {
      const governance = await postsTo(db, 'C0GOV');
      const exceptionCards = governance.filter((p) => p.post.storeAs?.startsWith('exception:'));
      expect(exceptionCards).toHaveLength(2);
      for (const card of exceptionCards) {
        expect(card.body).toContain('aigov_exception_accept_risk');
        expect(card.body).toContain('aigov_exception_corrective_action');
      }
      const [decisionCard] = governance.filter((p) => p.post.storeAs?.startsWith('decision:'));
      expect(decisionCard!.body).toContain('aigov_decision_approve');
      expect(decisionCard!.body).toContain('aigov_decision_reject');
      expect(decisionCard!.body).toContain(`<@${USERS.admin}>`);
      const [update] = await updatesOf(db, `review:${reviewId}:${USERS.owner}`);
      expect(update!.body).toContain('Review recorded by');
      expect(update!.body).not.toContain('aigov_start_review');
    });

    it('changes nothing when the same review is recorded again', async () => {
      const before = (await queued(db)).length;
      const err = await refusal(recordReview({ ctx: at(db, USERS.owner, LATER), input: { reviewId, outcome: outcome() } }));
      expect(err.code).toBe('CONFLICT');
      expect((await queued(db)).length).toBe(before);
    });

    it('makes a review due at once on a change, asks the reviewer, and reuses it when the same change is reported again', async () => {
      const opened = await openChangeReview({ ctx: at(db, USERS.owner, LATER), input: { systemId, trigger: 'materially_changed' } });
      expect(opened.status).toBe('opened');
      const [review] = await db.select().from(reviews).where(eq(reviews.id, opened.reviewId));
      expect(review).toMatchObject({ status: 'due', dueAt: LATER, dueReason: 'materially_changed', reviewerId: USERS.owner2 });
      const [card] = (await postsTo(db, USERS.owner2)).filter((p) => p.post.storeAs === `review:${opened.reviewId}:${USERS.owner2}`);
      expect(card!.body).toContain('changed materially');
      const again = await openChangeReview({ ctx: at(db, USERS.owner, LATER), input: { systemId, trigger: 'materially_changed' } });
      expect(again).toEqual({ status: 'already_open', reviewId: opened.reviewId });
    });
  });
});
