import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../support/fixtures.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import type { Runtime } from '../../src/runtime.js';
import { aiSystems, evidenceClaims } from '../../src/db/schema/index.js';
import { runAigov, testRuntime } from '../support/test-runtime.js';

const HEADER = 'name,purpose,owner,lifecycle_stage,operator_role,eu_nexus,data_categories,annex_iii_point,art6_3_condition,profiling,transparency,supplier,trigger';
const GOOD = [
  HEADER,
  'CV screener,Ranks applicants,U0OWNER1,deployed,deployer,yes,personal,4(a),,no,,Acme AI,new_system',
  '"Support bot, v2","Answers ""how do I"" questions",U0OWNER2,development,provider,yes,none,,,no,interacts_with_people;synthetic_content,,certification',
  'Internal forecaster,Forecasts demand,U0OWNER1,validation,provider_and_deployer,no,,,,,,,framework_mapping',
].join('\n');

describe('aigov import inventory', () => {
  let database: Database;
  let rt: Runtime;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-import-'));
  const file = (name: string, text: string) => { const p = path.join(dir, name); fs.writeFileSync(p, text); return p; };
  const systems = async () => (await database.db.select({ n: sql<number>`count(*)::int` }).from(aiSystems))[0]!.n;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; rt = await testRuntime(database); });
  afterAll(async () => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('registers every row, classified like the modal, with its evidence claims', async () => {
    const r = await runAigov(rt, ['import', 'inventory', file('good.csv', GOOD), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ registered: 3, unchanged: 0, rows: 3, differing: [] });
    const rows = await database.db.select().from(aiSystems).orderBy(aiSystems.name);
    expect(rows.map((s) => [s.name, s.riskTier, s.primarySource])).toEqual([
      ['CV screener', 'high', 'eu-ai-act'],
      ['Internal forecaster', 'minimal', 'nist-ai-rmf'],
      ['Support bot, v2', 'transparency', 'eu-ai-act'],
    ]);
    expect(rows.find((s) => s.name === 'Support bot, v2')?.purpose).toBe('Answers "how do I" questions');
    expect((await database.db.select({ n: sql<number>`count(*)::int` }).from(evidenceClaims))[0]!.n).toBeGreaterThan(20);
  });

  it('changes nothing when the same file is imported again', async () => {
    const r = await runAigov(rt, ['import', 'inventory', file('again.csv', GOOD)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`imported ${path.join(dir, 'again.csv')}: 3 rows; 0 registered, 3 unchanged\n`);
    expect(await systems()).toBe(3);
  });

  it('says which rows differ from the registered systems and how to change them, and changes nothing', async () => {
    const changed = GOOD.replace('CV screener,Ranks applicants,U0OWNER1,deployed', 'CV screener,Ranks and rejects applicants,U0OWNER2,deployed');
    const before = await database.db.select().from(aiSystems).orderBy(aiSystems.name);
    const r = await runAigov(rt, ['import', 'inventory', file('changed.csv', changed)]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/3 rows; 0 registered, 2 unchanged, 1 differ from the registered system and were not changed/);
    expect(r.stdout).toMatch(/line 2, "CV screener": purpose, owner differ\n/);
    expect(r.stdout).toMatch(/raise a change request in Slack/);
    expect(await database.db.select().from(aiSystems).orderBy(aiSystems.name)).toEqual(before);
  });

  it('refuses a file that is not UTF-8, naming the line, instead of registering a garbled duplicate', async () => {
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nA,p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system\n`), Buffer.from('R\xe9sum\xe9 parser,p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system\n', 'latin1')]);
    const p = path.join(dir, 'latin1.csv');
    fs.writeFileSync(p, latin1);
    const before = await systems();
    const r = await runAigov(rt, ['import', 'inventory', p]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^aigov: line 3: the file is not UTF-8 text .*CSV UTF-8/);
    expect(await systems()).toBe(before);
  });

  it.each([[';', 'name;purpose;owner;lifecycle_stage;operator_role\nX;p;U0OWNER1;design;provider'], ['tabs', 'name\tpurpose\towner\tlifecycle_stage\toperator_role\nX\tp\tU0OWNER1\tdesign\tprovider']])(
    'says a file separated by %s uses the wrong separator and how to save it', async (sep, csv) => {
      const r = await runAigov(rt, ['import', 'inventory', file('semicolon.csv', csv)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`line 1: the file separates columns with "${sep}"; aigov reads comma-separated CSV`);
    });

  it('reports every bad row in one run, up to a cap, and stores nothing', async () => {
    const bad = (i: number) => `Bad ${i},p,bob,deployed,deployer,yes,none,,,no,,,new_system`;
    const csv = [HEADER, 'Fine,p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system', bad(1), 'Stage,p,U0OWNER1,shipping,deployer,yes,none,,,no,,,new_system', ...Array.from({ length: 30 }, (_, i) => bad(i + 2))].join('\n');
    const before = await systems();
    const r = await runAigov(rt, ['import', 'inventory', file('many-bad.csv', csv)]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines[0]).toBe('aigov: 32 rows are bad; nothing was stored. Fix them and import again:');
    expect(lines[1]).toMatch(/^  line 3, column owner: /);
    expect(lines[2]).toMatch(/^  line 4, column lifecycle_stage: /);
    expect(lines).toHaveLength(1 + 20 + 1);
    expect(lines.at(-1)).toBe('  … and 12 more');
    expect(await systems()).toBe(before);
  });

  it.each([
    ['an unknown column', 'name,purpose,owner,lifecycle_stage,operator_role,colour\nX,p,U0OWNER1,design,provider,red', /line 1, column colour: unknown column/],
    ['a missing required column', 'name,purpose,owner,lifecycle_stage\nX,p,U0OWNER1,design', /line 1, column operator_role: required column is missing/],
    ['a bad enum value', `${HEADER}\nA,p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system\nB,p,U0OWNER1,shipping,deployer,yes,none,,,no,,,new_system`, /line 3, column lifecycle_stage: /],
    ['a bad owner', `${HEADER}\nA,p,bob,deployed,deployer,yes,none,,,no,,,new_system`, /line 2, column owner: .*Slack user ID/],
    ['a bad yes/no', `${HEADER}\nA,p,U0OWNER1,deployed,deployer,perhaps,none,,,no,,,new_system`, /line 2, column eu_nexus: must be yes or no/],
    ['a name repeated in the file', `${HEADER}\nA,p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system\na,p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system`, /line 3, column name: .*line 2/],
    ['an overlong name', `${HEADER}\n${'n'.repeat(121)},p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system`, /line 2, column name: At most 120 characters/],
    ['a malformed quote', `${HEADER}\n"A,p,U0OWNER1,deployed,deployer,yes,none,,,no,,,new_system`, /line \d+/],
    ['an Art. 6(3) condition without an Annex III point', `${HEADER}\nA,p,U0OWNER1,deployed,deployer,yes,none,,a,no,,,new_system`, /line 2, column art6_3_condition/],
  ])('refuses a file with %s: exit 2, the line and column, nothing stored', async (_what, csv, message) => {
    const before = await systems();
    const r = await runAigov(rt, ['import', 'inventory', file('bad.csv', csv)]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(await systems()).toBe(before);
  });

  it('reports a missing file as bad input', async () => {
    const r = await runAigov(rt, ['import', 'inventory', path.join(dir, 'nope.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*nope\.csv: ENOENT/);
  });
});
