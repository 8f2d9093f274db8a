import { once } from 'node:events';
import { PassThrough, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import { count, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { aiSystems, classifications, decisions, evidenceClaims, exceptions, reviews } from '../../db/schema/index.js';
import { databaseNow } from '../../db/repos/database-clock.js';
import { CATALOG_SOURCES } from '../../domain/catalog/index.js';
import { CLASSIFICATION_VERSION_KEY } from '../../domain/catalog/versions.js';
import { exportDecisions, exportExceptions, exportReviews } from './registers.js';
import type { ExportDefinition, ExportRuntime } from './export-definition.js';

/**
 * One sheet of the workbook: a register some export already writes as CSV. The workbook reads that CSV as
 * it is written, so its columns are the export's columns (a column added to an export appears here too)
 * and rows flow through page by page.
 */
type SheetSpec = { name: string; title: string } & (
  /** An export kind whose CSV fills the sheet; a kind this release does not carry (binding-law obligations) leaves its sheet out. */
  | { kind: string }
  /** A register only the workbook shows. */
  | { register(db: Db, out: Writable, format: 'csv'): Promise<number> }
);

const SHEETS: SheetSpec[] = [
  { name: 'Inventory', title: 'AI system inventory', kind: 'inventory' },
  { name: 'Evidence matrix', title: 'Evidence matrix, one row per claim', kind: 'evidence-matrix' },
  { name: 'Statement of Applicability', title: 'ISO/IEC 42001 Annex A Statement of Applicability', kind: 'soa' },
  { name: 'NIST AI RMF profile', title: 'NIST AI RMF 1.0 coverage profile', kind: 'nist-profile' },
  { name: 'Obligations', title: 'Binding-law obligations: per law and article, the systems it binds', kind: 'obligations' },
  { name: 'Exceptions', title: 'Exceptions and risk acceptances', register: exportExceptions },
  { name: 'Reviews', title: 'Review records', register: exportReviews },
  { name: 'Decisions', title: 'Decision records', register: exportDecisions },
];

async function writeSheetCsv(s: SheetSpec, rt: ExportRuntime, out: Writable, exporters: readonly ExportDefinition[]): Promise<void> {
  if ('register' in s) {
    await s.register(rt.database.db, out, 'csv');
    return;
  }
  const exporter = exporters.find((e) => e.kind === s.kind);
  if (!exporter) throw new Error(`no ${s.kind} export`);
  await exporter.run(exporter.params.parse({ format: 'csv' }), rt, out);
}

// Column names say what a cell holds; the workbook types cells by them so dates sort as dates and counts add up.
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/;
const DATE_COLUMN = /(^date$|_date$|_at$|^period_(from|to)$|^last_review$|_until$|^effective_date$)/;
const COUNT_COLUMN = /^(claims(_[a-z]+)?|systems_in_scope|evidence_artifacts|[a-z_]+_count|size_bytes|version)$/;
// What the CSV export put before text a spreadsheet would run as a formula. Cells here are typed text, which
// never runs, so the apostrophe is taken off again.
const NEUTRALISED = /^'[=+\-@\t\r]/;
const MAX_WIDTH = 60;
// Printed, a sheet is landscape A4, one page wide however many columns it has.
const PRINT: Partial<ExcelJS.PageSetup> = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
const SAMPLE_ROWS = 200;

export type CellValue = string | number | Date | null;

/** A CSV cell as the workbook stores it: a real date for date columns, a number for counts, text otherwise (ids included). */
export function typedCell(column: string, raw: string): CellValue {
  if (raw === '') return null;
  if (DATE_COLUMN.test(column)) {
    if (DAY.test(raw)) return new Date(`${raw}T00:00:00Z`);
    if (INSTANT.test(raw)) return new Date(raw);
  }
  if (COUNT_COLUMN.test(column) && /^\d{1,15}$/.test(raw)) return Number(raw);
  return NEUTRALISED.test(raw) ? raw.slice(1) : raw;
}

// The evidence matrix's `date` is the artifact's effective date, which the sheet says beside `submitted_at`.
const LABELS: Record<string, string> = { date: 'Effective date', submitted_at: 'Submitted at' };
const headerLabel = (column: string) => LABELS[column] ?? column.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());

/** About how many lines a text takes in a wrapped column of this width (in characters). */
export function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1) - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

