import { TRANSPARENCY_DUTIES } from '../vocabulary.js';
import type { AnnexIIIPoint, Art63Condition, ProhibitedPractice, TransparencyDuty } from '../vocabulary.js';
import {
  ANNEX_III_AREA_LABELS, ANNEX_III_SHORT_LABELS, ART6_3_SHORT_LABELS, PROHIBITED_PRACTICE_SHORT_LABELS, TRANSPARENCY_DUTY_ARTICLES,
} from './eu-ai-act-labels.js';
import { ANNEX_III_AREAS, ART6_3_DEROGATION, PROHIBITED_PRACTICE_CATALOG } from './generated/eu-ai-act.js';

// Lists and lookups for the intake form and the classification. `optionText` is what a Slack select shows
// (at most 75 characters); `text` is the verbatim legal text for dossiers and help.

export interface AnnexIIIPointEntry {
  readonly key: AnnexIIIPoint;
  readonly ref: string;
  readonly label: string;
  readonly optionText: string;
  readonly text: string;
  readonly area: number;
  readonly areaTitle: string;
  /** Plain-words area name, at most 75 characters. */
  readonly areaLabel: string;
}

export interface AnnexIIIAreaGroup {
  readonly area: number;
  readonly title: string;
  /** Plain-words area name for an option group label, at most 75 characters. */
  readonly label: string;
  readonly points: readonly AnnexIIIPointEntry[];
}

export const ANNEX_III_BY_AREA: readonly AnnexIIIAreaGroup[] = ANNEX_III_AREAS.map((area) => {
  const areaLabel = ANNEX_III_AREA_LABELS[area.area] ?? area.shortTitle;
  return {
    area: area.area,
    title: area.title,
    label: areaLabel,
    points: area.points.map((point) => {
      const key = point.key as AnnexIIIPoint;
      const label = ANNEX_III_SHORT_LABELS[key];
      return { key, ref: point.ref, label, optionText: `${key} ${label}`, text: point.text, area: area.area, areaTitle: area.title, areaLabel };
    }),
  };
});

const annexIIIByKey = new Map(ANNEX_III_BY_AREA.flatMap((area) => area.points.map((p) => [p.key, p] as const)));

function mustFind<K, V>(map: ReadonlyMap<K, V>, key: K, what: string): V {
  const found = map.get(key);
  // The vocabulary and the generated catalog are checked against each other in the catalog tests.
  if (found === undefined) throw new Error(`${what} ${String(key)} is not in the catalog`);
  return found;
}

export function annexIIIPoint(key: AnnexIIIPoint): AnnexIIIPointEntry {
  return mustFind(annexIIIByKey, key, 'Annex III point');
}

export interface ProhibitedPracticeEntry {
  readonly point: ProhibitedPractice;
  readonly ref: string;
  readonly label: string;
  readonly optionText: string;
  /** The reference's longer editorial label. */
  readonly summary: string;
  readonly text: string;
  /** The dates-table entry from which the prohibition applies. */
  readonly dateId: string;
}

export const PROHIBITED_PRACTICE_OPTIONS: readonly ProhibitedPracticeEntry[] = PROHIBITED_PRACTICE_CATALOG.map((p) => {
  const point = p.point as ProhibitedPractice;
  const label = PROHIBITED_PRACTICE_SHORT_LABELS[point];
  return { point, ref: p.ref, label, optionText: `${point} ${label}`, summary: p.label, text: p.text, dateId: p.dateId };
});

const prohibitedByPoint = new Map(PROHIBITED_PRACTICE_OPTIONS.map((p) => [p.point, p] as const));

export function prohibitedPractice(point: ProhibitedPractice): ProhibitedPracticeEntry {
  return mustFind(prohibitedByPoint, point, 'Art. 5(1) point');
}

export interface Art63ConditionEntry {
  readonly condition: Art63Condition;
  readonly ref: string;
  readonly label: string;
  readonly optionText: string;
  readonly text: string;
}

export const ART6_3_OPTIONS: readonly Art63ConditionEntry[] = ART6_3_DEROGATION.conditions.map((c) => {
  const label = ART6_3_SHORT_LABELS[c.condition];
  return { condition: c.condition, ref: c.ref, label, optionText: `(${c.condition}) ${label}`, text: c.text };
});

const art63ByCondition = new Map(ART6_3_OPTIONS.map((c) => [c.condition, c] as const));

export function art63Condition(condition: Art63Condition): Art63ConditionEntry {
  return mustFind(art63ByCondition, condition, 'Art. 6(3) condition');
}

export interface TransparencyDutyEntry {
  readonly duty: TransparencyDuty;
  readonly ref: (typeof TRANSPARENCY_DUTY_ARTICLES)[TransparencyDuty]['ref'];
  readonly addressee: 'provider' | 'deployer';
  readonly label: string;
  readonly optionText: string;
}

export const TRANSPARENCY_DUTY_OPTIONS: readonly TransparencyDutyEntry[] = TRANSPARENCY_DUTIES.map((duty) => {
  const { ref, addressee, label } = TRANSPARENCY_DUTY_ARTICLES[duty];
  return { duty, ref, addressee, label, optionText: `${label} (${ref})` };
});

const transparencyByDuty = new Map(TRANSPARENCY_DUTY_OPTIONS.map((d) => [d.duty, d] as const));

export function transparencyDuty(duty: TransparencyDuty): TransparencyDutyEntry {
  return mustFind(transparencyByDuty, duty, 'Art. 50 situation');
}
