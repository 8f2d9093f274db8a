import type { GovernanceCanvasModel } from '../../../app/canvases/load-governance-canvas.js';
import type { CanvasSection } from '../../../outbox/rendering.js';
import { SLASH_COMMAND } from '../../ids.js';
import { sourceLabel } from '../../views/classification-text.js';
import { day, tierLabel } from '../../views/home/work-lines.js';
import { andMore, canvasLink, canvasTable, canvasText, fitCanvas, messageUrl, userMention } from './canvas-markdown.js';

export const GOVERNANCE_CANVAS_TITLE = 'AI governance register';

/** Section headings: how each section is found again in the canvas (canvases.sections.lookup), so they never change. */
export const GOVERNANCE_SECTIONS = {
  systems: 'AI systems by tier and status',
  overdue: 'Overdue, and who holds it',
  exceptions: 'Open exceptions and risk acceptances expiring soon',
  dates: 'Dates set by law coming up',
  soa: 'Statement of Applicability',
  about: 'About this canvas',
} as const;

const exportHint = (kind: string) => `\`${SLASH_COMMAND} export ${kind}\``;

/** The governance channel's canvas as sections of markdown: the live register. */
export function governanceCanvasSections(m: GovernanceCanvasModel, workspaceUrl?: string): CanvasSection[] {
  const tz = m.timeZone;
  const name = (systemId: string, systemName: string) => {
    const links = m.links.get(systemId) ?? {};
    return `**${canvasLink(systemName, links.canvasUrl ?? messageUrl(workspaceUrl, links.message))}**`;
  };
  const g = m.overview;
  return fitCanvas(GOVERNANCE_CANVAS_TITLE, [
    { heading: GOVERNANCE_SECTIONS.systems, markdown: systemsSection(m, name), fullAt: exportHint('inventory') },
    {
      heading: GOVERNANCE_SECTIONS.overdue, fullAt: exportHint('evidence-matrix'),
      markdown: [
        list(`Overdue reviews (${g.overdueReviews.count})`, g.overdueReviews.items.map((r) => `${name(r.systemId, r.systemName)}: review due ${day(r.dueAt, tz)}, held by ${userMention(r.ownerId)}`), g.overdueReviews.count, exportHint('workbook'), 'None.'),
        list(`Overdue evidence (${g.overdueEvidence.count} claims)`, overdueEvidenceLines(m, name), g.overdueEvidence.count, exportHint('evidence-matrix'), 'None.', g.overdueEvidence.items.length),
      ].join('\n\n'),
    },
    {
      heading: GOVERNANCE_SECTIONS.exceptions, fullAt: exportHint('workbook'),
      markdown: [
        list(`Open exceptions (${g.openExceptions.count})`, g.openExceptions.items.map((e) => `${name(e.systemId, e.systemName)}: ${canvasText(e.reason)} (${canvasText(e.status.replace(/_/g, ' '))}, due ${day(e.dueAt, tz)})`), g.openExceptions.count, exportHint('workbook'), 'None.'),
        list(`Risk acceptances expiring within 30 days (${g.expiringAcceptances.count})`, g.expiringAcceptances.items.map((e) => `${name(e.systemId, e.systemName)}: accepted until ${day(e.acceptedUntil, tz)}${e.acceptedBy ? ` by ${userMention(e.acceptedBy)}` : ''}`), g.expiringAcceptances.count, exportHint('workbook'), 'None.'),
      ].join('\n\n'),
    },
    {
      heading: GOVERNANCE_SECTIONS.dates, fullAt: exportHint('obligations'),
      markdown: m.dates.length
        ? canvasTable(['Date', 'Law', 'Provision', 'What applies'], m.dates.map((d) => [`${canvasText(d.day)} (in ${d.daysUntil} days)`, canvasText(d.lawName), canvasText(d.ref), canvasText(d.event)]))
        : '_No date set by law falls within the next year._',
    },
    { heading: GOVERNANCE_SECTIONS.soa, markdown: soaSection(m), fullAt: exportHint('soa md') },
    {
      heading: GOVERNANCE_SECTIONS.about, fullAt: exportHint('inventory'),
      markdown: `Kept current by aigov after every change, sweep and digest: edits made here by hand are overwritten. Data as of ${day(m.now, tz)} (${canvasText(tz)}). Everything in full: ${exportHint('workbook')}.`,
    },
  ]);
}

