import { hasOpenWork, loadOwnerWeek } from '../../../app/sweep/load-owner-week.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildOwnerWeek } from '../../views/owner-week.js';
import { ownerMetadata } from '../metadata.js';

/** An owner's Monday message: their open work as of the time it was queued, in their time zone. */
export async function renderOwnerWeek(ctx: ServiceContext, body: EventBody<'owner.week.v1'>): Promise<Rendered> {
  const work = await loadOwnerWeek({ ctx, input: body });
  if (!hasOpenWork(work)) return { skip: `${body.ownerId} has nothing open for the week of ${body.week}` };
  const message = buildOwnerWeek({ ...work, timeZone: body.timeZone });
  return { message: { channel: body.ownerId, ...message, metadata: ownerMetadata(body.ownerId, { week: body.week }) } };
}
