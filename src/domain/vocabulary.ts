// The closed vocabularies of the contract (CONTRACT.md "Inventory CSV"): the same values are
// accepted by the CSV import, the intake modal and shown in exports.

export const LIFECYCLE_STAGES = ['design', 'development', 'validation', 'deployed', 'retired'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const OPERATOR_ROLES = ['provider', 'deployer', 'provider_and_deployer', 'importer', 'distributor'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const DATA_CATEGORIES = ['none', 'personal', 'sensitive', 'biometric', 'children'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** EU AI Act Art. 5(1) points (a)–(h). */
export const PROHIBITED_PRACTICES = ['5(1)(a)', '5(1)(b)', '5(1)(c)', '5(1)(d)', '5(1)(e)', '5(1)(f)', '5(1)(g)', '5(1)(h)'] as const;
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

export const TRIGGERS = [
  'new_system', 'certification', 'risk_review', 'customer_assurance', 'incident', 'supplier_change', 'privacy', 'law',
  'framework_mapping', 'material_change',
] as const;
export type Trigger = (typeof TRIGGERS)[number];

export const RISK_TIERS = ['prohibited', 'high', 'transparency', 'minimal'] as const;
export type RiskTier = (typeof RISK_TIERS)[number];

export const WORK_KINDS = ['scope', 'risk', 'treatment', 'evidence', 'contract', 'incident', 'privacy', 'continuity', 'ai_governance'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export const SOURCES = ['iso-42001', 'nist-ai-rmf', 'eu-ai-act'] as const;
export type Source = (typeof SOURCES)[number];

export const SOURCE_LABELS: Record<Source, string> = {
  'iso-42001': 'ISO/IEC 42001:2023',
  'nist-ai-rmf': 'NIST AI RMF 1.0',
  'eu-ai-act': 'EU AI Act (Regulation (EU) 2024/1689)',
};
