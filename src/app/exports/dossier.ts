import type { Writable } from 'node:stream';
import type { Db } from '../../db/client.js';
import type { Classification } from '../../domain/classify-intake.js';
import { SOURCE_LABELS, type RiskTier, type Source } from '../../domain/vocabulary.js';
import { findSystemByIdOrName } from '../../db/repos/systems.js';
import { auditEventsAbout, loadSystemRecord, type SystemRecord } from '../../db/repos/system-record.js';
import { invalid } from '../errors.js';
import { EvidenceFiles, describeEvidenceFile } from '../../domain/evidence-files.js';
import { readSnapshot, type ExportStamp } from './export-stamp.js';
import { factsOf } from '../../db/repos/systems.js';
import { isoDay, isoTime, mdTable, mdText, writeChunk } from './markdown.js';

const TIER_NAMES: Record<RiskTier, string> = {
  prohibited: 'Prohibited practice (EU AI Act Art. 5)', high: 'High-risk', transparency: 'Transparency obligations (EU AI Act Art. 50)', minimal: 'Minimal risk',
  gpai: 'General-purpose AI model (EU AI Act Chapter V)', gpai_systemic: 'General-purpose AI model with systemic risk (EU AI Act Art. 51, 55)',
};
const source = (s: string) => SOURCE_LABELS[s as Source] ?? s;
const yesNo = (b: boolean) => (b ? 'yes' : 'no');

/**
 * One AI system's whole record as Markdown, the page an auditor asks for: intake, classification with its
 * reasons and overrides, owners, decisions, evidence with dates, reviews, exceptions, statutory deadlines
 * and the audit trail. Read from one snapshot so its sections agree with each other.
 */
export async function exportDossier(db: Db, out: Writable, opts: { ref: string; now: () => Date }): Promise<void> {
  await readSnapshot(db, opts.now, async (tx, stamp) => {
    const system = await findSystemByIdOrName(tx, opts.ref);
    if (!system) throw invalid(`No AI system has the id or name "${opts.ref}".`);
    const record = await loadSystemRecord(tx, system);
    await writeChunk(out, dossierHead(record, stamp));
    await writeChunk(out, '## Audit trail\n\nEvery recorded change to this system and its records, oldest first.\n\n');
    let any = false;
    for await (const page of auditEventsAbout(tx, record.subjectIds)) {
      const rows = page.map((e) => [e.seq, isoTime(e.at), e.actorId, e.action, `${e.subjectType} ${e.subjectId}`, describeOrigin(e.origin)]);
      // The header goes with the first page only, so the pages join into one table.
      const table = mdTable(['#', 'When', 'Who', 'What', 'Record', 'From'], rows);
      await writeChunk(out, `${any ? table.split('\n').slice(2).join('\n') : table}\n`);
      any = true;
    }
    if (!any) await writeChunk(out, '_No audit events._\n');
  });
}

