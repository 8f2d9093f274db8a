import type { SystemFacts } from '../system-facts.js';
import type { Trigger, WorkKind } from '../vocabulary.js';
import type { Reasoned } from './types.js';

interface WorkKindRule {
  kind: WorkKind;
  because: string;
  refs: string[];
}

const BY_TRIGGER: Record<Exclude<Trigger, 'certification'>, WorkKindRule> = {
  new_system: {
    kind: 'scope',
    because: 'a new system is first placed in the AI management system scope and the AI inventory',
    refs: ['ISO/IEC 42001 4.3', 'NIST AI RMF GOVERN 1.6'],
  },
  risk_review: {
    kind: 'risk',
    because: 'a risk review reassesses the system\'s AI risks and their treatment',
    refs: ['ISO/IEC 42001 8.2', 'NIST AI RMF MAP 5.1'],
  },
  material_change: {
    kind: 'risk',
    because: 'a material change reopens the risk and impact assessment and makes dependent evidence stale',
    refs: ['ISO/IEC 42001 6.3', 'ISO/IEC 42001 8.4'],
  },
  customer_assurance: {
    kind: 'evidence',
    because: 'a customer assurance request is answered with evidence that the controls operate',
    refs: ['ISO/IEC 42001 A.10.4', 'ISO/IEC 42001 A.8.5'],
  },
  incident: {
    kind: 'incident',
    because: 'an incident is contained, communicated and corrected',
    refs: ['ISO/IEC 42001 10.2', 'ISO/IEC 42001 A.8.4', 'NIST AI RMF MANAGE 4.3'],
  },
  supplier_change: {
    kind: 'contract',
    because: 'a supplier change is settled in the supplier contract and third-party controls',
    refs: ['ISO/IEC 42001 A.10.3', 'NIST AI RMF GOVERN 6.1'],
  },
  privacy: {
    kind: 'privacy',
    because: 'a privacy request concerns the personal data the system uses',
    refs: ['ISO/IEC 42001 A.7', 'NIST AI RMF MEASURE 2.10'],
  },
  law: {
    kind: 'ai_governance',
    because: 'a change in law is governance work: legal requirements are identified, documented and assigned',
    refs: ['NIST AI RMF GOVERN 1.1', 'ISO/IEC 42001 4.1'],
  },
  framework_mapping: {
    kind: 'ai_governance',
    because: 'framework mapping relates the sources to each other through the NIST AI RMF to ISO/IEC 42001 crosswalk',
    refs: ['NIST AI RMF to ISO/IEC 42001 crosswalk'],
  },
};

// A certification audit tests controls that operate; a system not yet (or no longer) in operation is first
// settled in or out of the certification scope.
function certificationRule(facts: SystemFacts): WorkKindRule {
  if (facts.lifecycleStage === 'deployed') {
    return {
      kind: 'evidence',
      because: 'certification of a deployed system needs evidence that its controls operate',
      refs: ['ISO/IEC 42001 9.2', 'ISO/IEC 42001 4.3'],
    };
  }
  return {
    kind: 'scope',
    because: `certification of a system in ${facts.lifecycleStage} first settles whether it is in the certified scope`,
    refs: ['ISO/IEC 42001 4.3'],
  };
}

export function decideWorkKind(facts: SystemFacts): Reasoned<WorkKind> {
  const rule = facts.trigger === 'certification' ? certificationRule(facts) : BY_TRIGGER[facts.trigger];
  return {
    value: rule.kind,
    reason: `Kind of work is ${rule.kind === 'ai_governance' ? 'AI governance' : rule.kind}: trigger ${facts.trigger}, because ${rule.because} (${rule.refs.join('; ')}).`,
    refs: rule.refs,
  };
}
