import type { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { AuditPdf, type TableColumn } from './pdf-layout.js';

// The columns that make the table; every other column of the SoA export is printed under "Details",
// so a column the export gains appears in the PDF without a change here.
const MAIN: readonly (TableColumn & { column: string })[] = [
  { column: 'control_id', header: 'Control', weight: 0.6 },
  { column: 'control', header: 'Title', weight: 1.6 },
  { column: 'applicable', header: 'Applicable', weight: 0.65 },
  { column: 'implementation_status', header: 'Status', weight: 0.95 },
  { column: 'justification', header: 'Justification', weight: 3 },
];
// Stamps and the document's version describe the whole document: said once, and on every page, not per control.
const STAMPS = new Set(['generated_at', 'data_as_of', 'document_status', 'version', 'approved_by', 'approved_at']);
const NEUTRALISED = /^'[=+\-@\t\r]/;

const label = (column: string) => column.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
const unneutralise = (v: string) => (NEUTRALISED.test(v) ? v.slice(1) : v);

/**
 * The Statement of Applicability as a PDF, laid out from the rows and columns of the SoA CSV export:
 * one table per Annex A group, every control on it, and the remaining columns as details per control.
 */
export async function writeSoaPdf(out: Writable, csv: string, fallbackNow: Date): Promise<number> {
  const records = parse(csv, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const columns = records.length ? Object.keys(records[0]!) : [];
  const first = records[0];
  const generatedAt = first?.generated_at ? new Date(first.generated_at) : fallbackNow;
  const dataAsOf = first?.data_as_of ? new Date(first.data_as_of) : fallbackNow;
  const main = MAIN.filter((m) => columns.includes(m.column));
  const details = columns.filter((c) => !main.some((m) => m.column === c) && !STAMPS.has(c) && c !== 'group');
  const count = (pred: (r: Record<string, string>) => boolean) => records.filter(pred).length;
  const statuses = [...new Set(records.map((r) => r.implementation_status ?? ''))].filter(Boolean);
  const status = documentStatus(records);

  const pdf = new AuditPdf({
    title: 'Statement of Applicability',
    subtitle: 'ISO/IEC 42001:2023 Annex A controls',
    generatedAt, dataAsOf,
    ...(status ? { status } : {}),
    lines: [
      ...(status ? [status] : []),
      `${records.length} controls · ${count((r) => r.applicable === 'yes')} applicable · ${count((r) => r.applicable === 'no')} not applicable`,
      statuses.map((s) => `${count((r) => r.implementation_status === s)} ${s}`).join(' · '),
      'A control is applicable when the classification selected it for at least one registered AI system; its justification names the rules and the number of systems. ' +
        'Control identifiers and short titles only: no control text of the standard is reproduced.',
    ],
  });
  const groups = new Map<string, Record<string, string>[]>();
  for (const r of records) {
    const g = r.group ?? '';
    groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  const tableColumns = [...main, { header: 'Details', weight: 2.6 }];
  for (const [group, rows] of groups) {
    if (group) pdf.heading(group, 3);
    pdf.table(tableColumns, rows.map((r) => [
      ...main.map((m) => unneutralise(r[m.column] ?? '')),
      // A zero count says nothing the status has not said; the CSV and the workbook keep every count.
      details.filter((c) => r[c] && r[c] !== '0').map((c) => `${label(c)}: ${unneutralise(r[c]!)}`).join('\n'),
    ]));
  }
  await pdf.end(out);
  return records.length;
}

/** "Approved version N (approver, date)" or "DRAFT — not approved …", from the export's document columns. */
function documentStatus(records: readonly Record<string, string>[]): string | null {
  const first = records[0];
  if (!first?.document_status) return null;
  const approval = first.version ? `version ${first.version} (approved by ${first.approved_by}, ${(first.approved_at ?? "").slice(0, 10)})` : null;
  if (first.document_status === 'approved' && approval) return `Approved ${approval}`;
  const changed = records.filter((r) => r.changed_since_approval && r.changed_since_approval !== '[]').length;
  return approval ? `DRAFT — not approved: ${changed} control${changed === 1 ? '' : 's'} changed since approved ${approval}` : 'DRAFT — no version approved yet';
}
