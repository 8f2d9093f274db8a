import { MOVED_FROM_PATTERN } from './catalog/legal-dates.js';
import type { Classification } from './classify-intake.js';

/**
 * What a new classification changes against the one it replaces. The stored one may come from an older
 * release whose Classification had another shape, so it is read leniently: only the parts every release
 * has kept (tier, primary source, requirements by source and id, cadence, reasons) and, when present, the
 * binding sources and dated obligations.
 */

export const CHANGE_KINDS = ['tier', 'primary_source', 'binding_sources', 'requirements', 'cadence', 'dates'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  tier: 'risk tier changed',
  primary_source: 'primary source changed',
  binding_sources: 'binding laws changed',
  requirements: 'requirements added or retired',
  cadence: 'review cadence changed',
  dates: 'legal dates moved',
};

export interface RequirementRef { source: string; requirementId: string; title: string; reason: string }

export interface ClassificationChange {
  kinds: ChangeKind[];
  tier: { from: string | null; to: string; reason: string };
  primarySource: { from: string | null; to: string; reason: string };
  bindingSources: { from: string[]; to: string[] };
  requirements: { added: RequirementRef[]; removed: RequirementRef[]; kept: number };
  cadence: { from: number | null; to: number | null };
  /** ISO dates the reasons and dated obligations give, before and after. */
  dates: { from: string[]; to: string[] };
  /** The one sentence that best says why: the reason carrying a moved date, else that of the first change. */
  reason: string;
}

type Loose = Record<string, unknown> | null | undefined;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const valueOf = (v: unknown): string | null => (typeof v === 'string' ? v : isRecord(v) && typeof v.value === 'string' ? v.value : null);
const sorted = (xs: Iterable<string>) => [...new Set(xs)].sort();
const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** `bindingSources` as the classifier may give it: ids, `{ value }`, `{ source }` or `{ id }` entries. */
export function bindingSourcesOf(c: Loose): string[] {
  const list = isRecord(c) ? c.bindingSources : undefined;
  const raw = isRecord(list) && Array.isArray(list.value) ? list.value : list;
  if (!Array.isArray(raw)) return [];
  return sorted(raw.flatMap((b) => {
    if (typeof b === 'string') return [b];
    if (isRecord(b)) for (const k of ['value', 'source', 'id']) if (typeof b[k] === 'string') return [b[k] as string];
    return [];
  }));
}

export function requirementsOf(c: Loose): Map<string, RequirementRef> {
  const out = new Map<string, RequirementRef>();
  const list = isRecord(c) && Array.isArray(c.requirements) ? c.requirements : [];
  for (const r of list) {
    if (!isRecord(r) || typeof r.source !== 'string' || typeof r.requirementId !== 'string') continue;
    out.set(requirementKey(r.source, r.requirementId), {
      source: r.source, requirementId: r.requirementId, title: typeof r.title === 'string' ? r.title : r.requirementId, reason: typeof r.reason === 'string' ? r.reason : '',
    });
  }
  return out;
}

export const requirementKey = (source: string, requirementId: string) => `${source}|${requirementId}`;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const PROSE_DATE = /\b(\d{1,2}) (Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?) (\d{4})\b/g;
const ISO_DATE = /\b(\d{4})-(\d{2})-(\d{2})\b/g;

/** Every calendar date a text gives, as YYYY-MM-DD ("D Mon YYYY", "D Month YYYY" or "YYYY-MM-DD"). */
export function datesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(PROSE_DATE)) {
    const month = MONTHS.indexOf(m[2]!.slice(0, 3).toLowerCase()) + 1;
    out.push(`${m[3]}-${String(month).padStart(2, '0')}-${m[1]!.padStart(2, '0')}`);
  }
  for (const m of text.matchAll(ISO_DATE)) out.push(`${m[1]}-${m[2]}-${m[3]}`);
  return out;
}

const reasonsOf = (c: Loose): string[] => (isRecord(c) && Array.isArray(c.reasons) ? c.reasons.filter((r): r is string => typeof r === 'string') : []);

/**
 * The statutory dates a classification carries: its `statutoryDates` (from the dates table) where it has
 * them; a classification stored before those were recorded gives them only in its reasons.
 */
export function statutoryDatesOf(c: Loose, structured = true): string[] {
  if (structured && isRecord(c) && Array.isArray(c.statutoryDates)) {
    return sorted(c.statutoryDates.flatMap((d) => (isRecord(d) && typeof d.date === 'string' ? [d.date] : [])));
  }
  // "moved from <day> by Regulation …" names the date that no longer applies: it is not one of the system's dates.
  const texts = reasonsOf(c).map((r) => r.replace(MOVED_FROM_PATTERN, ''));
  if (isRecord(c)) for (const k of ['datedObligations', 'obligations']) if (c[k] !== undefined) texts.push(JSON.stringify(c[k]));
  return sorted(texts.flatMap(datesIn));
}