function cellWidth(v: CellValue): number {
  if (v === null) return 0;
  if (v instanceof Date) return 17;
  return Math.max(...String(v).split('\n').map((l) => l.length));
}

/**
 * Reads the CSV an export writes and streams it into a sheet. The first rows are held back to size the
 * columns (a header's width, the longest of the first 200 cells, at most 60 characters, wrapped beyond).
 */
async function streamCsvIntoSheet(ws: ExcelJS.Worksheet, write: (out: Writable) => Promise<unknown>): Promise<number> {
  const source = new PassThrough();
  const parser = source.pipe(parse({ relax_quotes: false }));
  const producing = write(source).then(() => { source.end(); }, (err: unknown) => { parser.destroy(err as Error); throw err; });
  let columns: string[] | null = null;
  let held: CellValue[][] = [];
  let rows = 0;
  let widths: number[] = [];
  // Spreadsheet programs do not grow a streamed row to fit wrapped text, so the row gets the height its
  // longest cell needs (15 points a line, at most Excel's 409).
  const addRow = (values: CellValue[]) => {
    const row = ws.addRow(values);
    const lines = Math.max(1, ...values.map((v, i) => (typeof v === 'string' ? linesIn(v, widths[i] ?? 10) : 1)));
    if (lines > 1) row.height = Math.min(409, 15 * lines);
    row.commit();
  };
  const flushHeld = () => {
    const cols = columns!;
    ws.columns = cols.map((c, i) => {
      const widest = Math.max(headerLabel(c).length + 4, ...held.map((r) => cellWidth(r[i] ?? null)));
      const width = Math.min(MAX_WIDTH, Math.max(10, widest + 2));
      return {
        header: headerLabel(c), key: c, width,
        style: {
          alignment: { vertical: 'top', wrapText: widest > MAX_WIDTH },
          ...(DATE_COLUMN.test(c) ? { numFmt: /_at$/.test(c) ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' } : {}),
        },
      };
    });
    const header = ws.getRow(1);
    header.font = { bold: true };
    header.alignment = { vertical: 'top', wrapText: true };
    header.commit();
    widths = ws.columns.map((c) => c.width ?? 10);
    for (const r of held) addRow(r);
    held = [];
  };
  const consuming = (async () => {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!columns) { columns = record; continue; }
      const values = record.map((raw, i) => typedCell(columns![i] ?? '', raw));
      rows += 1;
      if (held !== null && ws.columns === null) {
        held.push(values);
        if (held.length >= SAMPLE_ROWS) flushHeld();
      } else {
        addRow(values);
      }
    }
    if (!columns) throw new Error('the export wrote no header row');
    if (ws.columns === null) flushHeld();
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  })();
  consuming.catch(() => source.destroy());
  await Promise.all([producing, consuming]);
  return rows;
}

interface CoverFacts { organisation: string | null; generatedAt: Date; dataAsOf: Date; counts: [string, number][]; rulesVersions: [string, number][] }

async function readCoverFacts(db: Db, generatedAt: Date, organisation: string | null): Promise<CoverFacts> {
  return db.transaction(async (tx) => {
    const dataAsOf = await databaseNow(tx);
    const n = async (table: typeof aiSystems | typeof evidenceClaims | typeof exceptions | typeof reviews | typeof decisions) =>
      Number((await tx.select({ n: count() }).from(table))[0]?.n ?? 0);
    const counts: [string, number][] = [
      ['AI systems', await n(aiSystems)], ['Evidence claims', await n(evidenceClaims)], ['Exceptions', await n(exceptions)],
      ['Reviews', await n(reviews)], ['Decisions', await n(decisions)],
    ];
    const versions = await tx.select({ v: classifications.rulesVersion, n: count() }).from(classifications)
      .groupBy(classifications.rulesVersion).orderBy(sql`${classifications.rulesVersion}`);
    return { organisation, generatedAt, dataAsOf, counts, rulesVersions: versions.map((r) => [r.v, Number(r.n)]) };
  }, { isolationLevel: 'repeatable read', accessMode: 'read only' });
}

