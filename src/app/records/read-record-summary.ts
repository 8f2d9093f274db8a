import { z } from 'zod';
import { findSystemById } from '../../db/repos/systems.js';
import { loadSystemRecord } from '../../db/repos/system-record.js';
import { ANSWERED_CLAIM_STATUSES, OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import type { ServiceContext } from '../context.js';
import { notFound, parseInput } from '../errors.js';

/** One system's record at a glance: what Open record shows. */
export interface RecordSummaryModel {
  system: {
    id: string; name: string; purpose: string; ownerId: string; riskTier: string; primarySource: string; workKind: string; lifecycleStage: string;
    status: string; nextReviewAt: Date | null; cadenceDays: number | null;
  };
  claims: { total: number; answered: number; open: number; overdue: number };
  openReviews: { id: string; dueAt: Date; dueReason: string }[];
  openExceptions: { id: string; status: string; reason: string; dueAt: Date }[];
  pendingDecisions: { id: string; scope: string }[];
  legalDeadlines: { ref: string; label: string; dueAt: Date }[];
  timeZone: string;
}

const SYSTEM_ID = /^sys_[a-z0-9]+$/;
const isIn = (list: readonly string[], v: string) => list.includes(v);

const ReadRecordSummaryInput = z.object({
  systemId: z.string().min(1),
});
export type ReadRecordSummaryInput = z.input<typeof ReadRecordSummaryInput>;

/** One system's record at a glance: what Open record shows. Anyone in the workspace may read it. */
export async function readRecordSummary({ ctx, input }: { ctx: ServiceContext; input: ReadRecordSummaryInput }): Promise<RecordSummaryModel> {
  const { systemId } = parseInput(ReadRecordSummaryInput, input);
  const system = SYSTEM_ID.test(systemId) ? await findSystemById(ctx.db, systemId) : undefined;
  if (!system) throw notFound('That AI system');
  const record = await loadSystemRecord(ctx.db, system);
  const now = ctx.now();
  const claims = record.claims.map((c) => c.claim);
  const open = claims.filter((c) => isIn(OPEN_CLAIM_STATUSES, c.status));
  return {
    system,
    claims: { total: claims.length, answered: claims.filter((c) => isIn(ANSWERED_CLAIM_STATUSES, c.status)).length, open: open.length, overdue: open.filter((c) => c.dueAt <= now).length },
    openReviews: record.reviews.filter((r) => r.status === 'due' || r.status === 'in_progress'),
    openExceptions: record.exceptions.filter((e) => e.status !== 'closed'),
    pendingDecisions: record.decisions.filter((d) => d.status === 'pending'),
    legalDeadlines: record.deadlines.filter((d) => d.status === 'open'),
    timeZone: ctx.policy.timeZone,
  };
}
