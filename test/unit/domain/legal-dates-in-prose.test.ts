import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LEGAL_DATES, MOVED_FROM_PATTERN, formatLawDay } from '../../../src/domain/catalog/index.js';
import { classifyIntake } from '../../../src/domain/classify-intake.js';
import { upcomingApplicationDates } from '../../../src/domain/statutory-deadlines.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import {
  ANNEX_III_POINTS, CONSEQUENTIAL_DECISIONS, GPAI_MODEL_VALUES, OPERATOR_ROLES, PROHIBITED_PRACTICES, SCOPE_EXCLUSIONS, TRANSPARENCY_DUTIES,
} from '../../../src/domain/vocabulary.js';

// Dates set by law reach prose only from the dates table. A sentence may name a superseded day only in the
// one "moved from … by Regulation …" wording; any other day must be an in-force entry of the table.

const ISO_DAY = /\b\d{4}-\d{2}-\d{2}\b/g;
const PROSE_DAY = /\b\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]* \d{4}\b/g;

/**
 * Every day a sentence names that the table does not allow there. `cited` are the date ids the sentence's
 * record rests on (a classification's statutory dates, a digest line's date): each must be in force, and
 * a day may appear only as one of theirs, or, in the moved-from wording, as a superseded original of one.
 */
function strayDays(sentence: string, cited: readonly string[]): string[] {
  const entries = LEGAL_DATES.filter((d) => cited.includes(d.id));
  const stray = entries.filter((d) => d.status !== 'in_force').map((d) => `${d.id} (cited but ${d.status})`);
  const allowed = new Set(entries.flatMap((d) => [d.date, formatLawDay(d.date)]));
  const originals = new Set(LEGAL_DATES.filter((d) => d.status === 'superseded' && cited.includes(d.supersededBy ?? '')).map((d) => formatLawDay(d.date)));
  const moved = [...sentence.matchAll(MOVED_FROM_PATTERN)].map((m) => m[0]);
  for (const phrase of moved) {
    for (const day of phrase.match(PROSE_DAY) ?? []) if (!originals.has(day)) stray.push(`${day} (moved from a date that is not a superseded original of a cited date)`);
  }
  const rest = moved.reduce((text, phrase) => text.replace(phrase, ''), sentence);
  for (const day of [...(rest.match(ISO_DAY) ?? []), ...(rest.match(PROSE_DAY) ?? [])]) {
    if (allowed.has(day)) continue;
    const known = LEGAL_DATES.filter((d) => d.date === day || formatLawDay(d.date) === day);
    stray.push(known.length === 0 ? `${day} (not in the dates table)` : `${day} (not a date this record cites)`);
  }
  return stray;
}

const base = { name: 'x', purpose: 'y', owner: 'U0OWNER1', lifecycleStage: 'deployed' } as const;
const grid: Partial<SystemFactsInput>[] = [
  ...PROHIBITED_PRACTICES.map((prohibitedPractice) => ({ prohibitedPractice })),
  ...ANNEX_III_POINTS.flatMap((annexIIIPoint) => [{ annexIIIPoint }, { annexIIIPoint, art63Condition: 'a' as const }, { annexIIIPoint, publicBody: true }]),
  { annexIProduct: true }, { annexIProduct: true, annexISection: 'b' },
  ...TRANSPARENCY_DUTIES.map((duty) => ({ transparency: [duty] })),
  ...SCOPE_EXCLUSIONS.map((scopeExclusion) => ({ scopeExclusion, annexIIIPoint: '4(a)' as const })),
  { euNexus: false, annexIIIPoint: '4(a)' },
  ...CONSEQUENTIAL_DECISIONS.map((consequentialDecision) => ({ dataCategories: ['personal' as const], usStates: ['CO' as const], consequentialDecision, annexIIIPoint: '4(a)' as const })),
];
const cases = OPERATOR_ROLES.flatMap((operatorRole) => grid.map((g) => ({ operatorRole, ...g })))
  .concat(GPAI_MODEL_VALUES.filter((v) => v !== 'no').flatMap((gpaiModel) => [{ operatorRole: 'provider' as const, gpaiModel }, { operatorRole: 'provider' as const, gpaiModel, scopeExclusion: 'open_source' as const }]));

describe('dates in generated prose', () => {
  it('tells a stray day from an allowed one', () => {
    const annexIII = ['d-2027-12-02-annex-iii'];
    expect(strayDays('applies from 2 Dec 2027 (moved from 2 Aug 2026 by Regulation (EU) 2026/1744)', annexIII)).toEqual([]);
    expect(strayDays('Annex III obligations apply from 2 Aug 2026', annexIII)).toEqual(['2 Aug 2026 (not a date this record cites)']);
    expect(strayDays('Annex III obligations apply from 2026-08-02', annexIII)).toEqual(['2026-08-02 (not a date this record cites)']);
    expect(strayDays('applies from 2 Aug 2026', ['d-2026-08-02-annex-iii-original'])).toEqual(['d-2026-08-02-annex-iii-original (cited but superseded)']);
    expect(strayDays('applies from 3 Aug 2026', annexIII)).toEqual(['3 Aug 2026 (not in the dates table)']);
    expect(strayDays('2 Dec 2027 (moved from 2 Aug 2027 by Regulation (EU) 2026/1744)', annexIII)).toEqual(['2 Aug 2027 (moved from a date that is not a superseded original of a cited date)']);
  });

  it(`carries no day outside the dates table in any reason of ${cases.length} classifications`, () => {
    const found: string[] = [];
    for (const c of cases) {
      const parsed = SystemFacts.safeParse({ ...base, ...c });
      if (!parsed.success) continue;
      const classification = classifyIntake(parsed.data);
      const cited = classification.statutoryDates.map((d) => d.dateId);
      const sentences = [...classification.reasons, ...classification.requirements.map((r) => r.reason), ...classification.statutoryDates.map((d) => d.reason)];
      for (const sentence of sentences) for (const stray of strayDays(sentence, cited)) found.push(`${JSON.stringify(c)}: ${stray} in "${sentence}"`);
    }
    expect(found).toEqual([]);
  });

  it('carries no superseded day in the digest\'s coming-up dates', () => {
    // The event is the law's own description from the reference data; the sentence around it is ours.
    const found = upcomingApplicationDates(new Date('2024-01-01T00:00:00Z'), 3650).flatMap((d) => strayDays(d.reason.replace(d.event, ''), [d.id]));
    expect(found).toEqual([]);
  });
});

describe('dates typed into the source', () => {
  const root = resolve(__dirname, '../../../src');
  const files = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : files(path);
    return path.endsWith('.ts') ? [path] : [];
  });

  it('spells no law day in prose anywhere in src (they come from the dates table)', () => {
    const found = files(root).flatMap((file) => (readFileSync(file, 'utf8').match(PROSE_DAY) ?? []).map((day) => `${file.slice(root.length)}: ${day}`));
    expect(found).toEqual([]);
  });

  it('types no ISO day into the classification, the catalog or the statutory deadlines', () => {
    const legal = files(root).filter((f) => /domain\/(classification|catalog)\/|statutory-deadlines|classify-intake/.test(f));
    const found = legal.flatMap((file) => (readFileSync(file, 'utf8').match(ISO_DAY) ?? []).map((day) => `${file.slice(root.length)}: ${day}`));
    expect(found).toEqual([]);
  });
});
