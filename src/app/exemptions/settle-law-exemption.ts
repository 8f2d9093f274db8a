import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { aiSystems, lawExemptionClaims } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { reclassifySystems } from '../classification/reclassify-inventory.js';

/**
 * The forum's decision on a decision record that carries an exemption claim settles the claim too. An
 * approved exemption joins the system's facts and the system is classified again, so its duties, claims
 * and dates follow at once; a rejected one changes nothing but its status. Runs in the decision's
 * transaction; a decision with no claim behind it is left alone.
 */
export async function settleLawExemption(tx: Tx, ctx: ServiceContext, decisionId: string, outcome: 'approved' | 'rejected'): Promise<void> {
  const [claim] = await tx.select().from(lawExemptionClaims).where(eq(lawExemptionClaims.decisionId, decisionId)).for('update');
  if (!claim || claim.status !== 'pending') return;
  const now = ctx.now();
  await tx.update(lawExemptionClaims).set({ status: outcome, decidedAt: now }).where(eq(lawExemptionClaims.id, claim.id));
  await recordAudit(tx, ctx, {
    action: `exemption.${outcome}`, subjectType: 'law_exemption_claim', subjectId: claim.id,
    before: { status: claim.status }, after: { status: outcome, decisionId, systemId: claim.systemId, exemptionId: claim.exemptionId },
  });
  if (outcome !== 'approved') return;
  const [system] = await tx.select({ facts: aiSystems.facts }).from(aiSystems).where(eq(aiSystems.id, claim.systemId)).for('update');
  if (!system) return;
  const facts = (system.facts ?? {}) as { coExemptions?: string[] };
  const coExemptions = [...new Set([...(facts.coExemptions ?? []), claim.exemptionId])].sort();
  await tx.update(aiSystems).set({ facts: { ...facts, coExemptions }, updatedAt: now }).where(eq(aiSystems.id, claim.systemId));
  await recordAudit(tx, ctx, {
    action: 'system.changed', subjectType: 'ai_system', subjectId: claim.systemId,
    before: { coExemptions: facts.coExemptions ?? [] }, after: { coExemptions, decisionId },
  });
  await reclassifySystems(tx, ctx, [claim.systemId]);
}
