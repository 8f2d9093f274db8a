import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { CATALOG_SOURCES, CO_OBLIGATIONS, CO_STATUS, REQUIREMENTS, catalogOrder, lawDayPhrase, type LegalDateId } from '../../domain/catalog/index.js';
import { decideSubcategoryCoverage } from '../../domain/nist-coverage.js';
import { BINDING_LAWS, SOURCE_LABELS, type BindingLaw } from '../../domain/vocabulary.js';
import { loadRequirementCoverage } from '../../db/repos/requirement-coverage.js';
import { csvLines } from './csv.js';
import { readSnapshot, type ExportStamp } from './export-stamp.js';
import { isoTime, mdTable, mdText, writeChunk } from './markdown.js';

export const OBLIGATIONS_COLUMNS = [
  'law', 'provision', 'section', 'title', 'systems_bound', 'systems', 'claims', 'claims_answered', 'claims_requested', 'claims_stale',
  'claims_exception', 'claims_overdue', 'evidence_status', 'latest_evidence_date', 'gaps', 'generated_at', 'data_as_of',
] as const;

type ObligationRow = Record<(typeof OBLIGATIONS_COLUMNS)[number], unknown>;

const SAMPLE_SYSTEMS = 25;
const coSection = new Map(CO_OBLIGATIONS.map((o) => [o.id, o.ref]));
const titleOf = new Map(REQUIREMENTS.map((r) => [`${r.source}|${r.id}`, r.title]));

/**
 * Per binding law and article or section: the systems it binds (those asked to evidence it) and the state
 * of their evidence. Aggregated in the database per requirement, so its size follows the catalog.
 */
export async function exportObligations(db: Db, out: Writable, format: 'csv' | 'md', now: () => Date): Promise<number> {
  const { rows, stamp } = await readSnapshot(db, now, async (tx, stamp) => {
    const rows: ObligationRow[] = [];
    for (const law of BINDING_LAWS) {
      const coverage = await loadRequirementCoverage(tx, { source: law, asOf: stamp.dataAsOf, sampleSize: SAMPLE_SYSTEMS });
      coverage.sort((a, b) => catalogOrder(law, a.requirementId) - catalogOrder(law, b.requirementId));
      for (const c of coverage) {
        const { evidenceStatus, gaps } = decideSubcategoryCoverage({ ...c, subcategoryId: c.requirementId });
        const more = c.systems - c.sampleSystems.length;
        rows.push({
          law: SOURCE_LABELS[law], provision: c.requirementId, section: law === 'co-sb26-189' ? coSection.get(c.requirementId) ?? null : c.requirementId,
          title: titleOf.get(`${law}|${c.requirementId}`) ?? null,
          systems_bound: c.systems, systems: [...c.sampleSystems, ...(more > 0 ? [`and ${more} more (see the evidence matrix)`] : [])],
          claims: c.claims, claims_answered: c.answered, claims_requested: c.requested, claims_stale: c.stale, claims_exception: c.exceptions,
          claims_overdue: c.overdue, evidence_status: evidenceStatus, latest_evidence_date: c.latestEvidenceDate, gaps,
          generated_at: stamp.generatedAt.toISOString(), data_as_of: stamp.dataAsOf.toISOString(),
        });
      }
    }
    return { rows, stamp };
  });
  if (format === 'csv') await writeChunk(out, csvLines(OBLIGATIONS_COLUMNS, rows, true));
  else await writeChunk(out, obligationsMarkdown(rows, stamp));
  return rows.length;
}

const LAW_NOTES: Record<BindingLaw, () => string> = {
  'eu-ai-act': () => `${mdText(CATALOG_SOURCES.euAiAct.name)}; facts as of ${CATALOG_SOURCES.euAiAct.asOf ?? 'undated'}.`,
  'co-sb26-189': () => `${mdText(CO_STATUS.state)}; duties apply from ${lawDayPhrase(CO_STATUS.effectiveDateId as LegalDateId)}. ${mdText(CO_STATUS.enforcementState)}.`,
};

function obligationsMarkdown(rows: ObligationRow[], stamp: ExportStamp): string {
  const sections = BINDING_LAWS.map((law) => {
    const mine = rows.filter((r) => r.law === SOURCE_LABELS[law]);
    return [
      `## ${SOURCE_LABELS[law]}`,
      '',
      LAW_NOTES[law](),
      '',
      mine.length === 0 ? 'No registered system is bound by this law.' : mdTable(
        ['Provision', 'Title', 'Systems bound', 'Claims answered', 'Evidence status', 'Latest evidence', 'Gaps'],
        mine.map((r) => [
          r.section, r.title, `${r.systems_bound}: ${(r.systems as string[]).join('; ')}`, `${r.claims_answered} of ${r.claims}`,
          r.evidence_status, r.latest_evidence_date ?? '—', r.gaps,
        ]),
      ),
      '',
    ].join('\n');
  });
  return [
    '# Binding-law obligations',
    '',
    `Generated ${isoTime(stamp.generatedAt)} · data as of ${isoTime(stamp.dataAsOf)} · ${rows.length} provisions with systems bound`,
    '',
    ...sections,
  ].join('\n');
}
