import { and, eq, notInArray, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { newId } from '../db/ids.js';
import { insertMany } from '../db/insert-many.js';
import { outboxMessages } from '../db/schema/index.js';
import { OutboxMessage, PostMessage as PostMessageSchema, UpdateMessage as UpdateMessageSchema, type PostMessage, type UpdateMessage } from './messages.js';
import { inList } from '../db/in-list.js';

export interface EnqueueOptions {
  /** The same key twice stores one message: retries and re-runs cannot send twice. */
  idempotencyKey: string;
  /** Deliver no earlier than this (owners' working hours). */
  notBefore?: Date;
}

/** Call inside the transaction of the state change that causes the message. */
export async function enqueue(tx: DbOrTx, message: OutboxMessage, opts: EnqueueOptions): Promise<boolean> {
  const parsed = OutboxMessage.parse(message);
  if (parsed.kind === 'slack.update.v1') return (await enqueueUpdates(tx, [{ message: parsed, idempotencyKey: opts.idempotencyKey }])).size > 0;
  const inserted = await tx.insert(outboxMessages).values({
    id: newId('obx'),
    kind: parsed.kind,
    payload: parsed,
    idempotencyKey: opts.idempotencyKey,
    cardKey: parsed.storeAs ?? null,
    // The dispatcher compares due times with its own (millisecond) clock; the database's microsecond
    // now() could put a fresh row a fraction of a millisecond in that clock's future and delay it a poll.
    nextAttemptAt: opts.notBefore ?? new Date(),
  }).onConflictDoNothing({ target: outboxMessages.idempotencyKey }).returning({ id: outboxMessages.id });
  return inserted.length > 0;
}

/**
 * Edits of stored messages, in bulk. Only the newest rendering of a card matters: an older one still
 * pending is superseded, because delivered late it would undo the newer one.
 */
export async function enqueueUpdates(tx: DbOrTx, updates: readonly { message: UpdateMessage; idempotencyKey: string }[]): Promise<Set<string>> {
  if (!updates.length) return new Set();
  const parsed = updates.map((u) => ({ ...u, message: UpdateMessageSchema.parse(u.message) }));
  const keys = [...new Set(parsed.map((u) => u.message.key))];
  await tx.update(outboxMessages).set({ status: 'superseded' })
    .where(and(eq(outboxMessages.status, 'pending'), eq(outboxMessages.kind, 'slack.update.v1'), inList(outboxMessages.cardKey, keys)));
  // Of several edits of one card in this batch, the last is the one to deliver.
  const newest = new Map(parsed.map((u) => [u.message.key, u]));
  const now = new Date();
  const rows = await insertMany(tx, outboxMessages, [...newest.values()].map((u) => ({
    id: newId('obx'), kind: u.message.kind, payload: u.message, idempotencyKey: u.idempotencyKey, cardKey: u.message.key, nextAttemptAt: now,
  })), { onConflictDoNothing: ['idempotencyKey'], returning: ['idempotencyKey'] });
  return new Set(rows.map((r) => r.idempotencyKey));
}

/**
 * New posts in bulk (a sweep over a backlog queues thousands) in a few statements. Returns the
 * idempotency keys that were new; a key already queued is skipped like enqueue() skips it.
 */
export async function enqueuePosts(tx: DbOrTx, posts: readonly { message: PostMessage; idempotencyKey: string; notBefore?: Date }[]): Promise<Set<string>> {
  const now = new Date();
  const rows = await insertMany(tx, outboxMessages, posts.map((p) => ({
    id: newId('obx'), kind: p.message.kind, payload: PostMessageSchema.parse(p.message), idempotencyKey: p.idempotencyKey,
    cardKey: p.message.storeAs ?? null,
    nextAttemptAt: p.notBefore ?? now,
  })), { onConflictDoNothing: ['idempotencyKey'], returning: ['idempotencyKey'] });
  return new Set(rows.map((r) => r.idempotencyKey));
}

export interface EventRow {
  kind: string;
  payload: unknown;
  idempotencyKey: string;
  cardKey?: string;
  asOf: Date | null;
  notBefore?: Date;
}

/**
 * Event rows in bulk. A row for a card coalesces that card's older pending rows into itself: the message
 * is rendered at delivery from the record's current state, so the newest row says everything the older
 * ones would have. It keeps the latest due time among them, so a DM held for working hours stays held.
 * Returns the idempotency keys that were new; a key already queued is skipped and supersedes nothing.
 */
export async function enqueueRows(tx: DbOrTx, rows: readonly EventRow[]): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const now = new Date();
  const cards = [...new Set(rows.flatMap((r) => (r.cardKey ? [r.cardKey] : [])))];
  const heldUntil = new Map<string, Date>();
  if (cards.length) {
    const held = await tx.select({ cardKey: outboxMessages.cardKey, at: sql<Date>`max(${outboxMessages.nextAttemptAt})`.mapWith(outboxMessages.nextAttemptAt) })
      .from(outboxMessages).where(and(eq(outboxMessages.status, 'pending'), inList(outboxMessages.cardKey, cards))).groupBy(outboxMessages.cardKey);
    for (const h of held) if (h.cardKey && h.at) heldUntil.set(h.cardKey, h.at);
  }
  // Of several rows for one card in this batch, the last is the one that stays pending.
  const lastOfCard = new Map(rows.flatMap((r, i) => (r.cardKey ? [[r.cardKey, i] as const] : [])));
  const values = rows.map((r, i) => {
    const due = r.notBefore ?? now;
    const held = r.cardKey ? heldUntil.get(r.cardKey) : undefined;
    const coalesced = r.cardKey !== undefined && lastOfCard.get(r.cardKey) !== i;
    return {
      id: newId('obx'), kind: r.kind, payload: r.payload, idempotencyKey: r.idempotencyKey, cardKey: r.cardKey ?? null, asOf: r.asOf,
      status: coalesced ? 'superseded' : 'pending',
      nextAttemptAt: held && held > due ? held : due,
    };
  });
  const inserted = await insertMany(tx, outboxMessages, values, { onConflictDoNothing: ['idempotencyKey'], returning: ['id', 'idempotencyKey', 'cardKey', 'status'] });
  // Only cards that had pending rows before this batch have anything to coalesce (the batch's own older
  // rows went in superseded): a sweep posting thousands of new cards sends no update at all.
  const fresh = inserted.filter((r) => r.status === 'pending' && r.cardKey && heldUntil.has(r.cardKey));
  if (fresh.length) {
    await tx.update(outboxMessages).set({ status: 'superseded' }).where(and(
      eq(outboxMessages.status, 'pending'),
      inList(outboxMessages.cardKey, [...new Set(fresh.map((r) => r.cardKey as string))]),
      notInArray(outboxMessages.id, fresh.map((r) => r.id)),
    ));
  }
  return new Set(inserted.map((r) => r.idempotencyKey));
}
