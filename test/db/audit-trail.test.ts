import { describe, expect, it, test } from '../support/fixtures.js';
import { eq, sql } from 'drizzle-orm';
import { auditEvents } from '../../src/db/schema/index.js';

// drizzle wraps the database error; the refusal is in its cause.
const appendOnlyRefusal = (err: unknown) => /append-only/.test(String((err as { cause?: Error }).cause?.message ?? (err as Error).message));

describe('the audit trail', () => {
  test.beforeAll(async ({ db }) => {
    await db.insert(auditEvents).values({ id: 'aud_t1', actorId: 'U1', action: 'system.registered', subjectType: 'ai_system', subjectId: 'sys_1', origin: { via: 'cli', command: 't' } });
  });

  it('refuses to update an event', async ({ db }) => {
    await expect(db.update(auditEvents).set({ action: 'changed' }).where(eq(auditEvents.id, 'aud_t1'))).rejects.toSatisfy(appendOnlyRefusal);
  });

  it('refuses to delete or truncate events', async ({ db }) => {
    await expect(db.delete(auditEvents).where(eq(auditEvents.id, 'aud_t1'))).rejects.toSatisfy(appendOnlyRefusal);
    await expect(db.execute(sql`truncate audit_events`)).rejects.toSatisfy(appendOnlyRefusal);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.id, 'aud_t1'))).toHaveLength(1);
  });
});
