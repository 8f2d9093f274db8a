import { eq } from 'drizzle-orm';
import { aiSystems, auditEvents, evidenceClaims } from '../../../src/db/schema/index.js';
import { importInventory } from '../../../src/app/intake/import-inventory.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const HEADER = 'name,purpose,owner,lifecycle_stage,operator_role,eu_nexus,data_categories,annex_iii_point,art6_3_condition,profiling,transparency,supplier,trigger';
const ROW = (name: string, owner: string = USERS.owner) => `${name},Ranks applicants,${owner},deployed,deployer,yes,personal,4(a),,no,,Acme AI,new_system`;

describe('importInventory', () => {
  it('registers every row with its classification and evidence claims, then changes nothing on the same file', async ({ db, ctx }) => {
    const csv = [HEADER, ROW('Imported ranker'), ROW('Imported screener', USERS.owner2)].join('\n');

    expect(await importInventory({ ctx: ctx(USERS.admin, T, { origin: { via: 'cli', command: 'import' } }), input: { csv } })).toMatchObject({ registered: 2, unchanged: 0, rows: 2, differing: [] });
    expect(await importInventory({ ctx: ctx(USERS.admin, T, { origin: { via: 'cli', command: 'import' } }), input: { csv } })).toMatchObject({ registered: 0, unchanged: 2, rows: 2, differing: [] });

    const [ranker] = await db.select().from(aiSystems).where(eq(aiSystems.name, 'Imported ranker'));
    expect(ranker).toMatchObject({ ownerId: USERS.owner, riskTier: 'high' });
    expect((await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, ranker!.id))).length).toBeGreaterThan(0);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.subjectId, ranker!.id))).toContainEqual(expect.objectContaining({ action: 'system.registered' }));
  });

  it('reports a row whose facts differ from the registered system, without applying it', async ({ db, ctx }) => {
    await importInventory({ ctx: ctx(USERS.admin, T), input: { csv: [HEADER, ROW('Differing ranker')].join('\n') } });
    const result = await importInventory({ ctx: ctx(USERS.admin, T), input: { csv: [HEADER, ROW('Differing ranker', USERS.owner2)].join('\n') } });
    expect(result.differing).toEqual([{ line: 2, name: 'Differing ranker', columns: ['owner'] }]);
    expect((await db.select().from(aiSystems).where(eq(aiSystems.name, 'Differing ranker')))[0]!.ownerId).toBe(USERS.owner);
  });

  it('stores nothing when any row is bad, naming the line and column', async ({ db, ctx }) => {
    const csv = [HEADER, ROW('Good row'), 'Bad row,Ranks applicants,not-a-user,deployed,deployer,yes,personal,4(a),,no,,,new_system'].join('\n');
    await expect(importInventory({ ctx: ctx(USERS.admin, T), input: { csv } })).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringMatching(/^line 3, column owner/) });
    expect(await db.select().from(aiSystems).where(eq(aiSystems.name, 'Good row'))).toEqual([]);
  });
});
