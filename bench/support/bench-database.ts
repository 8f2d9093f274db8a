import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { describePostgresUrl, openDatabase, type Database } from '../../src/db/client.js';

export const DEFAULT_BENCH_DATABASE_URL = 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  readonly database: Database;
  readonly kind: 'postgres' | 'pglite';
  /** The bench database's own URL (PostgreSQL only), for a second client such as the EXPLAIN runner. */
  readonly url: string | undefined;
  /** One line for the report: which server, which database, or why PGlite stood in. */
  readonly description: string;
  /** Closes the pool and drops the database. */
  dispose(): Promise<void>;
}

/** The server BENCH_DATABASE_URL names (or the local default), if it answers within a few seconds. */
export async function reachablePostgres(): Promise<{ url: string; version: string } | { url: string; problem: string }> {
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_DATABASE_URL;
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 3 });
  try {
    const [row] = await admin<{ v: string }[]>`select current_setting('server_version') as v`;
    return { url, version: row!.v };
  } catch (err) {
    return { url, problem: (err as Error).message };
  } finally {
    await admin.end({ timeout: 1 }).catch(() => {});
  }
}

/**
 * A fresh database for one benchmark: `aigov_bench_<random>` on the PostgreSQL server, dropped
 * afterwards; or, when the server cannot be reached and the benchmark allows it, an in-memory PGlite.
 * Migrations are left to the caller (startServer applies them, like production).
 */
export async function createBenchDatabase(opts: { allowPglite: boolean; poolSize?: number }): Promise<BenchDatabase | { unavailable: string }> {
  const server = await reachablePostgres();
  if ('problem' in server) {
    const where = describePostgresUrl(server.url);
    if (!opts.allowPglite) return { unavailable: `PostgreSQL at ${where} is unreachable (${server.problem})` };
    const database = await openDatabase({ pglite: await PGlite.create() });
    return {
      database, kind: 'pglite', url: undefined,
      description: `PGlite in memory — PostgreSQL at ${where} is unreachable (${server.problem}); figures are NOT PostgreSQL figures`,
      dispose: () => database.close(),
    };
  }
  const name = `aigov_bench_${randomBytes(5).toString('hex')}`;
  const admin = postgres(server.url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = withDatabase(server.url, name);
  const database = await openDatabase({ url, poolSize: opts.poolSize ?? 10 });
  return {
    database, kind: 'postgres', url,
    description: `PostgreSQL ${server.version} at ${describePostgresUrl(url)} (fresh database, dropped afterwards)`,
    dispose: async () => {
      await database.close().catch(() => {});
      const a = postgres(server.url, { max: 1, onnotice: () => {} });
      await a.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => {});
      await a.end();
    },
  };
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
