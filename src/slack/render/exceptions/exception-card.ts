import { loadExceptionCard } from '../../../app/exceptions/load-exception-card.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildExceptionCard } from '../../views/exception-card.js';
import { exceptionMetadata } from '../metadata.js';

/** An exception's card in the governance channel, as the exception stands now. */
export async function renderExceptionCard(ctx: ServiceContext, body: EventBody<'exception.card.v1'>): Promise<Rendered> {
  const row = await loadExceptionCard({ ctx, input: body });
  if (!row) return { skip: `exception ${body.exceptionId} is gone` };
  const card = buildExceptionCard({ exception: row.exception, system: row.system, timeZone: ctx.policy.timeZone });
  return { message: { channel: ctx.policy.governanceChannel, ...card, metadata: exceptionMetadata(row.exception.id, row.system.id) } };
}
