import type { Source } from '../vocabulary.js';
import { SUPPLEMENTARY_ARTICLES } from './eu-ai-act-labels.js';
import {
  ART49_PARAGRAPHS, ART50_OBLIGATIONS, EU_ARTICLES, GPAI_OBLIGATIONS, PROHIBITED_PRACTICE_CATALOG, type EuArt49Ref, type EuArt50Ref,
  type EuArticleRef, type EuGpaiRef, type EuProhibitedPracticeRef,
} from './generated/eu-ai-act.js';
import { ISO_ANNEX_A_CONTROLS, ISO_CLAUSES, type IsoClauseId, type IsoControlId } from './generated/iso-42001.js';
import { CO_OBLIGATIONS, type CoObligationId } from './generated/colorado-sb26-189.js';
import { CO_OBLIGATION_LABELS } from './colorado-labels.js';
import { NIST_SUBCATEGORIES, type NistSubcategoryId } from './generated/nist-ai-rmf.js';

export type { CoObligationId, IsoClauseId, IsoControlId, NistSubcategoryId };
export type IsoRequirementId = IsoClauseId | IsoControlId;
export type EuRequirementId =
  | EuProhibitedPracticeRef | EuArticleRef | EuArt50Ref | EuArt49Ref | EuGpaiRef | (typeof SUPPLEMENTARY_ARTICLES)[number]['ref'];

export type RequirementKind =
  | 'iso_clause' | 'iso_annex_a_control' | 'nist_subcategory'
  | 'eu_prohibited_practice' | 'eu_article' | 'eu_transparency_obligation' | 'eu_gpai_obligation' | 'co_obligation';

/** One thing a claim can be made against: a row of the requirements table and of the evidence matrix. */
export interface Requirement {
  readonly source: Source;
  readonly id: string;
  readonly title: string;
  readonly kind: RequirementKind;
}

export interface RequirementRef {
  readonly source: Source;
  readonly id: string;
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `Art. 6(4)` -> [6, 4]; `Art. 5(1)(a)` -> [5, 1, 'a'] so articles sort by number, then paragraph, then point. */
function articleSortKey(ref: string): (number | string)[] {
  return [...ref.matchAll(/\d+|[a-z]/g)].map(([token]) => (/\d/.test(token) ? Number(token) : token));
}

function compareArticles(a: string, b: string): number {
  const [ka, kb] = [articleSortKey(a), articleSortKey(b)];
  for (let i = 0; i < Math.max(ka.length, kb.length); i += 1) {
    const [x, y] = [ka[i], kb[i]];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const euRequirements: Requirement[] = [
  ...PROHIBITED_PRACTICE_CATALOG.map((p) => ({ source: 'eu-ai-act' as const, id: p.ref, title: p.label, kind: 'eu_prohibited_practice' as const })),
  ...[...EU_ARTICLES, ...SUPPLEMENTARY_ARTICLES].map((a) => ({ source: 'eu-ai-act' as const, id: a.ref, title: a.title, kind: 'eu_article' as const })),
  // Registration paragraphs each bind someone else (provider, public deployer, national registration); 49(2)
  // is already a supplementary article and 49(4) only says where an entry is kept.
  ...ART49_PARAGRAPHS.filter((p) => !SUPPLEMENTARY_ARTICLES.some((a) => a.ref === p.ref) && p.ref !== 'Art. 49(4)')
    .map((p) => ({ source: 'eu-ai-act' as const, id: p.ref, title: `Registration: ${p.who}`, kind: 'eu_article' as const })),
  ...GPAI_OBLIGATIONS.map((o) => ({ source: 'eu-ai-act' as const, id: o.ref, title: upperFirst(o.summary), kind: 'eu_gpai_obligation' as const })),
  // Paragraphs 6 and 7 bind no operator (a saving clause and the AI Office's codes of practice).
  ...ART50_OBLIGATIONS.filter((o) => o.addressees.length > 0)
    .map((o) => ({ source: 'eu-ai-act' as const, id: o.ref, title: o.label, kind: 'eu_transparency_obligation' as const })),
].sort((a, b) => compareArticles(a.id, b.id));

/**
 * Every requirement a claim can name, in catalog order: ISO/IEC 42001 clauses then Annex A controls, NIST AI
 * RMF subcategories, EU AI Act provisions by article number, then Colorado SB 26-189 duties. Functions, categories and Annex A groups
 * are structure, not requirements, and are not listed.
 */
export const REQUIREMENTS: readonly Requirement[] = [
  ...ISO_CLAUSES.map((c) => ({ source: 'iso-42001' as const, id: c.id, title: c.title, kind: 'iso_clause' as const })),
  ...ISO_ANNEX_A_CONTROLS.map((c) => ({ source: 'iso-42001' as const, id: c.id, title: c.title, kind: 'iso_annex_a_control' as const })),
  ...NIST_SUBCATEGORIES.map((s) => ({ source: 'nist-ai-rmf' as const, id: s.id, title: s.text, kind: 'nist_subcategory' as const })),
  ...euRequirements,
  // Colorado duties keep the reference's ids: several rest on one section, so the section alone is not unique.
  ...CO_OBLIGATIONS.map((o) => ({ source: 'co-sb26-189' as const, id: o.id, title: `${CO_OBLIGATION_LABELS[o.id as CoObligationId].title} (${o.ref})`, kind: 'co_obligation' as const })),
];

const keyOf = (source: Source, id: string) => `${source}|${id}`;
const byKey = new Map(REQUIREMENTS.map((r, index) => [keyOf(r.source, r.id), { requirement: r, index }]));

export function findRequirement(source: Source, id: string): Requirement | undefined {
  return byKey.get(keyOf(source, id))?.requirement;
}

export function isKnownRequirement(source: Source, id: string): boolean {
  return byKey.has(keyOf(source, id));
}

/** The short title (ISO, EU) or outcome statement (NIST, which has no short titles); undefined when unknown. */
export function requirementTitle(source: Source, id: string): string | undefined {
  return findRequirement(source, id)?.title;
}

/** Position in REQUIREMENTS, for sorting claims in catalog order; unknown ids sort last. */
export function catalogOrder(source: Source, id: string): number {
  return byKey.get(keyOf(source, id))?.index ?? Number.MAX_SAFE_INTEGER;
}
