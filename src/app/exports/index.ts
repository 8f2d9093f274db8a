import type { Writable } from 'node:stream';
import type { Runtime } from '../../runtime.js';
import { parseFlags, requireFormat } from '../../cli/args.js';
import { exportInventory } from './inventory.js';
import { exportEvidenceMatrix } from './evidence-matrix.js';

export interface Exporter {
  readonly kind: string;
  run(args: string[], rt: Runtime, out: Writable): Promise<void>;
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
];
