import type { DbOrTx } from '../../db/client.js';
import type { CardKey, OutboxKey } from '../../domain/message-keys.js';
import { enqueueRows } from '../../outbox/enqueue.js';
import { OUTBOX_EVENTS, type OutboxEvent } from './registry.js';

export interface QueuedEvent {
  event: OutboxEvent;
  /** The same key twice stores one row: retries and re-runs cannot send twice. */
  key: OutboxKey;
  /** The card this event posts or edits: older pending events of the card are coalesced into this one. */
  card?: CardKey;
  /** Deliver no earlier than this (owners' working hours). */
  notBefore?: Date;
}

/**
 * Queues events in the transaction of the change that causes them, in a few statements whatever their
 * number. `asOf` is the change's time: a message that words dates relative to it is drawn as of then
 * (null when the wording does not depend on time). Returns the keys that were new.
 */
export async function enqueueEvents(tx: DbOrTx, asOf: Date | null, events: readonly QueuedEvent[]): Promise<Set<OutboxKey>> {
  const inserted = await enqueueRows(tx, events.map((e) => ({
    kind: e.event.kind as string,
    // Parsed on the way in as on the way out: a row the renderer would refuse is never stored.
    payload: OUTBOX_EVENTS[e.event.kind].parse(e.event.body),
    idempotencyKey: e.key,
    asOf,
    ...(e.card ? { cardKey: e.card } : {}),
    ...(e.notBefore ? { notBefore: e.notBefore } : {}),
  })));
  return inserted as Set<OutboxKey>;
}

export async function enqueueEvent(tx: DbOrTx, asOf: Date | null, event: QueuedEvent): Promise<boolean> {
  return (await enqueueEvents(tx, asOf, [event])).size > 0;
}
