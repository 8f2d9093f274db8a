import type { DbOrTx } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import { newId } from '../db/ids.js';
import { insertMany } from '../db/insert-many.js';
import type { ServiceContext } from './context.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

const rowOf = (ctx: ServiceContext, entry: AuditEntry) => ({
  id: newId('aud'),
  actorId: ctx.actor.userId,
  action: entry.action,
  subjectType: entry.subjectType,
  subjectId: entry.subjectId,
  before: entry.before ?? null,
  after: entry.after ?? null,
  // `at` is the database's clock; the verb's logical time (a sweep run `--now`) is kept beside it.
  origin: { ...ctx.actor.origin, asOf: ctx.now().toISOString() },
});

/** Written in the same transaction as the change it records: both happen or neither. */
export async function recordAudit(tx: DbOrTx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values(rowOf(ctx, entry));
}

/** Many events in few statements, for jobs that change thousands of items at once. */
export async function recordAudits(tx: DbOrTx, ctx: ServiceContext, entries: readonly AuditEntry[]): Promise<void> {
  await insertMany(tx, auditEvents, entries.map((e) => rowOf(ctx, e)));
}
