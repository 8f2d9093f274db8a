import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import { aiSystems, decisions, exceptions, reviews } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { localDate, startOfLocalDate } from '../../domain/calendar-dates.js';
import { reviewOutcomeProblems, type ReviewOutcome } from '../../domain/review-outcome.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden, invalid, notFound, parseInput } from '../errors.js';
import { showDecisionCard } from '../decisions/decision-card.js';
import { showExceptionCard } from '../exceptions/exception-card.js';
import { refreshReviewCard, reviewRecipient } from './review-card.js';
import { mayRecordReview } from './load-review-form.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';

const DAY_MS = 86_400_000;

export interface RecordReviewResult { reviewId: string; exceptionIds: string[]; decisionId: string | null; nextReviewAt: Date }

const RecordReviewInput = z.object({
  reviewId: z.string().min(1),
  outcome: z.custom<ReviewOutcome>((v) => typeof v === 'object' && v !== null, 'a review outcome'),
});
export type RecordReviewInput = z.input<typeof RecordReviewInput>;

/**
 * Completes a review: the review record, the system's next review date and reviewer, an exception per
 * problem found (posted to the forum), and a decision awaiting approval when the outcome changes scope,
 * risk or classification. All or nothing; a second submission finds the review completed and changes nothing.
 */
export async function recordReview({ ctx, input }: { ctx: ServiceContext; input: RecordReviewInput }): Promise<RecordReviewResult> {
  const { reviewId, outcome } = parseInput(RecordReviewInput, input);
  const now = ctx.now();
  const tz = ctx.policy.timeZone;
  const problems = reviewOutcomeProblems(outcome, localDate(now, tz));
  if (Object.keys(problems).length) throw invalid('The review record needs correcting.', problems);
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select({ review: reviews, system: aiSystems }).from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId))
      .where(eq(reviews.id, reviewId)).for('update', { of: reviews });
    if (!row) throw notFound('That review');
    const { review, system } = row;
    if (!mayRecordReview(ctx.actor, review, system)) throw forbidden('Only the reviewer, the system owner or a governance admin can record this review.');
    if (review.status === 'completed') throw new AppError('CONFLICT', 'This review was already recorded; nothing was changed.');

    const nextReviewAt = startOfLocalDate(outcome.nextReviewDate, tz);
    const asked = reviewRecipient(review, system);
    const completed = {
      status: 'completed', result: outcome.result, exceptionsFound: outcome.exceptionsFound.join('\n') || null, correctiveAction: outcome.correctiveAction,
      nextOwnerId: outcome.nextOwnerId, nextReviewAt, reviewerId: ctx.actor.userId, completedAt: now,
    };
    await tx.update(reviews).set(completed).where(and(eq(reviews.id, reviewId), inArray(reviews.status, [...OPEN_REVIEW_STATUSES])));
    await tx.update(aiSystems).set({ nextReviewAt, reviewerId: outcome.nextOwnerId, updatedAt: now }).where(eq(aiSystems.id, system.id));
    await recordAudit(tx, ctx, { action: 'review.completed', subjectType: 'review', subjectId: reviewId,
      before: { status: review.status, systemNextReviewAt: system.nextReviewAt, systemReviewerId: system.reviewerId }, after: { systemId: system.id, ...completed } });

    const exceptionIds: string[] = [];
    for (const reason of outcome.exceptionsFound) {
      const id = newId('exc');
      const dueAt = new Date(now.getTime() + ctx.policy.evidenceDueDays * DAY_MS);
      await tx.insert(exceptions).values({ id, systemId: system.id, reviewId, reason, openedBy: ctx.actor.userId, dueAt, createdAt: now });
      await recordAudit(tx, ctx, { action: 'exception.opened', subjectType: 'exception', subjectId: id, after: { systemId: system.id, reviewId, reason, dueAt } });
      await showExceptionCard(tx, ctx, id);
      exceptionIds.push(id);
    }

    let decisionId: string | null = null;
    if (outcome.decision) {
      decisionId = newId('dec');
      const decision = { id: decisionId, systemId: system.id, reviewId, ...outcome.decision, status: 'pending', createdBy: ctx.actor.userId, createdAt: now };
      await tx.insert(decisions).values(decision);
      await recordAudit(tx, ctx, { action: 'decision.proposed', subjectType: 'decision', subjectId: decisionId, after: decision });
      await showDecisionCard(tx, ctx, decisionId);
    }
    await refreshReviewCard(tx, ctx, { reviewId, recipientId: asked });
    return { reviewId, exceptionIds, decisionId, nextReviewAt };
  });
}
