import type { Writable } from 'node:stream';
import { asc, eq, gt } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, decisions, exceptions, reviews } from '../../db/schema/index.js';
import { RowWriter, type Format } from './writer.js';

const PAGE = 1000;
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : null);
const time = (d: Date | null) => (d ? d.toISOString() : null);

/** Streams one register in id order, page by page, with the system's name beside its id. */
async function streamRegister<R extends { id: string }>(
  out: Writable, format: Format, columns: readonly string[],
  read: (after: string, limit: number) => Promise<(R & { systemName: string | null })[]>,
  toRow: (r: R & { systemName: string | null }) => Record<string, unknown>,
): Promise<number> {
  const writer = new RowWriter(out, format, columns);
  await writer.open();
  let after = '';
  let total = 0;
  for (;;) {
    const page = await read(after, PAGE);
    if (!page.length) break;
    await writer.rows(page.map(toRow));
    total += page.length;
    after = page[page.length - 1]!.id;
    if (page.length < PAGE) break;
  }
  await writer.close();
  return total;
}

function pageOf<T extends PgTable & { id: PgColumn; systemId: PgColumn }>(db: DbOrTx, table: T) {
  return (after: string, limit: number) => db.select({ row: table as PgTable, systemName: aiSystems.name }).from(table as PgTable)
    .leftJoin(aiSystems, eq(aiSystems.id, table.systemId)).where(gt(table.id, after)).orderBy(asc(table.id)).limit(limit);
}

export const EXCEPTION_COLUMNS = [
  'exception_id', 'system_id', 'system', 'claim_id', 'review_id', 'status', 'reason', 'opened_by', 'opened_at', 'due_date',
  'risk_accepted_by', 'accepted_at', 'accepted_until', 'rationale', 'corrective_action', 'action_owner', 'action_due_date', 'closed_at',
] as const;

/** Exceptions and how each ended: risk acceptance (approver, expiry) or corrective action (owner, due date). */
export async function exportExceptions(db: DbOrTx, out: Writable, format: Format): Promise<number> {
  type E = typeof exceptions.$inferSelect;
  return streamRegister<E>(out, format, EXCEPTION_COLUMNS,
    async (after, limit) => (await pageOf(db, exceptions)(after, limit)).map(({ row, systemName }) => ({ ...(row as E), systemName })),
    (e) => ({
      exception_id: e.id, system_id: e.systemId, system: e.systemName, claim_id: e.claimId, review_id: e.reviewId, status: e.status, reason: e.reason,
      opened_by: e.openedBy, opened_at: time(e.createdAt), due_date: day(e.dueAt), risk_accepted_by: e.acceptedBy, accepted_at: time(e.acceptedAt),
      accepted_until: day(e.acceptedUntil), rationale: e.rationale, corrective_action: e.correctiveAction, action_owner: e.actionOwnerId,
      action_due_date: day(e.actionDueAt), closed_at: time(e.closedAt),
    }));
}

export const REVIEW_COLUMNS = [
  'review_id', 'system_id', 'system', 'status', 'due_date', 'due_because', 'reviewer', 'result', 'exceptions_found', 'corrective_action',
  'next_owner', 'next_review_date', 'completed_at', 'created_at',
] as const;

/** Review records: result, exceptions found, corrective action, next owner and next review date. */
export async function exportReviews(db: DbOrTx, out: Writable, format: Format): Promise<number> {
  type V = typeof reviews.$inferSelect;
  return streamRegister<V>(out, format, REVIEW_COLUMNS,
    async (after, limit) => (await pageOf(db, reviews)(after, limit)).map(({ row, systemName }) => ({ ...(row as V), systemName })),
    (v) => ({
      review_id: v.id, system_id: v.systemId, system: v.systemName, status: v.status, due_date: day(v.dueAt), due_because: v.dueReason,
      reviewer: v.reviewerId, result: v.result, exceptions_found: v.exceptionsFound, corrective_action: v.correctiveAction,
      next_owner: v.nextOwnerId, next_review_date: day(v.nextReviewAt), completed_at: time(v.completedAt), created_at: time(v.createdAt),
    }));
}

export const DECISION_COLUMNS = [
  'decision_id', 'system_id', 'system', 'review_id', 'scope', 'assumption', 'risk_or_obligation', 'changes', 'owner', 'status',
  'decided_by', 'decided_at', 'decision_reason', 'raised_by', 'created_at',
] as const;

/** Decision records: scope, assumption, risk or obligation, owner, approval and date. */
export async function exportDecisions(db: DbOrTx, out: Writable, format: Format): Promise<number> {
  type D = typeof decisions.$inferSelect;
  return streamRegister<D>(out, format, DECISION_COLUMNS,
    async (after, limit) => (await pageOf(db, decisions)(after, limit)).map(({ row, systemName }) => ({ ...(row as D), systemName })),
    (d) => ({
      decision_id: d.id, system_id: d.systemId, system: d.systemName, review_id: d.reviewId, scope: d.scope, assumption: d.assumption,
      risk_or_obligation: d.riskOrObligation, changes: d.changes, owner: d.ownerId, status: d.status, decided_by: d.decidedBy,
      decided_at: time(d.decidedAt), decision_reason: d.decisionReason, raised_by: d.createdBy, created_at: time(d.createdAt),
    }));
}
