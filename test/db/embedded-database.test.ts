import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import { DataDirBusyError } from '../../src/db/data-dir-lock.js';
import { seedEmbeddedDataDir } from '../../src/db/pglite-seed.js';
import { auditEvents } from '../../src/db/schema/index.js';

// Initialising a fresh PGlite data folder costs seconds; this file does it once and reuses the folder.
describe('the embedded database (PGlite data folder)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-pglite-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('keeps data across a restart, and lets only one process own the folder', async () => {
    const first = await openDatabase({ dataDir: dir });
    await first.migrate();
    await first.db.insert(auditEvents).values({ id: 'aud_restart', actorId: 'U1', action: 'test.written', subjectType: 't', subjectId: '1', origin: { via: 'cli', command: 'test' } });
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirBusyError);
    await first.close();

    const second = await openDatabase({ dataDir: dir });
    try {
      await second.migrate();
      const rows = await second.db.select().from(auditEvents).where(sql`${auditEvents.id} = 'aud_restart'`);
      expect(rows).toHaveLength(1);
      // Sized for one process: PostgreSQL's 128 MB default would be most of a small container.
      const shown = await second.db.execute(sql`show shared_buffers`) as unknown as { rows: { shared_buffers: string }[] };
      expect(shown.rows[0]?.shared_buffers).toBe('16MB');
    } finally {
      await second.close();
    }
  }, 120_000);

  it('starts an empty data folder from a copy of a migrated seed folder instead of running initdb', async () => {
    const fresh = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-pglite-seeded-'));
    try {
      // The folder above stands in for dist/pglite-seed, made by `npm run build`.
      expect(seedEmbeddedDataDir(path.join(fresh, 'pglite'), path.join(dir, 'pglite'))).toBe(true);
      expect(fs.readdirSync(fresh).filter((f) => f.includes('.seeding-'))).toEqual([]);
      const seeded = await openDatabase({ dataDir: fresh });
      try {
        const rows = await seeded.db.select().from(auditEvents).where(sql`${auditEvents.id} = 'aud_restart'`);
        expect(rows).toHaveLength(1);
      } finally {
        await seeded.close();
      }
      // A folder that is already a database is never overwritten.
      expect(seedEmbeddedDataDir(path.join(fresh, 'pglite'), path.join(dir, 'pglite'))).toBe(false);
      // Without a seed (a checkout that was not built) PGlite's own initdb runs.
      expect(seedEmbeddedDataDir(path.join(fresh, 'other'), path.join(fresh, 'no-such-seed'))).toBe(false);
    } finally {
      fs.rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);
});
