import { and, eq } from 'drizzle-orm';
import { auditEvents } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { renderExport } from '../../../src/app/exports/render-export.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it, test } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('renderExport', () => {
  test.beforeAll(async ({ ctx }) => {
    const facts = SystemFacts.parse({ name: 'Exported ranker', purpose: 'Ranks job applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer' });
    await registerSystem({ ctx: ctx(USERS.requester, T), input: { facts, idempotencyKey: 'exported-ranker', announce: false } });
  });

  it('builds the file for a governance admin and records who took which data out', async ({ db, ctx }) => {
    const file = await renderExport({ ctx: ctx(USERS.admin, T), request: { kind: 'inventory', format: 'csv', args: [] } });

    expect(file.filename).toBe('aigov-inventory-20260302T1000Z.csv');
    expect(file.title).toBe('AI system inventory');
    expect(String(file.content)).toContain('Exported ranker');
    const [audit, ...more] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'export.generated'), eq(auditEvents.actorId, USERS.admin)));
    expect(more).toEqual([]);
    expect(audit).toMatchObject({ subjectId: 'inventory', after: { format: 'csv', filename: file.filename, bytes: Buffer.byteLength(file.content) } });
  });

  it('hands a binary format over as bytes', async ({ ctx }) => {
    const file = await renderExport({ ctx: ctx(USERS.admin, T), request: { kind: 'dossier', format: 'pdf', args: ['Exported ranker'] } });
    expect(Buffer.isBuffer(file.content)).toBe(true);
    expect((file.content as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses someone who is not a governance admin, and a format the kind does not have, recording nothing', async ({ db, ctx }) => {
    await expect(renderExport({ ctx: ctx(USERS.owner, T), request: { kind: 'inventory', format: 'csv', args: [] } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(renderExport({ ctx: ctx(USERS.admin, T), request: { kind: 'inventory', format: 'pdf', args: [] } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'export.generated'), eq(auditEvents.actorId, USERS.owner)))).toEqual([]);
  });
});
