import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { outboxMessages, slackMessages } from '../../db/schema/index.js';
import type { Block } from '../../slack/views/blocks.js';
import { enqueue, enqueuePosts, enqueueUpdates } from '../../outbox/enqueue.js';
import { inList } from '../../db/in-list.js';

// A card is one Slack message per record, posted once under a key and edited in place after that, so
// the channel or DM always shows the record's current state rather than a trail of stale copies.

export interface CardContent { text: string; blocks: Block[] }

/**
 * The keys, of those given, under which a card was ever queued (delivered or still on its way), in two
 * statements. Other verbs post under the bare key as idempotency key, so both spellings count, and so
 * does a delivered message.
 */
export async function cardsPosted(tx: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const queued = await tx.select({ idempotencyKey: outboxMessages.idempotencyKey }).from(outboxMessages)
    .where(inList(outboxMessages.idempotencyKey, keys.flatMap((k) => [`post:${k}`, k])));
  const stored = await tx.select({ key: slackMessages.key }).from(slackMessages).where(inList(slackMessages.key, keys));
  return new Set([...queued.map((q) => q.idempotencyKey.replace(/^post:/, '')), ...stored.map((s) => s.key)]);
}

/** Posts the card the first time; returns false when it had been posted already (nothing queued). */
export async function postCard(tx: DbOrTx, args: { key: string; channel: string; card: CardContent; notBefore?: Date }): Promise<boolean> {
  return enqueue(tx, { kind: 'slack.post.v1', channel: args.channel, text: args.card.text, blocks: args.card.blocks, storeAs: args.key },
    { idempotencyKey: `post:${args.key}`, ...(args.notBefore ? { notBefore: args.notBefore } : {}) });
}

/** Edits the card in place if it was ever posted; an update of a card never posted would wait forever. */
export async function updateCard(tx: DbOrTx, args: { key: string; card: CardContent }): Promise<boolean> {
  return (await refreshCards(tx, [{ ...args, postIfNew: false }])).updated > 0;
}

/** Edits the card if it exists, otherwise posts it: either way the record is visible in its current state. */
export async function postOrUpdateCard(tx: DbOrTx, args: { key: string; channel: string; card: CardContent }): Promise<void> {
  await refreshCards(tx, [{ ...args, postIfNew: true }]);
}

export type CardRefresh =
  | { key: string; card: CardContent; postIfNew: false }
  | { key: string; channel: string; card: CardContent; postIfNew: true };

/**
 * Many cards at once, in a few statements whatever their number (a sweep touches hundreds): each card
 * posted before is edited; one never posted is posted if asked, and otherwise left alone.
 */
export async function refreshCards(tx: DbOrTx, cards: readonly CardRefresh[]): Promise<{ updated: number; posted: number }> {
  const posted = await cardsPosted(tx, cards.map((c) => c.key));
  const edits = cards.filter((c) => posted.has(c.key));
  const fresh = cards.filter((c): c is Extract<CardRefresh, { postIfNew: true }> => !posted.has(c.key) && c.postIfNew);
  await enqueueUpdates(tx, edits.map((c) => ({
    message: { kind: 'slack.update.v1', key: c.key, text: c.card.text, blocks: c.card.blocks }, idempotencyKey: `update:${c.key}:${newId('obx')}`,
  })));
  const queued = await enqueuePosts(tx, fresh.map((c) => ({
    message: { kind: 'slack.post.v1', channel: c.channel, text: c.card.text, blocks: c.card.blocks, storeAs: c.key }, idempotencyKey: `post:${c.key}`,
  })));
  return { updated: edits.length, posted: queued.size };
}
