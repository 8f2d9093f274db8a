import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { auditEvents } from '../../../src/db/schema/index.js';
import { checkExportRequest, renderExport } from '../../../src/app/exports/render-export.js';
import { AppError } from '../../../src/app/errors.js';
import { createTestDatabase } from '../../support/test-db.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { verbContext } from '../../support/verb-context.js';
import { USERS } from '../../support/test-app.js';

describe('checkExportRequest and renderExport', () => {
  let database: Database;
  let seed: SeededGovernance;
  const NOW = new Date('2026-11-25T12:34:00Z');
  const ctx = (user: string) => verbContext(database.db, user, { now: () => NOW });
  const refusal = (fn: () => unknown): AppError => {
    try { fn(); } catch (err) { if (err instanceof AppError) return err; throw err; }
    throw new Error('expected a refusal');
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    seed = await seedGovernance(database.db);
  });
  afterAll(async () => { await database?.close(); });

  it.each([
    [USERS.owner, { kind: 'soa', fields: {} }, 'FORBIDDEN', 'Exports are for governance admins (AIGOV_ADMINS). Ask one of them for the file.', {}],
    [USERS.admin, { kind: 'everything', fields: {} }, 'VALIDATION', 'There is no "everything" export; the exports are inventory, evidence-matrix, soa, nist-profile, obligations, audit, dossier, workbook.', {}],
    [USERS.admin, { kind: 'soa', fields: { format: 'json' } }, 'VALIDATION', '--format must be one of csv, md, pdf, got "json"', { format: 'must be one of csv, md, pdf, got "json"' }],
    [USERS.admin, { kind: 'audit', fields: { since: 'yesterday' } }, 'VALIDATION', '--since must be an ISO-8601 date or time, got "yesterday"', { since: 'must be an ISO-8601 date or time, got "yesterday"' }],
    [USERS.admin, { kind: 'dossier', fields: {} }, 'VALIDATION', 'the system id or name is missing', { system: 'is missing' }],
  ])('refuses %s asking for %o, naming what is wrong', (user, input, code, message, fields) => {
    expect(refusal(() => checkExportRequest({ ctx: ctx(user), input }))).toMatchObject({ code, message, fields });
  });

  it('takes the first format listed when none is given', () => {
    expect(checkExportRequest({ ctx: ctx(USERS.admin), input: { kind: 'obligations', fields: {} } }).params).toEqual({ format: 'csv' });
  });

  it('builds the file an admin asked for, named after the system, and records who took it out', async () => {
    const file = await renderExport({ ctx: ctx(USERS.admin), input: { kind: 'dossier', fields: { format: 'md', system: 'Applicant ranker' } } });
    expect(file).toMatchObject({ filename: 'aigov-dossier-applicant-ranker-20261125T1234Z.md', title: 'AI system dossier' });
    expect(String(file.content)).toMatch(/^# AI system dossier: Applicant ranker/);
    const [event] = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, 'export.generated'), eq(auditEvents.actorId, USERS.admin)));
    expect(event).toMatchObject({ subjectId: 'dossier', after: { format: 'md', params: { system: 'Applicant ranker' }, filename: file.filename } });
    expect(seed.ids.ranker).toMatch(/^sys_/);
  });

  it('refuses an unknown system as a validation error and records nothing', async () => {
    const exported = async () => (await database.db.select().from(auditEvents).where(eq(auditEvents.action, 'export.generated'))).length;
    const before = await exported();
    await expect(renderExport({ ctx: ctx(USERS.admin), input: { kind: 'dossier', fields: { system: 'No such system' } } }))
      .rejects.toMatchObject({ code: 'VALIDATION', message: 'No AI system has the id or name "No such system".' });
    expect(await exported()).toBe(before);
  });
});
