import { z } from 'zod';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { aiSystems, escalationCards, exceptions, reviews } from '../../db/schema/index.js';
import { SlackUserId } from '../../domain/system-facts.js';
import { nextWorkingTime } from '../../domain/working-hours.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden, invalid, notFound, parseInput } from '../errors.js';
import { refreshEscalationCard } from './escalation-card.js';
import { showExceptionCard } from '../exceptions/exception-card.js';
import { refreshReviewCard, reviewRecipient, sendReviewCard } from '../reviews/review-card.js';
import { ownerTimeZone } from '../sweep/owner-time-zone.js';
import { reassignClaim } from '../evidence/reassign-claim.js';
import { lockEscalationCard, parseItemRef, type ClickedMessage, ClickedMessageInput } from './find-escalation-card.js';

const FIELD = 'new_owner';

const ReassignOverdueItemInput = z.object({
  itemRef: z.string().min(1),
  clicked: ClickedMessageInput.optional(),
  newOwnerId: z.string(),
});
export type ReassignOverdueItemInput = z.input<typeof ReassignOverdueItemInput>;

/**
 * Moves an escalated item to a new owner: a review to a new reviewer (who gets the review card), the
 * card's overdue evidence claims to a new claim owner, an exception to a new action owner. The item's
 * owner or a governance admin may do it. A legal deadline stays with the system's owner.
 */
export async function reassignOverdueItem({ ctx, input }: { ctx: ServiceContext; input: ReassignOverdueItemInput }): Promise<void> {
  const { itemRef, clicked, newOwnerId } = parseInput(ReassignOverdueItemInput, input);
  const to = SlackUserId.safeParse(newOwnerId);
  if (!to.success) throw invalid('Choose the new owner.', { [FIELD]: 'Choose the new owner.' });
  const { kind, id } = parseItemRef(itemRef);
  if (kind === 'statutory') throw invalid('A legal deadline stays with the system owner.', { [FIELD]: 'A legal deadline stays with the system owner: change the system’s owner to move it.' });
  await withTransaction(ctx, async (tx) => {
    const card = await lockEscalationCard(tx, itemRef, clicked);
    const inner = { ...ctx, db: tx };
    if (kind === 'review') await moveReview(tx, inner, id, to.data);
    if (kind === 'exception') await moveException(tx, inner, id, to.data);
    if (kind === 'evidence') {
      const claimIds = card.itemRefs.map(parseItemRef).filter((r) => r.kind === 'evidence').map((r) => r.id);
      let moved = 0;
      for (const claimId of claimIds) {
        try {
          await reassignClaim({ ctx: inner, input: { claimId, newOwnerId: to.data } });
          moved += 1;
        } catch (err) {
          // A claim already with the new owner is where it should be; any other refusal stops everything.
          if (!(err instanceof AppError && err.code === 'VALIDATION')) throw err;
        }
      }
      if (!moved) throw invalid('Nothing to move.', { [FIELD]: 'That person already owns this evidence: choose someone else.' });
    }
    const now = ctx.now();
    const [updated] = await tx.update(escalationCards).set({ reassignedBy: ctx.actor.userId, reassignedTo: to.data, updatedAt: now }).where(eq(escalationCards.key, card.key)).returning();
    await recordAudit(tx, ctx, { action: 'escalation.reassigned', subjectType: 'escalation', subjectId: card.key, after: { items: card.itemRefs, reassignedTo: to.data } });
    await refreshEscalationCard(tx, updated!.key);
  });
}

async function moveReview(tx: Tx, ctx: ServiceContext, reviewId: string, to: string): Promise<void> {
  const [row] = await tx.select({ review: reviews, system: aiSystems }).from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId))
    .where(eq(reviews.id, reviewId)).for('update', { of: reviews });
  if (!row) throw notFound('That review');
  const from = reviewRecipient(row.review, row.system);
  if (!ctx.actor.isAdmin && ctx.actor.userId !== from && ctx.actor.userId !== row.system.ownerId) throw forbidden('Only the reviewer, the system owner or a governance admin can reassign this review.');
  if (row.review.status === 'completed') throw new AppError('CONFLICT', 'This review has been recorded already; nothing was changed.');
  if (from === to) throw invalid('Same reviewer.', { [FIELD]: 'That person is already the reviewer: choose someone else.' });
  await tx.update(reviews).set({ reviewerId: to }).where(eq(reviews.id, reviewId));
  await recordAudit(tx, ctx, { action: 'review.reassigned', subjectType: 'review', subjectId: reviewId, before: { reviewerId: from }, after: { reviewerId: to, systemId: row.system.id } });
  await refreshReviewCard(tx, ctx, { reviewId, recipientId: from, reassignedTo: to });
  const at = nextWorkingTime(ctx.now(), await ownerTimeZone(tx, undefined, to, ctx.now(), ctx.policy.timeZone));
  await sendReviewCard(tx, ctx, { reviewId, ...(at > ctx.now() ? { notBefore: at } : {}) });
}

async function moveException(tx: Tx, ctx: ServiceContext, exceptionId: string, to: string): Promise<void> {
  const [row] = await tx.select({ exception: exceptions, ownerId: aiSystems.ownerId }).from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId))
    .where(eq(exceptions.id, exceptionId)).for('update', { of: exceptions });
  if (!row) throw notFound('That exception');
  const from = row.exception.actionOwnerId ?? row.ownerId;
  if (!ctx.actor.isAdmin && ctx.actor.userId !== from && ctx.actor.userId !== row.ownerId) throw forbidden('Only the exception’s owner, the system owner or a governance admin can reassign it.');
  if (row.exception.status === 'closed') throw new AppError('CONFLICT', 'This exception is closed; nothing was changed.');
  if (from === to) throw invalid('Same owner.', { [FIELD]: 'That person already owns this exception: choose someone else.' });
  await tx.update(exceptions).set({ actionOwnerId: to }).where(eq(exceptions.id, exceptionId));
  await recordAudit(tx, ctx, { action: 'exception.reassigned', subjectType: 'exception', subjectId: exceptionId, before: { actionOwnerId: row.exception.actionOwnerId }, after: { actionOwnerId: to, systemId: row.exception.systemId } });
  await showExceptionCard(tx, ctx, exceptionId);
}
