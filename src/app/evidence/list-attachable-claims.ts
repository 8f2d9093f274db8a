import { z } from 'zod';
import { openClaimsOf } from '../../db/repos/owner-work.js';
import type { ServiceContext } from '../context.js';
import { parseInput } from '../errors.js';

/** An open claim of the caller's that a message can be attached to as evidence. */
export type AttachableClaim = Awaited<ReturnType<typeof openClaimsOf>>[number];

export const ListAttachableClaimsInput = z.object({ limit: z.number().int().min(1).max(500) });
export type ListAttachableClaimsInput = z.input<typeof ListAttachableClaimsInput>;

/** The caller's own open claims, earliest due first: the "Attach as evidence" shortcut offers only these. */
export async function listAttachableClaims({ ctx, input }: { ctx: ServiceContext; input: ListAttachableClaimsInput }): Promise<AttachableClaim[]> {
  const { limit } = parseInput(ListAttachableClaimsInput, input);
  return openClaimsOf(ctx.db, ctx.actor.userId, limit);
}
