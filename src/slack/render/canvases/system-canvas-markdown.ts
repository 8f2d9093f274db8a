import type { SystemCanvasModel } from '../../../app/canvases/load-system-canvas.js';
import type { Classification } from '../../../domain/classify-intake.js';
import type { CanvasSection } from '../../../outbox/rendering.js';
import { SLASH_COMMAND } from '../../ids.js';
import { sourceLabel } from '../../views/classification-text.js';
import { day, tierLabel } from '../../views/home/work-lines.js';
import { andMore, canvasLink, canvasTable, canvasText, fitCanvas, messageUrl, userMention } from './canvas-markdown.js';

/** Section headings: how each section is found again in the canvas, so they never change. */
export const SYSTEM_SECTIONS = {
  facts: 'Facts',
  classification: 'Classification and reasons',
  binding: 'Binding sources',
  evidence: 'Evidence matrix',
  reviews: 'Reviews',
  decisions: 'Decisions',
  exceptions: 'Exceptions',
  audit: 'Audit summary',
} as const;

/** Rows a table shows before "and N more": a system with hundreds of claims still fits a canvas. */
export const SYSTEM_CANVAS_ROWS = 60;

export const systemCanvasTitle = (name: string) => `AI system: ${name.replace(/\s+/g, ' ').slice(0, 200)}`;

const ANSWERED = new Set(['submitted', 'reused', 'accepted']);

/** A link the owner gave as evidence: only plain http(s) addresses become links; anything else stays text. */
function evidenceLink(url: string): string {
  return /^https?:\/\/[^\s()<>[\]|\\]+$/.test(url) ? `[${canvasText(url.replace(/^https?:\/\//, '').slice(0, 60))}](${url})` : canvasText(url);
}

