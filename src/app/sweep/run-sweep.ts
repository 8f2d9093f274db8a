import { z } from 'zod';
import { parseInput } from '../errors.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { queueGovernanceCanvas } from '../canvases/queue-canvas-refresh.js';
import { openDueReviews } from './open-due-reviews.js';
import { askReviewers } from './ask-reviewers.js';
import { expireEvidencePeriods } from './expire-evidence-periods.js';
import { escalateOverdue } from './escalate-overdue.js';
import { remindOwners } from './remind-owners.js';
import { warnExpiringAcceptances } from './warn-expiring-acceptances.js';
import { clearAbandonedDrafts } from './clear-abandoned-drafts.js';
import { offerStillValid } from './offer-still-valid.js';
import type { UserDirectory } from './user-directory.js';

export interface SweepSummary {
  reviewsOpened: number; reviewersAsked: number; evidenceExpired: number; escalated: number; superseded: number; ownersReminded: number;
  acceptancesExpiring: number; draftsCleared: number; stillValidOffered: number; ms: number;
  /** Milliseconds per step, logged with the job so a slow sweep says where its time went. */
  stepMs: Record<string, number>;
}

/**
 * The overdue/escalation sweep as of ctx.now(). Every step is idempotent for the same instant, so it is
 * safe to run twice, after a crash, or in several replicas at once.
 */
const RunSweepInput = z.object({}).strict();

/** `users` is where owners' time zones come from (Slack's users.info); without it, cached zones and the policy's. */
export async function runSweep({ ctx, input = {}, users }: { ctx: ServiceContext; input?: z.input<typeof RunSweepInput>; users?: UserDirectory }): Promise<SweepSummary> {
  parseInput(RunSweepInput, input);
  const deps = { users };
  const started = Date.now();
  const stepMs: Record<string, number> = {};
  const timed = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const t = Date.now();
    try { return await fn(); } finally { stepMs[step] = Date.now() - t; }
  };
  // Reviews that fall due now are overdue items too: they are opened before anything reads them.
  const reviewsOpened = await timed('openDueReviews', () => openDueReviews(ctx));
  // The other steps read and write different records, each in its own transaction, so they run side by
  // side: one step's database time overlaps another's work here. (PGlite runs them one after another.)
  const [reviewersAsked, evidenceExpired, { escalated, superseded, ownersReminded }, acceptancesExpiring, draftsCleared, stillValidOffered] = await Promise.all([
    timed('askReviewers', () => askReviewers(ctx, deps.users)),
    timed('expireEvidencePeriods', () => expireEvidencePeriods(ctx)),
    (async () => {
      const outcome = await timed('escalateOverdue', () => escalateOverdue(ctx));
      return { ...outcome, ownersReminded: await timed('remindOwners', () => remindOwners(ctx, outcome.remindOwners, deps.users)) };
    })(),
    timed('warnExpiringAcceptances', () => warnExpiringAcceptances(ctx, deps.users)),
    timed('clearAbandonedDrafts', () => clearAbandonedDrafts(ctx)),
    timed('offerStillValid', () => offerStillValid(ctx)),
  ]);
  // Time alone makes things overdue: the register is redrawn after every sweep, whatever it changed. When
  // canvases were unavailable, this is also the probe that finds them granted again.
  await timed('queueGovernanceCanvas', () => withTransaction(ctx, (tx) => queueGovernanceCanvas(tx, ctx.policy, ctx.now())));
  return {
    reviewsOpened, reviewersAsked, evidenceExpired, escalated, superseded, ownersReminded, acceptancesExpiring, draftsCleared, stillValidOffered,
    ms: Date.now() - started, stepMs,
  };
}
