import { and, eq, inArray, like, sql } from 'drizzle-orm';
import type { Db } from '../../src/db/client.js';
import { registerSystem } from '../../src/app/intake/register-system.js';
import { runSweep } from '../../src/app/sweep/run-sweep.js';
import type { ServiceContext } from '../../src/app/context.js';
import { aiSystems, evidenceClaims, outboxMessages } from '../../src/db/schema/index.js';
import { SystemFacts, type SystemFactsInput } from '../../src/domain/system-facts.js';
import type { OutboxMessage } from '../../src/outbox/messages.js';
import { USERS } from './test-app.js';
import { verbContext } from './verb-context.js';

export const DAY = 86_400_000;

/** A context as of a fixed instant. */
export const at = (db: Db, userId: string, now: Date): ServiceContext => verbContext(db, userId, { now: () => now });

/** The scheduler's context, as the sweep job builds it. */
export const schedulerAt = (db: Db, now: Date): ServiceContext =>
  verbContext(db, 'system', { now: () => now, origin: { via: 'scheduler', job: 'sweep' } });

export const sweepAt = (db: Db, now: Date) => runSweep(schedulerAt(db, now));

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

export interface QueuedMessage { id: string; idempotencyKey: string; status: string; nextAttemptAt: Date; message: OutboxMessage }

/** Outbox rows, oldest first, optionally those whose idempotency key starts with a prefix. */
export async function queued(db: Db, keyPrefix?: string): Promise<QueuedMessage[]> {
  const rows = await db.select().from(outboxMessages).where(keyPrefix ? like(outboxMessages.idempotencyKey, `${keyPrefix}%`) : undefined).orderBy(outboxMessages.createdAt, outboxMessages.id);
  return rows.map((r) => ({ id: r.id, idempotencyKey: r.idempotencyKey, status: r.status, nextAttemptAt: r.nextAttemptAt, message: r.payload as OutboxMessage }));
}

/** Escalation posts queued for the governance channel, with their card key. */
export async function escalationPosts(db: Db) {
  const rows = await queued(db, 'escalation:');
  return rows.flatMap((r) => (r.message.kind === 'slack.post.v1' ? [{ key: r.message.storeAs ?? '', text: r.message.text, body: JSON.stringify(r.message.blocks), channel: r.message.channel }] : []));
}

/** Posts (not updates) queued for one channel or user. */
export async function postsTo(db: Db, channel: string) {
  const rows = await queued(db);
  return rows.flatMap((r) => (r.message.kind === 'slack.post.v1' && r.message.channel === channel ? [{ ...r, post: r.message, body: JSON.stringify(r.message.blocks) }] : []));
}

/** Updates queued for a stored message key. */
export async function updatesOf(db: Db, key: string) {
  const rows = await db.select().from(outboxMessages)
    .where(and(eq(outboxMessages.kind, 'slack.update.v1'), sql`${outboxMessages.payload}->>'key' = ${key}`)).orderBy(outboxMessages.createdAt, outboxMessages.id);
  return rows.map((r) => ({ status: r.status, body: JSON.stringify((r.payload as { blocks?: unknown }).blocks), text: (r.payload as { text: string }).text }));
}

export const countRows = async (db: Db, keys: string[]) =>
  keys.length ? (await db.select({ n: sql<number>`count(*)::int` }).from(outboxMessages).where(inArray(outboxMessages.idempotencyKey, keys)))[0]!.n : 0;
