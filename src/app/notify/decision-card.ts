import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { aiSystems, decisions } from '../../db/schema/index.js';
import { buildDecisionCard } from '../../slack/views/decision-card.js';
import type { ServiceContext } from '../context.js';
import { postOrUpdateCard } from './card-message.js';

export const decisionCardKey = (decisionId: string) => `decision:${decisionId}`;

/** The decision's card in the governance channel: posted when proposed, edited in place when decided. */
export async function showDecisionCard(tx: DbOrTx, ctx: ServiceContext, decisionId: string): Promise<void> {
  const [row] = await tx.select({ decision: decisions, systemName: aiSystems.name }).from(decisions)
    .innerJoin(aiSystems, eq(aiSystems.id, decisions.systemId)).where(eq(decisions.id, decisionId));
  if (!row) return;
  const card = buildDecisionCard({ decision: row.decision, systemName: row.systemName, admins: ctx.policy.admins, timeZone: ctx.policy.timeZone });
  await postOrUpdateCard(tx, { key: decisionCardKey(decisionId), channel: ctx.policy.governanceChannel, card });
}
