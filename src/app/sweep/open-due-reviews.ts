import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { aiSystems, reviews } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { insertMany } from '../../db/insert-many.js';
import { recordAudits } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';

/**
 * Systems whose next review date has come get an open review record (once, whoever sweeps first: the
 * unique (system, reason, due) index is the claim). Inserted in bulk for a sweep over a backlog.
 */
export async function openDueReviews(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const due = await tx.select({ id: aiSystems.id, nextReviewAt: aiSystems.nextReviewAt, ownerId: aiSystems.ownerId, reviewerId: aiSystems.reviewerId }).from(aiSystems)
      .where(and(eq(aiSystems.status, 'active'), isNotNull(aiSystems.nextReviewAt), lte(aiSystems.nextReviewAt, now),
        sql`not exists (select 1 from ${reviews} r where r.system_id = ${aiSystems.id} and r.status in ('due', 'in_progress'))`))
      .orderBy(aiSystems.id);
    const opened = await insertMany(tx, reviews, due.map((s) => ({
      id: newId('rev'), systemId: s.id, status: 'due', dueAt: s.nextReviewAt!, dueReason: 'cadence', reviewerId: s.reviewerId ?? s.ownerId, createdAt: now,
    })), { onConflictDoNothing: [], returning: ['id', 'systemId', 'dueAt'] });
    await recordAudits(tx, ctx, opened.map((r) => ({ action: 'review.due', subjectType: 'review', subjectId: r.id, after: { systemId: r.systemId, dueAt: r.dueAt, dueReason: 'cadence' } })));
    return opened.length;
  });
}
