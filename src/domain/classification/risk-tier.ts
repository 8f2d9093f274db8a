import { HIGH_RISK_ROUTES, annexIIIPoint, art63Condition, prohibitedPractice, transparencyDuty } from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import type { TransparencyDuty } from '../vocabulary.js';
import type { Reasoned, TierDecision, TierRoute } from './types.js';
import { NOT_BINDING, joinAnd, lowerFirst, unique, upperFirst } from './wording.js';

const appliesFrom = (ref: string) => HIGH_RISK_ROUTES.find((r) => r.ref === ref)?.appliesFrom;

function withBinding(reason: string, euBinds: boolean): string {
  return euBinds ? `${reason}.` : `${reason}; ${NOT_BINDING}, so the tier is for information only.`;
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

function decision(tier: Reasoned<TierDecision['tier']['value']>, route: TierRoute, euBinds: boolean, consequences: string[] = []): TierDecision {
  return { tier: { ...tier, reason: withBinding(tier.reason, euBinds) }, route, euBinds, consequences };
}

/**
 * EU AI Act tier, in the order the Regulation tests it: Art. 5 prohibitions, then Art. 6(1) (Annex I
 * products), then Art. 6(2) (Annex III) unless an Art. 6(3) condition applies without profiling, then Art. 50.
 */
export function decideRiskTier(facts: SystemFacts, duties: readonly TransparencyDuty[]): TierDecision {
  const euBinds = facts.euNexus;

  if (facts.prohibitedPractice) {
    const practice = prohibitedPractice(facts.prohibitedPractice);
    return decision(
      { value: 'prohibited', reason: `Prohibited under ${practice.ref}: ${lowerFirst(practice.summary)}`, refs: [practice.ref] },
      { kind: 'art5', practiceRef: `Art. ${facts.prohibitedPractice}` },
      euBinds,
    );
  }

  if (facts.annexIProduct) {
    const alsoAnnexIII = facts.annexIIIPoint
      ? ` (Annex III point ${facts.annexIIIPoint} is also given${facts.art63Condition ? '; Art. 6(3) only derogates from Art. 6(2), not from Art. 6(1)' : ''})`
      : '';
    return decision(
      {
        value: 'high',
        reason: `High-risk under Art. 6(1): a safety component of, or itself, a product under Annex I legislation that needs third-party conformity assessment, applying from ${appliesFrom('Art. 6(1)')}${alsoAnnexIII}`,
        refs: ['Art. 6(1)', 'Annex I'],
      },
      { kind: 'art6_1' },
      euBinds,
    );
  }

  if (facts.annexIIIPoint) {
    const point = annexIIIPoint(facts.annexIIIPoint);
    const described = `Annex III point ${point.key} (${point.areaLabel}: ${lowerFirst(point.label)})`;
    const highRefs = ['Art. 6(2)', point.ref];
    if (facts.art63Condition && facts.profiling) {
      const condition = art63Condition(facts.art63Condition);
      return decision(
        {
          value: 'high',
          reason: `High-risk under Art. 6(2): ${described}; the ${condition.ref} condition does not lift it because the system profiles natural persons (Art. 6(3), last subparagraph)`,
          refs: [...highRefs, condition.ref],
        },
        { kind: 'art6_2', point: point.key },
        euBinds,
      );
    }
    if (facts.art63Condition) {
      const condition = art63Condition(facts.art63Condition);
      const lower = lowerTier(duties);
      return decision(
        {
          value: lower.value,
          reason: `Not high-risk: ${described} falls under the ${condition.ref} derogation (${lowerFirst(condition.label)}) and the system does not profile natural persons; ${lower.reason}`,
          refs: [condition.ref, 'Art. 6(4)', 'Art. 49(2)', ...lower.refs],
        },
        { kind: 'art6_3_derogation', point: point.key, condition: condition.condition },
        euBinds,
        [`Relying on ${condition.ref}, the provider documents its assessment before placing the system on the market or putting it into service (Art. 6(4)) and registers the system (Art. 49(2)).`],
      );
    }
    return decision(
      { value: 'high', reason: `High-risk under Art. 6(2): ${described}, applying from ${appliesFrom('Art. 6(2)')}`, refs: highRefs },
      { kind: 'art6_2', point: point.key },
      euBinds,
    );
  }

  const lower = lowerTier(duties);
  return decision({ ...lower, reason: upperFirst(lower.reason) }, { kind: 'none' }, euBinds);
}
