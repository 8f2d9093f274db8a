import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import { ISO_ANNEX_A_CONTROLS, ISO_ANNEX_A_GROUPS, CATALOG_SOURCES } from '../../domain/catalog/index.js';
import type { OpenDecision } from '../../domain/statement-of-applicability.js';
import { loadControlEvidenceRefs, type ArtifactRef, type GapRef, type RecordedScope } from '../../db/repos/soa-records.js';
import { loadSoaState } from '../soa/load-soa.js';
import { csvLines } from './csv.js';
import { readSnapshot, type ExportStamp } from './export-stamp.js';
import { isoDay, isoTime, mdTable, mdText, writeChunk } from './markdown.js';

// The row model is plain data keyed by these columns, in this order: every rendering (CSV, Markdown, and
// any other) takes its columns from here, so a new column reaches all of them.
export const SOA_COLUMNS = [
  'control_id', 'control', 'group', 'applicable', 'justification', 'decision_basis', 'rule_applicable', 'rule_justification',
  'control_owner', 'decided_by', 'decided_at', 'review_needed', 'implementation_status', 'systems_in_scope', 'systems',
  'claims', 'claims_answered', 'claims_requested', 'claims_stale', 'claims_exception', 'claims_overdue', 'evidence_artifacts',
  'evidence_references', 'open_gaps', 'latest_evidence_date', 'last_review', 'changed_since_approval',
  'document_status', 'version', 'approved_by', 'approved_at', 'generated_at', 'data_as_of',
] as const;

// `document_status` is `approved` when the document is the latest approved version, `draft` otherwise;
// `version`, `approved_by` and `approved_at` always describe the latest approved version (empty before the first).
export type SoaRow = Record<(typeof SOA_COLUMNS)[number], unknown>;

/** What the document as a whole says about itself: approved version N, or a draft and what changed since the last approval. */
export interface SoaDocumentHeader {
  status: 'approved' | 'draft';
  /** The latest approved version, if any: the document is it when `status` is approved. */
  version: { number: number; approvedBy: string; approvedAt: Date } | null;
  changes: string[];
  scope: RecordedScope | null;
  openDecisions: OpenDecision[];
  totalSystems: number;
  stamp: ExportStamp;
}

export interface SoaDocument { header: SoaDocumentHeader; rows: SoaRow[] }

// An auditor needs to see which systems and artifacts stand behind a control, not all ten thousand: the rest are in the evidence matrix.
const SAMPLE_SYSTEMS = 10;
const REFS_PER_CONTROL = 10;

const groupTitle = new Map(ISO_ANNEX_A_GROUPS.map((g) => [g.id, g.title]));

const artifactRef = (a: ArtifactRef) => `${a.artifactId} (${a.kind}, ${a.evidenceDate}, ${a.systemName}${a.link ? `, ${a.link}` : ''})`;
const gapRef = (g: GapRef) => `${g.claimId} (${g.status}, due ${g.dueAt}, ${g.systemName})`;
function refsOf<T extends { controlId: string; total: number }>(all: T[], controlId: string, show: (r: T) => string): string[] {
  const mine = all.filter((r) => r.controlId === controlId);
  const more = (mine[0]?.total ?? 0) - mine.length;
  return [...mine.map(show), ...(more > 0 ? [`and ${more} more (see the evidence matrix)`] : [])];
}

/** The Statement of Applicability as data: every Annex A control in catalog order, with what the document says about itself. */
export async function loadSoaDocument(db: Db, now: () => Date): Promise<SoaDocument> {
  return readSnapshot(db, now, async (tx, stamp) => {
    const state = await loadSoaState(tx, { asOf: stamp.dataAsOf, sampleSize: SAMPLE_SYSTEMS });
    const refs = await loadControlEvidenceRefs(tx, REFS_PER_CONTROL);
    const changes = state.changes ?? [];
    const status = state.latest && !changes.length ? 'approved' : 'draft';
    const version = state.latest ? { number: state.latest.number, approvedBy: state.latest.approvedBy, approvedAt: state.latest.approvedAt } : null;
    const rows = ISO_ANNEX_A_CONTROLS.map((control, i): SoaRow => {
      const line = state.lines[i]!;
      const c = state.coverage.get(control.id);
      const more = (c?.systems ?? 0) - (c?.sampleSystems.length ?? 0);
      return {
        control_id: control.id, control: control.title, group: `${control.group} ${groupTitle.get(control.group) ?? ''}`.trim(),
        applicable: line.applicable, justification: line.justification, decision_basis: line.basis,
        rule_applicable: line.rule.applicable, rule_justification: line.rule.justification,
        control_owner: line.ownerId, decided_by: line.decidedBy, decided_at: isoDay(line.decidedAt), review_needed: line.review,
        implementation_status: line.status,
        systems_in_scope: c?.systems ?? 0, systems: [...(c?.sampleSystems ?? []), ...(more > 0 ? [`and ${more} more (see the evidence matrix)`] : [])],
        claims: c?.claims ?? 0, claims_answered: c?.answered ?? 0, claims_requested: c?.requested ?? 0, claims_stale: c?.stale ?? 0,
        claims_exception: c?.exceptions ?? 0, claims_overdue: c?.overdue ?? 0, evidence_artifacts: c?.artifacts ?? 0,
        evidence_references: refsOf(refs.artifacts, control.id, artifactRef), open_gaps: refsOf(refs.gaps, control.id, gapRef),
        latest_evidence_date: c?.latestEvidenceDate ?? null, last_review: isoDay(c?.lastReviewAt ?? null),
        changed_since_approval: changes.filter((ch) => ch.startsWith(`${control.id}:`)).map((ch) => ch.slice(control.id.length + 1).trim()),
        document_status: status, version: version?.number ?? null, approved_by: version?.approvedBy ?? null, approved_at: version ? version.approvedAt.toISOString() : null,
        generated_at: stamp.generatedAt.toISOString(), data_as_of: stamp.dataAsOf.toISOString(),
      };
    });
    return { header: { status, version, changes, scope: state.scope, openDecisions: state.openDecisions, totalSystems: state.totalSystems, stamp }, rows };
  });
}

