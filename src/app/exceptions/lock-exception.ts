import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { aiSystems, exceptions } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { notFound } from '../errors.js';

export type ExceptionRow = typeof exceptions.$inferSelect;

/** The exception and its system, locked for the rest of the transaction so two resolutions can't interleave. */
export async function lockException(tx: Tx, exceptionId: string) {
  const [row] = await tx.select({ exception: exceptions, system: { id: aiSystems.id, name: aiSystems.name, ownerId: aiSystems.ownerId, riskTier: aiSystems.riskTier } })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(eq(exceptions.id, exceptionId)).for('update', { of: exceptions });
  if (!row) throw notFound('That exception');
  return row;
}

/** The columns that describe an exception's resolution, for audit before/after. */
export const resolutionOf = (e: ExceptionRow) => ({
  status: e.status, acceptedBy: e.acceptedBy, acceptedAt: e.acceptedAt, acceptedUntil: e.acceptedUntil, rationale: e.rationale,
  correctiveAction: e.correctiveAction, actionOwnerId: e.actionOwnerId, actionDueAt: e.actionDueAt, closedAt: e.closedAt,
});

/**
 * Closes a locked exception whose resolution has ended (a corrective action done, an accepted risk gone),
 * recording how: the update and its audit event, nothing else. Callers check who may and from which state.
 */
export async function closeLockedException(
  tx: Tx, ctx: ServiceContext, { exception, system, via }: { exception: ExceptionRow; system: { id: string }; via: 'corrective_action_done' | 'risk_closed' },
): Promise<void> {
  const after = { status: 'closed', closedAt: ctx.now() };
  await tx.update(exceptions).set(after).where(eq(exceptions.id, exception.id));
  await recordAudit(tx, ctx, { action: 'exception.closed', subjectType: 'exception', subjectId: exception.id, before: resolutionOf(exception), after: { systemId: system.id, ...after, via } });
}
