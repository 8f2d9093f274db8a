import { getTableColumns, sql, type InferInsertModel, type InferSelectModel, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { DbOrTx } from './client.js';
import { rowsOf } from './rows.js';

/** Rows per statement: a few megabytes of JSON at most, however large the batch. */
const CHUNK = 2_000;

export interface InsertManyOptions<T extends PgTable, K extends keyof InferSelectModel<T>> {
  /** Skip rows that collide on this unique key (every key when empty); other collisions still fail. */
  onConflictDoNothing?: (keyof T['_']['columns'])[];
  /** Columns to read back from the rows actually inserted. */
  returning?: K[];
}

/**
 * Inserts many rows with one parameter per statement: the rows travel as one JSON document that
 * PostgreSQL unpacks with jsonb_to_recordset. Building a drizzle `values()` statement costs a few
 * microseconds per parameter in Node, which for a sweep writing tens of thousands of rows was most
 * of its time. Every row must name the same columns; columns no row names take their database default.
 */
export async function insertMany<T extends PgTable, K extends keyof InferSelectModel<T> = never>(
  db: DbOrTx, table: T, rows: readonly InferInsertModel<T>[], opts: InsertManyOptions<T, K> = {},
): Promise<Pick<InferSelectModel<T>, K>[]> {
  if (!rows.length) return [];
  const columns = getTableColumns(table) as Record<string, PgColumn>;
  const keys = Object.keys(rows[0]!).filter((k) => k in columns);
  const named = keys.join(',');
  for (const row of rows) {
    const rowKeys = Object.keys(row).filter((k) => k in columns);
    if (rowKeys.join(',') !== named) throw new Error(`insertMany: every row must name the same columns (${named}), got (${rowKeys.join(',')})`);
  }
  const target = opts.onConflictDoNothing;
  const conflict = target === undefined ? sql`` : target.length
    ? sql` on conflict (${sql.join(target.map((k) => sql.identifier(columns[k as string]!.name)), sql`, `)}) do nothing`
    : sql` on conflict do nothing`;
  const returning = opts.returning?.length
    ? sql` returning ${sql.join(opts.returning.map((k) => sql`${sql.identifier(columns[k as string]!.name)} as ${sql.identifier(k as string)}`), sql`, `)}`
    : sql``;
  const names = sql.join(keys.map((k) => sql.identifier(columns[k]!.name)), sql`, `);
  const shape = sql.join(keys.map((k) => sql`${sql.identifier(columns[k]!.name)} ${sql.raw(columns[k]!.getSQLType())}`), sql`, `);

  // Chunks are sent as soon as each is built, without waiting for the one before: the server works on
  // one chunk while the next is serialised here (postgres.js pipelines them on the transaction's connection).
  const sent: Promise<Record<string, unknown>[]>[] = [];
  let failed = false;
  for (let i = 0; i < rows.length && !failed; i += CHUNK) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    const records = rows.slice(i, i + CHUNK).map((row) => toRecord(row as Record<string, unknown>, keys, columns));
    const statement: SQL = sql`insert into ${table} (${names}) select ${names} from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as r(${shape})${conflict}${returning}`;
    const result = db.execute(statement).then((r) => rowsOf<Record<string, unknown>>(r));
    // Handled at once (Promise.all below reports it): a chunk failing while the next is built must not
    // count as an unhandled rejection, and nothing more is sent into a transaction that has failed.
    result.catch(() => { failed = true; });
    sent.push(result);
  }
  const results = await Promise.all(sent);
  return results.flat().map((r) => fromRecord(r, opts.returning ?? [], columns) as Pick<InferSelectModel<T>, K>);
}

/** A row as JSON keyed by column name: json columns as they are, the rest as the driver would send them. */
function toRecord(row: Record<string, unknown>, keys: string[], columns: Record<string, PgColumn>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const k of keys) {
    const column = columns[k]!;
    const value = row[k];
    record[column.name] = value === undefined || value === null ? null : column.dataType === 'json' ? value : column.mapToDriverValue(value);
  }
  return record;
}

function fromRecord(row: Record<string, unknown>, keys: PropertyKey[], columns: Record<string, PgColumn>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const value = row[k as string];
    out[k as string] = value === null || value === undefined ? null : columns[k as string]!.mapFromDriverValue(value);
  }
  return out;
}
