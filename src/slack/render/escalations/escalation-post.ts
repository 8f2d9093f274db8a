import { loadEscalationCard } from '../../../app/escalations/load-escalation-card.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildEscalationPost } from '../../views/escalation-post.js';
import { escalationMetadata } from '../metadata.js';

/**
 * An escalation card: the items as the sweep escalated them, counted to the card's own time, plus what
 * the forum has done with it since (acknowledged, snoozed, reassigned).
 */
export async function renderEscalationPost(ctx: ServiceContext, body: EventBody<'escalation.posted.v1'>): Promise<Rendered> {
  const model = await loadEscalationCard({ ctx, input: body });
  if (!model) return { skip: `escalation card ${body.cardKey} is unknown` };
  const { card, level, items } = model;
  if (!items.length) return { skip: `escalation card ${body.cardKey} names no items` };
  const post = buildEscalationPost({
    level, items, itemCount: card.itemRefs.length, since: card.since, now: card.createdAt, admins: ctx.policy.admins, timeZone: ctx.policy.timeZone, status: card,
  });
  return { message: { channel: ctx.policy.governanceChannel, ...post, metadata: escalationMetadata(card.key, card.systemId) } };
}
