import type { SystemFacts } from '../system-facts.js';
import { SOURCES, type Source, type Trigger } from '../vocabulary.js';
import type { ColoradoDecision } from './colorado-admt.js';
import { euObligationsBind } from './role-obligations.js';
import type { Reasoned, RoleObligation, TierDecision } from './types.js';
import { TIER_WORDS, joinAnd, sourceLabel, unique } from './wording.js';

// The decision rule of the product: a binding law leads where one of its obligations falls on this operator
// for this system; otherwise ISO/IEC 42001 leads management-system work and NIST AI RMF leads risk-method
// and framework-outcome work.
const RISK_METHOD_TRIGGERS: ReadonlySet<Trigger> = new Set(['risk_review', 'framework_mapping']);

/** The binding laws whose obligations fall on this operator for this system, in the order they lead. */
export function decideBindingSources(tier: TierDecision, obligations: readonly RoleObligation[], colorado: ColoradoDecision): Source[] {
  return [
    ...(tier.euBinds && euObligationsBind(obligations) ? (['eu-ai-act'] as const) : []),
    ...(colorado.binds ? (['co-sb26-189'] as const) : []),
  ];
}

/** Why the EU AI Act does not lead, as a clause after "Primary source is …". */
function whyEuDoesNotLead(tier: TierDecision, obligations: readonly RoleObligation[]): string {
  if (!tier.euBinds) return `; ${tier.scope.why}, so it cannot lead`;
  const value = tier.tier.value;
  if (value === 'minimal') return '; the minimal tier carries no obligation that would make the EU AI Act lead (AI literacy, Art. 4, is owed organisation-wide)';
  const roles = joinAnd(unique(obligations.map((o) => o.role)));
  if (value === 'transparency') return `; the Art. 50 duties of this system are addressed to another operator than this ${roles}, so the EU AI Act does not lead`;
  return `; no EU AI Act obligation falls on this ${roles} for a ${TIER_WORDS[value]}`;
}

export function decidePrimarySource(
  facts: SystemFacts, tier: TierDecision, obligations: readonly RoleObligation[], colorado: ColoradoDecision,
): Reasoned<Source> {
  const binding = decideBindingSources(tier, obligations, colorado);
  const alsoColorado = binding.includes('co-sb26-189') ? `; ${sourceLabel('co-sb26-189')} also binds and supports it (the EU AI Act leads when both do)` : '';
  if (binding.includes('eu-ai-act')) {
    const bound = obligations.filter((o) => o.articles.some((a) => a !== 'Art. 4')).map((o) => o.role);
    return {
      value: 'eu-ai-act',
      reason: `Primary source is the ${sourceLabel('eu-ai-act')}: its obligations for a ${TIER_WORDS[tier.tier.value]} (${tier.tier.refs.join(', ')}) bind this ${joinAnd(bound)} and it has an EU nexus${alsoColorado}.`,
      refs: tier.tier.refs,
    };
  }
  const why = whyEuDoesNotLead(tier, obligations);
  if (binding.includes('co-sb26-189')) {
    return {
      value: 'co-sb26-189',
      reason: `Primary source is ${sourceLabel('co-sb26-189')}: its ${joinAnd(colorado.roles)} duties bind this system (covered ADMT deciding about Colorado consumers)${why}.`,
      refs: ['§ 6-1-1701(5)'],
    };
  }
  if (RISK_METHOD_TRIGGERS.has(facts.trigger)) {
    return {
      value: 'nist-ai-rmf',
      reason: `Primary source is ${sourceLabel('nist-ai-rmf')}: trigger ${facts.trigger} is risk-method or framework-outcome work (decision rule)${why}.`,
      refs: ['NIST AI RMF 1.0 Core'],
    };
  }
  return {
    value: 'iso-42001',
    reason: `Primary source is ${sourceLabel('iso-42001')}: trigger ${facts.trigger} is management-system work (decision rule)${why}.`,
    refs: ['ISO/IEC 42001:2023 clauses 4-10, Annex A'],
  };
}

/** The other sources, as structure only; a law is left out where it does not bind at all. */
export function decideSupportingSources(tier: TierDecision, primary: Source, colorado: ColoradoDecision): { sources: Source[]; reason: string } {
  const sources = SOURCES.filter((s) => s !== primary && (s !== 'eu-ai-act' || tier.euBinds) && (s !== 'co-sb26-189' || colorado.binds));
  const named = joinAnd(sources.map(sourceLabel));
  const leftOut = tier.euBinds ? '' : `; the ${sourceLabel('eu-ai-act')} is left out because ${tier.scope.why}`;
  return { sources, reason: `Supporting sources are ${named}: structure and cross-reference, never a substitute for the primary source${leftOut}.` };
}
