import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { exceptions } from '../../db/schema/index.js';
import { futureDateProblem, localDate, startOfLocalDate } from '../../domain/calendar-dates.js';
import { SlackUserId } from '../../domain/system-facts.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, invalid, parseInput } from '../errors.js';
import { resolutionRefusal } from '../../domain/exception-resolution.js';
import { showExceptionCard } from './exception-card.js';
import { lockException, resolutionOf } from './lock-exception.js';

const MAX_ACTION_DAYS = 365;

const PlanCorrectiveActionInput = z.object({
  exceptionId: z.string().min(1),
  action: z.string(),
  ownerId: z.string(),
  dueOn: z.string(),
});
export type PlanCorrectiveActionInput = z.input<typeof PlanCorrectiveActionInput>;

/**
 * Ends an exception as corrective action: what will be done, by whom, by when. The system's owner or a
 * governance admin decides it; moving an agreed action's date again is for admins only. Overdue, it escalates.
 */
export async function planCorrectiveAction({ ctx, input }: { ctx: ServiceContext; input: PlanCorrectiveActionInput }): Promise<void> {
  const { exceptionId, action, ownerId, dueOn } = parseInput(PlanCorrectiveActionInput, input);
  const now = ctx.now();
  const tz = ctx.policy.timeZone;
  const problems: Record<string, string> = {};
  if (!action.trim()) problems.corrective_action = 'Say what will be done.';
  if (!SlackUserId.safeParse(ownerId).success) problems.action_owner = 'Choose who owns the corrective action.';
  const date = futureDateProblem(dueOn, localDate(now, tz), MAX_ACTION_DAYS);
  if (date) problems.action_due = date;
  if (Object.keys(problems).length) throw invalid('The corrective action needs correcting.', problems);
  await withTransaction(ctx, async (tx) => {
    const { exception, system } = await lockException(tx, exceptionId);
    const refusal = resolutionRefusal({ resolution: 'corrective_action', actor: { isAdmin: ctx.actor.isAdmin, isSystemOwner: ctx.actor.userId === system.ownerId }, exception, tier: system.riskTier, now });
    if (refusal) throw new AppError(refusal.code, refusal.message);
    const after = { status: 'corrective_action', correctiveAction: action.trim(), actionOwnerId: ownerId, actionDueAt: startOfLocalDate(dueOn, tz) };
    await tx.update(exceptions).set(after).where(eq(exceptions.id, exceptionId));
    await recordAudit(tx, ctx, { action: 'exception.corrective_action', subjectType: 'exception', subjectId: exceptionId, before: resolutionOf(exception), after: { systemId: system.id, ...after } });
    await showExceptionCard(tx, ctx, exceptionId);
  });
}
