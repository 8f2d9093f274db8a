import { z } from 'zod';
import type { DbOrTx } from '../../db/client.js';
import { newId } from '../../db/ids.js';
import { escalationCards } from '../../db/schema/index.js';
import { enqueue } from '../../outbox/enqueue.js';
import { buildEscalationPost } from '../../slack/views/escalation-post.js';
import type { ServiceContext } from '../context.js';
import type { OverdueItem } from '../sweep/overdue-items.js';

/** Unique because each (item, level, cycle) escalates once and an item is first on one card only. */
export const escalationCardKey = (first: OverdueItem, level: number, cycleKey: string) => `escalation:${first.kind}:${first.id}:L${level}:${cycleKey}`;

const StoredItem = z.object({
  kind: z.enum(['review', 'evidence', 'exception', 'statutory']), id: z.string(), systemId: z.string(), systemName: z.string(), ownerId: z.string(),
  tier: z.string(), dueAt: z.coerce.date(), acceptedUntil: z.coerce.date().nullable(), what: z.string(),
});

/** The items as the card showed them when it was posted (stored as JSON). */
export const cardItems = (json: unknown): OverdueItem[] => z.array(StoredItem).parse(json);

export type EscalationCard = typeof escalationCards.$inferSelect;

/** Draws the card again as posted, plus what the forum has done with it since; edits it in place. */
export async function refreshEscalationCard(tx: DbOrTx, ctx: ServiceContext, card: EscalationCard): Promise<void> {
  const items = cardItems(card.items);
  const post = buildEscalationPost({
    level: card.level as 1 | 2, items, since: card.since, now: card.createdAt, admins: ctx.policy.admins, timeZone: ctx.policy.timeZone,
    status: card,
  });
  await enqueue(tx, { kind: 'slack.update.v1', key: card.key, ...post }, { idempotencyKey: `update:${card.key}:${newId('obx')}` });
}
