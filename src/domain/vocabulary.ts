// The closed vocabularies of the contract (CONTRACT.md "Inventory CSV"): the same values are
// accepted by the CSV import, the intake modal and shown in exports.

export const LIFECYCLE_STAGES = ['design', 'development', 'validation', 'deployed', 'retired'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const OPERATOR_ROLES = ['provider', 'deployer', 'provider_and_deployer', 'importer', 'distributor'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const DATA_CATEGORIES = ['none', 'personal', 'sensitive', 'biometric', 'children'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** EU AI Act Art. 5(1) points in legal order, with (ba) and (bb) as inserted by Regulation (EU) 2026/1744. */
export const PROHIBITED_PRACTICES = [
  '5(1)(a)', '5(1)(b)', '5(1)(ba)', '5(1)(bb)', '5(1)(c)', '5(1)(d)', '5(1)(e)', '5(1)(f)', '5(1)(g)', '5(1)(h)',
] as const;
export type ProhibitedPractice = (typeof PROHIBITED_PRACTICES)[number];

/** EU AI Act Annex III points, written as the contract writes them (`1(a)`, `2`, `8(b)`). */
export const ANNEX_III_POINTS = [
  '1(a)', '1(b)', '1(c)',
  '2',
  '3(a)', '3(b)', '3(c)', '3(d)',
  '4(a)', '4(b)',
  '5(a)', '5(b)', '5(c)', '5(d)',
  '6(a)', '6(b)', '6(c)', '6(d)', '6(e)',
  '7(a)', '7(b)', '7(c)', '7(d)',
  '8(a)', '8(b)',
] as const;
export type AnnexIIIPoint = (typeof ANNEX_III_POINTS)[number];

/** EU AI Act Art. 6(3) derogation conditions. */
export const ART6_3_CONDITIONS = ['a', 'b', 'c', 'd'] as const;
export type Art63Condition = (typeof ART6_3_CONDITIONS)[number];

/** EU AI Act Art. 50 transparency situations. */
export const TRANSPARENCY_DUTIES = [
  'interacts_with_people', 'synthetic_content', 'emotion_recognition', 'biometric_categorisation', 'deep_fake', 'public_interest_text',
] as const;
export type TransparencyDuty = (typeof TRANSPARENCY_DUTIES)[number];

/** Whether the row is a general-purpose AI model this operator provides (Art. 3(63)), and with systemic risk (Art. 51). */
export const GPAI_MODEL_VALUES = ['no', 'yes', 'systemic'] as const;
export type GpaiModel = (typeof GPAI_MODEL_VALUES)[number];

/** The Art. 2 exclusion the operator relies on: military (2(3)), research (2(6), 2(8)), personal (2(10)), open source (2(12)). */
export const SCOPE_EXCLUSIONS = ['none', 'military', 'research', 'personal', 'open_source'] as const;
export type ScopeExclusion = (typeof SCOPE_EXCLUSIONS)[number];

/** The Annex I section of the product legislation: A (New Legislative Framework) or B (other, Art. 2(2)). */
export const ANNEX_I_SECTIONS = ['a', 'b'] as const;
export type AnnexISection = (typeof ANNEX_I_SECTIONS)[number];

/** Art. 25(1)(a)-(c): how a distributor, importer or deployer becomes the provider of a high-risk system. */
export const ART25_PROVIDER_CASES = ['none', 'own_name', 'substantial_modification', 'changed_purpose'] as const;
export type Art25ProviderCase = (typeof ART25_PROVIDER_CASES)[number];

/** Two-letter codes of the US states, the District of Columbia and the territories. */
export const US_STATES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'AS', 'GU', 'MP', 'PR', 'VI',
] as const;
export type UsState = (typeof US_STATES)[number];

/** The kind of decision about a consumer the system materially influences (Colorado SB 26-189 covered domains). */
export const CONSEQUENTIAL_DECISIONS = [
  'none', 'education', 'employment', 'financial', 'government', 'health', 'housing', 'insurance', 'legal',
] as const;
export type ConsequentialDecision = (typeof CONSEQUENTIAL_DECISIONS)[number];

export const TRIGGERS = [
  'new_system', 'certification', 'risk_review', 'customer_assurance', 'incident', 'supplier_change', 'privacy', 'law',
  'framework_mapping', 'material_change',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

/** EU AI Act tiers of an AI system, and the two regimes of a general-purpose AI model (Chapter V), which has no tier. */
export const RISK_TIERS = ['prohibited', 'high', 'transparency', 'minimal', 'gpai', 'gpai_systemic'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const WORK_KINDS = ['scope', 'risk', 'treatment', 'evidence', 'contract', 'incident', 'privacy', 'continuity', 'ai_governance'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const SOURCES = ['iso-42001', 'nist-ai-rmf', 'eu-ai-act', 'co-sb26-189'] as const;
export type Source = (typeof SOURCES)[number];

/** The binding laws among the sources, in the order they lead when several bind (CONTRACT.md: the EU AI Act first). */
export const BINDING_LAWS = ['eu-ai-act', 'co-sb26-189'] as const satisfies readonly Source[];
export type BindingLaw = (typeof BINDING_LAWS)[number];

export const SOURCE_LABELS: Record<Source, string> = {
  'iso-42001': 'ISO/IEC 42001:2023',
  'nist-ai-rmf': 'NIST AI RMF 1.0',
  'eu-ai-act': 'EU AI Act (Regulation (EU) 2024/1689, as amended)',
  'co-sb26-189': 'Colorado SB 26-189 (ADMT Act)',
};
