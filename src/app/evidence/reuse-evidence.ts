import { and, eq, inArray } from 'drizzle-orm';
import { evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { ArtifactConditions, decideArtifactReuse } from '../../domain/evidence-conditions.js';
import { isOpenClaim, OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { loadClaimForActor } from './claim-access.js';
import { reuseTarget } from './reuse-candidates.js';
import { refreshEvidenceCard } from './evidence-card.js';
import { enqueueEvent } from '../events/enqueue-event.js';

/** The modal's one field: a refusal is shown under it. */
export const REUSE_FIELD = 'artifact';

export type ReuseEvidenceResult = { status: 'reused' | 'already_reused'; reason: string };

/**
 * Links an existing artifact to a second claim, when PRODUCT.md's reuse rule allows it. Decided again
 * here, not taken from the modal: the facts may have changed since it was opened. Both claims then
 * point at the one artifact, so a later change to it shows on both.
 */
export async function reuseEvidence({ ctx, input }: { ctx: ServiceContext; input: { claimId: string; artifactId: string } }): Promise<ReuseEvidenceResult> {
  return withTransaction(ctx, async (tx) => {
    const { claim, system } = await loadClaimForActor(tx, ctx, input.claimId);
    if (claim.status === 'reused' && claim.artifactId === input.artifactId) return { status: 'already_reused', reason: 'This evidence already answers the claim.' };
    if (!isOpenClaim(claim.status)) throw new AppError('CONFLICT', `This claim was already answered (${claim.status}); nothing was changed.`);
    const [artifact] = await tx.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, input.artifactId));
    if (!artifact || artifact.systemId !== claim.systemId) throw invalid('That evidence was not found for this system.', { [REUSE_FIELD]: 'That evidence was not found for this system.' });
    const conditions = ArtifactConditions.parse(artifact.conditions);
    const now = ctx.now();
    const decision = decideArtifactReuse({ artifact: { conditions, periodTo: artifact.periodTo, criteriaMet: artifact.criteriaMet }, target: reuseTarget(claim, system), now });
    if (decision.kind === 'refused') throw invalid(decision.reason, { [REUSE_FIELD]: decision.reason });

    const linked = await tx.update(evidenceClaims).set({ status: 'reused', artifactId: artifact.id, answeredAt: now, staleReason: null, updatedAt: now })
      .where(and(eq(evidenceClaims.id, claim.id), inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES]))).returning({ id: evidenceClaims.id });
    if (!linked.length) throw new AppError('CONFLICT', 'This claim was answered a moment ago; nothing was changed.');
    await recordAudit(tx, ctx, { action: 'evidence.reused', subjectType: 'evidence_claim', subjectId: claim.id,
      before: { status: claim.status, artifactId: claim.artifactId },
      after: { status: 'reused', artifactId: artifact.id, from: conditions.claim, reason: decision.reason } });
    await refreshEvidenceCard(tx, { systemId: claim.systemId, ownerId: claim.ownerId });
    await enqueueEvent(tx, null, {
      event: { kind: 'evidence.note.v1', body: { kind: 'reused', claimId: claim.id, artifactId: artifact.id, actorId: ctx.actor.userId, reason: decision.reason } },
      key: outboxKeys.evidenceReusedNote(artifact.id, claim.id, now),
    });
    return { status: 'reused', reason: decision.reason };
  });
}
