import type { DbOrTx } from '../../db/client.js';
import { cardKeys } from '../../domain/message-keys.js';
import type { ServiceContext } from '../context.js';
import { queueCardEvents } from '../events/card-events.js';

export const exceptionCardKey = cardKeys.exception;

/**
 * The exception's card in the governance channel, with Accept risk / Corrective action while open.
 * Whoever opens an exception calls this in the same transaction; every resolution calls it again. The
 * card is drawn at delivery from the exception as it stands then.
 */
export async function showExceptionCard(tx: DbOrTx, _ctx: ServiceContext, exceptionId: string): Promise<void> {
  await queueCardEvents(tx, null, [{ event: { kind: 'exception.card.v1', body: { exceptionId } }, card: exceptionCardKey(exceptionId), postIfNew: true }]);
}