function dossierHead(r: SystemRecord, stamp: ExportStamp): string {
  const s = r.system;
  const current = r.classificationHistory.find((c) => c.id === s.currentClassificationId) ?? r.classificationHistory[0];
  const c = current?.computed as Partial<Classification> | undefined;
  const answered = r.claims.filter((x) => ['submitted', 'reused', 'accepted'].includes(x.claim.status)).length;
  return [
    `# AI system dossier: ${mdText(s.name)}`,
    '',
    `Generated ${isoTime(stamp.generatedAt)} · data as of ${isoTime(stamp.dataAsOf)} · record \`${s.id}\``,
    '',
    '## Summary',
    '',
    mdTable(['Field', 'Value'], [
      ['System id', s.id], ['Name', s.name], ['Status', s.status], ['Lifecycle stage', s.lifecycleStage], ['Operator role', s.operatorRole],
      ['EU AI Act tier', TIER_NAMES[s.riskTier as RiskTier] ?? s.riskTier],
      ['Binding laws', c?.bindingSources ? (c.bindingSources.length ? c.bindingSources.map(source) : 'none: frameworks only') : 'not recorded'],
      ['Primary source', source(s.primarySource)], ['Kind of work', s.workKind],
      ['Review cadence', s.cadenceDays ? `every ${s.cadenceDays} days` : 'none: escalated at once'], ['Next review', isoDay(s.nextReviewAt)],
      ['Evidence', `${answered} of ${r.claims.length} claims answered`], ['Registered', `${isoTime(s.createdAt)} by ${s.createdBy}`],
    ]),
    '',
    '## Owners',
    '',
    mdTable(['Role', 'Slack user'], [['Accountable owner', s.ownerId], ['Reviewer', s.reviewerId], ['Approver', s.approverId ?? 'the governance forum'],
      ...claimOwners(r).map(([src, owners]) => [`Evidence owners, ${source(src)}`, owners])]),
    '',
    '## Intake',
    '',
    mdTable(['Fact', 'Answer'], [
      ['Purpose', s.purpose], ['EU nexus', yesNo(s.euNexus)], ['Data categories', s.dataCategories], ['Prohibited practice (Art. 5(1))', s.prohibitedPractice ?? 'none'],
      ['Annex I product', yesNo(s.annexIProduct)], ['Annex III point', s.annexIIIPoint ?? 'none'], ['Art. 6(3) condition', s.art63Condition ?? 'none'],
      ['Profiling of natural persons', yesNo(s.profiling)], ['Transparency situations (Art. 50)', s.transparency.length ? s.transparency : 'none'],
      ['Supplier', s.supplier ?? 'none'], ['Human oversight', s.humanOversight], ['Monitoring signal', s.monitoringSignal], ['Trigger', s.trigger],
      ...laterFacts(s),
    ]),
    '',
    section('Intake requests', ['Request', 'Kind', 'Trigger', 'Requester', 'Submitted', 'Via', 'Status', 'Summary'],
      r.requests.map((q) => [q.id, q.kind, q.trigger, q.requesterId, isoTime(q.createdAt), q.via, q.status, q.summary])),
    '## Classification',
    '',
    c ? mdTable(['Outcome', 'Value', 'Reason'], [
      ['EU AI Act tier', c.tier?.value, c.tier?.reason], ['Transparency duties', c.transparencyDuties?.value, c.transparencyDuties?.reason],
      ['Kind of work', c.workKind?.value, c.workKind?.reason], ['Primary source', c.primarySource ? source(c.primarySource.value) : null, c.primarySource?.reason],
      ['Supporting sources', (c.supportingSources ?? []).map(source), null], ['Review cadence', c.cadence?.days ? `${c.cadence.days} days` : 'none', c.cadence?.reason],
      ...(c.roleObligations ?? []).map((o) => [`Obligations as ${o.role}`, o.articles, o.reason]),
    ]) : '_No classification recorded._',
    '',
    '### Reasons',
    '',
    ...(c?.reasons?.length ? c.reasons.map((reason, i) => `${i + 1}. ${mdText(reason)}`) : ['_None recorded._']),
    '',
    section('Overrides', ['Classification', 'Override'], r.classificationHistory.flatMap((h) => (h.overrides as unknown[]).map((o) => [h.id, describeOverride(o)])), 'No overrides: the computed classification stands.'),
    section('Classification history', ['Classification', 'Computed', 'By', 'Rules', 'Tier', 'Current'],
      r.classificationHistory.map((h) => [h.id, isoTime(h.createdAt), h.createdBy, h.rulesVersion, (h.computed as Partial<Classification>).tier?.value, yesNo(h.id === s.currentClassificationId)])),
    section('Decisions', ['Decision', 'Scope', 'Assumption', 'Risk or obligation', 'Owner', 'Status', 'Decided by', 'Decided', 'Reason'],
      r.decisions.map((d) => [d.id, d.scope, d.assumption, d.riskOrObligation, d.ownerId, d.status, d.decidedBy, isoTime(d.decidedAt), d.decisionReason])),
    section('Evidence', ['Claim', 'Source', 'Requirement', 'Title', 'Owner', 'Status', 'Due', 'Answered', 'Artifact', 'Effective date', 'Submitted', 'Period covered', 'Criteria met', 'Stale because'],
      r.claims.map(({ claim: k, artifact: a }) => [
        k.id, source(k.source), k.requirementId, k.title, k.ownerId, k.status, isoDay(k.dueAt), isoDay(k.answeredAt),
        // Ids first, as the Statement of Applicability cites them.
        a ? `${a.id} (${a.kind}): ${[...a.links, ...EvidenceFiles.catch([]).parse(a.files).map(describeEvidenceFile)].join(' ')}${a.description ? ` — ${a.description}` : ''}` : null,
        a?.evidenceDate, isoDay(a?.createdAt ?? null), a ? `${a.periodFrom} to ${a.periodTo}` : null,
        a ? yesNo(a.criteriaMet) : null, k.staleReason,
      ])),
    section('Reviews', ['Review', 'Status', 'Due', 'Because', 'Reviewer', 'Result', 'Exceptions found', 'Corrective action', 'Next owner', 'Next review', 'Completed'],
      r.reviews.map((v) => [v.id, v.status, isoDay(v.dueAt), v.dueReason, v.reviewerId, v.result, v.exceptionsFound, v.correctiveAction, v.nextOwnerId, isoDay(v.nextReviewAt), isoTime(v.completedAt)])),
    section('Exceptions', ['Exception', 'Status', 'Reason', 'Opened by', 'Due', 'Risk accepted by', 'Accepted until', 'Rationale', 'Action owner', 'Action due', 'Closed'],
      r.exceptions.map((e) => [e.id, e.status, e.reason, e.openedBy, isoDay(e.dueAt), e.acceptedBy, isoDay(e.acceptedUntil), e.rationale, e.actionOwnerId, isoDay(e.actionDueAt), isoTime(e.closedAt)])),
    section('Dates set by law', ['Law', 'Date', 'Provision', 'What applies'],
      (c?.statutoryDates ?? []).map((d) => [source(d.source), d.date, d.ref, d.reason]),
      'No date set by law applies: no binding law reaches this system, or it was classified before dates were tracked.'),
    section('Statutory deadlines', ['Deadline', 'Provision', 'What', 'Due', 'Status'],
      r.deadlines.map((d) => [d.id, d.ref, d.label, isoTime(d.dueAt), d.status]), 'No statutory deadlines: legal dates are tracked apart from review cycles and none applies to this system yet.'),
  ].join('\n');
}

