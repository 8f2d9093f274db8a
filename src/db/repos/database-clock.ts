import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { rowsOf } from '../rows.js';

/**
 * The database's own clock. Inside a transaction PostgreSQL's now() is the transaction's start, which is
 * the moment a snapshot export sees the data as of.
 */
export async function databaseNow(db: DbOrTx): Promise<Date> {
  const result = await db.execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`);
  return new Date(rowsOf<{ now: string }>(result)[0]!.now);
}
