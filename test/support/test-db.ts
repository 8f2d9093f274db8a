import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { inject } from 'vitest';
import { openDatabase, type Database } from '../../src/db/client.js';
import { withDatabase } from './global-setup.js';

export const onPostgres = () => Boolean(process.env.TEST_DATABASE_URL);

/**
 * A fresh, migrated database for one test file: a clone of the snapshot made once per run.
 * PGlite by default; a database created from the template when TEST_DATABASE_URL is set.
 */
export async function createTestDatabase(): Promise<Database & { url?: string }> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    // Named after this run's template so the run's teardown drops its own databases and no one else's.
    const name = `${inject('pgTemplate')}_t_${randomBytes(5).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
    await admin.end();
    const dbUrl = withDatabase(url, name);
    const db = await openDatabase({ url: dbUrl, poolSize: 5 });
    const closePool = db.close;
    return Object.assign(db, {
      url: dbUrl,
      close: async () => {
        await closePool();
        const a = postgres(url, { max: 1, onnotice: () => {} });
        await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
        await a.end();
      },
    });
  }
  const snapshot = fs.readFileSync(inject('pgliteSnapshot'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([snapshot]) });
  return openDatabase({ pglite });
}
