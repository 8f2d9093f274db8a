import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { aiSystems, exceptions } from '../../db/schema/index.js';
import { addDays, localDate } from '../../domain/calendar-dates.js';
import { resolutionRefusal, type Resolution } from '../../domain/exception-resolution.js';
import type { ServiceContext } from '../context.js';
import { AppError, notFound, parseInput } from '../errors.js';

/** Days a corrective action is given by default. */
const DEFAULT_ACTION_DAYS = 30;

const PrepareExceptionResolutionInput = z.object({
  exceptionId: z.string().min(1),
  resolution: z.enum(['accept_risk', 'corrective_action']),
});
export type PrepareExceptionResolutionInput = z.input<typeof PrepareExceptionResolutionInput>;

/**
 * Before the resolution form opens: the exception exists and this person may resolve it this way, so
 * nobody fills in a form only to be refused. The verb checks it all again on submit.
 */
export async function prepareExceptionResolution({ ctx, input }: { ctx: ServiceContext; input: PrepareExceptionResolutionInput }) {
  const { exceptionId, resolution } = parseInput(PrepareExceptionResolutionInput, input);
  const [row] = await ctx.db.select({ exception: exceptions, ownerId: aiSystems.ownerId, tier: aiSystems.riskTier })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(eq(exceptions.id, exceptionId));
  if (!row) throw notFound('That exception');
  const refusal = resolutionRefusal({ resolution, actor: { isAdmin: ctx.actor.isAdmin, isSystemOwner: ctx.actor.userId === row.ownerId }, exception: row.exception, tier: row.tier, now: ctx.now() });
  if (refusal) throw new AppError(refusal.code, refusal.message);
  return {
    exceptionId, resolution,
    defaultOwnerId: row.exception.actionOwnerId ?? row.ownerId,
    defaultActionDue: addDays(localDate(ctx.now(), ctx.policy.timeZone), DEFAULT_ACTION_DAYS),
  };
}
