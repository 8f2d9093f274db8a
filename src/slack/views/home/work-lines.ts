import { localDate } from '../../../domain/calendar-dates.js';
import type { OwnerWork } from '../../../app/home/load-my-work.js';
import { escapeText, truncate } from '../../escape.js';
import { SHORT_SOURCE_LABELS } from '../../../domain/classification/wording.js';
import type { Source } from '../../../domain/vocabulary.js';
import { TIER_LABELS, sourceLabel } from '../classification-text.js';

// One line per item, shared by the Home tab and `/aigov mine` so both describe work the same way.

type System = OwnerWork['systems'][number];
type Claim = OwnerWork['openClaims'][number];
type Review = OwnerWork['reviews'][number];

export const tierLabel = (tier: string) => TIER_LABELS[tier as keyof typeof TIER_LABELS] ?? tier;
export const day = (d: Date | null, tz: string) => (d ? localDate(d, tz) : '—');
const overdue = (due: Date, now: Date) => (due.getTime() <= now.getTime() ? ' · *overdue*' : '');

/** Every binding law by its short name, or none; unknown for a classification stored before binding laws were tracked. */
export function bindingLawWords(sources: readonly string[] | null | undefined): string {
  if (!sources) return 'binding law not recorded';
  return sources.length ? `binding law: ${sources.map((s) => SHORT_SOURCE_LABELS[s as Source] ?? s).join(', ')}` : 'no binding law';
}

export function systemLine(s: System, tz: string): string {
  const progress = s.progress.total ? `${s.progress.answered} of ${s.progress.total} claims answered` : 'no evidence requested';
  return `*${escapeText(truncate(s.name, 120))}* \`${s.id}\`\n${tierLabel(s.riskTier)} · ${escapeText(s.status)} · next review ${day(s.nextReviewAt, tz)} · evidence: ${progress} · ${bindingLawWords(s.bindingSources)}`;
}

export function claimLine(c: Claim, tz: string, now: Date): string {
  const stale = c.status === 'stale' ? ' · stale: needs new evidence' : '';
  return `*${sourceLabel(c.source)} ${escapeText(c.requirementId)}* — ${escapeText(truncate(c.title, 150))}\n${escapeText(truncate(c.systemName, 120))} · due ${day(c.dueAt, tz)}${overdue(c.dueAt, now)}${stale}`;
}

export function reviewLine(r: Review, tz: string, now: Date): string {
  return `*${escapeText(truncate(r.systemName, 120))}* — review ${r.status === 'in_progress' ? 'in progress' : 'due'} ${day(r.dueAt, tz)}${overdue(r.dueAt, now)} (${escapeText(r.dueReason.replace(/_/g, ' '))})`;
}

/** "…and 3 more" when a list was cut, for the line under it. */
export const andMore = (shown: number, total: number, what: string) => (total > shown ? `…and ${total - shown} more ${what}` : '');
