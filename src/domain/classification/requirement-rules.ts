import type { SystemFacts } from '../system-facts.js';
import { DATA_CATEGORIES, type DataCategory, type Trigger, type TransparencyDuty } from '../vocabulary.js';
import { ART4_LITERACY, transparencyDuty } from '../catalog/index.js';
import type { ClaimRef, CoClaimId, EuClaimId, IsoClaimId, NistClaimId } from './evidence-summaries.js';
import type { ColoradoDecision } from './colorado-admt.js';
import { fundamentalRightsAssessmentApplies, gpaiArticles, registrationArticle } from './role-obligations.js';
import type { EuOperatorRoleName, TierDecision } from './types.js';
import { joinAnd, unique } from './wording.js';

export interface RuleContext {
  facts: SystemFacts;
  tier: TierDecision;
  duties: readonly TransparencyDuty[];
  roles: readonly EuOperatorRoleName[];
  colorado: ColoradoDecision;
}

/** One explainable reason to claim a set of requirements. `because` names the rule and what fired it. */
export interface RequirementRule {
  applies(ctx: RuleContext): boolean;
  because(ctx: RuleContext): string;
  claims(ctx: RuleContext): ClaimRef[];
}

const iso = (...ids: IsoClaimId[]): ClaimRef[] => ids.map((id) => ({ source: 'iso-42001', id }));
const nist = (...ids: NistClaimId[]): ClaimRef[] => ids.map((id) => ({ source: 'nist-ai-rmf', id }));
const eu = (...ids: EuClaimId[]): ClaimRef[] => ids.map((id) => ({ source: 'eu-ai-act', id }));
const co = (...ids: CoClaimId[]): ClaimRef[] => ids.map((id) => ({ source: 'co-sb26-189', id }));

const isProvider = (ctx: RuleContext) => ctx.roles.includes('provider');
const isDeployer = (ctx: RuleContext) => ctx.roles.includes('deployer');
/** A role the EU AI Act reaches for this system (the Art. 2 exclusions can lift one role and keep another). */
const euRole = (ctx: RuleContext, role: EuOperatorRoleName) => ctx.tier.euBinds && ctx.tier.scope.roles.includes(role);
const euHigh = (ctx: RuleContext) => ctx.tier.euBinds && ctx.tier.tier.value === 'high';

const PERSONAL_DATA: ReadonlySet<DataCategory> = new Set(['personal', 'sensitive', 'biometric', 'children']);
const SPECIAL_DATA: ReadonlySet<DataCategory> = new Set(['sensitive', 'biometric', 'children']);

/** The intake's data categories within `set`, in vocabulary order so the wording does not depend on input order. */
function dataIn(ctx: RuleContext, set: ReadonlySet<DataCategory>): DataCategory[] {
  return DATA_CATEGORIES.filter((c) => set.has(c) && ctx.facts.dataCategories.includes(c));
}

/** A prohibited practice is stopped, not governed for continued use: only the stop-and-decide claims apply. */
export const PROHIBITED_RULE: RequirementRule = {
  applies: (ctx) => ctx.tier.route.kind === 'art5',
  because: (ctx) => `Prohibited-practice rule: ${ctx.tier.tier.refs.join(', ')} means the system is stopped or withdrawn, with the decision, impact and decommissioning on record`,
  claims: (ctx) => [
    ...(ctx.tier.euBinds && ctx.tier.route.kind === 'art5' ? eu(ctx.tier.route.practiceRef) : []),
    ...iso('6.1.4', '10.2', 'A.5.4', 'A.9.4'),
    ...nist('GOVERN 1.1', 'GOVERN 1.7', 'MANAGE 1.1', 'MANAGE 2.4'),
  ],
};

