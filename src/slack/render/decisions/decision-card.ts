import { loadDecisionCard } from '../../../app/decisions/load-decision-card.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildDecisionCard } from '../../views/decision-card.js';
import { decisionMetadata } from '../metadata.js';

/** A decision's card in the governance channel: awaiting the forum, or decided (by whom, when, why). */
export async function renderDecisionCard(ctx: ServiceContext, body: EventBody<'decision.card.v1'>): Promise<Rendered> {
  const row = await loadDecisionCard({ ctx, input: body });
  if (!row) return { skip: `decision ${body.decisionId} is gone` };
  const card = buildDecisionCard({ decision: row.decision, systemName: row.systemName, admins: ctx.policy.admins, timeZone: ctx.policy.timeZone });
  return { message: { channel: ctx.policy.governanceChannel, ...card, metadata: decisionMetadata(row.decision.id, row.decision.systemId) } };
}
