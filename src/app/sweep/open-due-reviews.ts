import { and, eq, isNotNull, lte, sql } from 'drizzle-orm';
import { aiSystems, reviews } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';

/** Systems whose next review date has come get an open review record (once, whoever sweeps first). */
export async function openDueReviews(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  return withTransaction(ctx, async (tx) => {
    const due = await tx.select({ id: aiSystems.id, nextReviewAt: aiSystems.nextReviewAt, ownerId: aiSystems.ownerId, reviewerId: aiSystems.reviewerId }).from(aiSystems)
      .where(and(eq(aiSystems.status, 'active'), isNotNull(aiSystems.nextReviewAt), lte(aiSystems.nextReviewAt, now),
        sql`not exists (select 1 from ${reviews} r where r.system_id = ${aiSystems.id} and r.status in ('due', 'in_progress'))`))
      .orderBy(aiSystems.id);
    let opened = 0;
    for (const s of due) {
      const id = newId('rev');
      const inserted = await tx.insert(reviews).values({ id, systemId: s.id, status: 'due', dueAt: s.nextReviewAt!, dueReason: 'cadence', reviewerId: s.reviewerId ?? s.ownerId, createdAt: now })
        .onConflictDoNothing().returning({ id: reviews.id });
      if (!inserted.length) continue;
      opened += 1;
      await recordAudit(tx, ctx, { action: 'review.due', subjectType: 'review', subjectId: id, after: { systemId: s.id, dueAt: s.nextReviewAt, dueReason: 'cadence' } });
    }
    return opened;
  });
}