const TRIGGER_CLAIMS: Record<Trigger, { why: string | ((ctx: RuleContext) => string); claims: (ctx: RuleContext) => ClaimRef[] }> = {
  new_system: { why: 'the system enters the AI management system scope and the inventory', claims: () => [...iso('4.3'), ...nist('GOVERN 1.6')] },
  certification: { why: 'the system is audited within the certified scope', claims: () => [...iso('4.3', '9.2.2'), ...nist('MEASURE 1.3')] },
  risk_review: { why: 'its risks are reassessed and treated', claims: () => [...iso('8.2', '8.3'), ...nist('MAP 5.1', 'MANAGE 1.3')] },
  material_change: { why: 'the change is planned and its impact reassessed', claims: () => [...iso('6.3', '8.4'), ...nist('MAP 1.4')] },
  customer_assurance: { why: 'a customer is given information and residual risks', claims: () => [...iso('A.8.5', 'A.10.4'), ...nist('MANAGE 1.4')] },
  incident: {
    why: (ctx) => `the incident is responded to, communicated and corrected${euHigh(ctx) && isProvider(ctx) ? ', and reported to the authority if serious (Art. 73)' : ''}`,
    claims: (ctx) => [...iso('10.2', 'A.8.4'), ...nist('MANAGE 4.3'), ...(euHigh(ctx) && isProvider(ctx) ? eu('Art. 73') : [])],
  },
  supplier_change: { why: 'the supplier is reassessed and the contract updated', claims: () => [...iso('A.10.3'), ...nist('GOVERN 6.1', 'MANAGE 3.1')] },
  privacy: { why: 'the personal data the system uses is traced and its privacy risk assessed', claims: () => [...iso('A.7.3', 'A.7.5'), ...nist('MEASURE 2.10')] },
  law: { why: 'the legal context and interested parties\' requirements are brought up to date', claims: () => [...iso('4.1', '4.2'), ...nist('GOVERN 1.1')] },
  framework_mapping: { why: 'controls are mapped in the Statement of Applicability under the risk management policy', claims: () => [...iso('6.1.3'), ...nist('GOVERN 1.4')] },
};

