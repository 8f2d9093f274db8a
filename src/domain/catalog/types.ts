// Shapes of the catalog data. The data itself lives in generated/ (built from the reference JSON by
// scripts/build-catalog.mjs) and in eu-ai-act-labels.ts (editorial labels for the UI).

/** Where a piece of the catalog comes from, kept next to the data so exports and dossiers can cite it. */
export interface SourceDetail {
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
}

export interface EuHighRiskRoute {
  readonly ref: string;
  readonly summary: string;
  readonly appliesFrom: string;
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

export interface EuDate {
  readonly date: string;
  readonly event: string;
  readonly ref: string;
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
