import { z } from 'zod';
import { findSystemById } from '../../db/repos/systems.js';
import type { ServiceContext } from '../context.js';
import { notFound, parseInput } from '../errors.js';
import { SystemId } from '../records/system-ref.js';

export const PrepareChangeReportInput = z.object({ systemId: z.string() });
export type PrepareChangeReportInput = z.input<typeof PrepareChangeReportInput>;

/**
 * Report change on a system's card: the system the change form is opened for. Anyone may report a change
 * (PRODUCT.md); the system is looked up by primary key only to show its name.
 */
export async function prepareChangeReport({ ctx, input }: { ctx: ServiceContext; input: PrepareChangeReportInput }): Promise<{ id: string; name: string }> {
  const { systemId } = parseInput(PrepareChangeReportInput, input);
  const system = SystemId.safeParse(systemId).success ? await findSystemById(ctx.db, systemId) : undefined;
  if (!system) throw notFound('That AI system');
  return { id: system.id, name: system.name };
}
