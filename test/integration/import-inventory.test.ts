import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import type { Database } from '../../src/db/client.js';
import type { Runtime } from '../../src/runtime.js';
import { aiSystems, evidenceClaims } from '../../src/db/schema/index.js';
import { createTestDatabase } from '../support/test-db.js';
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
  beforeAll(async () => { database = await createTestDatabase(); rt = await testRuntime(database); });
  afterAll(async () => { await database?.close(); fs.rmSync(dir, { recursive: true, force: true }); });

  it('registers every row, classified like the modal, with its evidence claims', async () => {
    const r = await runAigov(rt, ['import', 'inventory', file('good.csv', GOOD)]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ registered: 3, unchanged: 0, rows: 3 });
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
    expect(JSON.parse(r.stdout)).toEqual({ registered: 0, unchanged: 3, rows: 3 });
    expect(await systems()).toBe(3);
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

describe('the aigov command line', () => {
  let database: Database;
  let rt: Runtime;
  beforeAll(async () => { database = await createTestDatabase(); rt = await testRuntime(database); });
  afterAll(async () => { await database?.close(); });

  it('applies migrations with `aigov migrate`', async () => {
    const r = await runAigov(rt, ['migrate']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/migrations applied/);
  });

  it.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['sweep', '--now', 'tomorrow'], /--now must be an ISO-8601/],
    [['export'], /export needs a kind/],
    [['export', 'inventory', '--format', 'xml'], /--format must be one of json, csv/],
    [['migrate', '--force'], /Unknown option '--force'/],
  ])('answers bad usage %j with exit 2 and one line', async (args, message) => {
    const r = await runAigov(rt, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints usage for `aigov help`', async () => {
    const r = await runAigov(rt, ['help']);
    expect(r.code).toBe(0);
    for (const c of ['migrate', 'sweep', 'digest', 'export', 'import']) expect(r.stdout).toContain(c);
  });

  it('exports an empty inventory as an empty JSON array and a CSV header', async () => {
    expect(JSON.parse((await runAigov(rt, ['export', 'inventory', '--format', 'json'])).stdout)).toEqual([]);
    expect((await runAigov(rt, ['export', 'inventory', '--format', 'csv'])).stdout.split('\r\n')[0]).toMatch(/^id,name,owner,lifecycle_stage,operator_role,risk_tier,kind_of_work,primary_source,status,next_review_date/);
  });
});
