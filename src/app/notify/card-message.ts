import { eq, inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { outboxMessages, slackMessages } from '../../db/schema/index.js';
import type { Block } from '../../slack/views/blocks.js';
import { enqueue } from '../../outbox/enqueue.js';

// A card is one Slack message per record, posted once under a key and edited in place after that, so
// the channel or DM always shows the record's current state rather than a trail of stale copies.

export interface CardContent { text: string; blocks: Block[] }

/**
 * Whether a message stored under this key was ever queued (delivered or still on its way). Other verbs
 * post under the bare key as idempotency key, so both spellings count, and so does a delivered message.
 */
export async function cardPosted(tx: DbOrTx, key: string): Promise<boolean> {
  const [queued] = await tx.select({ id: outboxMessages.id }).from(outboxMessages).where(inArray(outboxMessages.idempotencyKey, [`post:${key}`, key])).limit(1);
  if (queued) return true;
  const [stored] = await tx.select({ key: slackMessages.key }).from(slackMessages).where(eq(slackMessages.key, key));
  return Boolean(stored);
}

/** Posts the card the first time; returns false when it had been posted already (nothing queued). */
export async function postCard(tx: DbOrTx, args: { key: string; channel: string; card: CardContent; notBefore?: Date }): Promise<boolean> {
  return enqueue(tx, { kind: 'slack.post.v1', channel: args.channel, text: args.card.text, blocks: args.card.blocks, storeAs: args.key },
    { idempotencyKey: `post:${args.key}`, ...(args.notBefore ? { notBefore: args.notBefore } : {}) });
}

/** Edits the card in place if it was ever posted; an update of a card never posted would wait forever. */
export async function updateCard(tx: DbOrTx, args: { key: string; card: CardContent }): Promise<boolean> {
  if (!(await cardPosted(tx, args.key))) return false;
  await enqueue(tx, { kind: 'slack.update.v1', key: args.key, text: args.card.text, blocks: args.card.blocks }, { idempotencyKey: `update:${args.key}:${newId('obx')}` });
  return true;
}

/** Edits the card if it exists, otherwise posts it: either way the record is visible in its current state. */
export async function postOrUpdateCard(tx: DbOrTx, args: { key: string; channel: string; card: CardContent }): Promise<void> {
  if (await updateCard(tx, args)) return;
  await postCard(tx, args);
}