/** In order; the selection keeps the first reason a requirement was claimed for. */
export const REQUIREMENT_RULES: readonly RequirementRule[] = [
  {
    applies: () => true,
    because: () => 'Baseline rule: every AI system has its purpose, intended use, legal requirements, impact, performance and go/no-go decision on record',
    claims: () => [...iso('6.1.4', 'A.5.2', 'A.9.4'), ...nist('GOVERN 1.1', 'MAP 1.1', 'MEASURE 2.3', 'MANAGE 1.1')],
  },
  {
    applies: (ctx) => euRole(ctx, 'provider') || euRole(ctx, 'deployer'),
    because: () => `AI literacy rule: providers and deployers of AI systems in the EU ${ART4_LITERACY.duty} (${ART4_LITERACY.ref}, as replaced by ${ART4_LITERACY.amendedBy.replace(/, Art\. .*$/, '')})`,
    claims: () => eu('Art. 4'),
  },
  {
    applies: (ctx) => ctx.tier.route.kind === 'gpai' && euRole(ctx, 'provider'),
    because: (ctx) => {
      const systemic = ctx.tier.route.kind === 'gpai' && ctx.tier.route.systemic;
      const openSource = ctx.facts.scopeExclusion === 'open_source';
      return `General-purpose AI model rule: the provider of ${systemic ? 'a model with systemic risk notifies the Commission (Art. 52), meets Art. 53(1) and assesses and mitigates systemic risk (Art. 55)' : 'a model meets Art. 53(1)'}${openSource && !systemic ? ', less points (a) and (b), which Art. 53(2) lifts for a model released under a free and open-source licence' : ''}`;
    },
    claims: (ctx) => eu(...(gpaiArticles(ctx.facts, ctx.tier.route.kind === 'gpai' && ctx.tier.route.systemic) as EuClaimId[])),
  },
  {
    applies: () => true,
    because: (ctx) => {
      const { why } = TRIGGER_CLAIMS[ctx.facts.trigger];
      return `Trigger rule: ${ctx.facts.trigger} means ${typeof why === 'function' ? why(ctx) : why}`;
    },
    claims: (ctx) => TRIGGER_CLAIMS[ctx.facts.trigger].claims(ctx),
  },
  {
    applies: isProvider,
    because: () => 'Provider rule: the organisation develops the system, so it verifies, documents and explains it (ISO/IEC 42001 A.6)',
    claims: () => [...iso('A.6.2.4', 'A.6.2.7'), ...nist('MAP 2.2')],
  },
  {
    applies: isDeployer,
    because: () => 'Deployer rule: the organisation uses the system under its authority, so its use and operators are controlled (ISO/IEC 42001 A.9)',
    claims: () => [...iso('A.9.2'), ...nist('MAP 3.4')],
  },
  {
    applies: (ctx) => ctx.roles.includes('importer') || ctx.roles.includes('distributor'),
    because: (ctx) => `Supply-chain rule: as ${ctx.roles[0]} the organisation passes a third party's system on to customers (ISO/IEC 42001 A.10)`,
    claims: () => [...iso('A.10.2', 'A.10.4'), ...nist('GOVERN 6.1')],
  },
  {
    applies: (ctx) => dataIn(ctx, PERSONAL_DATA).length > 0,
    because: (ctx) => `Personal-data rule: the system uses ${joinAnd(dataIn(ctx, PERSONAL_DATA))} data`,
    claims: () => [...iso('A.7.3', 'A.7.5'), ...nist('MEASURE 2.10')],
  },
  {
    applies: (ctx) => dataIn(ctx, SPECIAL_DATA).length > 0,
    because: (ctx) => `Special-data rule: ${joinAnd(dataIn(ctx, SPECIAL_DATA))} data raise the impact on individuals and the risk of bias`,
    claims: () => [...iso('A.5.4'), ...nist('MEASURE 2.11')],
  },
  {
    applies: (ctx) => ctx.facts.supplier !== null,
    because: (ctx) => `Supplier rule: a third party (${ctx.facts.supplier}) supplies the system or its parts${ctx.tier.tier.value === 'high' ? ', and a high-risk third-party system needs a contingency plan' : ''}`,
    claims: (ctx) => [...iso('A.10.3'), ...nist('GOVERN 6.1', 'MANAGE 3.1'), ...(ctx.tier.tier.value === 'high' ? nist('GOVERN 6.2') : [])],
  },
  {
    applies: (ctx) => ctx.tier.tier.value === 'high',
    because: (ctx) => `High-risk rule: ${ctx.tier.tier.refs.join(', ')} puts the system in the high-risk tier${ctx.tier.euBinds ? '' : ' (as a risk signal; the EU AI Act does not bind)'}, so impacts on people and society and bias are assessed`,
    claims: () => [...iso('A.5.4', 'A.5.5'), ...nist('MAP 5.1', 'MEASURE 2.11')],
  },
  {
    applies: (ctx) => euHigh(ctx) && euRole(ctx, 'provider'),
    because: () => 'High-risk provider rule: a provider of a high-risk system meets Chapter III Section 2 (Art. 9-15), runs a quality management system (Art. 17) and monitors the system after placing it on the market (Art. 72)',
    claims: () => eu('Art. 9', 'Art. 10', 'Art. 11', 'Art. 12', 'Art. 13', 'Art. 14', 'Art. 15', 'Art. 17', 'Art. 72'),
  },
  {
    applies: (ctx) => euHigh(ctx) && euRole(ctx, 'deployer'),
    because: (ctx) => `High-risk deployer rule: a deployer of a high-risk system meets Art. 26${fundamentalRightsAssessmentApplies(ctx.facts, ctx.tier) ? ` and assesses fundamental rights impact before first use (Art. 27(1): ${ctx.facts.publicBody ? 'a body governed by public law or a private entity providing public services' : 'an Annex III point 5(b) or 5(c) system'})` : ''}`,
    claims: (ctx) => eu('Art. 26', ...(fundamentalRightsAssessmentApplies(ctx.facts, ctx.tier) ? (['Art. 27'] as const) : [])),
  },
  {
    applies: (ctx) => euHigh(ctx) && (['provider', 'deployer'] as const).some((role) => euRole(ctx, role) && registrationArticle(role, ctx.facts, ctx.tier) !== null),
    because: (ctx) => `Registration rule: ${joinAnd(registrations(ctx).map(({ role, ref }) => `${ref} binds the ${role}`))}`,
    claims: (ctx) => eu(...registrations(ctx).map((r) => r.ref)),
  },
  {
    applies: (ctx) => euHigh(ctx) && (euRole(ctx, 'importer') || euRole(ctx, 'distributor')),
    because: (ctx) => ctx.roles.includes('importer')
      ? 'High-risk supply-chain rule: an importer of a high-risk system checks it before placing it on the market (Art. 23)'
      : 'High-risk supply-chain rule: a distributor of a high-risk system checks it before making it available (Art. 24)',
    claims: (ctx) => eu(ctx.roles.includes('importer') ? 'Art. 23' : 'Art. 24'),
  },
  {
    applies: (ctx) => ctx.tier.route.kind === 'art6_3_derogation' && euRole(ctx, 'provider'),
    because: (ctx) => `Derogation rule: a provider relying on ${ctx.tier.tier.refs[0]} documents the assessment (Art. 6(4)) and registers the system (Art. 49(2))`,
    claims: () => eu('Art. 6(4)', 'Art. 49(2)'),
  },
  {
    applies: (ctx) => ctx.tier.euBinds && ctx.duties.length > 0,
    because: (ctx) => {
      const refs = unique(ctx.duties.map((d) => transparencyDuty(d).ref));
      return `Transparency rule: ${joinAnd(refs)} ${refs.length > 1 ? 'apply' : 'applies'}${addresseeNote(ctx)}`;
    },
    claims: (ctx) => eu(...unique(ctx.duties.map((d) => transparencyDuty(d).ref))),
  },
  {
    applies: (ctx) => ctx.colorado.binds,
    because: (ctx) => `Colorado ADMT rule: as ${joinAnd(ctx.colorado.roles)} of covered ADMT deciding about Colorado consumers, the organisation evidences each duty of SB 26-189 as a process (notices, explanations, data access, human review, records)`,
    claims: (ctx) => co(...(ctx.colorado.obligations as CoClaimId[])),
  },
  {
    applies: (ctx) => ctx.duties.length > 0,
    because: () => 'Information rule: people meet the AI system or its output, so they are told about it (ISO/IEC 42001 A.8)',
    claims: () => iso('A.8.2'),
  },
  {
    applies: (ctx) => ctx.facts.humanOversight !== null || ctx.tier.tier.value === 'high',
    because: (ctx) => `Human-oversight rule: ${ctx.facts.humanOversight !== null ? 'the intake describes human oversight' : 'a high-risk system needs human oversight'}, so its process is defined and followed`,
    claims: () => nist('MAP 3.5'),
  },
  {
    applies: (ctx) => ctx.facts.lifecycleStage === 'deployed' || ctx.facts.monitoringSignal !== null,
    because: (ctx) => `Monitoring rule: ${ctx.facts.lifecycleStage === 'deployed' ? 'the system is deployed' : 'the intake names a monitoring signal'}, so it is monitored in operation with a post-deployment plan`,
    claims: () => [...iso('A.6.2.6'), ...nist('MEASURE 2.4', 'MANAGE 4.1')],
  },
];

