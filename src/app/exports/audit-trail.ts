import type { Writable } from 'node:stream';
import { and, asc, gt, gte, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents } from '../../db/schema/index.js';
import { databaseNow } from '../../db/repos/database-clock.js';
import { writeChunk } from './markdown.js';

const PAGE = 1000;

/**
 * The audit trail as JSON Lines, oldest first by sequence number, streamed page by page. The last
 * sequence number is fixed when the export starts, so the file is the trail as of that moment even while
 * new events are written; each line carries when the export was generated and that as-of time.
 */
export async function exportAuditTrail(db: Db, out: Writable, opts: { since?: Date; now: () => Date }): Promise<number> {
  const generatedAt = opts.now().toISOString();
  const dataAsOf = (await databaseNow(db)).toISOString();
  const [bounds] = await db.select({
    last: sql<number | null>`max(${auditEvents.seq})`.mapWith(Number),
    first: opts.since ? sql<number | null>`min(${auditEvents.seq}) filter (where ${auditEvents.at} >= ${opts.since.toISOString()}::timestamptz)`.mapWith(Number) : sql<number>`0`.mapWith(Number),
  }).from(auditEvents);
  if (!bounds?.last || (opts.since && !bounds.first)) return 0;
  let after = (bounds.first ?? 1) - 1;
  let total = 0;
  for (;;) {
    const page = await db.select().from(auditEvents)
      .where(and(gt(auditEvents.seq, after), lte(auditEvents.seq, bounds.last), opts.since ? gte(auditEvents.at, opts.since) : undefined))
      .orderBy(asc(auditEvents.seq)).limit(PAGE);
    if (!page.length) break;
    await writeChunk(out, page.map((e) => `${JSON.stringify({
      seq: e.seq, id: e.id, at: e.at.toISOString(), actor_id: e.actorId, action: e.action, subject_type: e.subjectType, subject_id: e.subjectId,
      before: e.before, after: e.after, origin: e.origin, generated_at: generatedAt, data_as_of: dataAsOf,
    })}\n`).join(''));
    total += page.length;
    after = page[page.length - 1]!.seq;
    if (page.length < PAGE) break;
  }
  return total;
}
