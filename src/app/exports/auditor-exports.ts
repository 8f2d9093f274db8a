import { z } from 'zod';
import { defineExport, formatField, instantField, type ExportRuntime } from './export-definition.js';
import { exportSoa } from './soa.js';
import { exportNistProfile } from './nist-profile.js';
import { exportAuditTrail } from './audit-trail.js';
import { exportDossier } from './dossier.js';
import { exportObligations } from './obligations.js';
import { captured } from './captured.js';
import { writeSoaPdf } from './pdf/soa-pdf.js';
import { writeDossierPdf } from './pdf/dossier-pdf.js';

const clockOf = (rt: ExportRuntime) => rt.now ?? (() => new Date());

/** The auditor's files beyond the inventory and evidence matrix: SoA, NIST AI RMF profile, binding-law obligations, audit trail, dossier. */
export const soaExport = defineExport({
  kind: 'soa',
  title: 'Statement of Applicability (ISO/IEC 42001 Annex A)',
  formats: ['csv', 'md', 'pdf'],
  fileFormat: 'csv',
  flags: [],
  params: z.strictObject({ format: formatField(['csv', 'md', 'pdf']) }),
  async run({ format }, rt, out) {
    const db = rt.database.db;
    if (format === 'pdf') await writeSoaPdf(out, await captured((sink) => exportSoa(db, sink, 'csv', clockOf(rt))), clockOf(rt)());
    else await exportSoa(db, out, format, clockOf(rt));
  },
});

export const nistProfileExport = defineExport({
  kind: 'nist-profile',
  title: 'NIST AI RMF coverage profile',
  formats: ['csv', 'md'],
  fileFormat: 'csv',
  flags: [],
  params: z.strictObject({ format: formatField(['csv', 'md']) }),
  async run({ format }, rt, out) {
    await exportNistProfile(rt.database.db, out, format, clockOf(rt));
  },
});

export const obligationsExport = defineExport({
  kind: 'obligations',
  title: 'Binding-law obligations',
  formats: ['csv', 'md'],
  fileFormat: 'md',
  flags: [],
  params: z.strictObject({ format: formatField(['csv', 'md']) }),
  async run({ format }, rt, out) {
    await exportObligations(rt.database.db, out, format, clockOf(rt));
  },
});

export const auditExport = defineExport({
  kind: 'audit',
  title: 'Audit trail',
  formats: ['jsonl'],
  fileFormat: 'jsonl',
  flags: ['since'],
  params: z.strictObject({ format: formatField(['jsonl']), since: instantField }),
  async run({ since }, rt, out) {
    await exportAuditTrail(rt.database.db, out, { ...(since ? { since } : {}), now: clockOf(rt) });
  },
});

export const dossierExport = defineExport({
  kind: 'dossier',
  title: 'AI system dossier',
  formats: ['md', 'pdf'],
  fileFormat: 'md',
  flags: [],
  subject: { field: 'system', label: 'system id or name' },
  params: z.strictObject({
    format: formatField(['md', 'pdf']),
    system: z.string({ error: 'is missing' }).trim().min(1, 'is missing'),
  }),
  async run({ format, system }, rt, out) {
    const write = (sink: typeof out) => exportDossier(rt.database.db, sink, { ref: system, now: clockOf(rt) });
    if (format === 'pdf') await writeDossierPdf(out, await captured(write), clockOf(rt)());
    else await write(out);
  },
});
