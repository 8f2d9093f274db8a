import { and, eq } from 'drizzle-orm';
import { evidenceClaims } from '../../db/schema/index.js';
import { SlackUserId } from '../../domain/system-facts.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { loadClaimForActor } from './claim-access.js';
import { refreshEvidenceCard } from './evidence-card.js';

/** The modal's one field: problems with the chosen person are shown under it. */
export const REASSIGN_FIELD = 'new_owner';

/**
 * Hands one claim to another owner. Owners are mapped per source and never copied, so only this claim
 * moves: the claims of the same system under other sources keep their owners. The new owner gets their
 * own card; the old card is redrawn to say who has it now.
 */
export async function reassignClaim({ ctx, input }: { ctx: ServiceContext; input: { claimId: string; newOwnerId: string } }): Promise<{ fromOwnerId: string; toOwnerId: string }> {
  const newOwner = SlackUserId.safeParse(input.newOwnerId);
  if (!newOwner.success) throw invalid('Choose a person to hand the claim to.', { [REASSIGN_FIELD]: 'Choose a person to hand the claim to.' });
  return withTransaction(ctx, async (tx) => {
    const { claim } = await loadClaimForActor(tx, ctx, input.claimId);
    if (claim.ownerId === newOwner.data) throw invalid('Same owner.', { [REASSIGN_FIELD]: 'That person already owns this claim: choose someone else.' });
    const now = ctx.now();
    const moved = await tx.update(evidenceClaims).set({ ownerId: newOwner.data, updatedAt: now })
      .where(and(eq(evidenceClaims.id, claim.id), eq(evidenceClaims.ownerId, claim.ownerId))).returning({ id: evidenceClaims.id });
    if (!moved.length) throw new AppError('CONFLICT', 'This claim changed hands a moment ago; nothing was changed.');
    await recordAudit(tx, ctx, { action: 'evidence.reassigned', subjectType: 'evidence_claim', subjectId: claim.id,
      before: { ownerId: claim.ownerId, systemId: claim.systemId }, after: { ownerId: newOwner.data, systemId: claim.systemId, source: claim.source, requirementId: claim.requirementId } });
    await refreshEvidenceCard(tx, { systemId: claim.systemId, ownerId: newOwner.data });
    await refreshEvidenceCard(tx, { systemId: claim.systemId, ownerId: claim.ownerId });
    return { fromOwnerId: claim.ownerId, toOwnerId: newOwner.data };
  });
}
