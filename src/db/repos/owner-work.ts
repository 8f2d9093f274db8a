import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { aiSystems, classifications, evidenceClaims, reviews } from '../schema/index.js';
import { ANSWERED_CLAIM_STATUSES, OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';

export interface OwnerWorkLimits { systems: number; claims: number; reviews: number }

/**
 * One person's systems and open work, for the Home tab and `/aigov mine`. Every list is capped and
 * every count exact, and each query runs on an index (owner, owner+status, status+due), so the answer
 * takes the same few milliseconds for an owner of two claims or two thousand.
 */
export async function loadOwnerWork(db: DbOrTx, userId: string, limits: OwnerWorkLimits) {
  const ownedWhere = eq(aiSystems.ownerId, userId);
  const openClaimsWhere = and(eq(evidenceClaims.ownerId, userId), inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES]));
  const reviewsWhere = and(inArray(reviews.status, [...OPEN_REVIEW_STATUSES]), or(eq(reviews.reviewerId, userId), eq(aiSystems.ownerId, userId)));
  const [[systemCount], systems, [claimCount], claims, [reviewCount], dueReviews] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(aiSystems).where(ownedWhere),
    db.select({
      id: aiSystems.id, name: aiSystems.name, riskTier: aiSystems.riskTier, status: aiSystems.status, nextReviewAt: aiSystems.nextReviewAt,
      // Read from the current classification by primary key; null for one stored before binding laws were tracked.
      bindingSources: sql<string[] | null>`${classifications.computed}->'bindingSources'`,
    })
      .from(aiSystems).leftJoin(classifications, eq(classifications.id, aiSystems.currentClassificationId)).where(ownedWhere).orderBy(sql`${aiSystems.nextReviewAt} asc nulls last`, asc(aiSystems.name)).limit(limits.systems),
    db.select({ n: sql<number>`count(*)::int` }).from(evidenceClaims).where(openClaimsWhere),
    openClaimsOf(db, userId, limits.claims),
    db.select({ n: sql<number>`count(*)::int` }).from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId)).where(reviewsWhere),
    db.select({ id: reviews.id, systemId: reviews.systemId, systemName: aiSystems.name, status: reviews.status, dueAt: reviews.dueAt, dueReason: reviews.dueReason })
      .from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId)).where(reviewsWhere).orderBy(asc(reviews.dueAt)).limit(limits.reviews),
  ]);
  const progress = systems.length ? await claimProgress(db, systems.map((s) => s.id)) : new Map<string, { answered: number; total: number }>();
  return {
    systemCount: systemCount?.n ?? 0,
    systems: systems.map((s) => ({ ...s, progress: progress.get(s.id) ?? { answered: 0, total: 0 } })),
    openClaimCount: claimCount?.n ?? 0,
    openClaims: claims,
    reviewCount: reviewCount?.n ?? 0,
    reviews: dueReviews,
  };
}

/** A person's open claims, earliest due first (the owner+status index, then a sort of that owner's open claims only). */
export function openClaimsOf(db: DbOrTx, userId: string, limit: number) {
  return db.select({
    id: evidenceClaims.id, systemId: evidenceClaims.systemId, systemName: aiSystems.name, source: evidenceClaims.source, requirementId: evidenceClaims.requirementId,
    title: evidenceClaims.title, summary: evidenceClaims.summary, status: evidenceClaims.status, dueAt: evidenceClaims.dueAt,
  }).from(evidenceClaims).innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId))
    .where(and(eq(evidenceClaims.ownerId, userId), inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES])))
    .orderBy(asc(evidenceClaims.dueAt), asc(evidenceClaims.id)).limit(limit);
}

/** Answered and total claims for each system: "evidence progress". */
export async function claimProgress(db: DbOrTx, systemIds: string[]): Promise<Map<string, { answered: number; total: number }>> {
  const rows = await db.select({
    systemId: evidenceClaims.systemId,
    total: sql<number>`count(*)::int`,
    answered: sql<number>`(count(*) filter (where ${inArray(evidenceClaims.status, [...ANSWERED_CLAIM_STATUSES])}))::int`,
  }).from(evidenceClaims).where(inArray(evidenceClaims.systemId, systemIds)).groupBy(evidenceClaims.systemId);
  return new Map(rows.map((r) => [r.systemId, { answered: r.answered, total: r.total }]));
}
