import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { decisions, reviews } from '../../../src/db/schema/index.js';
import { recordReview } from '../../../src/app/reviews/record-review.js';
import { openChangeReview } from '../../../src/app/reviews/open-change-review.js';
import { approveDecision } from '../../../src/app/decisions/approve-decision.js';
import { rejectDecision } from '../../../src/app/decisions/reject-decision.js';
import type { ReviewOutcome } from '../../../src/domain/review-outcome.js';
import { USERS } from '../../support/test-app.js';
import { refusal } from '../../support/refusal.js';
import { at, DAY, quietSystem, sweepAt, updatesOf } from '../../support/governance-fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const LATER = new Date(T.getTime() + 2 * DAY);

const outcome = (o: Partial<ReviewOutcome> = {}): ReviewOutcome => ({
  result: 'effective', exceptionsFound: [], correctiveAction: null, nextOwnerId: USERS.owner2, nextReviewDate: '2026-06-01', decision: null, ...o,
});

describe('approving and rejecting decisions', () => {
  let database: Database;
  let db: Database['db'];
  let decisionId: string;
  let otherId: string;

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    db = database.db;
    const systemId = await quietSystem(db, 'Claims triage', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
    await sweepAt(db, T);
    const [review] = await db.select().from(reviews).where(eq(reviews.systemId, systemId));
    const decision = { changes: 'scope' as const, scope: 'Add motor claims', assumption: null, riskOrObligation: 'Unfair refusals', ownerId: USERS.owner };
    decisionId = (await recordReview({ ctx: at(db, USERS.owner, LATER), input: { reviewId: review!.id, outcome: outcome({ decision }) } })).decisionId!;
    const second = await openChangeReview({ ctx: at(db, USERS.owner, LATER), input: { systemId, trigger: 'reclassified' } });
    otherId = (await recordReview({ ctx: at(db, USERS.owner, LATER), input: { reviewId: second.reviewId, outcome: outcome({ decision: { ...decision, changes: 'classification' } }) } })).decisionId!;
  });

  it('refuses a non-admin and changes nothing', async () => {
    const err = await refusal(approveDecision({ ctx: at(db, USERS.owner, LATER), input: { decisionId } }));
    expect(err.code).toBe('FORBIDDEN');
    const [decision] = await db.select().from(decisions).where(eq(decisions.id, decisionId));
    expect(decision!.status).toBe('pending');
  });

  it('records the approver and the date and updates the card in place', async () => {
    expect(await approveDecision({ ctx: at(db, USERS.admin, LATER), input: { decisionId } })).toEqual({ status: 'decided', decisionId });
    const [decision] = await db.select().from(decisions).where(eq(decisions.id, decisionId));
    expect(decision).toMatchObject({ status: 'approved', decidedBy: USERS.admin, decidedAt: LATER });
    const [update] = await updatesOf(db, `decision:${decisionId}`);
    expect(update!.body).toContain(`*Approved* by <@${USERS.admin}> on 2026-03-04`);
    expect(update!.body).not.toContain('aigov_decision_approve');
  });

  it('treats a second click as already decided', async () => {
    const again = await approveDecision({ ctx: at(db, USERS.admin, LATER), input: { decisionId } });
    expect(again).toMatchObject({ status: 'already_decided', outcome: 'approved', by: USERS.admin });
    expect(await updatesOf(db, `decision:${decisionId}`)).toHaveLength(1);
    expect(await rejectDecision({ ctx: at(db, USERS.admin, LATER), input: { decisionId, reason: 'Too late' } })).toMatchObject({ status: 'already_decided' });
  });

  it('needs a reason to reject, and keeps it', async () => {
    const err = await refusal(rejectDecision({ ctx: at(db, USERS.admin, LATER), input: { decisionId: otherId, reason: '  ' } }));
    expect(err.fields).toHaveProperty('reason');
    await rejectDecision({ ctx: at(db, USERS.admin, LATER), input: { decisionId: otherId, reason: 'Reclassification needs legal advice first.' } });
    const [decision] = await db.select().from(decisions).where(eq(decisions.id, otherId));
    expect(decision).toMatchObject({ status: 'rejected', decidedBy: USERS.admin, decisionReason: 'Reclassification needs legal advice first.' });
    const [update] = await updatesOf(db, `decision:${otherId}`);
    expect(update!.body).toContain('*Rejected*');
    expect(update!.body).toContain('Reclassification needs legal advice first.');
  });
});
