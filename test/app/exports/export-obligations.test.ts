import { afterAll } from 'vitest';
import { describe, expect, it, test } from '../../support/fixtures.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Database } from '../../../src/db/client.js';
import type { Runtime } from '../../../src/runtime.js';
import { runAigov, testRuntime } from '../../support/test-runtime.js';

// Realistic systems: a hiring screener and a tenant screen for Colorado consumers, a benefits model bound by
// both laws, a marketing copy writer that neither law binds.
const CSV = [
  'name,purpose,owner,lifecycle_stage,operator_role,eu_nexus,data_categories,annex_iii_point,transparency,public_body,us_states,consequential_decision',
  'Hiring screener,Ranks applicants for Denver stores,U0OWNER1,deployed,deployer,no,personal,,,,CO,employment',
  'Tenant screen,Scores rental applicants,U0OWNER2,deployed,provider_and_deployer,no,personal;sensitive,,,,CO;UT,housing',
  'Benefits eligibility,Pre-screens benefit claims,U0OWNER1,validation,deployer,yes,personal,5(a),,yes,CO,government',
  'Copy writer,Drafts marketing copy,U0OWNER2,deployed,deployer,no,none,,synthetic_content,,,none',
].join('\n');

describe('aigov export obligations', () => {
  let database: Database;
  let rt: Runtime;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aigov-obligations-'));
  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    rt = await testRuntime(database);
    const file = path.join(dir, 'inventory.csv');
    fs.writeFileSync(file, CSV);
    const r = await runAigov(rt, ['import', 'inventory', file]);
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(async () => { fs.rmSync(dir, { recursive: true, force: true }); });

  it('lists per law and provision the systems it binds and the state of their evidence (CSV)', async () => {
    const r = await runAigov(rt, ['export', 'obligations', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    const co = rows.filter((x) => x.law === 'Colorado SB 26-189 (ADMT Act)');
    const preUse = co.find((x) => x.provision === 'co-ob-dep-pre-use-notice');
    expect(preUse).toMatchObject({ section: '§ 6-1-1704(1)-(2)', systems_bound: '3', evidence_status: 'none' });
    expect(preUse!.systems).toContain('Hiring screener');
    expect(preUse!.systems).not.toContain('Copy writer');
    expect(co.find((x) => x.provision === 'co-ob-dev-documentation')).toMatchObject({ systems_bound: '1' });
    const eu = rows.filter((x) => x.law!.startsWith('EU AI Act'));
    expect(eu.find((x) => x.provision === 'Art. 26')?.systems).toContain('Benefits eligibility');
    expect(eu.find((x) => x.provision === 'Art. 27')?.systems).toContain('Benefits eligibility');
    expect(rows.some((x) => x.systems!.includes('Copy writer'))).toBe(false);
  });

  it('writes one section per binding law, saying where each law stands (Markdown)', async () => {
    const r = await runAigov(rt, ['export', 'obligations', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## EU AI Act (Regulation (EU) 2024/1689, as amended)');
    expect(r.stdout).toContain('## Colorado SB 26-189 (ADMT Act)');
    expect(r.stdout).toContain('duties apply from 1 Jan 2027');
    expect(r.stdout).toMatch(/§ 6-1-1704\(3\) \|/);
  });

  it('refuses an unknown format with exit 2', async () => {
    const r = await runAigov(rt, ['export', 'obligations', '--format', 'pdf']);
    expect(r.code).toBe(2);
  });
});
