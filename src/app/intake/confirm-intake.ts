import { z } from 'zod';
import { parseInput } from '../errors.js';
import { eq } from 'drizzle-orm';
import { intakeRequests } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { loadDraft } from './draft-intake.js';
import { registerSystem, type RegisterSystemResult } from './register-system.js';

const ConfirmIntakeInput = z.object({
  draftId: z.string().min(1),
  note: z.string().nullable(),
});
export type ConfirmIntakeInput = z.input<typeof ConfirmIntakeInput>;

/** The review step's Register: turns the draft into a registered system, once, however often it is sent. */
export async function confirmIntake({ ctx, input }: { ctx: ServiceContext; input: ConfirmIntakeInput }): Promise<RegisterSystemResult> {
  const { draftId, note } = parseInput(ConfirmIntakeInput, input);
  const idempotencyKey = `draft:${draftId}`;
  const [earlier] = await ctx.db.select({ systemId: intakeRequests.systemId }).from(intakeRequests).where(eq(intakeRequests.idempotencyKey, idempotencyKey));
  if (earlier) return { status: 'duplicate_request', systemId: earlier.systemId };
  const facts = await loadDraft({ ctx: ctx, input: { draftId: draftId } });
  return registerSystem({ ctx, input: { facts, idempotencyKey, note, draftId } });
}
