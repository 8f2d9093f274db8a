import {
  HIGH_RISK_ROUTES, TIER_REFS, annexIIIPoint, art63Condition, lawDayPhrase, prohibitedPractice, transparencyDuty,
  type LegalDateId,
} from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import type { AnnexIIIPoint, TransparencyDuty } from '../vocabulary.js';
import { decideEuScope } from './eu-scope.js';
import type { EuOperatorRoleName, EuScope, Reasoned, TierDecision, TierRoute } from './types.js';
import { joinAnd, lowerFirst, unique, upperFirst } from './wording.js';

type Route = (typeof HIGH_RISK_ROUTES)[number];
function route(ref: 'Art. 6(1)' | 'Art. 6(2)'): Route {
  const found = HIGH_RISK_ROUTES.find((r) => r.ref === ref);
  if (!found) throw new Error(`high-risk route ${ref} is not in the catalog`);
  return found;
}
export const routeDateId = (ref: 'Art. 6(1)' | 'Art. 6(2)') => route(ref).dateId as LegalDateId;
/** Where the date goes in a tier reason; it is said only where the Regulation binds (otherwise no date applies). */
const APPLYING = '\u0000applying\u0000';
const applying = (ref: 'Art. 6(1)' | 'Art. 6(2)') => ({ clause: APPLYING, dateId: routeDateId(ref) });

/** Emotion recognition that Art. 5(1)(f) does not prohibit is an Annex III point 1(c) use. */
const EMOTION_RECOGNITION_POINT: AnnexIIIPoint = '1(c)';

interface RawTier {
  /** `reason` may hold APPLYING where ", applying from <date>" belongs. */
  tier: Reasoned<TierDecision['tier']['value']>;
  route: TierRoute;
  consequences: string[];
  appliesFrom?: LegalDateId;
}

/** The tier below high: transparency when any Art. 50 duty applies, otherwise minimal. */
function lowerTier(duties: readonly TransparencyDuty[]): Reasoned<'transparency' | 'minimal'> {
  if (duties.length > 0) {
    const refs = unique(duties.map((d) => transparencyDuty(d).ref));
    return { value: 'transparency', reason: `transparency tier under ${joinAnd(refs)}`, refs };
  }
  return {
    value: 'minimal',
    reason: 'minimal tier: no Art. 5 practice, no Art. 6 route and no Art. 50 situation, leaving AI literacy (Art. 4) and voluntary codes of conduct (Art. 95)',
    refs: ['Art. 4', 'Art. 95'],
  };
}

function gpaiTier(facts: SystemFacts): RawTier {
  const systemic = facts.gpaiModel === 'systemic';
  const chapter = TIER_REFS.generalPurposeAiModels!;
  return {
    tier: {
      value: systemic ? 'gpai_systemic' : 'gpai',
      reason: systemic
        ? `A general-purpose AI model with systemic risk (Art. 3(63), Art. 51) under ${chapter.ref}${APPLYING}, including Art. 52 and Art. 55; it is a model, not a tier of AI systems, and each AI system built on it is classified on its own`
        : `A general-purpose AI model (Art. 3(63)) under ${chapter.ref}${APPLYING}; it is a model, not a tier of AI systems, and each AI system built on it is classified on its own`,
      refs: systemic ? ['Art. 3(63)', 'Art. 51', 'Art. 53', 'Art. 55'] : ['Art. 3(63)', 'Art. 53'],
    },
    route: { kind: 'gpai', systemic },
    consequences: [],
    appliesFrom: chapter.dateId as LegalDateId,
  };
}

function annexIIITier(facts: SystemFacts, key: AnnexIIIPoint, duties: readonly TransparencyDuty[], notes: string[]): RawTier {
  const point = annexIIIPoint(key);
  const described = `Annex III point ${point.key} (${point.areaLabel}: ${lowerFirst(point.label)})`;
  const highRefs = ['Art. 6(2)', point.ref];
  const note = notes.length > 0 ? `; ${notes.join('; ')}` : '';
  if (facts.art63Condition && facts.profiling) {
    const condition = art63Condition(facts.art63Condition);
    return {
      tier: {
        value: 'high',
        reason: `High-risk under Art. 6(2): ${described}${APPLYING}; the ${condition.ref} condition does not lift it because the system profiles natural persons (Art. 6(3), last subparagraph)${note}`,
        refs: [...highRefs, condition.ref],
      },
      route: { kind: 'art6_2', point: point.key },
      consequences: [],
      appliesFrom: applying('Art. 6(2)').dateId,
    };
  }
  if (facts.art63Condition) {
    const condition = art63Condition(facts.art63Condition);
    const lower = lowerTier(duties);
    return {
      tier: {
        value: lower.value,
        reason: `Not high-risk: ${described} falls under the ${condition.ref} derogation (${lowerFirst(condition.label)}) and the system does not profile natural persons; ${lower.reason}${note}`,
        refs: [condition.ref, 'Art. 6(4)', 'Art. 49(2)', ...lower.refs],
      },
      route: { kind: 'art6_3_derogation', point: point.key, condition: condition.condition },
      consequences: [`Relying on ${condition.ref}, the provider documents its assessment before placing the system on the market or putting it into service (Art. 6(4)) and registers the system (Art. 49(2)).`],
    };
  }
  return {
    tier: { value: 'high', reason: `High-risk under Art. 6(2): ${described}${APPLYING}${note}`, refs: highRefs },
    route: { kind: 'art6_2', point: point.key },
    consequences: [],
    appliesFrom: applying('Art. 6(2)').dateId,
  };
}

