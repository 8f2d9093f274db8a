import { z } from 'zod';
import { findSystemById } from '../../db/repos/systems.js';
import type { ServiceContext } from '../context.js';
import { AppError, parseInput } from '../errors.js';
import { GONE, SystemId } from '../records/system-ref.js';
import { checkMayOverrideClassification } from './override-classification.js';

export const PrepareOverrideInput = z.object({ systemId: z.string() });
export type PrepareOverrideInput = z.input<typeof PrepareOverrideInput>;

export interface OverrideForm {
  systemId: string;
  systemName: string;
  current: { tier: string; primarySource: string; workKind: string; cadenceDays: number | null };
}

/** Override classification, from the system's card: admins only; the outcomes the system has now, for the form. */
export async function prepareOverride({ ctx, input }: { ctx: ServiceContext; input: PrepareOverrideInput }): Promise<OverrideForm> {
  checkMayOverrideClassification(ctx);
  const { systemId } = parseInput(PrepareOverrideInput, input);
  const system = SystemId.safeParse(systemId).success ? await findSystemById(ctx.db, systemId) : undefined;
  if (!system) throw new AppError('NOT_FOUND', GONE);
  return {
    systemId: system.id, systemName: system.name,
    current: { tier: system.riskTier, primarySource: system.primarySource, workKind: system.workKind, cadenceDays: system.cadenceDays },
  };
}
