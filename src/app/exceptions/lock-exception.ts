import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { aiSystems, exceptions } from '../../db/schema/index.js';
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
