import type { SystemFacts } from '../system-facts.js';
import { SOURCES, type Source, type Trigger } from '../vocabulary.js';
import type { Reasoned, TierDecision } from './types.js';
import { NOT_BINDING, TIER_WORDS, joinAnd, sourceLabel } from './wording.js';

// The decision rule of the product: the EU AI Act leads where one of its obligations binds; otherwise
// ISO/IEC 42001 leads management-system work and NIST AI RMF leads risk-method and framework-outcome work.
const RISK_METHOD_TRIGGERS: ReadonlySet<Trigger> = new Set(['risk_review', 'framework_mapping']);

const BINDING_TIERS = new Set(['prohibited', 'high', 'transparency']);

export function decidePrimarySource(facts: SystemFacts, tier: TierDecision): Reasoned<Source> {
  if (tier.euBinds && BINDING_TIERS.has(tier.tier.value)) {
    return {
      value: 'eu-ai-act',
      reason: `Primary source is the ${sourceLabel('eu-ai-act')}: a binding obligation for a ${TIER_WORDS[tier.tier.value]} system applies (${tier.tier.refs.join(', ')}) and the system has an EU nexus.`,
      refs: tier.tier.refs,
    };
  }
  const why = !tier.euBinds && tier.tier.value !== 'minimal'
    ? `; ${NOT_BINDING}, so it cannot lead`
    : tier.tier.value === 'minimal' ? '; the minimal tier carries no obligation that would make the EU AI Act lead' : '';
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

/** The other sources, as structure only; the EU AI Act is left out where it does not bind at all. */
export function decideSupportingSources(facts: SystemFacts, primary: Source): { sources: Source[]; reason: string } {
  const sources = SOURCES.filter((s) => s !== primary && (s !== 'eu-ai-act' || facts.euNexus));
  const named = joinAnd(sources.map(sourceLabel));
  const leftOut = facts.euNexus ? '' : `; the ${sourceLabel('eu-ai-act')} is left out because it does not bind this system (no EU nexus, Art. 2(1))`;
  return { sources, reason: `Supporting sources are ${named}: structure and cross-reference, never a substitute for the primary source${leftOut}.` };
}
