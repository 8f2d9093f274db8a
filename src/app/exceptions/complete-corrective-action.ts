import { z } from 'zod';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden, parseInput } from '../errors.js';
import { showExceptionCard } from './exception-card.js';
import { closeLockedException, lockException } from './lock-exception.js';

const CompleteCorrectiveActionInput = z.object({
  exceptionId: z.string().min(1),
});
export type CompleteCorrectiveActionInput = z.input<typeof CompleteCorrectiveActionInput>;

/** The corrective action is done: the exception closes. Its owner, the system's owner or an admin says so. */
export async function completeCorrectiveAction({ ctx, input }: { ctx: ServiceContext; input: CompleteCorrectiveActionInput }): Promise<{ status: 'closed' | 'already_closed' }> {
  const { exceptionId } = parseInput(CompleteCorrectiveActionInput, input);
  return withTransaction(ctx, async (tx) => {
    const { exception, system } = await lockException(tx, exceptionId);
    const allowed = ctx.actor.isAdmin || ctx.actor.userId === exception.actionOwnerId || ctx.actor.userId === system.ownerId;
    if (!allowed) throw forbidden('Only the action owner, the system owner or a governance admin can mark the corrective action done.');
    if (exception.status === 'closed') return { status: 'already_closed' };
    if (exception.status !== 'corrective_action') throw new AppError('CONFLICT', 'This exception has no corrective action to complete.');
    await closeLockedException(tx, ctx, { exception, system, via: 'corrective_action_done' });
    await showExceptionCard(tx, ctx, exceptionId);
    return { status: 'closed' };
  });
}
