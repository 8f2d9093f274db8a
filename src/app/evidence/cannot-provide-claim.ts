import { and, eq, inArray } from 'drizzle-orm';
import { evidenceClaims, exceptions } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { isOpenClaim, OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { SOURCE_LABELS, type Source } from '../../domain/vocabulary.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { loadClaimForActor } from './claim-access.js';
import { refreshEvidenceCard } from './evidence-card.js';
import { showExceptionCard } from '../exceptions/exception-card.js';
import { enqueueEvent } from '../events/enqueue-event.js';

/** The modal's one field. */
export const CANNOT_PROVIDE_FIELD = 'reason';
const DAY_MS = 86_400_000;

export type CannotProvideResult = { status: 'opened' | 'already_open'; exceptionId: string };

/**
 * The owner cannot provide the evidence: the claim leaves the owner's list and becomes an exception the
 * governance forum must resolve — by accepting the risk or ordering corrective action, never by letting
 * it disappear. The forum sees it in its channel at once.
 */
export async function cannotProvideClaim({ ctx, input }: { ctx: ServiceContext; input: { claimId: string; reason: string } }): Promise<CannotProvideResult> {
  const reason = input.reason.trim();
  if (!reason) throw invalid('Say why the evidence cannot be provided.', { [CANNOT_PROVIDE_FIELD]: 'Say why the evidence cannot be provided.' });
  if (reason.length > 2000) throw invalid('Too long.', { [CANNOT_PROVIDE_FIELD]: 'At most 2,000 characters.' });
  return withTransaction(ctx, async (tx) => {
    const { claim } = await loadClaimForActor(tx, ctx, input.claimId);
    if (claim.status === 'exception') {
      const [open] = await tx.select({ id: exceptions.id }).from(exceptions).where(and(eq(exceptions.claimId, claim.id), eq(exceptions.status, 'open')));
      if (open) return { status: 'already_open', exceptionId: open.id };
    }
    if (!isOpenClaim(claim.status)) throw new AppError('CONFLICT', `This claim was already answered (${claim.status}); nothing was changed.`);
    const now = ctx.now();
    const moved = await tx.update(evidenceClaims).set({ status: 'exception', updatedAt: now })
      .where(and(eq(evidenceClaims.id, claim.id), inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES]))).returning({ id: evidenceClaims.id });
    if (!moved.length) throw new AppError('CONFLICT', 'This claim was answered a moment ago; nothing was changed.');
    const exceptionId = newId('exc');
    const dueAt = new Date(now.getTime() + ctx.policy.evidenceDueDays * DAY_MS);
    // The exception names the requirement it is about, so the forum's card, the digest and escalations say which.
    const stated = `No evidence can be provided for ${SOURCE_LABELS[claim.source as Source] ?? claim.source} ${claim.requirementId} (${claim.title}): ${reason}`;
    await tx.insert(exceptions).values({ id: exceptionId, systemId: claim.systemId, claimId: claim.id, reason: stated, openedBy: ctx.actor.userId, dueAt, createdAt: now });
    await recordAudit(tx, ctx, { action: 'evidence.cannot_provide', subjectType: 'evidence_claim', subjectId: claim.id,
      before: { status: claim.status }, after: { status: 'exception', exceptionId } });
    await recordAudit(tx, ctx, { action: 'exception.opened', subjectType: 'exception', subjectId: exceptionId,
      after: { systemId: claim.systemId, claimId: claim.id, reason: stated, dueAt } });
    await showExceptionCard(tx, ctx, exceptionId);
    await refreshEvidenceCard(tx, { systemId: claim.systemId, ownerId: claim.ownerId });
    await enqueueEvent(tx, null, {
      event: { kind: 'evidence.exception-note.v1', body: { exceptionId, claimId: claim.id, actorId: ctx.actor.userId, reason } },
      key: outboxKeys.exceptionNote(exceptionId),
    });
    return { status: 'opened', exceptionId };
  });
}
