import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '../../src/db/client.js';
import { DataDirBusyError } from '../../src/db/data-dir-lock.js';
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
    } finally {
      await second.close();
    }
  }, 120_000);
});
