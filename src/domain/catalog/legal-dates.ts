import { DateTime } from 'luxon';
import { CO_DATES, type CoDateId } from './generated/colorado-sb26-189.js';
import { AMENDMENTS, EU_DATES, type EuDateId } from './generated/eu-ai-act.js';
import type { EuDate } from './types.js';

// The one table of dates set by law. Reasons, cards, the digest, statutory deadlines and exports name a
// date by its id and take the day, the provision and the status from here, never from prose; a test scans
// every generated sentence for days that are not in this table or whose entry is superseded.

export type LegalDateId = EuDateId | CoDateId;

/** A date set by law. Status `in_force` (fixed by the law as it stands), `superseded` (replaced, see supersededBy) or `historical`. */
export interface LegalDate extends EuDate {
  readonly law: 'eu-ai-act' | 'co-sb26-189';
}

export const LEGAL_DATES: readonly LegalDate[] = [
  ...EU_DATES.map((d) => ({ ...d, law: 'eu-ai-act' as const })),
  ...CO_DATES.map((d) => ({ ...d, law: 'co-sb26-189' as const })),
];

const byId = new Map<string, LegalDate>(LEGAL_DATES.map((d) => [d.id, d]));

export function legalDate(id: LegalDateId): LegalDate {
  const found = byId.get(id);
  // Ids are a compile-time union of the generated table, so a miss means the table and the type disagree.
  if (!found) throw new Error(`date ${id} is not in the dates table`);
  return found;
}

export function isLegalDateId(id: string): id is LegalDateId {
  return byId.has(id);
}

/** `YYYY-MM-DD` -> `D Mon YYYY`: how a law's day reads in a sentence (calendar days, no zone). */
export function formatLawDay(day: string): string {
  return DateTime.fromISO(day, { zone: 'UTC' }).toFormat('d LLL yyyy');
}

/** The amending act that replaced an original date, read from the replacement's `ref` (`as replaced by …`). */
function amendingActOf(entry: LegalDate): string | undefined {
  return AMENDMENTS.find((a) => entry.ref.includes(a.act) || entry.amendedBy?.includes(a.act))?.act;
}

/** The superseded original this in-force date replaced, if any (the first in table order when several were). */
export function replacedDate(id: LegalDateId): LegalDate | undefined {
  return LEGAL_DATES.find((d) => d.status === 'superseded' && d.supersededBy === id);
}

/**
 * The day of an in-force date as a sentence says it, with where it moved from when an amendment moved it:
 * "D Mon YYYY (moved from D Mon YYYY by Regulation (EU) NNNN/NNNN)". A superseded date is refused: what
 * applies is its replacement.
 */
export function lawDayPhrase(id: LegalDateId, options: { withMove?: boolean } = {}): string {
  const entry = legalDate(id);
  if (entry.status === 'superseded') throw new Error(`date ${id} is superseded by ${entry.supersededBy}; cite that instead`);
  const day = formatLawDay(entry.date);
  const moved = options.withMove === false ? null : movedNote(id);
  return moved ? `${day} (${moved})` : day;
}

/**
 * "moved from D Mon YYYY by Regulation (EU) NNNN/NNNN" when an amendment replaced an original date with
 * this one, else null: the one wording in which a superseded day may appear.
 */
export function movedNote(id: LegalDateId): string | null {
  const original = replacedDate(id);
  const act = amendingActOf(legalDate(id));
  return original && act ? `moved from ${formatLawDay(original.date)} by ${act}` : null;
}

/** Matches the moved-from wording, so a check can tell a cited superseded day from a stale one. */
export const MOVED_FROM_PATTERN = /moved from \d{1,2} [A-Z][a-z]{2} \d{4} by Regulation \(EU\) \d{4}\/\d+/g;
