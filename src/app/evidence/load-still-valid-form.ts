import { z } from 'zod';
import type { ServiceContext } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { loadReattestation } from './reattest-evidence.js';

export const LoadStillValidFormInput = z.object({ claimId: z.string() });
export type LoadStillValidFormInput = z.input<typeof LoadStillValidFormInput>;

/** "Still valid": what the form shows, only where the re-attestation rule allows it; otherwise the refusal says why. */
export async function loadStillValidForm({ ctx, input }: { ctx: ServiceContext; input: LoadStillValidFormInput }) {
  const { claimId } = parseInput(LoadStillValidFormInput, input);
  const { claim, systemName, artifact, decision, today } = await loadReattestation(ctx.db, ctx, claimId);
  if (decision.kind === 'refused') throw new AppError('CONFLICT', decision.reason);
  if (!artifact) throw new AppError('CONFLICT', 'No artifact to confirm.');
  return { claim, systemName, artifact, today };
}
