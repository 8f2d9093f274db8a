import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { decisions } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid, notFound, parseInput } from '../errors.js';
import { showDecisionCard } from './decision-card.js';
import { settleLawExemption } from '../exemptions/settle-law-exemption.js';
import { checkMayDecide, type DecideResult } from './approve-decision.js';

const RejectDecisionInput = z.object({
  decisionId: z.string().min(1),
  reason: z.string(),
});
export type RejectDecisionInput = z.input<typeof RejectDecisionInput>;

/** Records the forum's rejection with who, when and why, and edits the decision's card in place. */
export async function rejectDecision({ ctx, input }: { ctx: ServiceContext; input: RejectDecisionInput }): Promise<DecideResult> {
  const { decisionId, reason } = parseInput(RejectDecisionInput, input);
  checkMayDecide(ctx);
  const why = reason.trim();
  if (!why) throw invalid('Say why the decision is rejected.', { reason: 'Say why the decision is rejected: it is kept with the decision.' });
  return withTransaction(ctx, async (tx) => {
    const [decision] = await tx.select().from(decisions).where(eq(decisions.id, decisionId)).for('update');
    if (!decision) throw notFound('That decision');
    if (decision.status !== 'pending') return { status: 'already_decided', decisionId, outcome: decision.status, by: decision.decidedBy, at: decision.decidedAt };
    const after = { status: 'rejected', decidedBy: ctx.actor.userId, decidedAt: ctx.now(), decisionReason: why };
    await tx.update(decisions).set(after).where(eq(decisions.id, decisionId));
    await recordAudit(tx, ctx, { action: 'decision.rejected', subjectType: 'decision', subjectId: decisionId, before: { status: decision.status }, after: { systemId: decision.systemId, ...after } });
    await settleLawExemption(tx, ctx, decisionId, 'rejected');
    await showDecisionCard(tx, ctx, decisionId);
    return { status: 'decided', decisionId };
  });
}
