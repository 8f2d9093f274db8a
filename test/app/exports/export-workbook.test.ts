import { PassThrough } from 'node:stream';
import { describe, expect, it, test } from '../../support/fixtures.js';
import ExcelJS from 'exceljs';
import type { Database } from '../../../src/db/client.js';
import type { Runtime } from '../../../src/runtime.js';
import { runCli } from '../../../src/cli/main.js';
import { ISO_ANNEX_A_CONTROLS, NIST_SUBCATEGORIES } from '../../../src/domain/catalog/index.js';
import { typedCell } from '../../../src/app/exports/workbook.js';
import { testRuntime } from '../../support/test-runtime.js';
import { seedGovernance, type SeededGovernance } from '../../support/governance-seed.js';
import { USERS } from '../../support/test-app.js';

/** Runs `aigov …args` and keeps stdout as bytes: a workbook is binary. */
async function runBinary(rt: Runtime, args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: string[] = [];
  stdout.on('data', (d: Buffer) => out.push(d));
  stderr.on('data', (d) => err.push(String(d)));
  const code = await runCli(args, { stdout, stderr, env: {} }, { runtime: async () => rt });
  return { code, stdout: Buffer.concat(out), stderr: err.join('') };
}

const sheetRows = (ws: ExcelJS.Worksheet) => {
  const header = (ws.getRow(1).values as unknown[]).slice(1).map(String);
  const rows: Record<string, ExcelJS.CellValue>[] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const values = (row.values as ExcelJS.CellValue[]).slice(1);
    rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
  });
  return { header, rows };
};

