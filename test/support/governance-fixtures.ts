import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { registerSystem } from '../../src/app/intake/register-system.js';
import { runSweep } from '../../src/app/sweep/run-sweep.js';
import type { ServiceContext } from '../../src/app/context.js';
import { aiSystems, escalationCards, evidenceClaims, outboxMessages } from '../../src/db/schema/index.js';
import { SystemFacts, type SystemFactsInput } from '../../src/domain/system-facts.js';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import { USERS } from './test-app.js';
import { testRenderer } from './event-renderer.js';
import { verbContext } from './verb-context.js';

export const DAY = 86_400_000;

/** A context as of a fixed instant. */
export const at = (db: Db, userId: string, now: Date): ServiceContext => verbContext(db, userId, { now: () => now });

/** The scheduler's context, as the sweep job builds it. */
export const schedulerAt = (db: Db, now: Date): ServiceContext =>
  verbContext(db, 'system', { now: () => now, origin: { via: 'scheduler', job: 'sweep' } });

export const sweepAt = (db: Db, now: Date) => runSweep({ ctx: schedulerAt(db, now) });

/**
 * Registers a minimal-risk system and answers all its evidence, so only what a test sets up can fall
 * due. The next review is pushed far out unless the test gives one.
 */
export async function quietSystem(db: Db, name: string, registeredAt: Date, opts: { owner?: string; nextReviewAt?: Date; facts?: Partial<SystemFactsInput> } = {}): Promise<string> {
  const facts = SystemFacts.parse({
    name, purpose: `${name}: forecasts things for a test.`, owner: opts.owner ?? USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', ...opts.facts,
  });
  const result = await registerSystem({ ctx: at(db, USERS.requester, registeredAt), input: { facts, idempotencyKey: `test:${name}`, announce: false, requestEvidence: false } });
  if (result.status !== 'created') throw new Error(`could not register ${name}`);
  await db.update(evidenceClaims).set({ status: 'accepted' }).where(eq(evidenceClaims.systemId, result.systemId));
  await db.update(aiSystems).set({ nextReviewAt: opts.nextReviewAt ?? new Date(registeredAt.getTime() + 3000 * DAY) }).where(eq(aiSystems.id, result.systemId));
  return result.systemId;
}

export interface QueuedMessage {
  id: string; idempotencyKey: string; status: string; nextAttemptAt: Date; kind: string; cardKey: string | null; payload: unknown;
  /** The message the row carries, or for an event row the message it renders to now; null when the renderer would skip it. */
  message: OutboxMessage;
}

type OutboxRow = typeof outboxMessages.$inferSelect;

/**
 * A row as a finished message. Event rows are rendered as the dispatcher would render them now: an
 * update row (keyed `update:`) edits its card, any other posts it.
 */
async function asMessage(db: Db, row: OutboxRow): Promise<OutboxMessage | null> {
  if (row.kind === 'slack.post.v1' || row.kind === 'slack.update.v1') return row.payload as OutboxMessage;
  const existing = row.idempotencyKey.startsWith('update:');
  const rendered = await testRenderer(db).render({ kind: row.kind, payload: row.payload, asOf: row.asOf ?? row.createdAt, cardKey: row.cardKey, existing });
  // Canvases are not messages: tests about them read the canvas rows and the fake's canvases instead.
  if ('skip' in rendered || !('message' in rendered)) return null;
  const m = rendered.message;
  const content = { text: m.text, ...(m.blocks ? { blocks: m.blocks as { type: string }[] } : {}) };
  if (existing && row.cardKey) return { kind: 'slack.update.v1', key: row.cardKey, ...content };
  return { kind: 'slack.post.v1', channel: m.channel ?? '', ...content, ...(m.threadKey ? { threadKey: m.threadKey } : {}), ...(row.cardKey ? { storeAs: row.cardKey } : {}) };
}

/** Outbox rows, oldest first, optionally those whose idempotency key starts with a prefix. */
export async function queued(db: Db, keyPrefix?: string): Promise<QueuedMessage[]> {
  const rows = await db.select().from(outboxMessages).where(keyPrefix ? like(outboxMessages.idempotencyKey, `${keyPrefix}%`) : undefined).orderBy(outboxMessages.createdAt, outboxMessages.id);
  const out: QueuedMessage[] = [];
  for (const r of rows) {
    const message = await asMessage(db, r);
    if (message) out.push({ id: r.id, idempotencyKey: r.idempotencyKey, status: r.status, nextAttemptAt: r.nextAttemptAt, kind: r.kind, cardKey: r.cardKey, payload: r.payload, message });
  }
  return out;
}

/** Escalation posts queued for the governance channel, with their card key and the items their card names. */
export async function escalationPosts(db: Db) {
  const rows = await queued(db, 'escalation:');
  const cards = new Map((await db.select({ key: escalationCards.key, itemRefs: escalationCards.itemRefs }).from(escalationCards)).map((c) => [c.key, c.itemRefs]));
  return rows.flatMap((r) => (r.message.kind === 'slack.post.v1'
    ? [{ key: r.message.storeAs ?? '', text: r.message.text, body: JSON.stringify(r.message.blocks), channel: r.message.channel, itemRefs: cards.get(r.message.storeAs ?? '') ?? [] }]
    : []));
}

/** Posts (not updates) queued for one channel or user. */
export async function postsTo(db: Db, channel: string) {
  const rows = await queued(db);
  return rows.flatMap((r) => (r.message.kind === 'slack.post.v1' && r.message.channel === channel ? [{ ...r, post: r.message, body: JSON.stringify(r.message.blocks) }] : []));
}

/** Updates queued for a stored message key. */
export async function updatesOf(db: Db, key: string) {
  const rows = (await queued(db)).filter((r) => r.message.kind === 'slack.update.v1' && r.message.key === key);
  return rows.map((r) => ({ status: r.status, body: JSON.stringify(r.message.blocks), text: r.message.text }));
}

export const countRows = async (db: Db, keys: string[]) =>
  keys.length ? (await db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(inArray(outboxMessages.idempotencyKey, keys)))[0]!.n : 0;
