import type { DbOrTx } from '../../db/client.js';
import { cardKeys } from '../../domain/message-keys.js';
import type { ServiceContext } from '../context.js';
import { queueCardEvents } from '../events/card-events.js';

export const decisionCardKey = cardKeys.decision;

/** The decision's card in the governance channel: posted when proposed, edited in place when decided. */
export async function showDecisionCard(tx: DbOrTx, _ctx: ServiceContext, decisionId: string): Promise<void> {
  await queueCardEvents(tx, null, [{ event: { kind: 'decision.card.v1', body: { decisionId } }, card: decisionCardKey(decisionId), postIfNew: true }]);
}
