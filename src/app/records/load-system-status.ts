import { z } from 'zod';
import { parseInput } from '../errors.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { classifications, evidenceClaims, exceptions, reviews } from '../../db/schema/index.js';
import { findSystemByIdOrName, type SystemRow } from '../../db/repos/systems.js';
import { OPEN_EXCEPTION_STATUSES } from '../../db/repos/governance-overview.js';
import { OPEN_REVIEW_STATUSES } from '../../domain/review-cadence.js';
import { ANSWERED_CLAIM_STATUSES, OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import type { Classification } from '../../domain/classify-intake.js';
import { SOURCES, type Source } from '../../domain/vocabulary.js';
import type { ServiceContext } from '../context.js';

export interface SystemStatus {
  system: SystemRow;
  classification: Partial<Classification> | null;
  overrides: number;
  evidence: { source: string; total: number; answered: number; open: number; overdue: number }[];
  openReviews: { count: number; nextDueAt: Date | null };
  openExceptions: number;
  now: Date;
  timeZone: string;
}

const rank = (source: string, primary: string) => (source === primary ? -1 : SOURCES.indexOf(source as Source));

const LoadSystemStatusInput = z.object({
  ref: z.string(),
});
export type LoadSystemStatusInput = z.input<typeof LoadSystemStatusInput>;

/** One record at a glance for `/aigov status`: null when no system has that id or name. */
export async function loadSystemStatus({ ctx, input }: { ctx: ServiceContext; input: LoadSystemStatusInput }): Promise<SystemStatus | null> {
  const { ref } = parseInput(LoadSystemStatusInput, input);
  const system = await findSystemByIdOrName(ctx.db, ref);
  if (!system) return null;
  const now = ctx.now();
  const answered = inArray(evidenceClaims.status, [...ANSWERED_CLAIM_STATUSES]);
  const open = inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES]);
  const [[current], evidence, [reviewRow], [exceptionRow]] = await Promise.all([
    system.currentClassificationId
      ? ctx.db.select({ computed: classifications.computed, overrides: classifications.overrides }).from(classifications).where(eq(classifications.id, system.currentClassificationId))
      : Promise.resolve([]),
    ctx.db.select({
      source: evidenceClaims.source,
      total: sql<number>`count(*)::int`,
      answered: sql<number>`(count(*) filter (where ${answered}))::int`,
      open: sql<number>`(count(*) filter (where ${open}))::int`,
      overdue: sql<number>`(count(*) filter (where ${open} and ${evidenceClaims.dueAt} <= ${now.toISOString()}::timestamptz))::int`,
    }).from(evidenceClaims).where(eq(evidenceClaims.systemId, system.id)).groupBy(evidenceClaims.source),
    ctx.db.select({ count: sql<number>`count(*)::int`, nextDueAt: sql<Date | null>`min(${reviews.dueAt})`.mapWith(reviews.dueAt) })
      .from(reviews).where(and(eq(reviews.systemId, system.id), inArray(reviews.status, [...OPEN_REVIEW_STATUSES]))),
    ctx.db.select({ count: sql<number>`count(*)::int` }).from(exceptions)
      .where(and(eq(exceptions.systemId, system.id), inArray(exceptions.status, [...OPEN_EXCEPTION_STATUSES]))),
  ]);
  return {
    system,
    classification: (current?.computed as Partial<Classification> | undefined) ?? null,
    overrides: Array.isArray(current?.overrides) ? current.overrides.length : 0,
    // The primary source first, then the others in their usual order, as the classification lists them.
    evidence: evidence.sort((a, b) => rank(a.source, system.primarySource) - rank(b.source, system.primarySource)),
    openReviews: { count: reviewRow?.count ?? 0, nextDueAt: reviewRow?.nextDueAt ?? null },
    openExceptions: exceptionRow?.count ?? 0,
    now,
    timeZone: ctx.policy.timeZone,
  };
}
