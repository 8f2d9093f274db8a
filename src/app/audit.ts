import type { DbOrTx } from '../db/client.js';
import { auditEvents } from '../db/schema/index.js';
import { newId } from '../db/ids.js';
import type { ServiceContext } from './context.js';

export interface AuditEntry {
  action: string;
  subjectType: string;
  subjectId: string;
  before?: unknown;
  after?: unknown;
}

/** Written in the same transaction as the change it records: both happen or neither. */
export async function recordAudit(tx: DbOrTx, ctx: ServiceContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditEvents).values({
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
}
