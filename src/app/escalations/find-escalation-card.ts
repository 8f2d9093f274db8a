import { z } from 'zod';
import { and, arrayContains, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { escalationCards, slackMessages } from '../../db/schema/index.js';
import { invalid, notFound } from '../errors.js';
import type { OverdueKind } from '../sweep/overdue-items.js';

const KINDS: readonly OverdueKind[] = ['review', 'evidence', 'exception', 'statutory'];

/** Where a click came from: the message it was on, if Slack said. */
export interface ClickedMessage { channel?: string | undefined; ts?: string | undefined }

/** The message a button was clicked on, as a verb's input: where the card the click came from lives. */
export const ClickedMessageInput = z.object({ channel: z.string().optional(), ts: z.string().optional() });

/** `<kind>:<id>` from a button value, checked: the value comes from the client and is never trusted. */
export function parseItemRef(itemRef: string): { kind: OverdueKind; id: string } {
  const [kind, id, ...rest] = itemRef.split(':');
  if (!kind || !id || rest.length || !(KINDS as readonly string[]).includes(kind)) throw invalid('That escalation is not one aigov knows.');
  return { kind: kind as OverdueKind, id };
}

/**
 * The escalation card the person acted on, locked: the one on the clicked message when it shows this
 * item, else the newest card showing it (a click from a modal carries no message).
 */
export async function lockEscalationCard(tx: Tx, itemRef: string, clicked: ClickedMessage = {}) {
  parseItemRef(itemRef);
  if (clicked.channel && clicked.ts) {
    const [stored] = await tx.select({ key: slackMessages.key }).from(slackMessages)
      .where(and(eq(slackMessages.channel, clicked.channel), eq(slackMessages.ts, clicked.ts)));
    if (stored) {
      const [card] = await tx.select().from(escalationCards).where(and(eq(escalationCards.key, stored.key), arrayContains(escalationCards.itemRefs, [itemRef]))).for('update');
      if (card) return card;
    }
  }
  const [card] = await tx.select().from(escalationCards).where(arrayContains(escalationCards.itemRefs, [itemRef]))
    .orderBy(desc(escalationCards.createdAt), desc(escalationCards.level)).limit(1).for('update');
  if (!card) throw notFound('That escalation');
  return card;
}
