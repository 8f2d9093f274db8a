import { describe, expect, it, test } from '../support/fixtures.js';
import type { Database } from '../../src/db/client.js';
import type { Runtime } from '../../src/runtime.js';
import { runAigov, testRuntime } from '../support/test-runtime.js';

describe('the aigov command line', () => {
  let database: Database;
  let rt: Runtime;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; rt = await testRuntime(database); });

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
    for (const c of ['migrate', 'sweep', 'digest', 'export', 'import', 'reclassify']) expect(r.stdout).toContain(c);
    // Every summary starts in the same column.
    const commandLines = r.stdout.split('\n').filter((l) => /^  [a-z]/.test(l));
    expect(commandLines).toHaveLength(6);
    const summaryColumn = (l: string) => /^  \S.*?\S  +(?=\S)/.exec(l)![0].length;
    expect(new Set(commandLines.map(summaryColumn)).size).toBe(1);
  });

  it.each([
    [['export', 'inventory'], /^\[/],
    [['export', 'evidence-matrix'], /^\[/],
    [['export', 'soa'], /^control_id,|^[a-z_]+,/],
    [['export', 'nist-profile'], /^[a-z_]+,/],
  ])('%j without --format uses the first format listed, like every command', async (args, firstLine) => {
    const r = await runAigov(rt, args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(firstLine);
  });

  it('exports an empty inventory as an empty JSON array and a CSV header', async () => {
    expect(JSON.parse((await runAigov(rt, ['export', 'inventory', '--format', 'json'])).stdout)).toEqual([]);
    expect((await runAigov(rt, ['export', 'inventory', '--format', 'csv'])).stdout.split('\r\n')[0]).toMatch(/^id,name,owner,lifecycle_stage,operator_role,risk_tier,kind_of_work,primary_source,status,next_review_date/);
  });
});