/** Intake facts added after the first release, defaults filled for a row stored before them. */
function laterFacts(system: SystemRecord['system']): [string, unknown][] {
  const parsed = factsOf(system);
  if (!parsed.success) return [['Later facts', 'stored facts no longer validate']];
  const f = parsed.data;
  const list = (v: readonly string[]) => (v.length ? v : 'none');
  return [
    ['General-purpose AI model', f.gpaiModel], ['Art. 2 exclusion relied on', f.scopeExclusion],
    ['Annex I section', f.annexIProduct ? (f.annexISection ?? 'a').toUpperCase() : 'n/a'], ['Public body (Art. 27)', yesNo(f.publicBody)],
    ['Provider under Art. 25(1)', f.art25Provider], ['US states', list(f.usStates)], ['Consequential decision', f.consequentialDecision],
  ];
}

function section(title: string, headers: string[], rows: unknown[][], empty = 'None recorded.'): string {
  return `## ${title}\n\n${rows.length ? mdTable(headers, rows) : `_${empty}_`}\n\n`;
}

function claimOwners(r: SystemRecord): [string, string][] {
  const bySource = new Map<string, Set<string>>();
  for (const { claim } of r.claims) bySource.set(claim.source, (bySource.get(claim.source) ?? new Set()).add(claim.ownerId));
  return [...bySource].map(([src, owners]) => [src, [...owners].join(', ')]);
}

function describeOverride(o: unknown): string {
  if (!o || typeof o !== 'object') return String(o);
  return Object.entries(o as Record<string, unknown>).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('; ');
}

function describeOrigin(origin: unknown): string {
  const o = (origin ?? {}) as Record<string, unknown>;
  const where = o.via === 'slack' ? `Slack ${o.surface ?? ''}${o.actionId ? ` ${o.actionId}` : ''}${o.workflowStep ? ` ${o.workflowStep}` : ''}` : o.via === 'cli' ? `CLI ${o.command ?? ''}` : o.via === 'scheduler' ? `schedule ${o.job ?? ''}` : String(o.via ?? '');
  return where.trim();
}