describe('aigov export workbook --format xlsx', () => {
  let database: Database;
  let rt: Runtime;
  let seed: SeededGovernance;
  let book: ExcelJS.Workbook;

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    rt = await testRuntime(database);
    seed = await seedGovernance(database.db, {
      extra: [{ name: '=HYPERLINK("https://evil.example.com")', purpose: '+cmd|calc', owner: USERS.owner2, lifecycleStage: 'design', operatorRole: 'deployer', euNexus: false }],
    });
    const r = await runBinary(rt, ['export', 'workbook', '--format', 'xlsx', '--organisation', 'Example Ltd']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.subarray(0, 2).toString()).toBe('PK');
    book = new ExcelJS.Workbook();
    await book.xlsx.load(r.stdout as unknown as ArrayBuffer);
  });

  it('has a cover and a sheet per register, in order', () => {
    expect(book.worksheets.map((w) => w.name)).toEqual([
      'Cover', 'Inventory', 'Evidence matrix', 'Statement of Applicability', 'NIST AI RMF profile', 'Obligations', 'Exceptions', 'Reviews', 'Decisions',
    ]);
  });

  it('names the organisation, when it was generated and as of when, the rules and data, and the counts on the cover', () => {
    const cover = new Map<string, ExcelJS.CellValue[]>();
    book.getWorksheet('Cover')!.eachRow((row) => {
      const [a, b] = (row.values as ExcelJS.CellValue[]).slice(1);
      cover.set(String(a), [...(cover.get(String(a)) ?? []), b ?? null]);
    });
    expect(cover.get('Organisation')).toEqual(['Example Ltd']);
    expect(cover.get('Generated at (UTC)')![0]).toBeInstanceOf(Date);
    expect(cover.get('Data as of (UTC)')![0]).toBeInstanceOf(Date);
    expect(cover.get('Classification rules and reference data of this release')![0]).toMatch(/^classify-intake\/\d+;.*eu-ai-act@/);
    expect(cover.get('Classifications stored under')![0]).toMatch(/: 6$/);
    expect(cover.get('AI systems')).toEqual([6]);
    expect((cover.get('Reference data') ?? []).join(' ')).toMatch(/42001/);
  });

  it('freezes the header row and turns filters on in every register sheet', () => {
    for (const ws of book.worksheets.slice(1)) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      expect(ws.getRow(1).font?.bold, ws.name).toBe(true);
    }
  });

  it('holds every inventory row with ids as text and registration times as real dates', () => {
    const { header, rows } = sheetRows(book.getWorksheet('Inventory')!);
    expect(header.slice(0, 3)).toEqual(['Id', 'Name', 'Owner']);
    expect(rows).toHaveLength(6);
    const ranker = rows.find((r) => r.Id === seed.ids.ranker)!;
    expect(ranker.Name).toBe('Applicant ranker');
    expect(ranker['Registered at']).toBeInstanceOf(Date);
    expect(ranker['Next review date']).toBeInstanceOf(Date);
  });

  it('never builds a formula from user text: a name a spreadsheet would run stays text, without the CSV apostrophe', () => {
    let formulas = 0;
    for (const ws of book.worksheets) ws.eachRow((row) => row.eachCell((cell) => { if (cell.type === ExcelJS.ValueType.Formula) formulas += 1; }));
    expect(formulas).toBe(0);
    const evil = sheetRows(book.getWorksheet('Inventory')!).rows.find((r) => String(r.Name).includes('HYPERLINK'))!;
    expect(evil.Name).toBe('=HYPERLINK("https://evil.example.com")');
    expect(evil.Purpose).toBe('+cmd|calc');
  });

  it('lists every Annex A control and every NIST subcategory, with counts as numbers', () => {
    const soa = sheetRows(book.getWorksheet('Statement of Applicability')!).rows;
    expect(soa.map((r) => r['Control id'])).toEqual(ISO_ANNEX_A_CONTROLS.map((c) => c.id));
    expect(typeof soa[0]!['Systems in scope']).toBe('number');
    const nist = sheetRows(book.getWorksheet('NIST AI RMF profile')!).rows;
    expect(nist).toHaveLength(NIST_SUBCATEGORIES.length);
  });

  it('has one evidence matrix row per claim, and the exceptions, reviews and decisions of the portfolio', async () => {
    const claims = await database.db.$count((await import('../../../src/db/schema/index.js')).evidenceClaims);
    const matrix = sheetRows(book.getWorksheet('Evidence matrix')!);
    expect(matrix.rows).toHaveLength(claims);
    // The effective date of an artifact and the time it was submitted are two columns, both real dates.
    const answered = matrix.rows.find((r) => r['Artifact id'])!;
    expect(answered['Effective date']).toBeInstanceOf(Date);
    expect(answered['Submitted at']).toBeInstanceOf(Date);
    expect(matrix.header).toContain('File sha256');
    const exceptions = sheetRows(book.getWorksheet('Exceptions')!);
    expect(exceptions.rows.length).toBeGreaterThan(0);
    expect(exceptions.header).toContain('Risk accepted by');
    expect(sheetRows(book.getWorksheet('Reviews')!).rows.length).toBeGreaterThan(0);
    expect(sheetRows(book.getWorksheet('Decisions')!).rows.length).toBeGreaterThan(0);
  });

  it('refuses another format with a usage error', async () => {
    const r = await runBinary(rt, ['export', 'workbook', '--format', 'csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--format must be one of xlsx/);
  });
});

describe('typedCell', () => {
  it.each([
    ['registered_at', '2026-03-01T10:15:00.000Z', new Date('2026-03-01T10:15:00.000Z')],
    ['due_date', '2026-03-01', new Date('2026-03-01T00:00:00Z')],
    ['period_to', '2026-12-31', new Date('2026-12-31T00:00:00Z')],
    ['claims_answered', '12', 12],
    ['id', '0012', '0012'],
    ['name', "'=1+1", '=1+1'],
    ['name', "'plain", "'plain"],
    ['due_date', 'soon', 'soon'],
    ['owner', '', null],
  ])('%s %j is stored as %j', (column, raw, expected) => {
    expect(typedCell(column, raw)).toEqual(expected);
  });
});
