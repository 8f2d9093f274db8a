import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { INVENTORY_COLUMNS, REQUIRED_COLUMNS } from '../domain/inventory-columns.js';
import { parseInventoryRow } from '../domain/inventory-csv-row.js';
import type { SystemFacts } from '../domain/system-facts.js';
import { findSystemByName } from '../db/repos/systems.js';
import { enqueue } from '../outbox/enqueue.js';
import { withTransaction, type ServiceContext } from './context.js';
import { invalid } from './errors.js';
import { registerSystem } from './register-system.js';
import { recordAudit } from './audit.js';

export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 20_000;

export interface ImportResult { registered: number; unchanged: number; rows: number }

/**
 * Bulk registration from the inventory CSV: every row is validated and classified like the modal, and
 * nothing is stored unless every row is good. Rows are matched by name, so importing the same file again
 * changes nothing.
 */
export async function importInventory({ ctx, csv }: { ctx: ServiceContext; csv: string }): Promise<ImportResult> {
  if (Buffer.byteLength(csv) > MAX_IMPORT_BYTES) throw invalid(`the file is over ${MAX_IMPORT_BYTES / 1024 / 1024} MB`);
  const rows = parseCsv(csv);
  const header = Object.keys(rows[0]?.record ?? {});
  const facts: { line: number; facts: SystemFacts }[] = [];
  const seen = new Map<string, number>();
  for (const { record, line } of rows) {
    const result = parseInventoryRow(record);
    if (!result.ok) throw invalid(`line ${line}, column ${result.column}: ${result.message}`);
    const key = result.facts.name.toLowerCase();
    if (seen.has(key)) throw invalid(`line ${line}, column name: "${result.facts.name}" is already on line ${seen.get(key)}`);
    seen.set(key, line);
    facts.push({ line, facts: result.facts });
  }
  if (!facts.length && !header.length) throw invalid('line 1: the file has no header row');
  return withTransaction(ctx, async (tx) => {
    const txCtx = { ...ctx, db: tx };
    let registered = 0;
    for (const row of facts) {
      if (await findSystemByName(tx, row.facts.name)) continue;
      const idempotencyKey = `import:${createHash('sha256').update(row.facts.name.toLowerCase()).digest('hex')}`;
      await registerSystem({ ctx: txCtx, input: { facts: row.facts, idempotencyKey, announce: false, requestEvidence: true } });
      registered += 1;
    }
    if (registered) {
      await recordAudit(tx, txCtx, { action: 'inventory.imported', subjectType: 'inventory', subjectId: 'csv', after: { registered, rows: facts.length } });
      await enqueue(tx, { kind: 'slack.post.v1', channel: ctx.policy.intakeChannel, text: `${registered} AI systems were registered from an inventory import. Their owners have been asked for evidence.` },
        { idempotencyKey: `import:${createHash('sha256').update(csv).digest('hex')}` });
    }
    return { registered, unchanged: facts.length - registered, rows: facts.length };
  });
}

interface CsvRow { record: Record<string, string>; line: number }

function parseCsv(csv: string): CsvRow[] {
  let header: string[] = [];
  try {
    const records = parse(csv, {
      bom: true, skip_empty_lines: true, relax_column_count: false, info: true, trim: false,
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
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
