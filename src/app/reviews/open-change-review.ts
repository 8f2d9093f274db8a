import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { aiSystems, reviews } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { OPEN_REVIEW_STATUSES, reviewDueOnChange, type ChangeTrigger, CHANGE_TRIGGERS } from '../../domain/review-cadence.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { sendReviewCard } from './review-card.js';
import { ownerTimeZone } from '../sweep/owner-time-zone.js';
import { nextWorkingTime } from '../../domain/working-hours.js';

export type OpenChangeReviewResult = { status: 'opened'; reviewId: string; reason: string } | { status: 'already_open'; reviewId: string };

const OpenChangeReviewInput = z.object({
  systemId: z.string().min(1),
  trigger: z.enum(CHANGE_TRIGGERS),
});
export type OpenChangeReviewInput = z.input<typeof OpenChangeReviewInput>;

/**
 * A change (designed, deployed, materially changed, monitoring signal, retired, reclassified) makes a
 * review due now, and its reviewer is asked at once. A review already open for the same change is reused.
 */
export async function openChangeReview({ ctx, input }: { ctx: ServiceContext; input: OpenChangeReviewInput }): Promise<OpenChangeReviewResult> {
  const { systemId, trigger } = parseInput(OpenChangeReviewInput, input);
  return withTransaction(ctx, async (tx) => {
    const [system] = await tx.select().from(aiSystems).where(eq(aiSystems.id, systemId));
    if (!system) throw notFound('That AI system');
    return openChangeReviewIn(tx, ctx, { system, trigger });
  });
}

/** openChangeReview inside a caller's transaction (a reported change applies its facts and opens the review together). */
export async function openChangeReviewIn(
  tx: Tx, ctx: ServiceContext,
  { system, trigger, audit = {} }: { system: { id: string; ownerId: string; reviewerId: string | null }; trigger: ChangeTrigger; audit?: Record<string, unknown> },
): Promise<OpenChangeReviewResult> {
  const [open] = await tx.select({ id: reviews.id }).from(reviews)
    .where(and(eq(reviews.systemId, system.id), eq(reviews.dueReason, trigger), inArray(reviews.status, [...OPEN_REVIEW_STATUSES])));
  if (open) return { status: 'already_open', reviewId: open.id };
  const due = reviewDueOnChange(trigger, ctx.now());
  const reviewerId = system.reviewerId ?? system.ownerId;
  const id = newId('rev');
  const inserted = await tx.insert(reviews).values({ id, systemId: system.id, status: 'due', dueAt: due.dueAt, dueReason: trigger, reviewerId, createdAt: ctx.now() })
    .onConflictDoNothing().returning({ id: reviews.id });
  // The same change reported twice at the same instant (a retried request) opens one review.
  if (!inserted.length) return { status: 'already_open', reviewId: id };
  await recordAudit(tx, ctx, { action: 'review.due', subjectType: 'review', subjectId: id, after: { systemId: system.id, dueAt: due.dueAt, dueReason: trigger, reason: due.reason, ...audit } });
  // The cached Slack time zone only: no network call inside the transaction.
  const at = nextWorkingTime(ctx.now(), await ownerTimeZone(tx, undefined, reviewerId, ctx.now(), ctx.policy.timeZone));
  await sendReviewCard(tx, ctx, { reviewId: id, ...(at > ctx.now() ? { notBefore: at } : {}) });
  return { status: 'opened', reviewId: id, reason: due.reason };
}
