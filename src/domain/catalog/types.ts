// Shapes of the catalog data. The data itself lives in generated/ (built from the reference JSON by
// scripts/build-catalog.mjs) and in eu-ai-act-labels.ts (editorial labels for the UI).

/** Where a piece of the catalog comes from, kept next to the data so exports and dossiers can cite it. */
export interface SourceDetail {
  /** The reference's key for the source (`S-CONS-A`), which facts cite in their `source` field. */
  readonly key?: string;
  readonly kind?: string;
  readonly locator?: string;
  readonly describes?: string;
  readonly url?: string;
  readonly also?: string;
  readonly note?: string;
  readonly repo?: string;
  readonly path?: string;
  readonly commit?: string;
  readonly page?: string;
  readonly use: string;
}

export interface CatalogSource {
  readonly name: string;
  readonly title?: string;
  readonly published?: string;
  /** The day the reference file was last checked against its sources, where it says. */
  readonly asOf?: string;
  readonly source: string;
  readonly sourceDetails: readonly SourceDetail[];
  readonly licenceNote: string;
  readonly authority?: string;
  readonly notes: readonly string[];
}

export type NistFunctionId = 'GOVERN' | 'MAP' | 'MEASURE' | 'MANAGE';

export interface NistFunction {
  readonly id: NistFunctionId;
  readonly name: string;
  readonly summary: string;
}

export interface NistCategory {
  readonly id: string;
  readonly function: NistFunctionId;
  readonly text: string;
}

/** NIST gives no short titles: the outcome statement is the title. */
export interface NistSubcategory {
  readonly id: string;
  readonly function: NistFunctionId;
  readonly category: string;
  readonly text: string;
}

export interface IsoClause {
  readonly id: string;
  readonly title: string;
  readonly parent?: string;
  readonly titleSource: string;
}

export interface IsoAnnexAGroup {
  readonly id: string;
  readonly title: string;
  readonly parent?: string;
}

export interface IsoAnnexAControl {
  readonly id: string;
  readonly title: string;
  readonly group: string;
  readonly subgroup?: string;
}

export interface EuProhibitedPractice {
  /** As the contract writes it, e.g. `5(1)(c)`. */
  readonly point: string;
  readonly ref: string;
  /** Editorial one-line summary from the reference, not legal text. */
  readonly label: string;
  readonly text: string;
  /** The EU_DATES entry from which the prohibition applies. */
  readonly dateId: string;
  readonly addedBy?: string;
  readonly scopedBy?: string;
}

export interface EuHighRiskRoute {
  readonly ref: string;
  readonly summary: string;
  /** The EU_DATES entry from which the route's obligations apply, and the original date it replaced. */
  readonly dateId: string;
  readonly supersededDateId?: string;
  readonly amendedBy?: string;
  readonly note?: string;
}

export interface EuAmendment {
  readonly id: string;
  /** `Regulation (EU) 2026/1744`. */
  readonly act: string;
  readonly title: string;
  readonly status: string;
  readonly celex: string;
  readonly inForceDateId: string;
}

export interface EuAnnexIEntry {
  readonly point: string;
  readonly section: 'a' | 'b';
  readonly act: string;
  readonly celex: string;
  readonly inForce: boolean;
  readonly change?: string;
}

export interface EuScopeExclusion {
  readonly id: string;
  readonly ref: string;
  readonly topic: string;
  readonly text: string;
  readonly note?: string;
}

export interface EuArt25Case {
  readonly id: string;
  readonly ref: string;
  readonly text: string;
}

export interface EuArt27Group {
  readonly id: string;
  readonly who: string;
  readonly systems: string;
}

export interface EuArt49Paragraph {
  readonly id: string;
  readonly ref: string;
  readonly who: string;
  readonly summary?: string;
}

export interface EuArt73Deadline {
  readonly id: string;
  readonly ref: string;
  readonly days: number;
}

export interface EuGpaiObligation {
  readonly ref: string;
  /** The article title, e.g. "Obligations for providers of general-purpose AI models". */
  readonly title: string;
  readonly summary: string;
  /** Art. 52 and 55 bind only providers of models with systemic risk. */
  readonly systemicOnly: boolean;
  /** Art. 53(2): not owed for a model released under a free and open-source licence without systemic risk. */
  readonly openSourceExempt: boolean;
}

