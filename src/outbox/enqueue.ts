import { and, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../db/client.js';
import { newId } from '../db/ids.js';
import { outboxMessages } from '../db/schema/index.js';
import { OutboxMessage, PostMessage as PostMessageSchema, type PostMessage } from './messages.js';

export interface EnqueueOptions {
  /** The same key twice stores one message: retries and re-runs cannot send twice. */
  idempotencyKey: string;
  /** Deliver no earlier than this (owners' working hours). */
  notBefore?: Date;
}

/** Call inside the transaction of the state change that causes the message. */
export async function enqueue(tx: DbOrTx, message: OutboxMessage, opts: EnqueueOptions): Promise<boolean> {
  const parsed = OutboxMessage.parse(message);
  if (parsed.kind === 'slack.update.v1') {
    // Only the newest rendering of a card matters; an older one delivered late would undo it.
    await tx.update(outboxMessages).set({ status: 'superseded' })
      .where(and(eq(outboxMessages.status, 'pending'), eq(outboxMessages.kind, 'slack.update.v1'), sql`${outboxMessages.payload}->>'key' = ${parsed.key}`));
  }
  const inserted = await tx.insert(outboxMessages).values({
    id: newId('obx'),
    kind: parsed.kind,
    payload: parsed,
    idempotencyKey: opts.idempotencyKey,
    // The dispatcher compares due times with its own (millisecond) clock; the database's microsecond
    // now() could put a fresh row a fraction of a millisecond in that clock's future and delay it a poll.
    nextAttemptAt: opts.notBefore ?? new Date(),
  }).onConflictDoNothing({ target: outboxMessages.idempotencyKey }).returning({ id: outboxMessages.id });
  return inserted.length > 0;
}

/**
 * New posts in bulk (a sweep over a backlog queues thousands): one statement per 500 rows. Returns the
 * idempotency keys that were new; a key already queued is skipped like enqueue() skips it.
 */
export async function enqueuePosts(tx: DbOrTx, posts: readonly { message: PostMessage; idempotencyKey: string; notBefore?: Date }[]): Promise<Set<string>> {
  const inserted = new Set<string>();
  for (let i = 0; i < posts.length; i += 500) {
    const rows = await tx.insert(outboxMessages).values(posts.slice(i, i + 500).map((p) => ({
      id: newId('obx'), kind: p.message.kind, payload: PostMessageSchema.parse(p.message), idempotencyKey: p.idempotencyKey,
      nextAttemptAt: p.notBefore ?? new Date(),
    }))).onConflictDoNothing({ target: outboxMessages.idempotencyKey }).returning({ key: outboxMessages.idempotencyKey });
    for (const r of rows) inserted.add(r.key);
  }
  return inserted;
}
