import { z } from 'zod';
import { defineExport, formatField, type ExportDefinition } from './export-definition.js';
import { exportInventory } from './inventory.js';
import { exportEvidenceMatrix } from './evidence-matrix.js';
import { auditExport, dossierExport, nistProfileExport, obligationsExport, soaExport } from './auditor-exports.js';
import { exportWorkbook } from './workbook.js';

export type { ExportDefinition, ExportRuntime, RawExportParams } from './export-definition.js';
export { parseExportParams } from './export-definition.js';

const inventoryExport = defineExport({
  kind: 'inventory',
  title: 'AI system inventory',
  formats: ['json', 'csv'],
  fileFormat: 'csv',
  flags: [],
  params: z.strictObject({ format: formatField(['json', 'csv']) }),
  async run({ format }, rt, out) {
    await exportInventory(rt.database.db, out, format);
  },
});

const evidenceMatrixExport = defineExport({
  kind: 'evidence-matrix',
  title: 'Evidence matrix',
  formats: ['json', 'csv'],
  fileFormat: 'csv',
  flags: [],
  params: z.strictObject({ format: formatField(['json', 'csv']) }),
  async run({ format }, rt, out) {
    await exportEvidenceMatrix(rt.database.db, out, format);
  },
});

const workbookExport = defineExport({
  kind: 'workbook',
  title: 'Audit workbook (all registers)',
  formats: ['xlsx'],
  fileFormat: 'xlsx',
  flags: ['organisation'],
  params: z.strictObject({
    format: formatField(['xlsx']),
    organisation: z.string().optional().transform((s) => s?.trim() || null),
  }),
  async run({ organisation }, rt, out) {
    await exportWorkbook(rt, out, { organisation, exporters: EXPORTS });
  },
});

/** Every auditor export, each declared once; the CLI and `/aigov export` list, parse and run them from here. */
export const EXPORTS: readonly ExportDefinition[] = [
  inventoryExport, evidenceMatrixExport, soaExport, nistProfileExport, obligationsExport, auditExport, dossierExport, workbookExport,
];

export const findExport = (kind: string): ExportDefinition | undefined => EXPORTS.find((e) => e.kind === kind);