function writeCover(ws: ExcelJS.Worksheet, facts: CoverFacts, sheets: SheetSpec[]): void {
  ws.columns = [{ key: 'a', width: 34 }, { key: 'b', width: 90, style: { alignment: { wrapText: true, vertical: 'top', horizontal: 'left' } } }];
  const add = (a: string, b: CellValue, opts: { bold?: boolean; numFmt?: string } = {}) => {
    const row = ws.addRow([a, b]);
    if (opts.bold) row.font = { bold: true };
    if (opts.numFmt) row.getCell(2).numFmt = opts.numFmt;
    row.commit();
  };
  add('aigov audit workbook', 'AI governance registers: ISO/IEC 42001, NIST AI RMF, EU AI Act', { bold: true });
  add('Organisation', facts.organisation ?? 'not given (aigov export workbook --organisation "Name")');
  add('Generated at (UTC)', facts.generatedAt, { numFmt: 'yyyy-mm-dd hh:mm:ss' });
  add('Data as of (UTC)', facts.dataAsOf, { numFmt: 'yyyy-mm-dd hh:mm:ss' });
  add('Classification rules and reference data of this release', CLASSIFICATION_VERSION_KEY);
  for (const [v, n] of facts.rulesVersions) add('Classifications stored under', `${v}: ${n}`);
  for (const s of Object.values(CATALOG_SOURCES)) add('Reference data', s.name);
  add('', null);
  add('Counts at the data-as-of time', null, { bold: true });
  for (const [label, n] of facts.counts) add(label, n);
  add('', null);
  add('Sheets', null, { bold: true });
  for (const s of sheets) add(s.name, s.title);
  add('', null);
  add('Reading it', 'Every cell is a value: the workbook holds no formulas. Dates are real dates (UTC); ids are text. Each sheet has its header row frozen and filters on.');
}

/**
 * `aigov export workbook --format xlsx`: one workbook with a sheet per register and a cover. Written as a
 * stream (exceljs WorkbookWriter, inline strings), so tens of thousands of systems pass through without
 * the whole workbook sitting in memory.
 */
export async function exportWorkbook(rt: ExportRuntime, out: Writable, opts: { organisation: string | null; exporters: readonly ExportDefinition[] }): Promise<Record<string, number>> {
  const now = rt.now ?? (() => new Date());
  const sheets = SHEETS.filter((s) => !('kind' in s) || opts.exporters.some((e) => e.kind === s.kind));
  const facts = await readCoverFacts(rt.database.db, now(), opts.organisation);
  // The zip writer ends the stream it is given; stdout and the caller's sinks are not its to end.
  const zipped = new PassThrough();
  zipped.pipe(out, { end: false });
  const drained = once(zipped, 'end');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zipped, useStyles: true, useSharedStrings: false });
  workbook.creator = 'aigov';
  workbook.created = facts.generatedAt;
  const cover = workbook.addWorksheet('Cover', { pageSetup: PRINT });
  writeCover(cover, facts, sheets);
  cover.commit();
  const written: Record<string, number> = {};
  for (const s of sheets) {
    const ws = workbook.addWorksheet(s.name, { views: [{ state: 'frozen', ySplit: 1 }], pageSetup: PRINT });
    written[s.name] = await streamCsvIntoSheet(ws, (sink) => writeSheetCsv(s, rt, sink, opts.exporters));
    ws.commit();
  }
  await workbook.commit();
  await drained;
  return written;
}