export interface EuArt63Condition {
  readonly condition: 'a' | 'b' | 'c' | 'd';
  readonly ref: string;
  readonly text: string;
}

export interface EuArt63Derogation {
  readonly ref: string;
  readonly text: string;
  readonly conditions: readonly EuArt63Condition[];
  readonly profilingOverride: string;
  readonly documentationDutySummary: string;
}

export interface EuAnnexIIIPoint {
  /** As the contract writes it, e.g. `4(a)` or `2`. */
  readonly key: string;
  readonly ref: string;
  readonly text: string;
}

export interface EuAnnexIIIArea {
  readonly area: number;
  readonly title: string;
  readonly shortTitle: string;
  readonly points: readonly EuAnnexIIIPoint[];
}

export interface EuTransparencyObligation {
  readonly paragraph: number;
  readonly ref: string;
  readonly addressees: readonly ('provider' | 'deployer')[];
  readonly label: string;
  readonly text: string;
}

export interface EuOperatorRole {
  readonly role: string;
  readonly definitionRef: string;
  readonly definition: string;
  readonly keyArticles: readonly string[];
  readonly note?: string;
}

export interface EuArticle {
  readonly ref: string;
  readonly title: string;
  /** Where in the reference the title was read. */
  readonly from: string;
}

export type EuDateStatus = 'in_force' | 'superseded' | 'proposed';

/** A date of the Regulation as amended; a superseded original stays, linked to the date that replaced it. */
export interface EuDate {
  readonly id: string;
  /** Calendar date as the law writes it, `YYYY-MM-DD`. */
  readonly date: string;
  readonly event: string;
  readonly ref: string;
  readonly status: string;
  readonly supersededBy?: string;
  readonly supersedes?: string;
  readonly amendedBy?: string;
  /** The reference's source keys (`S-CONS-A; S-CONS-B`). */
  readonly source: string;
  readonly verifiedOn: string;
  readonly confidence: string;
  readonly note?: string;
}

/** The version of one reference file the catalog was built from. */
export interface SourceVersion {
  readonly source: string;
  readonly file: string;
  readonly asOf: string | null;
  readonly sha256: string;
}

export interface CrosswalkNistIso42001Pair {
  readonly nist: string;
  readonly iso: string;
  readonly isoKind: 'clause' | 'annex_a_control';
  readonly isoTitle: string;
  /** The id as the crosswalk printed it (Annex B ids such as `B.6.2.4` are normalised to `A.6.2.4` in `iso`). */
  readonly sourceRef: string;
  readonly sourceTitle: string;
  readonly note?: string;
}

export interface CrosswalkNistIso23894Pair {
  readonly nistFunction: NistFunctionId;
  readonly iso23894: string;
  readonly title: string;
  readonly note?: string;
}

/** A date of Colorado SB 26-189: legislative history (`historical`) or in force. */
export interface CoDate {
  readonly id: string;
  readonly date: string;
  readonly event: string;
  readonly ref: string;
  readonly status: string;
  readonly source: string;
  readonly verifiedOn: string;
  readonly confidence: string;
  readonly note?: string;
}

export interface CoDefinition {
  readonly id: string;
  readonly term: string;
  readonly ref: string;
  readonly text?: string;
  readonly paraphrase?: string;
  readonly note?: string;
  readonly source: string;
  readonly confidence: string;
}

export interface CoObligation {
  readonly id: string;
  readonly addressees: readonly ('developer' | 'deployer')[];
  readonly what: string;
  readonly ref: string;
  readonly when: string;
  readonly deadline?: string;
  readonly recordKeeping?: string;
  /** A sector duty names the sector it falls on. */
  readonly appliesTo?: string;
  readonly note?: string;
  readonly source: string;
  readonly confidence: string;
}

export interface CoExemption {
  readonly id: string;
  readonly name: string;
  readonly exists: boolean;
  readonly ref: string;
  readonly effect: string;
  readonly note?: string;
  readonly source: string;
  readonly confidence: string;
}
