import { and, asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '../client.js';
import { intakeRequests } from '../schema/index.js';

/** Requests a person raised that are still open (changes, incidents, supplier and assurance requests), oldest first. */
export async function loadOpenRequests(db: DbOrTx, userId: string, limit: number) {
  const where = and(eq(intakeRequests.requesterId, userId), eq(intakeRequests.status, 'open'));
  const [[count], items] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(intakeRequests).where(where),
    db.select({ id: intakeRequests.id, kind: intakeRequests.kind, trigger: intakeRequests.trigger, summary: intakeRequests.summary, createdAt: intakeRequests.createdAt })
      .from(intakeRequests).where(where).orderBy(asc(intakeRequests.createdAt)).limit(limit),
  ]);
  return { count: count?.n ?? 0, items };
}
export type OpenRequests = Awaited<ReturnType<typeof loadOpenRequests>>;
