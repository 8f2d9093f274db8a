import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { escalationCards } from '../../db/schema/index.js';
import type { ServiceContext } from '../context.js';
import { cardItems, type EscalationCard } from './escalation-card.js';
import type { OverdueItem } from '../sweep/overdue-items.js';

const Input = z.object({ cardKey: z.string().min(1) });

export interface EscalationCardModel { card: EscalationCard; level: 1 | 2; items: OverdueItem[] }

/** What an escalation card shows: the items as escalated, and what the forum has done since; null when unknown. */
export async function loadEscalationCard({ ctx, input }: { ctx: ServiceContext; input: z.input<typeof Input> }): Promise<EscalationCardModel | null> {
  const { cardKey } = Input.parse(input);
  const [card] = await ctx.db.select().from(escalationCards).where(eq(escalationCards.key, cardKey));
  if (!card) return null;
  return { card, level: card.level === 2 ? 2 : 1, items: cardItems(card.items) };
}
