import { ANNEX_I_SECTION_B_RULE, SCOPE_EXCLUSIONS } from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import type { RiskTier, TransparencyDuty } from '../vocabulary.js';
import type { EuOperatorRoleName, EuScope, TierRoute } from './types.js';
import { NOT_BINDING, joinAnd, lowerFirst } from './wording.js';

type ScopeExclusionId = (typeof SCOPE_EXCLUSIONS)[number]['id'];

function exclusion(id: ScopeExclusionId) {
  const found = SCOPE_EXCLUSIONS.find((x) => x.id === id);
  if (!found) throw new Error(`scope exclusion ${id} is not in the catalog`);
  return found;
}

const described = (...ids: ScopeExclusionId[]) =>
  joinAnd(ids.map((id) => { const x = exclusion(id); return `${x.ref} (${lowerFirst(x.topic)})`; }));

const notBinding = (why: string, refs: string[]): EuScope => ({ binds: false, roles: [], why, refs });

/** Art. 2(2) as replaced: the Section B regime in the reference's own words, up to its first qualification. */
const SECTION_B_LIMIT = ANNEX_I_SECTION_B_RULE.summary.split(';')[0]!;

/**
 * Whether the EU AI Act binds this operator for this system, in the order the Regulation's scope is read:
 * territorial scope (Art. 2(1)), the Art. 2 exclusions, then the limited regime of an Annex I Section B
 * product (Art. 2(2)). `tier` is what the facts indicate; it decides whether the open-source exclusion holds.
 */
export function decideEuScope(
  facts: SystemFacts,
  route: TierRoute,
  tier: RiskTier,
  duties: readonly TransparencyDuty[],
  roles: readonly EuOperatorRoleName[],
): EuScope {
  if (!facts.euNexus) return notBinding(NOT_BINDING, ['Art. 2(1)']);
  switch (facts.scopeExclusion) {
    case 'military':
      return notBinding(
        `the EU AI Act does not bind it: ${described('art2-3')} excludes systems used exclusively for those purposes, while a dual-use system also put to civilian use stays in scope`,
        [exclusion('art2-3').ref],
      );
    case 'research':
      return notBinding(
        `the EU AI Act does not bind it: ${described('art2-6', 'art2-8')}; testing in real-world conditions stays in scope`,
        [exclusion('art2-6').ref, exclusion('art2-8').ref],
      );
    case 'personal': {
      const ref = exclusion('art2-10').ref;
      const remaining = roles.filter((r) => r !== 'deployer');
      if (remaining.length === 0) {
        return notBinding(`the EU AI Act does not bind it: ${described('art2-10')} lifts the deployer's obligations`, [ref]);
      }
      return {
        binds: true,
        roles: remaining,
        why: `${described('art2-10')} lifts only the deployer's obligations, so the ${joinAnd(remaining)}'s remain`,
        refs: [ref],
      };
    }
    case 'open_source': {
      const ref = exclusion('art2-12').ref;
      if (route.kind === 'gpai') {
        return { binds: true, roles: [...roles], why: `${ref} concerns AI systems; a general-purpose AI model released as open source has its own exception in Art. 53(2)`, refs: [ref, 'Art. 53(2)'] };
      }
      const keeps = tier === 'prohibited' || tier === 'high' || duties.length > 0;
      if (keeps) {
        const what = tier === 'prohibited' ? 'an Art. 5 practice' : tier === 'high' ? 'a high-risk system' : 'a system with Art. 50 duties';
        return { binds: true, roles: [...roles], why: `the ${ref} open-source exclusion does not cover ${what}`, refs: [ref] };
      }
      return notBinding(
        `the EU AI Act does not bind it: ${described('art2-12')}, and it is neither prohibited, high-risk nor an Art. 50 system`,
        [ref],
      );
    }
    case 'none':
      break;
  }
  if (route.kind === 'art6_1' && route.section === 'b') {
    return notBinding(
      `the EU AI Act does not bind its operator beyond classification: under ${ANNEX_I_SECTION_B_RULE.ref}, ${lowerFirst(SECTION_B_LIMIT)}`,
      [ANNEX_I_SECTION_B_RULE.ref],
    );
  }
  return { binds: true, roles: [...roles], why: '', refs: [] };
}
