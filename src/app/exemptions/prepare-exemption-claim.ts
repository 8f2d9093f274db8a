import { z } from 'zod';
import { findSystemById } from '../../db/repos/systems.js';
import type { ServiceContext } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { GONE, SystemId } from '../records/system-ref.js';

export const PrepareExemptionClaimInput = z.object({ systemId: z.string() });
export type PrepareExemptionClaimInput = z.input<typeof PrepareExemptionClaimInput>;

/** Claim an exemption, from the system's card: the system the form is for. Who may claim is checked on submit (claimLawExemption). */
export async function prepareExemptionClaim({ ctx, input }: { ctx: ServiceContext; input: PrepareExemptionClaimInput }): Promise<{ systemId: string; systemName: string }> {
  const { systemId } = parseInput(PrepareExemptionClaimInput, input);
  const system = SystemId.safeParse(systemId).success ? await findSystemById(ctx.db, systemId) : undefined;
  if (!system) throw new AppError('NOT_FOUND', GONE);
  return { systemId: system.id, systemName: system.name };
}
