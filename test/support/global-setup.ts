import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/db/client.js';
import { openMigratedDatabase } from '../../src/runtime.js';
import { silentLogger } from './logger.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

/**
 * Initialising PGlite costs seconds and hundreds of MB, so it happens once: migrate, dump the data
 * folder, and let every test file load that dump. On PostgreSQL the same idea is a template database.
 */
export default async function setup(project: TestProject) {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const template = `aigov_tpl_${randomBytes(4).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`CREATE DATABASE ${template}`);
    const db = await openDatabase({ url: withDatabase(url, template), poolSize: 2 });
    await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, silentLogger, db);
    await db.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      const rows = await admin<{ datname: string }[]>`select datname from pg_database where datname like ${`${template}%`}`;
      for (const r of rows) await admin.unsafe(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`).catch(() => {});
      await admin.end();
    };
  }
  const pglite = await PGlite.create();
  const db = await openDatabase({ pglite });
  await openMigratedDatabase({ database: { url: undefined, dataDir: '' } }, silentLogger, db);
  const dump = await pglite.dumpDataDir('none');
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-test-')), 'snapshot.tar');
  fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  await pglite.close();
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  return () => fs.rmSync(path.dirname(file), { recursive: true, force: true });
}

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}