/** The tier and route the facts indicate, before asking whether the Regulation binds this operator. */
function rawTier(facts: SystemFacts, duties: readonly TransparencyDuty[]): RawTier {
  if (facts.gpaiModel !== 'no') return gpaiTier(facts);

  if (facts.prohibitedPractice) {
    const practice = prohibitedPractice(facts.prohibitedPractice);
    return {
      tier: {
        value: 'prohibited',
        reason: `Prohibited under ${practice.ref}: ${lowerFirst(practice.summary)}${APPLYING}`,
        refs: [practice.ref],
      },
      route: { kind: 'art5', practiceRef: `Art. ${facts.prohibitedPractice}` },
      consequences: [],
      appliesFrom: practice.dateId as LegalDateId,
    };
  }

  const section = facts.annexISection ?? 'a';
  if (facts.annexIProduct && !(section === 'b' && facts.annexIIIPoint)) {
    const alsoAnnexIII = facts.annexIIIPoint
      ? ` (Annex III point ${facts.annexIIIPoint} is also given${facts.art63Condition ? '; Art. 6(3) only derogates from Art. 6(2), not from Art. 6(1)' : ''})`
      : '';
    return {
      tier: {
        value: 'high',
        reason: `High-risk under Art. 6(1): a safety component of, or itself, a product under Annex I Section ${section.toUpperCase()} legislation that needs third-party conformity assessment${APPLYING}${alsoAnnexIII}`,
        refs: ['Art. 6(1)', `Annex I Section ${section.toUpperCase()}`],
      },
      route: { kind: 'art6_1', section },
      consequences: [],
      appliesFrom: applying('Art. 6(1)').dateId,
    };
  }

  const notes: string[] = [];
  if (facts.annexIProduct) notes.push('the product is under Annex I Section B legislation, whose Art. 6(1) route Art. 2(2) limits, so its Annex III use decides the tier');
  if (facts.annexIIIPoint) return annexIIITier(facts, facts.annexIIIPoint, duties, notes);
  if (duties.includes('emotion_recognition')) {
    notes.push(`emotion recognition that ${prohibitedPractice('5(1)(f)').ref} does not prohibit is an Annex III point ${EMOTION_RECOGNITION_POINT} use`);
    return annexIIITier(facts, EMOTION_RECOGNITION_POINT, duties, notes);
  }

  const lower = lowerTier(duties);
  return { tier: { ...lower, reason: upperFirst(lower.reason) }, route: { kind: 'none' }, consequences: [] };
}

function withScope(raw: RawTier, scope: EuScope): string {
  const when = scope.binds && raw.appliesFrom ? `, applying from ${lawDayPhrase(raw.appliesFrom, { withMove: false })}` : '';
  const reason = raw.tier.reason.replace(APPLYING, when);
  if (!scope.binds) return `${reason}; ${scope.why}, so the tier is for information only.`;
  return scope.why ? `${reason}; ${scope.why}.` : `${reason}.`;
}

/**
 * EU AI Act tier, in the order the Regulation tests it: a general-purpose AI model is its own regime
 * (Chapter V); then Art. 5 prohibitions, Art. 6(1) (Annex I products), Art. 6(2) (Annex III, with emotion
 * recognition as point 1(c)) unless an Art. 6(3) condition applies without profiling, then Art. 50. Then
 * whether the Regulation binds this operator at all (Art. 2), for the roles it has.
 */
export function decideRiskTier(
  facts: SystemFacts,
  duties: readonly TransparencyDuty[],
  roles: (tier: TierDecision['tier']['value']) => EuOperatorRoleName[],
): TierDecision {
  const raw = rawTier(facts, duties);
  const scope = decideEuScope(facts, raw.route, raw.tier.value, duties, roles(raw.tier.value));
  return {
    tier: { ...raw.tier, reason: withScope(raw, scope) },
    route: raw.route,
    euBinds: scope.binds,
    scope,
    consequences: raw.consequences,
  };
}
