import { localDate } from '../../domain/calendar-dates.js';
import { escapeText, mention, truncate } from '../escape.js';
import { context, section, type Block } from './blocks.js';
import { TIER_LABELS, sourceLabel } from './classification-text.js';
import type { RecordSummaryModel } from '../../app/records/read-record-summary.js';

export type { RecordSummaryModel };

const LIST = 5;
const list = <T>(rows: T[], line: (r: T) => string, empty: string) =>
  rows.length ? rows.slice(0, LIST).map((r) => `• ${line(r)}`).join('\n') + (rows.length > LIST ? `\n…and ${rows.length - LIST} more` : '') : empty;

/** One system's record at a glance, for an ephemeral answer to Open record. */
export function buildRecordSummary(m: RecordSummaryModel): { text: string; blocks: Block[] } {
  const s = m.system;
  const day = (d: Date | null) => (d ? localDate(d, m.timeZone) : '—');
  const tier = TIER_LABELS[s.riskTier as keyof typeof TIER_LABELS] ?? s.riskTier;
  const blocks: Block[] = [
    section(`*${escapeText(s.name)}* (\`${s.id}\`) · ${s.status}\n${escapeText(truncate(s.purpose, 500))}`),
    section([
      `*Owner:* ${mention(s.ownerId)} · *Lifecycle:* ${escapeText(s.lifecycleStage)}`,
      `*Tier:* ${tier} · *Primary source:* ${sourceLabel(s.primarySource)} · *Kind of work:* ${s.workKind.replace(/_/g, ' ')}`,
      `*Next review:* ${day(s.nextReviewAt)}${s.cadenceDays ? ` (every ${s.cadenceDays} days)` : ''}`,
      `*Evidence:* ${m.claims.answered} of ${m.claims.total} claims answered · ${m.claims.open} open · ${m.claims.overdue} overdue`,
    ].join('\n')),
    section(`*Reviews open*\n${list(m.openReviews, (r) => `\`${r.id}\` due ${day(r.dueAt)} (${escapeText(r.dueReason.replace(/_/g, ' '))})`, '• None.')}`),
    section(`*Exceptions open*\n${list(m.openExceptions, (e) => `\`${e.id}\` ${e.status.replace('_', ' ')}: ${escapeText(truncate(e.reason, 150))}`, '• None.')}`),
    section(`*Decisions awaiting approval*\n${list(m.pendingDecisions, (d) => `\`${d.id}\` ${escapeText(truncate(d.scope, 150))}`, '• None.')}`),
  ];
  if (m.legalDeadlines.length) {
    blocks.push(section(`*Legal deadlines (EU AI Act)*\n${list(m.legalDeadlines, (d) => `${escapeText(d.ref)} ${escapeText(truncate(d.label, 150))} — due ${day(d.dueAt)}`, '')}`));
  }
  blocks.push(context('Only you can see this.'));
  return { text: `Record of ${escapeText(s.name)} (${s.id})`, blocks };
}
