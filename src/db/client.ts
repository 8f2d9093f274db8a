import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema/index.js';
import { migrationsFolder } from './project-root.js';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock.js';
import { EMBEDDED_START_PARAMS, seedEmbeddedDataDir } from './pglite-seed.js';

export type Schema = typeof schema;
/** One type for both drivers: every query in the project is written once against it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
export type DbOrTx = Db | Tx;

export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** Host (PostgreSQL) or folder (PGlite), safe to log: never a password. */
  readonly where: string;
  migrate(): Promise<void>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string | undefined;
  dataDir?: string;
  /** A ready PGlite (tests load a migrated snapshot into one). */
  pglite?: PGlite;
  poolSize?: number;
}

export class DatabaseUnavailableError extends Error {}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  if (opts.url) return openPostgres(opts.url, opts.poolSize ?? 10);
  if (opts.pglite) return wrapPglite(opts.pglite, 'memory', null);
  const dataDir = path.resolve(opts.dataDir ?? './data');
  fs.mkdirSync(dataDir, { recursive: true });
  const lock = await acquireDataDirLock(dataDir);
  try {
    const pgDataDir = path.join(dataDir, 'pglite');
    seedEmbeddedDataDir(pgDataDir);
    const client = await PGlite.create({ dataDir: pgDataDir, startParams: [...EMBEDDED_START_PARAMS] });
    return wrapPglite(client, dataDir, lock);
  } catch (err) {
    await lock.release();
    throw err;
  }
}

function wrapPglite(client: PGlite, where: string, lock: DataDirLock | null): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    where,
    migrate: () => migratePglite(db as never, { migrationsFolder: migrationsFolder() }),
    ping: async () => { await client.query('select 1'); },
    close: async () => {
      await client.close();
      await lock?.release();
    },
  };
}

/** Host and database of a URL, for messages: the password never leaves this function. */
export function describePostgresUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}${u.port ? `:${u.port}` : ''}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

// Several replicas may start at once; one migrates while the others wait on this lock.
const MIGRATION_LOCK_KEY = 4_200_142_001;

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const where = describePostgresUrl(url);
  const client = postgres(url, { max: poolSize, onnotice: () => {}, connect_timeout: 10, idle_timeout: 60 });
  const db = drizzlePostgres({ client, schema }) as unknown as Db;
  try {
    await client`select 1`;
  } catch (err) {
    await client.end({ timeout: 1 }).catch(() => {});
    throw new DatabaseUnavailableError(`cannot reach PostgreSQL at ${where}: ${(err as Error).message}`);
  }
  return {
    db,
    kind: 'postgres',
    where,
    migrate: async () => {
      // One connection (max: 1) so the advisory lock and the migration statements share a session.
      const single = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await single`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        await migratePostgres(drizzlePostgres({ client: single, schema }), { migrationsFolder: migrationsFolder() });
        await single`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
      } finally {
        await single.end({ timeout: 5 });
      }
    },
    ping: async () => { await db.execute(sql`select 1`); },
    close: () => client.end({ timeout: 5 }),
  };
}
