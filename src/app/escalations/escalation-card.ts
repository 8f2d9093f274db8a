import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { escalationCards } from '../../db/schema/index.js';
import { asCardKey, cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import type { OverdueItem } from '../sweep/overdue-items.js';

export const escalationCardKey = cardKeys.escalation;

const StoredItem = z.object({
  kind: z.enum(['review', 'evidence', 'exception', 'statutory']), id: z.string(), systemId: z.string(), systemName: z.string(), ownerId: z.string(),
  tier: z.string(), dueAt: z.coerce.date(), acceptedUntil: z.coerce.date().nullable(), what: z.string(),
});

/** The items as the card showed them when it was posted (stored as JSON). */
export const cardItems = (json: unknown): OverdueItem[] => z.array(StoredItem).parse(json);

export type EscalationCard = typeof escalationCards.$inferSelect;

/**
 * The card is drawn again at delivery, as posted plus what the forum has done with it since, and edited
 * in place. Its post is always queued (by the sweep) before anyone can act on it, so this never posts
 * a card of its own: a post still pending is coalesced into this edit.
 */
export async function refreshEscalationCard(tx: DbOrTx, cardKey: string): Promise<void> {
  const card = asCardKey(cardKey);
  await enqueueEvent(tx, null, { event: { kind: 'escalation.posted.v1', body: { cardKey } }, key: outboxKeys.update(card, newId('obx')), card });
}
