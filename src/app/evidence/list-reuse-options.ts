import { z } from 'zod';
import { parseInput } from '../errors.js';
import { crosswalkPartners } from '../../domain/catalog/index.js';
import type { Source } from '../../domain/vocabulary.js';
import type { ServiceContext } from '../context.js';
import { loadClaimForActor, type ClaimRow } from './claim-access.js';
import { reuseCandidates, type ReuseCandidate } from './reuse-candidates.js';

export interface ReuseOptions {
  claim: ClaimRow;
  systemName: string;
  /** Artifacts that may stand for this claim. */
  allowed: ReuseCandidate[];
  /** Artifacts of requirements the crosswalk maps to this one, refused for a stated reason. */
  refused: ReuseCandidate[];
  /** How many artifacts were left out because the crosswalk does not map their requirement to this one. */
  unmapped: number;
  /** The requirements the crosswalk maps this one to: where reusable evidence could come from. */
  partners: { source: Source; id: string }[];
}

const ListReuseOptionsInput = z.object({
  claimId: z.string().min(1),
});
export type ListReuseOptionsInput = z.input<typeof ListReuseOptionsInput>;

/** What the Reuse evidence modal offers: only what the reuse rule allows, and why the rest is refused. */
export async function listReuseOptions({ ctx, input }: { ctx: ServiceContext; input: ListReuseOptionsInput }): Promise<ReuseOptions> {
  const { claimId } = parseInput(ListReuseOptionsInput, input);
  const { claim, system, systemName } = await loadClaimForActor(ctx.db, ctx, claimId);
  const candidates = await reuseCandidates(ctx.db, { claim, system, now: ctx.now() });
  const refused = candidates.filter((c) => c.decision.kind === 'refused');
  const mappedRefusals = refused.filter((c) => c.decision.kind === 'refused' && c.decision.failed !== 'crosswalk');
  return {
    claim, systemName,
    allowed: candidates.filter((c) => c.decision.kind === 'allowed'),
    refused: mappedRefusals,
    unmapped: refused.length - mappedRefusals.length,
    partners: crosswalkPartners({ source: claim.source as Source, id: claim.requirementId }),
  };
}
