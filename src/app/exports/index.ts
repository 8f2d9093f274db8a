import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { parseFlags, requireFormat } from '../../cli/args.js';
import { UsageError } from '../../cli/io.js';
import { exportInventory } from './inventory.js';
import { exportEvidenceMatrix } from './evidence-matrix.js';
import { AUDITOR_EXPORTS } from './auditor-exports.js';
import { exportWorkbook } from './workbook.js';

/** What an export reads: the database, and the clock that stamps it (the CLI's or the server's). A Runtime is one. */
export interface ExportRuntime {
  readonly database: { readonly db: Db };
  readonly now?: () => Date;
}

export interface Exporter {
  readonly kind: string;
  run(args: string[], rt: ExportRuntime, out: Writable): Promise<void>;
}

/** Auditor exports by kind; the CLI and `/aigov export` share them. */
export const EXPORTS: Exporter[] = [
  {
    kind: 'inventory',
    async run(args, rt, out) {
      const { values } = parseFlags(args, { format: { type: 'string' } });
      await exportInventory(rt.database.db, out, requireFormat(values.format, ['json', 'csv'] as const));
    },
  },
  {
    kind: 'evidence-matrix',
    async run(args, rt, out) {
      const { values } = parseFlags(args, { format: { type: 'string' } });
      await exportEvidenceMatrix(rt.database.db, out, requireFormat(values.format, ['json', 'csv'] as const));
    },
  },
  ...AUDITOR_EXPORTS,
  {
    kind: 'workbook',
    async run(args, rt, out) {
      const { values, positionals } = parseFlags(args, { format: { type: 'string' }, organisation: { type: 'string' } });
      if (positionals.length) throw new UsageError(`export workbook takes no arguments besides its flags, got "${positionals.join(' ')}"`);
      requireFormat(values.format, ['xlsx'] as const);
      await exportWorkbook(rt, out, { organisation: values.organisation?.trim() || null, exporters: EXPORTS });
    },
  },
];