/** One AI system's canvas: its dossier, as sections of markdown. */
export function systemCanvasSections(m: SystemCanvasModel, workspaceUrl?: string): CanvasSection[] {
  const { record: r, timeZone: tz } = m;
  const s = r.system;
  const current = r.classificationHistory.find((c) => c.id === s.currentClassificationId) ?? r.classificationHistory[0];
  const c = current?.computed as Partial<Classification> | undefined;
  const dossier = `\`${SLASH_COMMAND} export dossier ${s.id}\``;
  const capped = <T>(rows: T[]) => rows.slice(0, SYSTEM_CANVAS_ROWS);
  const answered = r.claims.filter((x) => ANSWERED.has(x.claim.status)).length;
  const announcement = messageUrl(workspaceUrl, m.links.message);

  const facts = canvasTable(['Fact', 'Value'], [
    ['Record', `\`${s.id}\`${announcement ? ` · ${canvasLink('announcement', announcement)}` : ''}`],
    ['Purpose', canvasText(s.purpose)],
    ['Accountable owner', userMention(s.ownerId)], ['Reviewer', userMention(s.reviewerId)], ['Approver', s.approverId ? userMention(s.approverId) : 'the governance forum'],
    ['Status', canvasText(s.status)], ['Lifecycle stage', canvasText(s.lifecycleStage)], ['Operator role', canvasText(s.operatorRole)],
    ['EU nexus', s.euNexus ? 'yes' : 'no'], ['Data categories', canvasText(s.dataCategories)], ['Supplier', canvasText(s.supplier ?? 'none')],
    ['Human oversight', canvasText(s.humanOversight)], ['Monitoring signal', canvasText(s.monitoringSignal)],
    ['Registered', `${day(s.createdAt, tz)} by ${userMention(s.createdBy)}`],
  ]);

  const classification = c ? [
    canvasTable(['Outcome', 'Value'], [
      ['EU AI Act tier', canvasText(tierLabel(s.riskTier))], ['Primary source', canvasText(sourceLabel(s.primarySource))], ['Kind of work', canvasText(s.workKind)],
      ['Review cadence', s.cadenceDays ? `every ${s.cadenceDays} days` : 'none: escalated at once'], ['Next review', day(s.nextReviewAt, tz)],
      ['Rules version', canvasText(current?.rulesVersion)],
    ]),
    `**Reasons**\n${(c.reasons ?? []).map((reason, i) => `${i + 1}. ${canvasText(reason)}`).join('\n') || '_None recorded._'}`,
  ].join('\n\n') : '_No classification recorded._';

  const bindingSources = c?.bindingSources;
  const binding = [
    bindingSources ? (bindingSources.length ? bindingSources.map((b) => `- ${canvasText(sourceLabel(b))}`).join('\n') : 'No law binds this operator for this system: frameworks only.') : '_Binding laws not recorded for this classification._',
    ...(c?.roleObligations ?? []).map((o) => `**Obligations as ${canvasText(o.role)}**: ${canvasText(o.articles)}. ${canvasText(o.reason)}`),
    (c?.statutoryDates ?? []).length
      ? canvasTable(['Law', 'Date', 'Provision', 'What applies'], (c?.statutoryDates ?? []).map((d) => [canvasText(sourceLabel(d.source)), canvasText(d.date), canvasText(d.ref), canvasText(d.reason)]))
      : '_No date set by law applies to this system._',
  ].join('\n\n');

  const evidence = r.claims.length ? `${answered} of ${r.claims.length} claims answered.\n\n${canvasTable(['Source', 'Requirement', 'Owner', 'Status', 'Due', 'Artifact'], capped(r.claims).map(({ claim: k, artifact: a }) => [
    canvasText(sourceLabel(k.source)), `${canvasText(k.requirementId)}: ${canvasText(k.title)}`, userMention(k.ownerId), canvasText(k.status), day(k.dueAt, tz),
    a ? [...a.links.map(evidenceLink), ...(a.description ? [canvasText(a.description)] : [])].join(' ') || canvasText(a.kind) : '—',
  ]))}${andMore(Math.min(r.claims.length, SYSTEM_CANVAS_ROWS), r.claims.length, dossier)}` : '_No evidence requested._';

  const reviews = r.reviews.length ? `${canvasTable(['Due', 'Because', 'Reviewer', 'Status', 'Result'], capped([...r.reviews].reverse()).map((v) => [
    day(v.dueAt, tz), canvasText(v.dueReason.replace(/_/g, ' ')), userMention(v.reviewerId), canvasText(v.status), canvasText(v.result),
  ]))}${andMore(Math.min(r.reviews.length, SYSTEM_CANVAS_ROWS), r.reviews.length, dossier)}` : '_No reviews yet._';

  const decisions = r.decisions.length ? `${canvasTable(['Scope', 'Risk or obligation', 'Status', 'Decided by', 'Reason'], capped(r.decisions).map((d) => [
    canvasText(d.scope), canvasText(d.riskOrObligation), canvasText(d.status), d.decidedBy ? userMention(d.decidedBy) : '—', canvasText(d.decisionReason),
  ]))}${andMore(Math.min(r.decisions.length, SYSTEM_CANVAS_ROWS), r.decisions.length, dossier)}` : '_No decisions recorded._';

  const exceptions = r.exceptions.length ? `${canvasTable(['Status', 'Reason', 'Due', 'Risk accepted until', 'Action owner'], capped(r.exceptions).map((e) => [
    canvasText(e.status.replace(/_/g, ' ')), canvasText(e.reason), day(e.dueAt, tz), day(e.acceptedUntil, tz), e.actionOwnerId ? userMention(e.actionOwnerId) : '—',
  ]))}${andMore(Math.min(r.exceptions.length, SYSTEM_CANVAS_ROWS), r.exceptions.length, dossier)}` : '_No exceptions._';

  const a = m.audit;
  const audit = a.count ? [
    `${a.count} recorded change${a.count === 1 ? '' : 's'}: ${a.byAction.map((x) => `${canvasText(x.action)} ×${x.n}`).join(', ')}.`,
    `**Latest**\n${a.recent.map((e) => `- ${day(e.at, tz)}: ${canvasText(e.action)} (${canvasText(e.subjectType.replace(/_/g, ' '))}) by ${userMention(e.actorId)}`).join('\n')}`,
    `The whole trail: ${dossier}.`,
  ].join('\n\n') : '_No audit events._';

  return fitCanvas(systemCanvasTitle(s.name), [
    { heading: SYSTEM_SECTIONS.facts, markdown: facts, fullAt: dossier },
    { heading: SYSTEM_SECTIONS.classification, markdown: classification, fullAt: dossier },
    { heading: SYSTEM_SECTIONS.binding, markdown: binding, fullAt: dossier },
    { heading: SYSTEM_SECTIONS.evidence, markdown: evidence, fullAt: dossier },
    { heading: SYSTEM_SECTIONS.reviews, markdown: reviews, fullAt: dossier },
    { heading: SYSTEM_SECTIONS.decisions, markdown: decisions, fullAt: dossier },
    { heading: SYSTEM_SECTIONS.exceptions, markdown: exceptions, fullAt: dossier },
    { heading: SYSTEM_SECTIONS.audit, markdown: audit, fullAt: dossier },
  ]);
}
