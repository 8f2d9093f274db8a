import { transparencyDuty } from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import type { OperatorRole, TransparencyDuty } from '../vocabulary.js';
import type { EuOperatorRoleName, RoleObligation, TierDecision } from './types.js';
import { TIER_WORDS, joinAnd, unique, upperFirst } from './wording.js';

const ROLES_OF: Record<OperatorRole, EuOperatorRoleName[]> = {
  provider: ['provider'],
  deployer: ['deployer'],
  provider_and_deployer: ['provider', 'deployer'],
  importer: ['importer'],
  distributor: ['distributor'],
};

export function euRolesOf(role: OperatorRole): EuOperatorRoleName[] {
  return ROLES_OF[role];
}

/** Art. 50 paragraphs addressed to this role, with Art. 50(5) (how the information is given) when any apply. */
function transparencyArticles(role: EuOperatorRoleName, duties: readonly TransparencyDuty[]): string[] {
  const refs = unique(duties.map(transparencyDuty).filter((d) => d.addressee === role).map((d): string => d.ref));
  return refs.length > 0 ? [...refs, 'Art. 50(5)'] : [];
}

interface Part {
  articles: string[];
  words: string;
}

function highRiskParts(role: EuOperatorRoleName, tier: TierDecision): Part[] {
  const annexIII = tier.route.kind === 'art6_2' ? tier.route.point : null;
  switch (role) {
    case 'provider':
      return [
        { articles: ['Art. 16', 'Art. 17'], words: 'high-risk requirements of Art. 9-15 (Art. 16) and a quality management system (Art. 17)' },
        { articles: ['Art. 43', 'Art. 47', 'Art. 48'], words: 'conformity assessment, EU declaration of conformity and CE marking (Art. 43, 47, 48)' },
        // Art. 49(1) registration is for Annex III systems; Annex I products follow their own legislation.
        ...(annexIII ? [{ articles: ['Art. 49'], words: 'registration (Art. 49)' }] : []),
        { articles: ['Art. 72', 'Art. 73'], words: 'post-market monitoring and serious-incident reporting (Art. 72, 73)' },
      ];
    case 'deployer':
      return [
        { articles: ['Art. 26'], words: 'use under the instructions, human oversight, input data, monitoring and logs (Art. 26)' },
        // Art. 27(1) covers Art. 6(2) systems except Annex III point 2 (critical infrastructure).
        ...(annexIII && annexIII !== '2'
          ? [{ articles: ['Art. 27'], words: 'a fundamental rights impact assessment where Art. 27(1) applies (public bodies, public-service providers, Annex III 5(b) and 5(c))' }]
          : []),
      ];
    case 'importer':
      return [{ articles: ['Art. 23'], words: 'importer checks before placing on the market (Art. 23)' }];
    case 'distributor':
      return [{ articles: ['Art. 24'], words: 'distributor checks before making available (Art. 24)' }];
  }
}

function obligationFor(role: EuOperatorRoleName, tier: TierDecision, duties: readonly TransparencyDuty[]): RoleObligation {
  const label = upperFirst(role);
  if (!tier.euBinds) {
    return { role, articles: [], reason: `${label}: no EU AI Act obligation binds without an EU nexus (Art. 2(1)).` };
  }
  if (tier.route.kind === 'art5') {
    const ref = tier.route.practiceRef;
    return { role, articles: [ref], reason: `${label}: must not place on the market, put into service or use a system practising ${ref}; it is escalated at once.` };
  }
  const parts: Part[] = tier.tier.value === 'high' ? highRiskParts(role, tier) : [];
  if (role === 'provider' && tier.route.kind === 'art6_3_derogation') {
    parts.push({ articles: ['Art. 6(4)', 'Art. 49(2)'], words: 'documenting the Art. 6(3) assessment and registering the system (Art. 6(4), 49(2))' });
  }
  const transparency = transparencyArticles(role, duties);
  if (transparency.length > 0) parts.push({ articles: transparency, words: `transparency duties (${transparency.join(', ')})` });
  // Art. 4 binds providers and deployers of every AI system; importers and distributors are not named.
  if (role === 'provider' || role === 'deployer') parts.push({ articles: ['Art. 4'], words: 'AI literacy of staff (Art. 4)' });
  if (parts.length === 0) {
    const article = role === 'importer' ? 'Art. 23' : 'Art. 24';
    return { role, articles: [], reason: `${label}: ${article} applies to high-risk systems only, so a ${TIER_WORDS[tier.tier.value]} system carries no ${role} obligation.` };
  }
  return {
    role,
    articles: unique(parts.flatMap((p) => p.articles)),
    reason: `${label} of a ${TIER_WORDS[tier.tier.value]} system: ${joinAnd(parts.map((p) => p.words))}.`,
  };
}

export function decideRoleObligations(facts: SystemFacts, tier: TierDecision, duties: readonly TransparencyDuty[]): RoleObligation[] {
  return euRolesOf(facts.operatorRole).map((role) => obligationFor(role, tier, duties));
}
