import { and, eq, inArray } from 'drizzle-orm';
import { aiSystems, reviews } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { reviewDueOnChange, type ChangeTrigger } from '../../domain/review-cadence.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { notFound } from '../errors.js';
import { sendReviewCard } from '../notify/review-card.js';
import { ownerTimeZone } from '../owner-time-zone.js';
import { nextWorkingTime } from '../../domain/working-hours.js';

export type OpenChangeReviewResult = { status: 'opened'; reviewId: string } | { status: 'already_open'; reviewId: string };

/**
 * A change (designed, deployed, materially changed, monitoring signal, retired, reclassified) makes a
 * review due now, and its reviewer is asked at once. A review already open for the same change is reused.
 */
export async function openChangeReview({ ctx, systemId, trigger }: { ctx: ServiceContext; systemId: string; trigger: ChangeTrigger }): Promise<OpenChangeReviewResult> {
  return withTransaction(ctx, async (tx) => {
    const [system] = await tx.select().from(aiSystems).where(eq(aiSystems.id, systemId));
    if (!system) throw notFound('That AI system');
    const [open] = await tx.select({ id: reviews.id }).from(reviews)
      .where(and(eq(reviews.systemId, systemId), eq(reviews.dueReason, trigger), inArray(reviews.status, ['due', 'in_progress'])));
    if (open) return { status: 'already_open', reviewId: open.id };
    const due = reviewDueOnChange(trigger, ctx.now());
    const id = newId('rev');
    await tx.insert(reviews).values({ id, systemId, status: 'due', dueAt: due.dueAt, dueReason: trigger, reviewerId: system.reviewerId ?? system.ownerId, createdAt: ctx.now() });
    await recordAudit(tx, ctx, { action: 'review.due', subjectType: 'review', subjectId: id, after: { systemId, dueAt: due.dueAt, dueReason: trigger, reason: due.reason } });
    // The cached Slack time zone only: no network call inside the transaction.
    const at = nextWorkingTime(ctx.now(), await ownerTimeZone(tx, undefined, system.reviewerId ?? system.ownerId, ctx.now(), ctx.policy.timeZone));
    await sendReviewCard(tx, ctx, { reviewId: id, ...(at > ctx.now() ? { notBefore: at } : {}) });
    return { status: 'opened', reviewId: id };
  });
}