/** The Art. 49 paragraphs that bind this operator's roles for an Annex III system. */
function registrations(ctx: RuleContext): { role: EuOperatorRoleName; ref: 'Art. 49(1)' | 'Art. 49(3)' | 'Art. 49(5)' }[] {
  return (['provider', 'deployer'] as const).flatMap((role) => {
    const ref = euRole(ctx, role) ? registrationArticle(role, ctx.facts, ctx.tier) : null;
    return ref ? [{ role, ref }] : [];
  });
}

/**
 * Art. 50(1)-(2) bind providers and 50(3)-(4) deployers. The claim is kept either way: an organisation in
 * the other role holds the addressee's evidence rather than its own.
 */
function addresseeNote(ctx: RuleContext): string {
  const notes = (['provider', 'deployer'] as const).flatMap((addressee) => {
    if (ctx.roles.includes(addressee)) return [];
    const refs = unique(ctx.duties.map(transparencyDuty).filter((d) => d.addressee === addressee).map((d) => d.ref));
    if (refs.length === 0) return [];
    return [`${joinAnd(refs)} ${refs.length > 1 ? 'bind' : 'binds'} the ${addressee}, whose evidence the organisation keeps`];
  });
  return notes.length > 0 ? `; ${notes.join('; ')}` : '';
}
