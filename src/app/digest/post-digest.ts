import { z } from 'zod';
import { parseInput } from '../errors.js';
import { and, eq } from 'drizzle-orm';
import { jobRuns } from '../../db/schema/index.js';
import { loadDigestFacts } from '../../db/repos/digest-facts.js';
import { periodContaining } from '../../domain/schedule-period.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';

export type DigestResult = { status: 'posted'; period: string } | { status: 'already_posted'; period: string };

/**
 * The governance digest for the schedule period containing ctx.now(). The (job, period) key is taken in
 * the same transaction that queues the message: once per period, whichever process gets there first.
 */
const PostDigestInput = z.object({ cron: z.string().min(1) });

export async function postDigest({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof PostDigestInput> }): Promise<DigestResult> {
  const opts = parseInput(PostDigestInput, input);
  const now = ctx.now();
  const period = periodContaining(now, opts.cron, ctx.policy.timeZone);
  return withTransaction(ctx, async (tx) => {
    const claimed = await tx.insert(jobRuns).values({ job: 'digest', periodKey: period.key, status: 'running', startedAt: now })
      .onConflictDoNothing().returning({ key: jobRuns.periodKey });
    if (!claimed.length) return { status: 'already_posted', period: period.key };
    const length = period.end.getTime() - period.start.getTime();
    const since = new Date(now.getTime() - length);
    // The facts are read here for the run's summary; the message is drawn from them again at delivery,
    // as of now (the event's asOf), so it reports the period as it stood when the digest ran.
    const facts = await loadDigestFacts(tx, now, since);
    await enqueueEvent(tx, now, { event: { kind: 'digest.posted.v1', body: { periodKey: period.key, since: since.toISOString() } }, key: outboxKeys.digest(period.key) });
    const summary = { newSystems: facts.newByTier.reduce((n, r) => n + r.n, 0), overdueReviews: facts.overdueReviewCount, openExceptions: facts.openExceptionCount };
    await tx.update(jobRuns).set({ status: 'done', finishedAt: now, summary }).where(sqlKey(period.key));
    await recordAudit(tx, ctx, { action: 'digest.posted', subjectType: 'digest', subjectId: period.key, after: summary });
    return { status: 'posted', period: period.key };
  });
}

const sqlKey = (key: string) => and(eq(jobRuns.job, 'digest'), eq(jobRuns.periodKey, key));
