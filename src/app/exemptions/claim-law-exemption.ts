import { and, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import { aiSystems, classifications, decisions, lawExemptionClaims } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { CLAIMABLE_CO_EXEMPTIONS, CO_EXEMPTION_EFFECTS } from '../../domain/classification/colorado-exemptions.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, forbidden, invalid, notFound } from '../errors.js';
import { showDecisionCard } from '../decisions/decision-card.js';

export const ClaimLawExemptionInput = z.object({
  systemId: z.string().regex(/^sys_[a-z0-9]+$/, 'is not a system id'),
  exemptionId: z.enum(CLAIMABLE_CO_EXEMPTIONS.map((x) => x.id) as [string, ...string[]], { message: 'Choose one of the exemptions the law has.' }),
  justification: z.string().trim().min(20, 'Say why the exemption applies (at least 20 characters): the facts an approver can check.').max(2000, 'At most 2,000 characters.'),
});
export type ClaimLawExemptionInput = z.input<typeof ClaimLawExemptionInput>;

const EFFECT_WORDS: Record<string, string> = {
  outside: 'takes the system outside the Act\'s duties',
  met_through: 'meets some duties through another regime\'s process',
  recorded: 'is recorded without changing the duties',
};

/**
 * The owner claims an exemption from Colorado SB 26-189 for a system it binds, with a justification. The
 * claim becomes a pending decision record for the governance forum; nothing about the system changes until
 * an admin approves it.
 */
export async function claimLawExemption({ ctx, input }: { ctx: ServiceContext; input: ClaimLawExemptionInput }) {
  const parsed = ClaimLawExemptionInput.safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    throw invalid(Object.values(fields)[0] ?? 'The exemption claim is not valid.', fields);
  }
  const { systemId, exemptionId, justification } = parsed.data;
  const exemption = CLAIMABLE_CO_EXEMPTIONS.find((x) => x.id === exemptionId)!;
  return withTransaction(ctx, async (tx) => {
    const [row] = await tx.select({ system: aiSystems, computed: classifications.computed }).from(aiSystems)
      .leftJoin(classifications, eq(classifications.id, aiSystems.currentClassificationId)).where(eq(aiSystems.id, systemId)).for('update', { of: aiSystems });
    if (!row) throw notFound('That AI system');
    const { system } = row;
    if (system.ownerId !== ctx.actor.userId && !ctx.actor.isAdmin) throw forbidden('Only the system\'s owner or a governance admin can claim an exemption for it.');
    const binds = (row.computed as { bindingSources?: string[] } | null)?.bindingSources?.includes('co-sb26-189');
    if (!binds) throw invalid('Colorado SB 26-189 does not bind this system, so there is nothing to be exempt from.', { exemption: 'Colorado SB 26-189 does not bind this system.' });
    const [live] = await tx.select().from(lawExemptionClaims)
      .where(and(eq(lawExemptionClaims.systemId, systemId), eq(lawExemptionClaims.exemptionId, exemptionId), ne(lawExemptionClaims.status, 'rejected')));
    if (live) throw new AppError('CONFLICT', `This exemption is already ${live.status === 'approved' ? 'approved' : 'waiting for the governance forum'} for this system (${live.decisionId}).`, { exemption: `Already ${live.status}.` });
    const now = ctx.now();
    const decisionId = newId('dec');
    const effect = CO_EXEMPTION_EFFECTS[exemptionId];
    const decision = {
      id: decisionId, systemId, reviewId: null,
      scope: `Exemption from Colorado SB 26-189: ${exemption.name} (${exemption.ref})`,
      assumption: justification,
      riskOrObligation: `${exemption.effect}${effect ? ` If approved, it ${EFFECT_WORDS[effect.kind]}.` : ''}`,
      changes: 'classification', ownerId: system.ownerId, status: 'pending', createdBy: ctx.actor.userId, createdAt: now,
    };
    await tx.insert(decisions).values(decision);
    const claimId = newId('lxc');
    const claim = { id: claimId, systemId, law: 'co-sb26-189', exemptionId, justification, status: 'pending', decisionId, claimedBy: ctx.actor.userId, createdAt: now };
    await tx.insert(lawExemptionClaims).values(claim);
    await recordAudit(tx, ctx, { action: 'exemption.claimed', subjectType: 'law_exemption_claim', subjectId: claimId, after: claim });
    await recordAudit(tx, ctx, { action: 'decision.proposed', subjectType: 'decision', subjectId: decisionId, after: decision });
    await showDecisionCard(tx, ctx, decisionId);
    return { claimId, decisionId };
  });
}
