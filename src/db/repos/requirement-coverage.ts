import { and, eq, isNotNull, like, ne, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { aiSystems, evidenceArtifacts, evidenceClaims, reviews } from '../schema/index.js';
import { ANSWERED_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import type { ClaimTally } from '../../domain/claim-progress.js';

export interface RequirementCoverageRow extends ClaimTally {
  requirementId: string;
  systems: number;
  /** Up to `sampleSize` systems as "Name (sys_…)", by name. */
  sampleSystems: string[];
  artifacts: number;
  latestEvidenceDate: string | null;
  lastReviewAt: Date | null;
}

const answered = sql.raw(ANSWERED_CLAIM_STATUSES.map((s) => `'${s}'`).join(', '));

/**
 * One row per requirement of a source that has claims: counts by status, systems, artifacts, the latest
 * evidence date and the latest completed review of the systems behind it. Aggregated in the database, so
 * the answer is as small as the catalog however many systems there are.
 */
export async function loadRequirementCoverage(db: DbOrTx, args: { source: string; idPrefix?: string; asOf: Date; sampleSize: number }): Promise<RequirementCoverageRow[]> {
  const lastReview = db.$with('last_review').as(
    db.select({ systemId: reviews.systemId, at: sql<Date>`max(${reviews.completedAt})`.as('last_review_at') })
      .from(reviews).where(isNotNull(reviews.completedAt)).groupBy(reviews.systemId),
  );
  const status = evidenceClaims.status;
  const label = sql`${aiSystems.name} || ' (' || ${aiSystems.id} || ')'`;
  const rows = await db.with(lastReview).select({
    requirementId: evidenceClaims.requirementId,
    claims: sql<number>`count(*)::int`,
    answered: sql<number>`(count(*) filter (where ${status} in (${answered})))::int`,
    requested: sql<number>`(count(*) filter (where ${status} = 'requested'))::int`,
    stale: sql<number>`(count(*) filter (where ${status} = 'stale'))::int`,
    exceptions: sql<number>`(count(*) filter (where ${status} = 'exception'))::int`,
    overdue: sql<number>`(count(*) filter (where ${status} in ('requested', 'stale') and ${evidenceClaims.dueAt} <= ${args.asOf.toISOString()}::timestamptz))::int`,
    systems: sql<number>`count(distinct ${evidenceClaims.systemId})::int`,
    // Naming no systems skips the sort behind the sample, the costliest part of the query over a large portfolio.
    sampleSystems: args.sampleSize > 0 ? sql<string[]>`(array_agg(distinct ${label} order by ${label}))[1:${sql.raw(String(args.sampleSize))}]` : sql<string[]>`null::text[]`,
    artifacts: sql<number>`count(distinct ${evidenceClaims.artifactId})::int`,
    latestEvidenceDate: sql<string | null>`max(${evidenceArtifacts.evidenceDate})::text`,
    lastReviewAt: sql<string | null>`${isoText(sql`max(${lastReview.at})`)}`,
  })
    .from(evidenceClaims)
    .innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId))
    .leftJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
    .leftJoin(lastReview, eq(lastReview.systemId, evidenceClaims.systemId))
    .where(whereSource(args.source, args.idPrefix))
    .groupBy(evidenceClaims.requirementId);
  return rows.map((r) => ({ ...r, sampleSystems: r.sampleSystems ?? [], lastReviewAt: r.lastReviewAt ? new Date(r.lastReviewAt) : null }));
}

/** For each requirement, the rules that selected it (the part of the claim's reason before the colon) and for how many systems. */
export async function loadSelectingRules(db: DbOrTx, args: { source: string; idPrefix?: string }) {
  const rule = sql<string>`split_part(${evidenceClaims.reason}, ':', 1)`;
  return db.select({ requirementId: evidenceClaims.requirementId, rule, systems: sql<number>`count(distinct ${evidenceClaims.systemId})::int` })
    .from(evidenceClaims)
    .where(whereSource(args.source, args.idPrefix))
    .groupBy(evidenceClaims.requirementId, rule)
    .orderBy(evidenceClaims.requirementId, sql`3 desc`, rule);
}

export async function countSystems(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(aiSystems);
  return row?.n ?? 0;
}

/** Timestamps leave the database as ISO-8601 UTC text: the two drivers return raw timestamps differently. */
export const isoText = (expr: SQL) => sql`to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

// A retired claim (its requirement no longer applies after a re-classification) is history, not coverage.
function whereSource(source: string, idPrefix?: string): SQL | undefined {
  return and(eq(evidenceClaims.source, source), ne(evidenceClaims.status, 'retired'), idPrefix ? like(evidenceClaims.requirementId, `${idPrefix}%`) : undefined);
}
