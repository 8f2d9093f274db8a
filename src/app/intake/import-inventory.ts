import { z } from 'zod';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { INVENTORY_COLUMNS, REQUIRED_COLUMNS } from '../../domain/inventory-columns.js';
import { parseInventoryRow } from '../../domain/inventory-csv-row.js';
import type { SystemFacts } from '../../domain/system-facts.js';
import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { aiSystems } from '../../db/schema/index.js';
import { findSystemByName } from '../../db/repos/systems.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid, parseInput } from '../errors.js';
import { registerSystem } from './register-system.js';
import { recordAudit } from '../audit.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;
/** Bad rows reported in one run: enough to fix a file in one pass, few enough to read. */
export const MAX_REPORTED_ROWS = 20;

/** A row whose system is registered with other facts: reported, not applied. */
export interface DifferingRow { line: number; name: string; columns: string[] }

export interface ImportResult { registered: number; unchanged: number; rows: number; differing: DifferingRow[] }

const ImportInventoryInput = z.object({
  csv: z.union([z.string(), z.custom<Uint8Array>((v) => v instanceof Uint8Array, 'the file\'s bytes')]),
});
export type ImportInventoryInput = z.input<typeof ImportInventoryInput>;

/**
 * Bulk registration from the inventory CSV: every row is validated and classified like the modal, and
 * nothing is stored unless every row is good. Rows are matched by name, so importing the same file again
 * changes nothing; a row that names a registered system with other facts is reported, never applied
 * silently (a change goes through a change request, with its review and evidence consequences).
 */
