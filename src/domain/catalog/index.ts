// The framework catalog: ISO/IEC 42001:2023, NIST AI RMF 1.0 and the EU AI Act, with the NIST <-> ISO
// crosswalks. Pure data and lookups; each data module exports a SOURCE to cite.

import { SOURCE as CROSSWALK_ISO_23894_SOURCE } from './generated/crosswalk-nist-iso-23894.js';
import { SOURCE as CROSSWALK_ISO_42001_SOURCE } from './generated/crosswalk-nist-iso-42001.js';
import { SOURCE as EU_AI_ACT_SOURCE } from './generated/eu-ai-act.js';
import { SOURCE as ISO_42001_SOURCE } from './generated/iso-42001.js';
import { SOURCE as NIST_AI_RMF_SOURCE } from './generated/nist-ai-rmf.js';
import { SOURCE as EU_AI_ACT_LABELS_SOURCE } from './eu-ai-act-labels.js';
import { SOURCE as COLORADO_SOURCE } from './generated/colorado-sb26-189.js';
import { SOURCE as COLORADO_LABELS_SOURCE } from './colorado-labels.js';

export type * from './types.js';
export {
  REQUIREMENTS, catalogOrder, findRequirement, isKnownRequirement, requirementTitle,
  type EuRequirementId, type IsoClauseId, type IsoControlId, type IsoRequirementId, type NistSubcategoryId,
  type Requirement, type RequirementKind, type RequirementRef,
} from './requirements.js';
export { crosswalkMaps, crosswalkPartners } from './crosswalk.js';
export {
  ANNEX_III_BY_AREA, ART6_3_OPTIONS, PROHIBITED_PRACTICE_OPTIONS, TRANSPARENCY_DUTY_OPTIONS,
  annexIIIPoint, art63Condition, prohibitedPractice, transparencyDuty,
  type AnnexIIIAreaGroup, type AnnexIIIPointEntry, type Art63ConditionEntry, type ProhibitedPracticeEntry,
  type TransparencyDutyEntry,
} from './eu-ai-act-options.js';
export { TRANSPARENCY_DUTY_ARTICLES } from './eu-ai-act-labels.js';

export { NIST_CATEGORIES, NIST_FUNCTIONS, NIST_SUBCATEGORIES } from './generated/nist-ai-rmf.js';
export { ISO_ANNEX_A_CONTROLS, ISO_ANNEX_A_GROUPS, ISO_CLAUSES } from './generated/iso-42001.js';
export {
  AMENDMENTS, ANNEX_I_ENTRIES, ANNEX_I_SECTION_B_RULE, ANNEX_III_AREAS, ART111_4, ART25_CASES, ART27_GROUPS, ART49_PARAGRAPHS,
  ART4_LITERACY, ART50_OBLIGATIONS, ART6_3_DEROGATION, ART73_DEADLINES, EU_ARTICLES, EU_DATES, GPAI_DATE_IDS, GPAI_OBLIGATIONS,
  HIGH_RISK_ROUTES, OPERATOR_ROLE_CATALOG, PROHIBITED_PRACTICE_CATALOG, SCOPE_EXCLUSIONS, TIER_REFS, type EuDateId,
} from './generated/eu-ai-act.js';
export {
  LEGAL_DATES, MOVED_FROM_PATTERN, formatLawDay, isLegalDateId, lawDayPhrase, legalDate, movedNote,
  type LegalDate, type LegalDateId,
} from './legal-dates.js';
export {
  CO_COVERED_DOMAINS, CO_DATES, CO_DEFINITIONS, CO_ENFORCEMENT, CO_EXEMPTIONS, CO_OBLIGATIONS, CO_STATUS, type CoDateId,
  type CoExemptionId, type CoObligationId,
} from './generated/colorado-sb26-189.js';
export { CO_OBLIGATION_LABELS } from './colorado-labels.js';
export {
  CLASSIFICATION_VERSIONS, CLASSIFICATION_VERSION_KEY, RULES_VERSION, SOURCE_VERSIONS, type ClassificationVersions,
} from './versions.js';
export { CROSSWALK_METHOD, CROSSWALK_NIST_ISO_42001 } from './generated/crosswalk-nist-iso-42001.js';
export { CROSSWALK_NIST_ISO_23894 } from './generated/crosswalk-nist-iso-23894.js';

/** Where every part of the catalog comes from, for exports, dossiers and the help text. */
export const CATALOG_SOURCES = {
  nistAiRmf: NIST_AI_RMF_SOURCE,
  iso42001: ISO_42001_SOURCE,
  euAiAct: EU_AI_ACT_SOURCE,
  euAiActLabels: EU_AI_ACT_LABELS_SOURCE,
  coloradoSb26189: COLORADO_SOURCE,
  coloradoLabels: COLORADO_LABELS_SOURCE,
  crosswalkNistIso42001: CROSSWALK_ISO_42001_SOURCE,
  crosswalkNistIso23894: CROSSWALK_ISO_23894_SOURCE,
} as const;
