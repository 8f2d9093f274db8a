import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { decisions } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { forbidden, notFound, parseInput } from '../errors.js';
import { showDecisionCard } from './decision-card.js';
import { settleLawExemption } from '../exemptions/settle-law-exemption.js';

export type DecideResult =
  | { status: 'decided'; decisionId: string }
  /** Someone decided it first (a double click, or another admin): nothing changed. */
  | { status: 'already_decided'; decisionId: string; outcome: string; by: string | null; at: Date | null };

export const ADMINS_ONLY = 'Only governance admins can approve or reject decisions.';

/** Approving and rejecting are the forum's: the reject form opens, and either is stored, only for its admins. */
export function checkMayDecide(ctx: ServiceContext): void {
  if (!ctx.actor.isAdmin) throw forbidden(ADMINS_ONLY);
}

const ApproveDecisionInput = z.object({
  decisionId: z.string().min(1),
});
export type ApproveDecisionInput = z.input<typeof ApproveDecisionInput>;

/** Records the forum's approval with approver and date, and edits the decision's card in place. */
export async function approveDecision({ ctx, input }: { ctx: ServiceContext; input: ApproveDecisionInput }): Promise<DecideResult> {
  const { decisionId } = parseInput(ApproveDecisionInput, input);
  checkMayDecide(ctx);
  return withTransaction(ctx, async (tx) => {
    const [decision] = await tx.select().from(decisions).where(eq(decisions.id, decisionId)).for('update');
    if (!decision) throw notFound('That decision');
    if (decision.status !== 'pending') return { status: 'already_decided', decisionId, outcome: decision.status, by: decision.decidedBy, at: decision.decidedAt };
    const after = { status: 'approved', decidedBy: ctx.actor.userId, decidedAt: ctx.now() };
    await tx.update(decisions).set(after).where(eq(decisions.id, decisionId));
    await recordAudit(tx, ctx, { action: 'decision.approved', subjectType: 'decision', subjectId: decisionId, before: { status: decision.status }, after: { systemId: decision.systemId, ...after } });
    await settleLawExemption(tx, ctx, decisionId, 'approved');
    await showDecisionCard(tx, ctx, decisionId);
    return { status: 'decided', decisionId };
  });
}