export async function importInventory({ ctx, input }: { ctx: ServiceContext; input: ImportInventoryInput }): Promise<ImportResult> {
  const { csv } = parseInput(ImportInventoryInput, input);
  if ((typeof csv === 'string' ? Buffer.byteLength(csv) : csv.byteLength) > MAX_IMPORT_BYTES) throw invalid(`the file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const text = typeof csv === 'string' ? csv : decodeUtf8(csv);
  const rows = parseCsv(text);
  const header = Object.keys(rows[0]?.record ?? {});
  const facts: { line: number; facts: SystemFacts; columns: string[] }[] = [];
  const seen = new Map<string, number>();
  const problems: string[] = [];
  for (const { record, line } of rows) {
    const result = parseInventoryRow(record);
    if (!result.ok) { problems.push(`line ${line}, column ${result.column}: ${result.message}`); continue; }
    const key = result.facts.name.toLowerCase();
    if (seen.has(key)) { problems.push(`line ${line}, column name: "${result.facts.name}" is already on line ${seen.get(key)}`); continue; }
    seen.set(key, line);
    facts.push({ line, facts: result.facts, columns: Object.keys(record) });
  }
  if (problems.length === 1) throw invalid(problems[0]!);
  if (problems.length > 1) {
    const shown = problems.slice(0, MAX_REPORTED_ROWS);
    const more = problems.length - shown.length;
    throw invalid(`${problems.length} rows are bad; nothing was stored. Fix them and import again:\n${shown.map((p) => `  ${p}`).join('\n')}${more ? `\n  … and ${more} more` : ''}`);
  }
  if (!facts.length && !header.length) throw invalid('line 1: the file has no header row');
  return withTransaction(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    let registered = 0;
    const differing: DifferingRow[] = [];
    for (const row of facts) {
      const existing = await findSystemByName(tx, row.facts.name);
      if (existing) {
        const columns = differingColumns(existing.facts as Record<string, unknown>, row.facts, row.columns);
        if (columns.length) differing.push({ line: row.line, name: existing.name, columns });
        continue;
      }
      const idempotencyKey = `import:${createHash('sha256').update(row.facts.name.toLowerCase()).digest('hex')}`;
      const { systemId } = await registerSystem({ ctx: txCtx, input: { facts: row.facts, idempotencyKey, announce: false, requestEvidence: true } });
      if (!ctx.policy.governanceChannel && systemId && await isProhibited(tx, systemId)) {
        throw invalid(`line ${row.line}: "${row.facts.name}" is a prohibited practice, and its alert goes to the governance channel: set AIGOV_GOVERNANCE_CHANNEL and import again`);
      }
      registered += 1;
    }
    if (registered) {
      await recordAudit(tx, txCtx, { action: 'inventory.imported', subjectType: 'inventory', subjectId: 'csv', after: { registered, rows: facts.length } });
      // A data command may run with only the database set: the owners' evidence requests (DMs) are queued
      // all the same, and the announcement only where there is a channel to announce in.
      if (ctx.policy.intakeChannel) {
        await enqueueEvent(tx, null, { event: { kind: 'intake.imported.v1', body: { registered } }, key: outboxKeys.inventoryImported(createHash('sha256').update(text).digest('hex')) });
      }
    }
    return { registered, unchanged: facts.length - registered - differing.length, rows: facts.length, differing };
  });
}

/** The file's columns whose value differs from what the registered system holds. */
function differingColumns(stored: Record<string, unknown>, incoming: SystemFacts, columns: readonly string[]): string[] {
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return columns.filter((column) => {
    const fact = INVENTORY_COLUMNS[column as keyof typeof INVENTORY_COLUMNS];
    if (!fact || column === 'name') return false;
    return !same(stored[fact], (incoming as Record<string, unknown>)[fact]);
  });
}

async function isProhibited(tx: Tx, systemId: string): Promise<boolean> {
  const [row] = await tx.select({ tier: aiSystems.riskTier }).from(aiSystems).where(eq(aiSystems.id, systemId));
  return row?.tier === 'prohibited';
}

/**
 * The file must be UTF-8: a spreadsheet saved as Latin-1 or Windows-1252 would otherwise import "Résumé"
 * as "R�sum�", a different name, and register a duplicate. Names the first line with bytes that are not.
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const strict = new TextDecoder('utf-8', { fatal: true });
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        strict.decode(bytes.subarray(start, i));
      } catch {
        break;
      }
      line += 1;
      start = i + 1;
    }
    throw invalid(`line ${line}: the file is not UTF-8 text (it looks like Latin-1 or Windows-1252); save it as "CSV UTF-8" (Excel) or UTF-8 and import again`);
  }
}

interface CsvRow { record: Record<string, string>; line: number }

/** A header read as one column that holds known column names joined by `;` or a tab: the wrong separator. */
function foreignDelimiter(header: readonly string[]): string | undefined {
  if (header.length !== 1) return undefined;
  for (const sep of [';', '\t']) {
    const parts = header[0]!.split(sep).map((p) => p.trim());
    if (parts.length > 1 && parts.some((p) => p in INVENTORY_COLUMNS)) return sep === '\t' ? 'tabs' : sep;
  }
  return undefined;
}

function parseCsv(csv: string): CsvRow[] {
  let header: string[] = [];
  try {
    const records = parse(csv, {
      bom: true, skip_empty_lines: true, relax_column_count: false, info: true, trim: false,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        const other = foreignDelimiter(header);
        if (other) throw invalid(`line 1: the file separates columns with "${other}"; aigov reads comma-separated CSV. Save it with commas (in Excel: "CSV UTF-8 (Comma delimited)"); inside a cell, ";" separates list values`);
        const unknown = header.filter((n) => !(n in INVENTORY_COLUMNS));
        if (unknown.length) throw invalid(`line 1, column ${unknown[0]}: unknown column (allowed: ${Object.keys(INVENTORY_COLUMNS).join(', ')})`);
        const dup = header.find((n, i) => header.indexOf(n) !== i);
        if (dup) throw invalid(`line 1, column ${dup}: the column appears twice`);
        const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
        if (missing.length) throw invalid(`line 1, column ${missing[0]}: required column is missing`);
        return header;
      },
    }) as { record: Record<string, string>; info: { lines: number } }[];
    if (records.length > MAX_IMPORT_ROWS) throw invalid(`the file has ${records.length} rows; at most ${MAX_IMPORT_ROWS} are accepted at once`);
    return records.map((r) => ({ record: r.record, line: r.info.lines }));
  } catch (err) {
    if (err instanceof Error && 'code' in err && typeof (err as { code: unknown }).code === 'string' && String((err as { code: string }).code).startsWith('CSV_')) {
      const e = err as Error & { lines?: number; column?: string | number };
      throw invalid(`line ${e.lines ?? '?'}${e.column !== undefined ? `, column ${e.column}` : ''}: ${e.message.replace(/^Invalid [^:]*: /, '')}`);
    }
    throw err;
  }
}
