import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import { auditEvents } from '../../src/db/schema/index.js';
import { createTestDatabase } from '../support/test-db.js';

// drizzle wraps the database error; the refusal is in its cause.
const appendOnlyRefusal = (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message ?? (err as Error).message));

describe('the audit trail', () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
    await database.db.insert(auditEvents).values({ id: 'aud_t1', actorId: 'U1', action: 'system.registered', subjectType: 'ai_system', subjectId: 'sys_1', origin: { via: 'cli', command: 't' } });
  });
  afterAll(async () => { await database?.close(); });

  it('refuses to update an event', async () => {
    await expect(database.db.update(auditEvents).set({ action: 'changed' }).where(eq(auditEvents.id, 'aud_t1'))).rejects.toSatisfy(appendOnlyRefusal);
  });

  it('refuses to delete or truncate events', async () => {
    await expect(database.db.delete(auditEvents).where(eq(auditEvents.id, 'aud_t1'))).rejects.toSatisfy(appendOnlyRefusal);
    await expect(database.db.execute(sql`truncate audit_events`)).rejects.toSatisfy(appendOnlyRefusal);
    expect(await database.db.select().from(auditEvents).where(eq(auditEvents.id, 'aud_t1'))).toHaveLength(1);
  });
});
