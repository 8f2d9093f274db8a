import { test as base } from 'vitest';
import type { Origin, Policy, ServiceContext } from '../../src/app/context.js';
import { createTestDatabase } from './test-db.js';
import { startTestApp } from './test-app.js';
import { verbContext } from './verb-context.js';

/** A moment, or a clock to read it from: verbs under test see time only through their context. */
export type TestNow = Date | (() => Date);

export interface CtxOptions {
  readonly policy?: Partial<Policy>;
  readonly origin?: Origin;
}

/**
 * The shared test API. Every fixture is file-scoped: built for the first case (or `test.beforeAll`) that names it,
 * closed after the file's last case, so a file pays for one database and a case run alone with `-t` still gets one.
 *
 * - `database`: a fresh migrated database (PGlite, or PostgreSQL with TEST_DATABASE_URL).
 * - `db`: its drizzle handle.
 * - `ctx(userId, now?, opts?)`: a verb context as a Slack listener builds it, on that database.
 * - `app`: the real app in HTTP mode against the fake Slack Web API, on its own database.
 */
export const test = base
  .extend('database', { scope: 'file' }, async ({}, { onCleanup }) => {
    const database = await createTestDatabase();
    onCleanup(() => database.close());
    return database;
  })
  .extend('db', { scope: 'file' }, async ({ database }) => database.db)
  .extend('ctx', { scope: 'file' }, async ({ database }) =>
    (userId: string, now?: TestNow, opts: CtxOptions = {}): ServiceContext =>
      verbContext(database.db, userId, { ...opts, ...(now === undefined ? {} : { now: typeof now === 'function' ? now : () => now }) }))
  .extend('app', { scope: 'file' }, async ({}, { onCleanup }) => {
    const app = await startTestApp();
    onCleanup(() => app.stop());
    return app;
  });

export const it = test;
export { describe, expect } from 'vitest';
