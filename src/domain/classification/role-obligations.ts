import { ART25_CASES, ART4_LITERACY, GPAI_OBLIGATIONS, transparencyDuty } from '../catalog/index.js';
import type { SystemFacts } from '../system-facts.js';
import type { AnnexIIIPoint, Art25ProviderCase, OperatorRole, RiskTier, TransparencyDuty } from '../vocabulary.js';
import type { EuOperatorRoleName, Reasoned, RoleObligation, TierDecision } from './types.js';
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

const ART25_CASE_IDS: Record<Exclude<Art25ProviderCase, 'none'>, string> = {
  own_name: 'art25-1-a',
  substantial_modification: 'art25-1-b',
  changed_purpose: 'art25-1-c',
};

function art25Case(value: Exclude<Art25ProviderCase, 'none'>) {
  const found = ART25_CASES.find((c) => c.id === ART25_CASE_IDS[value]);
  if (!found) throw new Error(`Art. 25 case ${value} is not in the catalog`);
  return found;
}

/**
 * The roles the Regulation gives this operator: its own, plus the provider's under Art. 25(1) when it puts
 * its name on, substantially modifies, or changes the purpose of a system that is (then) high-risk.
 */
export function decideEuRoles(facts: SystemFacts, tier: RiskTier): Reasoned<EuOperatorRoleName[]> {
  const own = euRolesOf(facts.operatorRole);
  if (facts.art25Provider === 'none') return { value: own, reason: '', refs: [] };
  const c = art25Case(facts.art25Provider);
  if (tier !== 'high') {
    return {
      value: own,
      reason: `${c.ref} makes a third party the provider only of a high-risk system; this system is not high-risk, so the ${joinAnd(own)} keeps that role alone.`,
      refs: [c.ref],
    };
  }
  return {
    value: unique([...own, 'provider']),
    reason: `Under ${c.ref} this ${joinAnd(own)} is considered the provider of the high-risk system and takes on the provider's obligations (Art. 16); the initial provider cooperates with it (Art. 25(2)).`,
    refs: [c.ref, 'Art. 16'],
  };
}

/** Art. 50 paragraphs addressed to this role, with Art. 50(5) (how the information is given) when any apply. */
export function transparencyArticles(role: EuOperatorRoleName, duties: readonly TransparencyDuty[]): string[] {
  const refs = unique(duties.map(transparencyDuty).filter((d) => d.addressee === role).map((d): string => d.ref));
  return refs.length > 0 ? [...refs, 'Art. 50(5)'] : [];
}

interface Part {
  articles: string[];
  words: string;
}

const annexIIIOf = (tier: TierDecision): AnnexIIIPoint | null => (tier.route.kind === 'art6_2' ? tier.route.point : null);

/** Art. 27(1): public bodies and private providers of public services, and any deployer of Annex III 5(b) or 5(c); never point 2. */
export function fundamentalRightsAssessmentApplies(facts: SystemFacts, tier: TierDecision): boolean {
  const point = annexIIIOf(tier);
  if (!point || point === '2') return false;
  return facts.publicBody || point === '5(b)' || point === '5(c)';
}

/** Art. 49: which registration paragraph binds this role, if any. */
export function registrationArticle(role: EuOperatorRoleName, facts: SystemFacts, tier: TierDecision): 'Art. 49(1)' | 'Art. 49(3)' | 'Art. 49(5)' | null {
  const point = annexIIIOf(tier);
  if (!point) return null;
  if (role === 'provider') return point === '2' ? 'Art. 49(5)' : 'Art. 49(1)';
  if (role === 'deployer' && facts.publicBody && point !== '2') return 'Art. 49(3)';
  return null;
}

function highRiskParts(role: EuOperatorRoleName, facts: SystemFacts, tier: TierDecision): Part[] {
  const registration = registrationArticle(role, facts, tier);
  const registers = registration ? [{ articles: [registration], words: `registration (${registration})` }] : [];
  switch (role) {
    case 'provider':
      return [
        { articles: ['Art. 16', 'Art. 17'], words: 'high-risk requirements of Art. 9-15 (Art. 16) and a quality management system (Art. 17)' },
        { articles: ['Art. 43', 'Art. 47', 'Art. 48'], words: 'conformity assessment, EU declaration of conformity and CE marking (Art. 43, 47, 48)' },
        // Annex I products register under their own legislation; Annex III systems under Art. 49.
        ...registers,
        { articles: ['Art. 72', 'Art. 73'], words: 'post-market monitoring and serious-incident reporting (Art. 72, 73)' },
      ];
    case 'deployer':
      return [
        { articles: ['Art. 26'], words: 'use under the instructions, human oversight, input data, monitoring and logs (Art. 26)' },
        ...(fundamentalRightsAssessmentApplies(facts, tier)
          ? [{ articles: ['Art. 27'], words: `a fundamental rights impact assessment (Art. 27(1): ${facts.publicBody ? 'a public body or private provider of public services' : `Annex III point ${annexIIIOf(tier)}`})` }]
          : []),
        ...registers,
      ];
    case 'importer':
      return [{ articles: ['Art. 23'], words: 'importer checks before placing on the market (Art. 23)' }];
    case 'distributor':
      return [{ articles: ['Art. 24'], words: 'distributor checks before making available (Art. 24)' }];
  }
}

