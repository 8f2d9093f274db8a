import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { inList } from '../../db/in-list.js';
import { outboxMessages, slackMessages } from '../../db/schema/index.js';
import { outboxKeys, type CardKey } from '../../domain/message-keys.js';
import { enqueueEvents } from './enqueue-event.js';
import type { OutboxEvent } from './registry.js';

/**
 * The keys, of those given, under which a card was ever queued (delivered or still on its way), in two
 * statements. Some cards were posted under the bare key as idempotency key, so both spellings count, and
 * so does a delivered message.
 */
export async function cardsPosted(tx: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const post = new Map(keys.map((k) => [outboxKeys.post(k as CardKey) as string, k]));
  const queued = await tx.select({ idempotencyKey: outboxMessages.idempotencyKey }).from(outboxMessages)
    .where(inList(outboxMessages.idempotencyKey, [...post.keys(), ...keys]));
  const stored = await tx.select({ key: slackMessages.key }).from(slackMessages).where(inList(slackMessages.key, keys));
  return new Set([...queued.map((q) => post.get(q.idempotencyKey) ?? q.idempotencyKey), ...stored.map((s) => s.key)]);
}

export interface CardEvent {
  event: OutboxEvent;
  card: CardKey;
  /** Post the card if it was never queued; false only edits a card already sent (an edit of nothing waits forever). */
  postIfNew: boolean;
  /** For a first post: deliver no earlier than this (people's working hours). */
  notBefore?: Date;
}

/**
 * Queues events for cards, in a few statements whatever their number: a card queued before gets an edit
 * (drawn at delivery from the record, coalescing its older pending rows), a new one its first post.
 * Returns the cards whose first post was queued now.
 */
export async function queueCardEvents(tx: DbOrTx, asOf: Date | null, cards: readonly CardEvent[]): Promise<Set<CardKey>> {
  if (!cards.length) return new Set();
  const posted = await cardsPosted(tx, cards.map((c) => c.card));
  const firstPosts = new Map<string, CardKey>();
  const events = cards.flatMap((c) => {
    if (posted.has(c.card)) return [{ event: c.event, key: outboxKeys.update(c.card, newId('obx')), card: c.card }];
    if (!c.postIfNew) return [];
    const key = outboxKeys.post(c.card);
    firstPosts.set(key, c.card);
    return [{ event: c.event, key, card: c.card, ...(c.notBefore ? { notBefore: c.notBefore } : {}) }];
  });
  const inserted = await enqueueEvents(tx, asOf, events);
  return new Set([...inserted].flatMap((k) => (firstPosts.has(k) ? [firstPosts.get(k)!] : [])));
}

/** A card's first post only, once: returns whether it was queued now (false when it had been already). */
export async function postCardEvent(tx: DbOrTx, asOf: Date | null, args: { event: OutboxEvent; card: CardKey; notBefore?: Date }): Promise<boolean> {
  const inserted = await enqueueEvents(tx, asOf, [{ event: args.event, key: outboxKeys.post(args.card), card: args.card, ...(args.notBefore ? { notBefore: args.notBefore } : {}) }]);
  return inserted.size > 0;
}
