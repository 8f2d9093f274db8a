import type { Classification } from '../../domain/classify-intake.js';
import { SOURCE_LABELS, type RiskTier, type Source } from '../../domain/vocabulary.js';
import { escapeText } from '../escape.js';

export const TIER_LABELS: Record<RiskTier, string> = {
  prohibited: 'Prohibited (Art. 5)',
  high: 'High-risk',
  transparency: 'Transparency obligations (Art. 50)',
  minimal: 'Minimal risk',
  gpai: 'General-purpose AI model (Chapter V)',
  gpai_systemic: 'General-purpose AI model with systemic risk (Art. 51, 55)',
};

export const sourceLabel = (s: Source | string) => SOURCE_LABELS[s as Source] ?? s;

/** Requirement counts per source, e.g. "ISO/IEC 42001:2023 12 · NIST AI RMF 1.0 9 · EU AI Act 6". */
export function requirementCounts(c: Classification): string {
  const counts = new Map<string, number>();
  for (const r of c.requirements) counts.set(r.source, (counts.get(r.source) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${sourceLabel(s)}: ${n}`).join(' · ');
}

/** Every binding law, or a plain "none" (classifications stored before the field existed read as unknown). */
export function bindingLaws(c: Pick<Classification, 'bindingSources'>): string {
  if (!c.bindingSources) return 'not recorded (classified before binding laws were tracked)';
  return c.bindingSources.length ? c.bindingSources.map(sourceLabel).join(', ') : 'none: frameworks only';
}

/** The dates set by law, earliest first, as short lines; each reason comes from the dates table. */
export function statutoryDateLines(c: Pick<Classification, 'statutoryDates'>): string[] {
  return (c.statutoryDates ?? []).map((d) => `• ${escapeText(d.reason)}`);
}

/** The outcome lines with their reasons, as mrkdwn. Reasons are our own text, escaped all the same. */
export function classificationSummary(c: Classification): string {
  const dates = statutoryDateLines(c);
  return [
    `*EU AI Act tier:* ${TIER_LABELS[c.tier.value]} — ${escapeText(c.tier.reason)}`,
    `*Binding law:* ${bindingLaws(c)}`,
    `*Primary source:* ${sourceLabel(c.primarySource.value)} — ${escapeText(c.primarySource.reason)}`,
    `*Kind of work:* ${c.workKind.value.replace('_', ' ')} — ${escapeText(c.workKind.reason)}`,
    `*Review cadence:* ${c.cadence.days === null ? 'none: escalated at once' : `every ${c.cadence.days} days`} — ${escapeText(c.cadence.reason)}`,
    ...(dates.length ? ['*Dates set by law:*', ...dates] : []),
  ].join('\n');
}