/** ISO/IEC 42001 Statement of Applicability: every Annex A control, in catalog order, whatever the inventory holds. */
export async function exportSoa(db: Db, out: Writable, format: 'csv' | 'md', now: () => Date): Promise<number> {
  const doc = await loadSoaDocument(db, now);
  if (format === 'csv') await writeChunk(out, csvLines(SOA_COLUMNS, doc.rows, true));
  else await writeChunk(out, soaMarkdown(doc));
  return doc.rows.length;
}

/** "Approved version 3 (approved by U…, 2026-12-06)" or "DRAFT — …": the line every page of the document carries. */
export function documentStatusLine(h: SoaDocumentHeader): string {
  const v = h.version;
  const approval = v ? `version ${v.number} (approved by ${v.approvedBy}, ${isoDay(v.approvedAt)})` : null;
  if (h.status === 'approved') return `Approved ${approval}`;
  return approval
    ? `DRAFT — not approved: ${h.changes.length} change${h.changes.length === 1 ? '' : 's'} since approved ${approval}`
    : 'DRAFT — not approved: no version of this Statement of Applicability has been approved yet';
}

function soaMarkdown({ header: h, rows }: SoaDocument): string {
  const count = (pred: (r: SoaRow) => boolean) => rows.filter(pred).length;
  const byStatus = ['implemented', 'partially implemented', 'not implemented', 'not evidenced per system', 'not applicable']
    .map((s) => `${count((r) => r.implementation_status === s)} ${s}`).join(' · ');
  const status = documentStatusLine(h);
  const scope = h.scope
    ? [
      `${mdText(h.scope.statement)}`,
      '',
      `AI systems in scope: ${h.scope.systemIds ? mdText(h.scope.systemIds.join(', ')) : `every registered AI system (${h.totalSystems})`} · organisational units: ${mdText(h.scope.units.join(', '))} · recorded by ${h.scope.recordedBy} on ${isoDay(h.scope.recordedAt)}`,
    ]
    : ['The AIMS scope is not recorded yet.'];
  const table = mdTable(
    ['Control', 'Title', 'Applicable', 'Justification', 'Rule\'s outcome', 'Owner', 'Status', 'Evidence', 'Open gaps', 'Last review'],
    rows.map((r) => [
      r.control_id, r.control,
      `${r.applicable}${r.decision_basis === 'organisation' ? ` (decided by ${r.decided_by}, ${r.decided_at})` : ''}${r.review_needed ? ' — REVIEW NEEDED' : ''}`,
      `${r.justification}${r.review_needed ? ` Review: ${r.review_needed}` : ''}`,
      r.decision_basis === 'organisation' ? `${r.rule_applicable}: ${r.rule_justification}` : 'as stated',
      r.control_owner ?? 'no owner', r.implementation_status,
      (r.evidence_references as string[]).length ? r.evidence_references : `${r.evidence_artifacts} artifacts`,
      (r.open_gaps as string[]).length ? r.open_gaps : 'none',
      r.last_review,
    ]),
  );
  return [
    '# Statement of Applicability — ISO/IEC 42001:2023 Annex A',
    '',
    `**${status}**`,
    '',
    `Generated ${isoTime(h.stamp.generatedAt)} · data as of ${isoTime(h.stamp.dataAsOf)} · ${h.totalSystems} registered AI systems · ${rows.length} controls`,
    '',
    '## Scope of the AI management system',
    '',
    ...scope,
    '',
    ...(h.version && h.changes.length ? ['## Changes since the approved version', '', ...h.changes.map((c) => `- ${mdText(c)}`), ''] : []),
    ...(h.openDecisions.length ? ['## Decisions still open before approval', '', ...h.openDecisions.map((o) => `- ${mdText(o.what)}`), ''] : []),
    '## Controls',
    '',
    `${count((r) => r.applicable === 'yes')} applicable, ${count((r) => r.applicable === 'no')} not applicable · ${count((r) => r.decision_basis === 'organisation')} decided by the organisation · ${byStatus}`,
    '',
    'A control is applicable when the classification selected it for at least one registered AI system (the rules and the number of systems are named), ' +
      'or when the organisation decided so; an organisation\'s decision is shown with the rule\'s own outcome beside it. ' +
      'Implementation status counts that control\'s evidence claims: implemented when every claim is answered with evidence. ' +
      'Controls the classification never requests per system stay applicable to the management system as a whole (not evidenced per system) unless the organisation excludes them with a justification. ' +
      'Owners are Slack user IDs. An approved version fixes applicability, justifications, owners and scope; status and evidence are as of the data time above.',
    '',
    table,
    '',
    `Control identifiers and short titles: ${mdText(CATALOG_SOURCES.iso42001.name)} Annex A; no control text is reproduced.`,
    '',
    `*${status}*`,
    '',
  ].join('\n');
}
