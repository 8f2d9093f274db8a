import { and, eq, inArray } from 'drizzle-orm';
import { evidenceClaims, exceptions } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { isOpenClaim } from '../../domain/claim-progress.js';
import { OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import { buildClaimExceptionNote } from '../../slack/views/evidence/claim-exception-note.js';
import { sourceLabel } from '../../slack/views/classification-text.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { loadClaimForActor } from './claim-access.js';
import { refreshEvidenceCard } from './evidence-card.js';
import { showExceptionCard } from '../notify/exception-card.js';
import { noteInSystemThread } from '../notify/system-thread.js';

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
    const { claim, systemName } = await loadClaimForActor(tx, ctx, input.claimId);
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
    const stated = `No evidence can be provided for ${sourceLabel(claim.source)} ${claim.requirementId} (${claim.title}): ${reason}`;
    await tx.insert(exceptions).values({ id: exceptionId, systemId: claim.systemId, claimId: claim.id, reason: stated, openedBy: ctx.actor.userId, dueAt, createdAt: now });
    await recordAudit(tx, ctx, { action: 'evidence.cannot_provide', subjectType: 'evidence_claim', subjectId: claim.id,
      before: { status: claim.status }, after: { status: 'exception', exceptionId } });
    await recordAudit(tx, ctx, { action: 'exception.opened', subjectType: 'exception', subjectId: exceptionId,
      after: { systemId: claim.systemId, claimId: claim.id, reason: stated, dueAt } });
    await showExceptionCard(tx, ctx, exceptionId);
    await refreshEvidenceCard(tx, { systemId: claim.systemId, ownerId: claim.ownerId });
    const note = buildClaimExceptionNote({ exceptionId, systemName, claim, actorId: ctx.actor.userId, reason });
    await noteInSystemThread(tx, ctx, { systemId: claim.systemId, ...note, idempotencyKey: `exception-note:${exceptionId}` });
    return { status: 'opened', exceptionId };
  });
}
