import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { exceptions } from '../../db/schema/index.js';
import { futureDateProblem, localDate, startOfLocalDate } from '../../domain/calendar-dates.js';
import { MAX_ACCEPTANCE_DAYS } from '../../domain/risk-acceptance.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden, invalid, parseInput } from '../errors.js';
import { showExceptionCard } from './exception-card.js';
import { settleRiskNotices } from './risk-notice.js';
import { lockException, resolutionOf } from './lock-exception.js';

/** Extending a risk acceptance is for governance admins: the form opens, and the extension is stored, only for them. */
export function checkMayExtendRiskAcceptance(ctx: ServiceContext): void {
  if (!ctx.actor.isAdmin) throw forbidden('Only governance admins can extend a risk acceptance.');
}

const ExtendRiskAcceptanceInput = z.object({
  exceptionId: z.string().min(1),
  until: z.string(),
  reason: z.string(),
});
export type ExtendRiskAcceptanceInput = z.input<typeof ExtendRiskAcceptanceInput>;

/**
 * A governance admin extends a risk acceptance, with a reason. The rationale is kept as it was; the new
 * period starts now, so its own 80% notice comes in time.
 */
export async function extendRiskAcceptance({ ctx, input }: { ctx: ServiceContext; input: ExtendRiskAcceptanceInput }): Promise<void> {
  const { exceptionId, until, reason } = parseInput(ExtendRiskAcceptanceInput, input);
  checkMayExtendRiskAcceptance(ctx);
  const now = ctx.now();
  const tz = ctx.policy.timeZone;
  const problems: Record<string, string> = {};
  const date = futureDateProblem(until, localDate(now, tz), MAX_ACCEPTANCE_DAYS);
  if (date) problems.extend_until = date;
  if (!reason.trim()) problems.extend_reason = 'Say why the acceptance is extended: it is kept in the audit trail.';
  if (Object.keys(problems).length) throw invalid('The extension needs correcting.', problems);
  await withTransaction(ctx, async (tx) => {
    const { exception, system } = await lockException(tx, exceptionId);
    if (exception.status !== 'risk_accepted') throw new AppError('CONFLICT', 'Only an accepted risk can be extended; nothing was changed.');
    const acceptedUntil = startOfLocalDate(until, tz);
    if (exception.acceptedUntil && acceptedUntil <= exception.acceptedUntil) {
      throw invalid('The new expiry must be later than the current one.', { extend_until: `Choose a date after the current expiry, ${localDate(exception.acceptedUntil, tz)}.` });
    }
    const after = { acceptedAt: now, acceptedUntil };
    await tx.update(exceptions).set(after).where(eq(exceptions.id, exceptionId));
    await recordAudit(tx, ctx, { action: 'exception.risk_extended', subjectType: 'exception', subjectId: exceptionId, before: resolutionOf(exception),
      after: { systemId: system.id, ...after, extendedBy: ctx.actor.userId, reason: reason.trim() } });
    await settleRiskNotices(tx, ctx, { exception, ownerId: system.ownerId, outcome: { kind: 'extended', by: ctx.actor.userId, until: acceptedUntil } });
    await showExceptionCard(tx, ctx, exceptionId);
  });
}
