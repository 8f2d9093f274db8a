import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { exceptions } from '../../db/schema/index.js';
import { futureDateProblem, localDate, startOfLocalDate } from '../../domain/calendar-dates.js';
import { resolutionRefusal } from '../../domain/exception-resolution.js';
import { MAX_ACCEPTANCE_DAYS } from '../../domain/risk-acceptance.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden, invalid, parseInput } from '../errors.js';
import { showExceptionCard } from './exception-card.js';
import { lockException, resolutionOf } from './lock-exception.js';

const AcceptRiskInput = z.object({
  exceptionId: z.string().min(1),
  rationale: z.string(),
  expiresOn: z.string(),
});
export type AcceptRiskInput = z.input<typeof AcceptRiskInput>;

/**
 * Ends an exception as risk acceptance: a governance admin approves, with a rationale (kept) and an
 * expiry date (required). Past the expiry the exception escalates again.
 */
export async function acceptRisk({ ctx, input }: { ctx: ServiceContext; input: AcceptRiskInput }): Promise<void> {
  const { exceptionId, rationale, expiresOn } = parseInput(AcceptRiskInput, input);
  if (!ctx.actor.isAdmin) throw forbidden('Only governance admins can accept a risk.');
  const now = ctx.now();
  const tz = ctx.policy.timeZone;
  const problems: Record<string, string> = {};
  if (!rationale.trim()) problems.rationale = 'Give the rationale for accepting the risk: it is kept with the exception.';
  const date = futureDateProblem(expiresOn, localDate(now, tz), MAX_ACCEPTANCE_DAYS);
  if (date) problems.expires_on = date;
  if (Object.keys(problems).length) throw invalid('The risk acceptance needs correcting.', problems);
  await withTransaction(ctx, async (tx) => {
    const { exception, system } = await lockException(tx, exceptionId);
    const refusal = resolutionRefusal({ resolution: 'accept_risk', actor: { isAdmin: ctx.actor.isAdmin, isSystemOwner: ctx.actor.userId === system.ownerId }, exception, tier: system.riskTier, now });
    if (refusal) throw new AppError(refusal.code, refusal.message, refusal.code === 'VALIDATION' ? { rationale: refusal.message } : {});
    const after = { status: 'risk_accepted', acceptedBy: ctx.actor.userId, acceptedAt: now, acceptedUntil: startOfLocalDate(expiresOn, tz), rationale: rationale.trim() };
    await tx.update(exceptions).set(after).where(eq(exceptions.id, exceptionId));
    await recordAudit(tx, ctx, { action: 'exception.risk_accepted', subjectType: 'exception', subjectId: exceptionId, before: resolutionOf(exception), after: { systemId: system.id, ...after } });
    await showExceptionCard(tx, ctx, exceptionId);
  });
}
