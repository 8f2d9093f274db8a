import type { DbOrTx } from '../../db/client.js';
import { cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { newId } from '../../db/ids.js';
import { cardsPosted } from '../events/card-events.js';
import { enqueueEvents } from '../events/enqueue-event.js';

export const evidenceCardKey = cardKeys.evidence;

export interface EvidenceCardTarget { systemId: string; ownerId: string; notes?: string[] }

/**
 * Posts the owner's evidence card for a system the first time, and edits it in place after that, so
 * an owner sees one message per system that always shows the current state.
 */
export async function refreshEvidenceCard(tx: DbOrTx, target: EvidenceCardTarget): Promise<void> {
  await refreshEvidenceCards(tx, [target]);
}

/**
 * refreshEvidenceCard for many (system, owner) pairs in two statements, for sweeps: each queues a small
 * event and the card is drawn at delivery. `postNew: false` only edits cards already sent, for a change
 * announced by a message of its own. A card with nothing owed that was never sent stays unsent.
 */
export async function refreshEvidenceCards(tx: DbOrTx, targets: readonly EvidenceCardTarget[], opts: { postNew?: boolean } = {}): Promise<void> {
  if (!targets.length) return;
  const posted = await cardsPosted(tx, targets.map((t) => evidenceCardKey(t.systemId, t.ownerId)));
  const postNew = opts.postNew ?? true;
  // Card wording does not depend on the time of the change, so no asOf: the delivery's own time serves.
  await enqueueEvents(tx, null, targets.flatMap((t) => {
    const card = evidenceCardKey(t.systemId, t.ownerId);
    const sent = posted.has(card);
    if (!sent && !postNew) return [];
    return [{
      event: { kind: 'evidence.card.v1', body: { systemId: t.systemId, ownerId: t.ownerId, ...(t.notes?.length ? { notes: t.notes } : {}) } },
      key: sent ? outboxKeys.update(card, newId('obx')) : outboxKeys.post(card),
      card,
    }];
  }));
}
