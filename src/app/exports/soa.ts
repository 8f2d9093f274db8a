import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { ISO_ANNEX_A_CONTROLS, ISO_ANNEX_A_GROUPS, CATALOG_SOURCES } from '../../domain/catalog/index.js';
import { emptyTally } from '../../domain/claim-progress.js';
import { decideControlStatement, type ControlCoverage } from '../../domain/statement-of-applicability.js';
import { countSystems, loadRequirementCoverage, loadSelectingRules } from '../../db/repos/requirement-coverage.js';
import { csvLines } from './csv.js';
import { readSnapshot, type ExportStamp } from './export-stamp.js';
import { isoDay, isoTime, mdTable, mdText, writeChunk } from './markdown.js';

export const SOA_COLUMNS = [
  'control_id', 'control', 'group', 'applicable', 'justification', 'implementation_status', 'systems_in_scope', 'systems',
  'claims', 'claims_answered', 'claims_requested', 'claims_stale', 'claims_exception', 'claims_overdue', 'evidence_artifacts',
  'latest_evidence_date', 'last_review', 'generated_at', 'data_as_of',
] as const;

type SoaRow = Record<(typeof SOA_COLUMNS)[number], unknown>;

// An auditor needs to see which systems stand behind a control, not all ten thousand: the rest are in the evidence matrix.
const SAMPLE_SYSTEMS = 10;

const groupTitle = new Map(ISO_ANNEX_A_GROUPS.map((g) => [g.id, g.title]));

/** ISO/IEC 42001 Statement of Applicability: every Annex A control, in catalog order, whatever the inventory holds. */
export async function exportSoa(db: Db, out: Writable, format: 'csv' | 'md', now: () => Date): Promise<number> {
  const { rows, stamp, totalSystems } = await readSnapshot(db, now, async (tx, stamp) => {
    const totalSystems = await countSystems(tx);
    const coverage = new Map((await loadRequirementCoverage(tx, { source: 'iso-42001', idPrefix: 'A.', asOf: stamp.dataAsOf, sampleSize: SAMPLE_SYSTEMS })).map((c) => [c.requirementId, c]));
    const rules = await loadSelectingRules(tx, { source: 'iso-42001', idPrefix: 'A.' });
    const rows = ISO_ANNEX_A_CONTROLS.map((control): SoaRow => {
      const c = coverage.get(control.id);
      const tally: ControlCoverage = {
        ...(c ?? emptyTally()), controlId: control.id, systems: c?.systems ?? 0,
        rules: rules.filter((r) => r.requirementId === control.id).map((r) => ({ rule: r.rule, systems: r.systems })),
      };
      const statement = decideControlStatement(tally, totalSystems);
      const more = (c?.systems ?? 0) - (c?.sampleSystems.length ?? 0);
      return {
        control_id: control.id, control: control.title, group: `${control.group} ${groupTitle.get(control.group) ?? ''}`.trim(),
        applicable: statement.applicable, justification: statement.justification, implementation_status: statement.status,
        systems_in_scope: tally.systems, systems: [...(c?.sampleSystems ?? []), ...(more > 0 ? [`and ${more} more (see the evidence matrix)`] : [])],
        claims: tally.claims, claims_answered: tally.answered, claims_requested: tally.requested, claims_stale: tally.stale,
        claims_exception: tally.exceptions, claims_overdue: tally.overdue, evidence_artifacts: c?.artifacts ?? 0,
        latest_evidence_date: c?.latestEvidenceDate ?? null, last_review: isoDay(c?.lastReviewAt ?? null),
        generated_at: stamp.generatedAt.toISOString(), data_as_of: stamp.dataAsOf.toISOString(),
      };
    });
    return { rows, stamp, totalSystems };
  });
  if (format === 'csv') await writeChunk(out, csvLines(SOA_COLUMNS, rows, true));
  else await writeChunk(out, soaMarkdown(rows, stamp, totalSystems));
  return rows.length;
}

function soaMarkdown(rows: SoaRow[], stamp: ExportStamp, totalSystems: number): string {
  const count = (pred: (r: SoaRow) => boolean) => rows.filter(pred).length;
  const byStatus = ['implemented', 'partially implemented', 'not implemented', 'not evidenced per system', 'not applicable']
    .map((s) => `${count((r) => r.implementation_status === s)} ${s}`).join(' · ');
  const table = mdTable(
    ['Control', 'Title', 'Applicable', 'Status', 'Justification', 'Systems', 'Claims answered', 'Evidence', 'Last review'],
    rows.map((r) => [
      r.control_id, r.control, r.applicable, r.implementation_status, r.justification,
      `${r.systems_in_scope}${(r.systems as string[]).length ? `: ${(r.systems as string[]).join('; ')}` : ''}`,
      `${r.claims_answered} of ${r.claims}`,
      `${r.evidence_artifacts} artifacts${r.latest_evidence_date ? `, latest ${r.latest_evidence_date}` : ''}`,
      r.last_review,
    ]),
  );
  return [
    '# Statement of Applicability — ISO/IEC 42001:2023 Annex A',
    '',
    `Generated ${isoTime(stamp.generatedAt)} · data as of ${isoTime(stamp.dataAsOf)} · ${totalSystems} registered AI systems · ${rows.length} controls`,
    '',
    `${count((r) => r.applicable === 'yes')} applicable, ${count((r) => r.applicable === 'no')} not applicable · ${byStatus}`,
    '',
    'A control is applicable when the classification selected it for at least one registered AI system (the rules and the number of systems are named). ' +
      'Implementation status counts that control\'s evidence claims: implemented when every claim is answered with evidence. ' +
      'Controls the classification never requests per system stay applicable to the management system as a whole (not evidenced per system) until the AIMS owner excludes them with a justification.',
    '',
    table,
    '',
    `Control identifiers and short titles: ${mdText(CATALOG_SOURCES.iso42001.name)} Annex A; no control text is reproduced.`,
    '',
  ].join('\n');
}
