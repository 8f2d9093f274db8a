import { z } from 'zod';
import { parseInput } from '../errors.js';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { escalationCards, escalations } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { refreshEscalationCard } from './escalation-card.js';
import { lockEscalationCard, parseItemRef, type ClickedMessage, ClickedMessageInput } from './find-escalation-card.js';

export type AcknowledgeResult = { status: 'acknowledged' } | { status: 'already_acknowledged'; by: string; at: Date | null };

const AcknowledgeEscalationInput = z.object({
  itemRef: z.string().min(1),
  clicked: ClickedMessageInput.optional(),
});
export type AcknowledgeEscalationInput = z.input<typeof AcknowledgeEscalationInput>;

/** Someone in the forum takes the escalation: who and when go on the card and on the escalation rows. */
export async function acknowledgeEscalation({ ctx, input }: { ctx: ServiceContext; input: AcknowledgeEscalationInput }): Promise<AcknowledgeResult> {
  const { itemRef, clicked } = parseInput(AcknowledgeEscalationInput, input);
  return withTransaction(ctx, async (tx) => {
    const card = await lockEscalationCard(tx, itemRef, clicked);
    if (card.acknowledgedBy) return { status: 'already_acknowledged', by: card.acknowledgedBy, at: card.acknowledgedAt };
    const now = ctx.now();
    const [updated] = await tx.update(escalationCards).set({ acknowledgedBy: ctx.actor.userId, acknowledgedAt: now, updatedAt: now })
      .where(eq(escalationCards.key, card.key)).returning();
    // The rows the ladder keeps: each item of the card, at the card's level.
    await tx.update(escalations).set({ acknowledgedBy: ctx.actor.userId, acknowledgedAt: now })
      .where(and(eq(escalations.level, card.level), inArray(escalations.itemId, card.itemRefs.map((r) => parseItemRef(r).id)), isNull(escalations.acknowledgedBy)));
    await recordAudit(tx, ctx, { action: 'escalation.acknowledged', subjectType: 'escalation', subjectId: card.key, after: { items: card.itemRefs, level: card.level, acknowledgedBy: ctx.actor.userId } });
    await refreshEscalationCard(tx, updated!.key);
    return { status: 'acknowledged' };
  });
}
