import { and, desc, eq, inArray, isNotNull, like, lte, ne, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { aimsScopes, aiSystems, evidenceArtifacts, evidenceClaims, soaControls, soaVersions } from '../schema/index.js';
import { ANSWERED_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import type { AimsScope, ControlDecision, RuleOutcome, SoaDocumentContent } from '../../domain/statement-of-applicability.js';

export type SoaFramework = 'iso-42001' | 'nist-ai-rmf';

/** The organisation's standing decisions and owners for one framework's controls, by control id. */
export async function loadControlDecisions(db: DbOrTx, framework: SoaFramework): Promise<Map<string, ControlDecision>> {
  const rows = await db.select().from(soaControls).where(eq(soaControls.framework, framework));
  return new Map(rows.map((r) => [r.controlId, {
    ownerId: r.ownerId, decision: r.decision as ControlDecision['decision'], justification: r.justification,
    ruleOutcome: r.ruleOutcome as RuleOutcome | null, decidedBy: r.decidedBy, decidedAt: r.decidedAt,
  }]));
}

export interface RecordedScope extends AimsScope { id: string; recordedBy: string; recordedAt: Date }

export async function loadCurrentScope(db: DbOrTx): Promise<RecordedScope | null> {
  const [row] = await db.select().from(aimsScopes).orderBy(desc(aimsScopes.recordedAt), desc(aimsScopes.id)).limit(1);
  return row ? { id: row.id, statement: row.statement, systemIds: row.systemIds, units: row.units, recordedBy: row.recordedBy, recordedAt: row.recordedAt } : null;
}

export interface ApprovedVersion { id: string; number: number; approvedBy: string; approvedAt: Date; content: SoaDocumentContent }

export async function loadLatestVersion(db: DbOrTx): Promise<ApprovedVersion | null> {
  const [row] = await db.select().from(soaVersions).orderBy(desc(soaVersions.number)).limit(1);
  return row ? { id: row.id, number: row.number, approvedBy: row.approvedBy, approvedAt: row.approvedAt, content: row.content as SoaDocumentContent } : null;
}

/**
 * Per Annex A control, the rules that selected it and for how many systems: the applicability outcomes
 * alone, for the Home tab (the export also tallies claims by status). A system has at most one claim per
 * requirement (evidence_claims_one_per_requirement), so counting rows counts systems, without the sort a
 * distinct count needs.
 */
export async function loadControlOutcomes(db: DbOrTx): Promise<{ requirementId: string; systems: number; rules: { rule: string; systems: number }[] }[]> {
  const rule = sql<string>`split_part(${evidenceClaims.reason}, ':', 1)`;
  const rows = await db.select({ requirementId: evidenceClaims.requirementId, rule, systems: sql<number>`count(*)::int` })
    .from(evidenceClaims)
    // A retired claim's requirement no longer applies to its system.
    .where(and(eq(evidenceClaims.source, 'iso-42001'), like(evidenceClaims.requirementId, 'A.%'), ne(evidenceClaims.status, 'retired')))
    .groupBy(evidenceClaims.requirementId, rule);
  const byControl = new Map<string, { requirementId: string; systems: number; rules: { rule: string; systems: number }[] }>();
  for (const r of rows.sort((a, b) => b.systems - a.systems || a.rule.localeCompare(b.rule))) {
    const c = byControl.get(r.requirementId) ?? { requirementId: r.requirementId, systems: 0, rules: [] };
    // One claim per system and requirement, selected by one rule: the rules' counts add up to the systems.
    c.systems += r.systems;
    c.rules.push({ rule: r.rule, systems: r.systems });
    byControl.set(r.requirementId, c);
  }
  return [...byControl.values()];
}

/** Systems with a supplier on record and no A.10.3 claim: the supplier came with a change after their classification. */
export async function countSuppliersSinceClassification(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(aiSystems).where(and(isNotNull(aiSystems.supplier), sql`not exists (
    select 1 from ${evidenceClaims} where ${evidenceClaims.systemId} = ${aiSystems.id} and ${evidenceClaims.source} = 'iso-42001' and ${evidenceClaims.requirementId} = 'A.10.3' and ${evidenceClaims.status} <> 'retired')`));
  return row?.n ?? 0;
}

export interface ArtifactRef { controlId: string; artifactId: string; kind: string; evidenceDate: string; link: string | null; systemName: string; total: number }
export interface GapRef { controlId: string; claimId: string; status: string; dueAt: string; systemName: string; total: number }

const answered = sql.raw(ANSWERED_CLAIM_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * The newest artifacts and the open claims behind each Annex A control, at most `perControl` of each with
 * the total beside them: an SoA row names its evidence, and the evidence matrix holds the rest.
 */
export async function loadControlEvidenceRefs(db: DbOrTx, perControl: number): Promise<{ artifacts: ArtifactRef[]; gaps: GapRef[] }> {
  const iso = and(eq(evidenceClaims.source, 'iso-42001'), like(evidenceClaims.requirementId, 'A.%'));
  const part = sql`partition by ${evidenceClaims.requirementId}`;
  const artifactRows = db.$with('artifact_rows').as(db.select({
    controlId: evidenceClaims.requirementId, artifactId: evidenceArtifacts.id, kind: evidenceArtifacts.kind,
    evidenceDate: sql<string>`${evidenceArtifacts.evidenceDate}::text`.as('evidence_date_text'), links: evidenceArtifacts.links, systemName: aiSystems.name,
    rn: sql<number>`row_number() over (${part} order by ${evidenceArtifacts.evidenceDate} desc, ${evidenceArtifacts.id})`.as('rn'),
    total: sql<number>`(count(*) over (${part}))::int`.as('total'),
  }).from(evidenceClaims)
    .innerJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
    .innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId))
    .where(and(iso, isNotNull(evidenceClaims.artifactId), sql`${evidenceClaims.status} in (${answered})`)));
  const gapRows = db.$with('gap_rows').as(db.select({
    controlId: evidenceClaims.requirementId, claimId: evidenceClaims.id, status: evidenceClaims.status,
    dueAt: sql<string>`to_char(${evidenceClaims.dueAt} at time zone 'UTC', 'YYYY-MM-DD')`.as('due_day'), systemName: aiSystems.name,
    rn: sql<number>`row_number() over (${part} order by ${evidenceClaims.dueAt}, ${evidenceClaims.id})`.as('rn'),
    total: sql<number>`(count(*) over (${part}))::int`.as('total'),
  }).from(evidenceClaims)
    .innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId))
    .where(and(iso, inArray(evidenceClaims.status, ['requested', 'stale', 'exception']))));
  const [artifacts, gaps] = [
    await db.with(artifactRows).select().from(artifactRows).where(lte(artifactRows.rn, perControl)).orderBy(artifactRows.controlId, artifactRows.rn),
    await db.with(gapRows).select().from(gapRows).where(lte(gapRows.rn, perControl)).orderBy(gapRows.controlId, gapRows.rn),
  ];
  return {
    artifacts: artifacts.map((a) => ({ controlId: a.controlId, artifactId: a.artifactId, kind: a.kind, evidenceDate: a.evidenceDate, link: a.links[0] ?? null, systemName: a.systemName, total: Number(a.total) })),
    gaps: gaps.map((g) => ({ controlId: g.controlId, claimId: g.claimId, status: g.status, dueAt: g.dueAt, systemName: g.systemName, total: Number(g.total) })),
  };
}

export interface OpenClaimOfControl { claimId: string; systemName: string; status: string; dueAt: Date }

/** The open claims of one control across the inventory (earliest due first, at most `limit`) and how many there are. */
export async function loadOpenClaimsOfControl(db: DbOrTx, args: { source: SoaFramework; requirementId: string; limit: number }): Promise<{ total: number; claims: OpenClaimOfControl[] }> {
  const where = and(eq(evidenceClaims.source, args.source), eq(evidenceClaims.requirementId, args.requirementId), inArray(evidenceClaims.status, ['requested', 'stale', 'exception']));
  const [count] = await db.select({ n: sql<number>`count(*)::int` }).from(evidenceClaims).where(where);
  const claims = await db.select({ claimId: evidenceClaims.id, systemName: aiSystems.name, status: evidenceClaims.status, dueAt: evidenceClaims.dueAt })
    .from(evidenceClaims).innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId)).where(where)
    .orderBy(evidenceClaims.dueAt, evidenceClaims.id).limit(args.limit);
  return { total: count?.n ?? 0, claims };
}