const cadenceOf = (c: Loose): number | null => {
  const cadence = isRecord(c) ? c.cadence : undefined;
  return isRecord(cadence) && typeof cadence.days === 'number' ? cadence.days : null;
};

const reasonOf = (c: Loose, key: string): string | null => {
  const v = isRecord(c) ? c[key] : undefined;
  return isRecord(v) && typeof v.reason === 'string' ? v.reason : null;
};

/** null when the new classification changes nothing an owner or the forum must act on. */
export function diffClassification(old: unknown, next: Classification): ClassificationChange | null {
  const before = isRecord(old) ? old : null;
  const after = next as unknown as Record<string, unknown>;
  const tier = { from: valueOf(before?.tier), to: next.tier.value, reason: next.tier.reason };
  const primarySource = { from: valueOf(before?.primarySource), to: next.primarySource.value, reason: next.primarySource.reason };
  const bindingSources = { from: bindingSourcesOf(before), to: bindingSourcesOf(after) };
  const oldReqs = requirementsOf(before);
  const newReqs = requirementsOf(after);
  const added = [...newReqs].filter(([k]) => !oldReqs.has(k)).map(([, r]) => r);
  const removed = [...oldReqs].filter(([k]) => !newReqs.has(k)).map(([, r]) => r);
  const cadence = { from: cadenceOf(before), to: next.cadence.days };
  // Like with like: the dates tables' dates where both record them, else the dates both give in their reasons.
  const structured = Array.isArray(before?.statutoryDates);
  const dates = { from: statutoryDatesOf(before, structured), to: statutoryDatesOf(after, structured) };

  const kinds: ChangeKind[] = [];
  if (tier.from !== tier.to) kinds.push('tier');
  if (primarySource.from !== primarySource.to) kinds.push('primary_source');
  if (!sameList(bindingSources.from, bindingSources.to)) kinds.push('binding_sources');
  if (added.length || removed.length) kinds.push('requirements');
  if (cadence.from !== cadence.to) kinds.push('cadence');
  if (!sameList(dates.from, dates.to)) kinds.push('dates');
  if (!kinds.length) return null;

  const newDates = new Set(dates.to.filter((d) => !dates.from.includes(d)));
  const dated = next.reasons.find((r) => datesIn(r).some((d) => newDates.has(d)));
  const reason = dated
    ?? (kinds.includes('tier') ? next.tier.reason : null)
    ?? (kinds.includes('primary_source') ? next.primarySource.reason : null)
    ?? (kinds.includes('binding_sources') ? reasonOf(after, 'bindingSources') ?? next.primarySource.reason : null)
    ?? (kinds.includes('requirements') ? requirementsReason(added, removed) : null)
    ?? next.cadence.reason;
  return {
    kinds, tier, primarySource, bindingSources,
    requirements: { added, removed, kept: [...newReqs.keys()].filter((k) => oldReqs.has(k)).length },
    cadence, dates, reason,
  };
}

function requirementsReason(added: RequirementRef[], removed: RequirementRef[]): string {
  const parts: string[] = [];
  if (added.length) parts.push(`${added.length} ${added.length === 1 ? 'requirement now applies' : 'requirements now apply'} (${added.slice(0, 3).map((r) => r.requirementId).join(', ')}${added.length > 3 ? ', …' : ''}): ${added[0]!.reason}`);
  if (removed.length) parts.push(`${removed.length} ${removed.length === 1 ? 'requirement no longer applies' : 'requirements no longer apply'} (${removed.slice(0, 3).map((r) => r.requirementId).join(', ')}${removed.length > 3 ? ', …' : ''}).`);
  return parts.join(' ');
}

/** Outcomes an admin override holds on the system row: re-classification leaves those as the forum set them. */
export interface OverrideEntry { outcome: string; to: unknown; by?: string; justification?: string }

export function overridesOf(stored: unknown): OverrideEntry[] {
  return Array.isArray(stored) ? stored.filter((o): o is OverrideEntry => isRecord(o) && typeof o.outcome === 'string') : [];
}

/** The latest override of each outcome. */
export function overriddenOutcomes(stored: unknown): Map<string, OverrideEntry> {
  return new Map(overridesOf(stored).map((o) => [o.outcome, o]));
}
