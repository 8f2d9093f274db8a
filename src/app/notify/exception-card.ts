import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, exceptions } from '../../db/schema/index.js';
import { buildExceptionCard } from '../../slack/views/exception-card.js';
import type { ServiceContext } from '../context.js';
import { postOrUpdateCard } from './card-message.js';

export const exceptionCardKey = (exceptionId: string) => `exception:${exceptionId}`;

/**
 * The exception's card in the governance channel, with Accept risk / Corrective action while open.
 * Whoever opens an exception calls this in the same transaction; every resolution calls it again.
 */
export async function showExceptionCard(tx: DbOrTx, ctx: ServiceContext, exceptionId: string): Promise<void> {
  const [row] = await tx.select({ exception: exceptions, system: { name: aiSystems.name, ownerId: aiSystems.ownerId, riskTier: aiSystems.riskTier } })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(eq(exceptions.id, exceptionId));
  if (!row) return;
  const card = buildExceptionCard({ exception: row.exception, system: row.system, timeZone: ctx.policy.timeZone });
  await postOrUpdateCard(tx, { key: exceptionCardKey(exceptionId), channel: ctx.policy.governanceChannel, card });
}
