import { and, asc, eq, gte, inArray, isNotNull, lte, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { aiSystems, evidenceClaims, exceptions, reviews } from '../schema/index.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';

/** Everything the governance digest reports, as of `now`. Lists are capped; counts are exact. */
export async function loadDigestFacts(db: DbOrTx, now: Date, since: Date) {
  const LIST = 5;
  const newByTier = await db.select({ tier: aiSystems.riskTier, n: sql<number>`count(*)::int` }).from(aiSystems)
    .where(and(gte(aiSystems.createdAt, since), lte(aiSystems.createdAt, now))).groupBy(aiSystems.riskTier);
  const overdueReviewsWhere = and(inArray(reviews.status, [...OPEN_REVIEW_STATUSES]), lte(reviews.dueAt, now));
  const [{ n: overdueReviewCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(reviews).where(overdueReviewsWhere);
  const overdueReviews = await db.select({ systemId: reviews.systemId, name: aiSystems.name, dueAt: reviews.dueAt, ownerId: aiSystems.ownerId })
    .from(reviews).innerJoin(aiSystems, eq(aiSystems.id, reviews.systemId)).where(overdueReviewsWhere).orderBy(asc(reviews.dueAt)).limit(LIST);
  const openExceptionsWhere = inArray(exceptions.status, ['open', 'corrective_action']);
  const [{ n: openExceptionCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(exceptions).where(openExceptionsWhere);
  const openExceptions = await db.select({ id: exceptions.id, name: aiSystems.name, reason: exceptions.reason, status: exceptions.status, dueAt: exceptions.dueAt })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(openExceptionsWhere).orderBy(asc(exceptions.dueAt)).limit(LIST);
  const soon = new Date(now.getTime() + 30 * 86_400_000);
  const expiringWhere = and(eq(exceptions.status, 'risk_accepted'), isNotNull(exceptions.acceptedUntil), lte(exceptions.acceptedUntil, soon));
  const [{ n: expiringCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(exceptions).where(expiringWhere);
  const expiring = await db.select({ id: exceptions.id, name: aiSystems.name, acceptedUntil: exceptions.acceptedUntil })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId)).where(expiringWhere).orderBy(asc(exceptions.acceptedUntil)).limit(LIST);
  const completion = await db.select({
    source: evidenceClaims.source,
    total: sql<number>`count(*)::int`,
    answered: sql<number>`count(*) filter (where ${evidenceClaims.status} in ('submitted', 'reused', 'accepted'))::int`,
  }).from(evidenceClaims).groupBy(evidenceClaims.source).orderBy(evidenceClaims.source);
  const fortnight = new Date(now.getTime() + 14 * 86_400_000);
  const upcomingWhere = and(eq(aiSystems.status, 'active'), isNotNull(aiSystems.nextReviewAt), gte(aiSystems.nextReviewAt, now), lte(aiSystems.nextReviewAt, fortnight));
  const [{ n: upcomingReviewCount } = { n: 0 }] = await db.select({ n: sql<number>`count(*)::int` }).from(aiSystems).where(upcomingWhere);
  const upcomingReviews = await db.select({ systemId: aiSystems.id, name: aiSystems.name, nextReviewAt: aiSystems.nextReviewAt })
    .from(aiSystems).where(upcomingWhere).orderBy(asc(aiSystems.nextReviewAt)).limit(LIST);
  return {
    newByTier, overdueReviewCount, overdueReviews, openExceptionCount, openExceptions, expiringCount, expiring, completion,
    upcomingReviewCount, upcomingReviews,
  };
}
