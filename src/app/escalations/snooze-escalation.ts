import { z } from 'zod';
import { and, eq, inArray } from 'drizzle-orm';
import { escalationCards, escalations } from '../../db/schema/index.js';
import { localDate, startOfLocalDate } from '../../domain/calendar-dates.js';
import { snoozeProblems } from '../../domain/escalation-snooze.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { forbidden, invalid, parseInput } from '../errors.js';
import { refreshEscalationCard } from './escalation-card.js';
import { lockEscalationCard, parseItemRef, type ClickedMessage, ClickedMessageInput } from './find-escalation-card.js';

/** Snoozing is for governance admins: the form opens, and the snooze is stored, only for them. */
export function checkMaySnoozeEscalation(ctx: ServiceContext): void {
  if (!ctx.actor.isAdmin) throw forbidden('Only governance admins can snooze an escalation.');
}

const SnoozeEscalationInput = z.object({
  itemRef: z.string().min(1),
  clicked: ClickedMessageInput.optional(),
  until: z.string(),
  reason: z.string(),
});
export type SnoozeEscalationInput = z.input<typeof SnoozeEscalationInput>;

/**
 * A governance admin mutes the ladder for the card's items until a date, with a reason. The due date
 * does not move: when the snooze ends the ladder resumes where it would have been.
 */
export async function snoozeEscalation({ ctx, input }: { ctx: ServiceContext; input: SnoozeEscalationInput }): Promise<void> {
  const { itemRef, clicked, until, reason } = parseInput(SnoozeEscalationInput, input);
  checkMaySnoozeEscalation(ctx);
  const now = ctx.now();
  const tz = ctx.policy.timeZone;
  const problems = snoozeProblems({ until, reason, today: localDate(now, tz) });
  if (Object.keys(problems).length) throw invalid('The snooze needs correcting.', problems);
  const snoozedUntil = startOfLocalDate(until, tz);
  await withTransaction(ctx, async (tx) => {
    const card = await lockEscalationCard(tx, itemRef, clicked);
    const [updated] = await tx.update(escalationCards).set({ snoozedBy: ctx.actor.userId, snoozedUntil, snoozeReason: reason.trim(), updatedAt: now })
      .where(eq(escalationCards.key, card.key)).returning();
    // loadEscalationHistory reads the latest snoozed_until of an item's rows: that is what mutes the ladder.
    await tx.update(escalations).set({ snoozedUntil, snoozeReason: reason.trim() })
      .where(and(eq(escalations.level, card.level), inArray(escalations.itemId, card.itemRefs.map((r) => parseItemRef(r).id))));
    await recordAudit(tx, ctx, { action: 'escalation.snoozed', subjectType: 'escalation', subjectId: card.key,
      before: { snoozedUntil: card.snoozedUntil }, after: { items: card.itemRefs, level: card.level, snoozedUntil, reason: reason.trim() } });
    await refreshEscalationCard(tx, updated!.key);
  });
}
