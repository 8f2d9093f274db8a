import { z } from 'zod';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden, parseInput } from '../errors.js';
import { showExceptionCard } from './exception-card.js';
import { settleRiskNotices } from './risk-notice.js';
import { closeLockedException, lockException } from './lock-exception.js';

const CloseRiskAcceptanceInput = z.object({
  exceptionId: z.string().min(1),
});
export type CloseRiskAcceptanceInput = z.input<typeof CloseRiskAcceptanceInput>;

/** The accepted risk is gone: the exception closes. The approver, the system's owner or an admin says so. */
export async function closeRiskAcceptance({ ctx, input }: { ctx: ServiceContext; input: CloseRiskAcceptanceInput }): Promise<{ status: 'closed' | 'already_closed' }> {
  const { exceptionId } = parseInput(CloseRiskAcceptanceInput, input);
  return withTransaction(ctx, async (tx) => {
    const { exception, system } = await lockException(tx, exceptionId);
    const allowed = ctx.actor.isAdmin || ctx.actor.userId === exception.acceptedBy || ctx.actor.userId === system.ownerId;
    if (!allowed) throw forbidden('Only the approver, the system owner or a governance admin can close a risk acceptance.');
    if (exception.status === 'closed') return { status: 'already_closed' };
    if (exception.status !== 'risk_accepted') throw new AppError('CONFLICT', 'This exception has no risk acceptance to close.');
    await closeLockedException(tx, ctx, { exception, system, via: 'risk_closed' });
    await settleRiskNotices(tx, ctx, { exception, ownerId: system.ownerId, outcome: { kind: 'closed', by: ctx.actor.userId } });
    await showExceptionCard(tx, ctx, exceptionId);
    return { status: 'closed' };
  });
}
