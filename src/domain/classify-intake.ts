import { decideRiskTier } from './classification/risk-tier.js';
import { decidePrimarySource, decideSupportingSources } from './classification/primary-source.js';
import { decideCadence } from './classification/tier-cadence.js';
import { decideRoleObligations, euRolesOf } from './classification/role-obligations.js';
import { selectRequirements } from './classification/select-requirements.js';
import { decideTransparencyDuties } from './classification/transparency-duties.js';
import type { Classification, ClassificationPolicy } from './classification/types.js';
import { decideWorkKind } from './classification/work-kind.js';
import type { SystemFacts } from './system-facts.js';

export type {
  ApplicableRequirement, Classification, ClassificationPolicy, EuOperatorRoleName, Reasoned, RoleObligation,
} from './classification/types.js';

export const DEFAULT_CLASSIFICATION_POLICY: ClassificationPolicy = Object.freeze({
  cadenceDays: Object.freeze({ high: 90, transparency: 180, minimal: 365 }),
});

/**
 * Classifies an intake deterministically: the EU AI Act tier and Art. 50 duties, the kind of work, the
 * primary and supporting sources, each role's EU AI Act obligations, the review cadence and the
 * requirements to claim evidence against. Same facts and policy, same result; every outcome says why.
 */
export function classifyIntake(facts: SystemFacts, policy: ClassificationPolicy = DEFAULT_CLASSIFICATION_POLICY): Classification {
  const transparencyDuties = decideTransparencyDuties(facts);
  const tier = decideRiskTier(facts, transparencyDuties.value);
  const workKind = decideWorkKind(facts);
  const primarySource = decidePrimarySource(facts, tier);
  const supporting = decideSupportingSources(facts, primarySource.value);
  const roleObligations = decideRoleObligations(facts, tier, transparencyDuties.value);
  const cadence = decideCadence(tier, policy);
  const selection = selectRequirements(
    { facts, tier, duties: transparencyDuties.value, roles: euRolesOf(facts.operatorRole) },
    primarySource.value,
  );
  return {
    tier: tier.tier,
    transparencyDuties,
    workKind,
    primarySource,
    supportingSources: supporting.sources,
    roleObligations,
    cadence,
    requirements: selection.requirements,
    reasons: [
      tier.tier.reason,
      ...tier.consequences,
      transparencyDuties.reason,
      workKind.reason,
      primarySource.reason,
      supporting.reason,
      ...roleObligations.map((r) => r.reason),
      cadence.reason,
      ...selection.reasons,
    ],
  };
}
