import { z } from 'zod';
import { isOpenClaim } from '../../domain/claim-progress.js';
import type { ServiceContext } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { loadClaimForActor, type ClaimRow } from './claim-access.js';

export const LoadClaimFormInput = z.object({
  claimId: z.string(),
  /** Submit, reuse and "can't provide" answer an open claim; reassigning is allowed whatever its state. */
  mustBeOpen: z.boolean(),
});
export type LoadClaimFormInput = z.input<typeof LoadClaimFormInput>;

/**
 * The claim a card button names, if the actor may act on it, for the form the button opens. The value is
 * only a claim id: whose it is and what state it is in are read here. Nothing changes.
 */
export async function loadClaimForm({ ctx, input }: { ctx: ServiceContext; input: LoadClaimFormInput }): Promise<{ claim: ClaimRow; systemName: string }> {
  const { claimId, mustBeOpen } = parseInput(LoadClaimFormInput, input);
  const { claim, systemName } = await loadClaimForActor(ctx.db, ctx, claimId);
  if (mustBeOpen && !isOpenClaim(claim.status)) {
    throw new AppError('CONFLICT', `This claim is already answered (${claim.status.replace(/_/g, ' ')}); nothing is waiting on it.`);
  }
  return { claim, systemName };
}