/** Chapter V duties of the provider of a general-purpose AI model, less what Art. 53(2) lifts for open source. */
export function gpaiArticles(facts: SystemFacts, systemic: boolean): string[] {
  const openSource = facts.scopeExclusion === 'open_source';
  return GPAI_OBLIGATIONS
    .filter((o) => systemic || !o.systemicOnly)
    .filter((o) => systemic || !openSource || !o.openSourceExempt)
    .map((o) => o.ref);
}

const LITERACY = `taking measures to support the AI literacy of staff (${ART4_LITERACY.ref})`;

function obligationFor(role: EuOperatorRoleName, facts: SystemFacts, tier: TierDecision, duties: readonly TransparencyDuty[]): RoleObligation {
  const label = upperFirst(role);
  if (!facts.euNexus) {
    return { role, articles: [], reason: `${label}: no EU AI Act obligation binds without an EU nexus (Art. 2(1)).` };
  }
  if (!tier.scope.roles.includes(role)) {
    return { role, articles: [], reason: `${label}: no EU AI Act obligation binds; ${tier.scope.why}.` };
  }
  if (tier.route.kind === 'art5') {
    const ref = tier.route.practiceRef;
    return { role, articles: [ref], reason: `${label}: must not place on the market, put into service or use a system practising ${ref}; it is escalated at once.` };
  }
  if (tier.route.kind === 'gpai') {
    if (role !== 'provider') return { role, articles: [], reason: `${label}: Chapter V binds the provider of a general-purpose AI model, not the ${role}.` };
    const articles = gpaiArticles(facts, tier.route.systemic);
    const lifted = facts.scopeExclusion === 'open_source'
      ? tier.route.systemic ? '; the Art. 53(2) open-source exception does not apply to a model with systemic risk' : '; Art. 53(2) lifts points (a) and (b) for a model released under a free and open-source licence'
      : '';
    return { role, articles, reason: `${label} of a ${TIER_WORDS[tier.tier.value]}: ${joinAnd(articles)}${lifted}.` };
  }
  const parts: Part[] = tier.tier.value === 'high' ? highRiskParts(role, facts, tier) : [];
  if (role === 'provider' && tier.route.kind === 'art6_3_derogation') {
    parts.push({ articles: ['Art. 6(4)', 'Art. 49(2)'], words: 'documenting the Art. 6(3) assessment and registering the system (Art. 6(4), 49(2))' });
  }
  const transparency = transparencyArticles(role, duties);
  if (transparency.length > 0) parts.push({ articles: transparency, words: `transparency duties (${transparency.join(', ')})` });
  // Art. 4 binds providers and deployers of every AI system; importers and distributors are not named.
  if (role === 'provider' || role === 'deployer') parts.push({ articles: ['Art. 4'], words: LITERACY });
  if (parts.length === 0) {
    const article = role === 'importer' ? 'Art. 23' : 'Art. 24';
    return { role, articles: [], reason: `${label}: ${article} applies to high-risk systems only, so a ${TIER_WORDS[tier.tier.value]} carries no ${role} obligation.` };
  }
  return {
    role,
    articles: unique(parts.flatMap((p) => p.articles)),
    reason: `${label} of a ${TIER_WORDS[tier.tier.value]}: ${joinAnd(parts.map((p) => p.words))}.`,
  };
}

export function decideRoleObligations(
  facts: SystemFacts, tier: TierDecision, duties: readonly TransparencyDuty[], roles: readonly EuOperatorRoleName[],
): RoleObligation[] {
  return roles.map((role) => obligationFor(role, facts, tier, duties));
}

/**
 * Whether an obligation of the Regulation falls on this operator for this system. AI literacy (Art. 4) is
 * owed for every AI system the organisation provides or deploys: it is organisation-wide, so on its own it
 * does not make the Act the binding source of one system.
 */
export function euObligationsBind(obligations: readonly RoleObligation[]): boolean {
  return obligations.some((o) => o.articles.some((a) => a !== 'Art. 4'));
}
