import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { CATALOG_SOURCES, NIST_SUBCATEGORIES, crosswalkPartners } from '../../domain/catalog/index.js';
import { emptyTally } from '../../domain/claim-progress.js';
import { decideSubcategoryCoverage } from '../../domain/nist-coverage.js';
import { countSystems, loadRequirementCoverage } from '../../db/repos/requirement-coverage.js';
import { loadControlDecisions } from '../../db/repos/soa-records.js';
import { csvLines } from './csv.js';
import { readSnapshot, type ExportStamp } from './export-stamp.js';
import { isoTime, mdTable, mdText, writeChunk } from './markdown.js';

export const NIST_PROFILE_COLUMNS = [
  'subcategory_id', 'function', 'category', 'outcome', 'owner', 'systems_in_scope', 'systems', 'claims', 'claims_answered', 'claims_requested',
  'claims_stale', 'claims_exception', 'claims_overdue', 'evidence_status', 'evidence_artifacts', 'latest_evidence_date', 'gaps',
  'iso_42001_crosswalk', 'generated_at', 'data_as_of',
] as const;

type ProfileRow = Record<(typeof NIST_PROFILE_COLUMNS)[number], unknown>;

const SAMPLE_SYSTEMS = 10;

/** NIST AI RMF 1.0 coverage: each of the 72 subcategories, the systems asked to evidence it and what is missing. */
export async function exportNistProfile(db: Db, out: Writable, format: 'csv' | 'md', now: () => Date): Promise<number> {
  const { rows, stamp, totalSystems } = await readSnapshot(db, now, async (tx, stamp) => {
    const totalSystems = await countSystems(tx);
    const coverage = new Map((await loadRequirementCoverage(tx, { source: 'nist-ai-rmf', asOf: stamp.dataAsOf, sampleSize: SAMPLE_SYSTEMS })).map((c) => [c.requirementId, c]));
    const owners = await loadControlDecisions(tx, 'nist-ai-rmf');
    const rows = NIST_SUBCATEGORIES.map((s): ProfileRow => {
      const c = coverage.get(s.id);
      const tally = { ...(c ?? emptyTally()), subcategoryId: s.id, systems: c?.systems ?? 0 };
      const { evidenceStatus, gaps } = decideSubcategoryCoverage(tally);
      const more = tally.systems - (c?.sampleSystems.length ?? 0);
      return {
        subcategory_id: s.id, function: s.function, category: s.category, outcome: s.text, owner: owners.get(s.id)?.ownerId ?? null,
        systems_in_scope: tally.systems, systems: [...(c?.sampleSystems ?? []), ...(more > 0 ? [`and ${more} more (see the evidence matrix)`] : [])],
        claims: tally.claims, claims_answered: tally.answered, claims_requested: tally.requested, claims_stale: tally.stale,
        claims_exception: tally.exceptions, claims_overdue: tally.overdue, evidence_status: evidenceStatus, evidence_artifacts: c?.artifacts ?? 0,
        latest_evidence_date: c?.latestEvidenceDate ?? null, gaps,
        iso_42001_crosswalk: crosswalkPartners({ source: 'nist-ai-rmf', id: s.id }).map((p) => p.id),
        generated_at: stamp.generatedAt.toISOString(), data_as_of: stamp.dataAsOf.toISOString(),
      };
    });
    return { rows, stamp, totalSystems };
  });
  if (format === 'csv') await writeChunk(out, csvLines(NIST_PROFILE_COLUMNS, rows, true));
  else await writeChunk(out, profileMarkdown(rows, stamp, totalSystems));
  return rows.length;
}

function profileMarkdown(rows: ProfileRow[], stamp: ExportStamp, totalSystems: number): string {
  const count = (status: string) => rows.filter((r) => r.evidence_status === status).length;
  const sections = ['GOVERN', 'MAP', 'MEASURE', 'MANAGE'].map((fn) => [
    `## ${fn}`,
    '',
    mdTable(
      ['Subcategory', 'Outcome', 'Owner', 'Systems', 'Claims answered', 'Evidence status', 'Gaps', 'ISO/IEC 42001 crosswalk'],
      rows.filter((r) => r.function === fn).map((r) => [
        r.subcategory_id, r.outcome, r.owner ?? 'no owner',
        `${r.systems_in_scope}${(r.systems as string[]).length ? `: ${(r.systems as string[]).join('; ')}` : ''}`,
        `${r.claims_answered} of ${r.claims}`, r.evidence_status, r.gaps, r.iso_42001_crosswalk,
      ]),
    ),
    '',
  ].join('\n'));
  return [
    '# NIST AI RMF 1.0 coverage profile',
    '',
    `Generated ${isoTime(stamp.generatedAt)} · data as of ${isoTime(stamp.dataAsOf)} · ${totalSystems} registered AI systems · ${rows.length} subcategories`,
    '',
    `${count('complete')} complete · ${count('partial')} partial · ${count('none')} with no evidence yet · ${count('not requested')} not requested for any system`,
    '',
    ...sections,
    `Outcome statements: ${mdText(CATALOG_SOURCES.nistAiRmf.name)} (public domain). Crosswalk: ${mdText(CATALOG_SOURCES.crosswalkNistIso42001.name)}.`,
    '',
  ].join('\n');
}
