import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';

/**
 * The database's own clock. Inside a transaction PostgreSQL's now() is the transaction's start, which is
 * the moment a snapshot export sees the data as of.
 */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const result = await db.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`);
  // postgres.js answers with an array of rows, PGlite with { rows }.
  const rows = (Array.isArray(result) ? result : (result as unknown as { rows: unknown[] }).rows) as { now: string }[];
  return new Date(rows[0]!.now);
}
