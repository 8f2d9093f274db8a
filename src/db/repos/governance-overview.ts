import { and, asc, eq, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { aiSystems, evidenceClaims, exceptions, reviews } from '../schema/index.js';
import { OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';

const DAY_MS = 86_400_000;
export const OPEN_EXCEPTION_STATUSES = ['open', 'corrective_action'] as const;

/**
 * The portfolio at a glance for the governance forum: counts by tier and status, and the first few
 * overdue reviews, overdue evidence, open exceptions and risk acceptances about to expire. Lists are
 * capped at `list`; counts are exact. The lists read the (status, due) indexes in order.
 */
export async function loadGovernanceOverview(db: DbOrTx, now: Date, opts: { list: number; expiringWithinDays: number }) {
  const overdueReviews = and(inArray(reviews.status, [...OPEN_REVIEW_STATUSES]), lte(reviews.dueAt, now));
  const overdueClaims = and(inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES]), lte(evidenceClaims.dueAt, now));
  const openExceptions = inArray(exceptions.status, [...OPEN_EXCEPTION_STATUSES]);
  const expiring = and(eq(exceptions.status, 'risk_accepted'), isNotNull(exceptions.acceptedUntil), lte(exceptions.acceptedUntil, new Date(now.getTime() + opts.expiringWithinDays * DAY_MS)));
  const count = sql<number>`count(*)::int`;
  const [byTier, byStatus, [reviewCount], reviewList, [claimCount], claimList, [exceptionCount], exceptionList, [expiringCount], expiringList] = await Promise.all([
    db.select({ key: aiSystems.riskTier, n: count }).from(aiSystems).groupBy(aiSystems.riskTier),
    db.select({ key: aiSystems.status, n: count }).from(aiSystems).groupBy(aiSystems.status),
    db.select({ n: count }).from(reviews).where(overdueReviews),
    db.select({ id: reviews.id, systemId: reviews.systemId, systemName: aiSystems.name, ownerId: aiSystems.ownerId, dueAt: reviews.dueAt })
      .from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId)).where(overdueReviews).orderBy(asc(reviews.dueAt)).limit(opts.list),
    db.select({ n: count }).from(evidenceClaims).where(overdueClaims),
    db.select({ id: evidenceClaims.id, systemId: evidenceClaims.systemId, systemName: aiSystems.name, ownerId: evidenceClaims.ownerId,
      source: evidenceClaims.source, requirementId: evidenceClaims.requirementId, dueAt: evidenceClaims.dueAt })
      .from(evidenceClaims).innerJoin(aiSystems, eq(aiSystems.id, evidenceClaims.systemId)).where(overdueClaims).orderBy(asc(evidenceClaims.dueAt)).limit(opts.list),
    db.select({ n: count }).from(exceptions).where(openExceptions),
    db.select({ id: exceptions.id, systemId: exceptions.systemId, systemName: aiSystems.name, reason: exceptions.reason, status: exceptions.status, dueAt: exceptions.dueAt })
      .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(openExceptions).orderBy(asc(exceptions.dueAt)).limit(opts.list),
    db.select({ n: count }).from(exceptions).where(expiring),
    db.select({ id: exceptions.id, systemId: exceptions.systemId, systemName: aiSystems.name, acceptedUntil: exceptions.acceptedUntil, acceptedBy: exceptions.acceptedBy })
      .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(expiring).orderBy(asc(exceptions.acceptedUntil)).limit(opts.list),
  ]);
  return {
    byTier, byStatus,
    overdueReviews: { count: reviewCount?.n ?? 0, items: reviewList },
    overdueEvidence: { count: claimCount?.n ?? 0, items: claimList },
    openExceptions: { count: exceptionCount?.n ?? 0, items: exceptionList },
    expiringAcceptances: { count: expiringCount?.n ?? 0, items: expiringList },
  };
}
