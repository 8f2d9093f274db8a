import { decideRiskTier } from './classification/risk-tier.js';
import { decideBindingSources, decidePrimarySource, decideSupportingSources } from './classification/primary-source.js';
import { decideCadence } from './classification/tier-cadence.js';
import { decideEuRoles, decideRoleObligations } from './classification/role-obligations.js';
import { decideStatutoryDates } from './classification/statutory-dates.js';
import { decideColoradoAdmt } from './classification/colorado-admt.js';
import { selectRequirements } from './classification/select-requirements.js';
import { decideTransparencyDuties } from './classification/transparency-duties.js';
import type { Classification, ClassificationPolicy } from './classification/types.js';
import { decideWorkKind } from './classification/work-kind.js';
import type { SystemFacts } from './system-facts.js';

export type {
  ApplicableRequirement, Classification, ClassificationPolicy, EuOperatorRoleName, Reasoned, RoleObligation, StatutoryDate,
} from './classification/types.js';

export const DEFAULT_CLASSIFICATION_POLICY: ClassificationPolicy = Object.freeze({
  cadenceDays: Object.freeze({ high: 90, transparency: 180, minimal: 365, gpai: 180, gpai_systemic: 90 }),
});

/**
 * Classifies an intake deterministically: the EU AI Act tier and Art. 50 duties, whether and for which
 * roles the Act binds, the kind of work, the binding, primary and supporting sources, each role's
 * obligations and the dates set by law they run from, the review cadence and the requirements to claim
 * evidence against. Same facts, policy and catalog, same result; every outcome says why.
 */
export function classifyIntake(facts: SystemFacts, policy: ClassificationPolicy = DEFAULT_CLASSIFICATION_POLICY): Classification {
  const transparencyDuties = decideTransparencyDuties(facts);
  const tier = decideRiskTier(facts, transparencyDuties.value, (value) => decideEuRoles(facts, value).value);
  // The roles follow the tier the facts indicate (Art. 25 makes a provider only of a high-risk system).
  const euRoles = decideEuRoles(facts, tier.tier.value);
  const workKind = decideWorkKind(facts);
  const roleObligations = decideRoleObligations(facts, tier, transparencyDuties.value, euRoles.value);
  const colorado = decideColoradoAdmt(facts);
  const bindingSources = decideBindingSources(tier, roleObligations, colorado);
  const primarySource = decidePrimarySource(facts, tier, roleObligations, colorado);
  const supporting = decideSupportingSources(tier, primarySource.value, colorado);
  const statutoryDates = [...decideStatutoryDates(facts, tier, transparencyDuties.value, roleObligations), ...colorado.statutoryDates]
    .sort((a, b) => a.date.localeCompare(b.date));
  const cadence = decideCadence(tier, policy);
  const selection = selectRequirements(
    { facts, tier, duties: transparencyDuties.value, roles: euRoles.value, colorado },
    primarySource.value,
  );
  return {
    tier: tier.tier,
    transparencyDuties,
    workKind,
    primarySource,
    supportingSources: supporting.sources,
    bindingSources,
    roleObligations,
    colorado: { binds: colorado.binds, roles: colorado.roles, obligations: colorado.obligations },
    statutoryDates,
    cadence,
    requirements: selection.requirements,
    reasons: [
      tier.tier.reason,
      ...tier.consequences,
      ...(euRoles.reason ? [euRoles.reason] : []),
      transparencyDuties.reason,
      workKind.reason,
      primarySource.reason,
      supporting.reason,
      ...roleObligations.map((r) => r.reason),
      ...(colorado.reason ? [colorado.reason] : []),
      ...statutoryDates.map((d) => d.reason),
      cadence.reason,
      ...selection.reasons,
    ],
  };
}