function systemsSection(m: GovernanceCanvasModel, name: (id: string, n: string) => string): string {
  const statuses = [...new Set(m.tierStatus.map((r) => r.status))].sort();
  const tiers = [...new Set(m.tierStatus.map((r) => r.tier))];
  const total = m.tierStatus.reduce((n, r) => n + r.n, 0);
  if (!total) return '_No AI systems are registered yet._';
  const count = (tier: string, status: string) => m.tierStatus.find((r) => r.tier === tier && r.status === status)?.n ?? 0;
  const table = canvasTable(['Tier', ...statuses.map(canvasText), 'All'], [
    ...tiers.map((t) => [canvasText(tierLabel(t)), ...statuses.map((s) => String(count(t, s))), String(statuses.reduce((n, s) => n + count(t, s), 0))]),
    ['**All**', ...statuses.map((s) => `**${tiers.reduce((n, t) => n + count(t, s), 0)}**`), `**${total}**`],
  ]);
  const s = m.namedSystems;
  const named = list(`Prohibited, high-risk and systemic-risk systems (${s.count})`,
    s.items.map((x) => `${name(x.id, x.name)}: ${canvasText(tierLabel(x.tier))}, ${canvasText(x.status)}, owner ${userMention(x.ownerId)}`), s.count, exportHint('inventory'), 'None.');
  return `${table}\n\n${named}`;
}

function soaSection(m: GovernanceCanvasModel): string {
  const s = m.soa;
  const version = s.latest ? `version ${s.latest.number}, approved by ${userMention(s.latest.approvedBy)} on ${day(s.latest.approvedAt, m.timeZone)}` : null;
  const status = s.status === 'approved' ? `Approved ${version}.` : version ? `**Draft**: ${s.changes} change${s.changes === 1 ? '' : 's'} since ${version}.` : '**Draft**: no version approved yet.';
  const shown = s.openDecisions.slice(0, 10);
  return [
    `ISO/IEC 42001 Annex A. ${status}`,
    `${s.applicable} applicable · ${s.excluded} not applicable · ${s.decided} decided by the organisation · AIMS scope ${s.scopeRecorded ? 'recorded' : '**not recorded**'}`,
    s.openDecisions.length
      ? `**Open before approval (${s.openDecisions.length})**\n${shown.map((o) => `- ${canvasText(o.what)}`).join('\n')}${andMore(shown.length, s.openDecisions.length, exportHint('soa md'))}`
      : `Nothing open: \`${SLASH_COMMAND} soa approve\` approves the current document.`,
  ].join('\n\n');
}

/** The overdue claims shown, one line per system and owner: a system owing twenty claims is one line, not twenty. */
function overdueEvidenceLines(m: GovernanceCanvasModel, name: (id: string, n: string) => string): string[] {
  const groups = new Map<string, (typeof m.overview.overdueEvidence.items)[number][]>();
  for (const c of m.overview.overdueEvidence.items) groups.set(`${c.systemId} ${c.ownerId}`, [...(groups.get(`${c.systemId} ${c.ownerId}`) ?? []), c]);
  return [...groups.values()].map((claims) => {
    const first = claims[0]!;
    const ids = claims.slice(0, 4).map((c) => `${canvasText(sourceLabel(c.source))} ${canvasText(c.requirementId)}`).join('; ');
    const more = claims.length > 4 ? `; ${claims.length - 4} more` : '';
    return `${name(first.systemId, first.systemName)}: ${claims.length} claim${claims.length === 1 ? '' : 's'} (${ids}${more}), due since ${day(first.dueAt, m.timeZone)}, held by ${userMention(first.ownerId)}`;
  });
}

/** A titled list, capped, with the exact count and where the rest is (`shown`: how many of `total` the lines cover). */
function list(title: string, lines: string[], total: number, where: string, none: string, shown = lines.length): string {
  if (!total) return `**${title}**: ${none}`;
  return `**${title}**\n${lines.map((l) => `- ${l}`).join('\n')}${andMore(shown, total, where)}`;
}
