import type { LegalDateId } from '../catalog/legal-dates.js';
import type {
  AnnexIIIPoint, Art63Condition, ProhibitedPractice, RiskTier, Source, TransparencyDuty, WorkKind,
} from '../vocabulary.js';

/** A decided value with the sentence that explains it and the provisions it rests on. */
export interface Reasoned<T> {
  value: T;
  reason: string;
  refs: string[];
}

export interface ApplicableRequirement {
  source: Source;
  requirementId: string;
  title: string;
  /** Plain words: what artifact proves it (at most 200 characters). */
  summary: string;
  /** The rule that selected it. */
  reason: string;
}

export type EuOperatorRoleName = 'provider' | 'deployer' | 'importer' | 'distributor';

export interface RoleObligation {
  role: EuOperatorRoleName;
  articles: string[];
  reason: string;
}

/** A date set by law that this system's obligations run from, taken from the dates table by id. */
export interface StatutoryDate {
  dateId: LegalDateId;
  /** `YYYY-MM-DD`, copied from the dates table so stored classifications can be read without the catalog. */
  date: string;
  source: Source;
  /** The provision whose obligations the date starts. */
  ref: string;
  reason: string;
}

export interface Classification {
  tier: Reasoned<RiskTier>;
  /** Art. 50 duties; they can co-exist with the high-risk tier. */
  transparencyDuties: Reasoned<TransparencyDuty[]>;
  workKind: Reasoned<WorkKind>;
  primarySource: Reasoned<Source>;
  supportingSources: Source[];
  /** The binding laws whose obligations fall on this operator for this system, each with why. */
  bindingSources: Source[];
  roleObligations: RoleObligation[];
  /** Colorado SB 26-189: whether it binds, in which roles, and the duties claimed. */
  colorado: { binds: boolean; roles: ('developer' | 'deployer')[]; obligations: string[] };
  /** Dates set by law from which this system's obligations apply (not review cycles). */
  statutoryDates: StatutoryDate[];
  /** null for prohibited: escalated at once, never scheduled. */
  cadence: { days: number | null; reason: string };
  requirements: ApplicableRequirement[];
  /** Every reason above, in order, one sentence each citing the article, clause or rule. */
  reasons: string[];
}

/** Review cadences are policy, not law: passed in so an organisation can set its own. */
export interface ClassificationPolicy {
  cadenceDays: { high: number; transparency: number; minimal: number; gpai: number; gpai_systemic: number };
}

/** How the tier was reached; later decisions (roles, requirements) depend on the route, not only the tier. */
export type TierRoute =
  | { kind: 'art5'; practiceRef: `Art. ${ProhibitedPractice}` }
  | { kind: 'art6_1'; section: 'a' | 'b' }
  | { kind: 'art6_2'; point: AnnexIIIPoint }
  | { kind: 'art6_3_derogation'; point: AnnexIIIPoint; condition: Art63Condition }
  | { kind: 'gpai'; systemic: boolean }
  | { kind: 'none' };

/** Whether the Regulation binds this operator at all for this system, and which of its roles it reaches. */
export interface EuScope {
  binds: boolean;
  /** The roles whose obligations apply; empty when it does not bind. */
  roles: EuOperatorRoleName[];
  /** A clause for the reasons: why it does not bind, or which exclusion it survives; empty when nothing to say. */
  why: string;
  refs: string[];
}

export interface TierDecision {
  tier: Reasoned<RiskTier>;
  route: TierRoute;
  /**
   * The EU AI Act binds only with an EU nexus (placed on the market, used, or output used in the EU), outside
   * the Art. 2 exclusions and, for an Annex I Section B product, beyond Art. 6(1) classification (Art. 2(2)).
   */
  euBinds: boolean;
  scope: EuScope;
  /** Further sentences the tier brings with it (the Art. 6(4) duty of a derogation). */
  consequences: string[];
}
