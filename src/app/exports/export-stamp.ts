import type { Db, DbOrTx } from '../../db/client.js';
import { databaseNow } from '../../db/repos/database-clock.js';

/** When an export was made, and the moment the data it shows was read: both are printed on every export. */
export interface ExportStamp {
  generatedAt: Date;
  dataAsOf: Date;
}

/**
 * Reads everything an export shows from one snapshot (repeatable read, read only), so its totals and its
 * rows agree, and stamps it with the snapshot's time. Only for exports that aggregate: a streamed export
 * keeps no transaction open while the reader is slow.
 */
export async function readSnapshot<T>(db: Db, now: () => Date, fn: (tx: DbOrTx, stamp: ExportStamp) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => fn(tx, { generatedAt: now(), dataAsOf: await databaseNow(tx) }), { isolationLevel: 'repeatable read', accessMode: 'read only' });
}
