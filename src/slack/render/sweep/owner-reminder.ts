import { loadOwnerReminder } from '../../../app/sweep/load-owner-reminder.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildOwnerReminder } from '../../views/owner-reminder.js';
import { ownerMetadata } from '../metadata.js';

/** An owner's daily reminder: what the sweep reminded them of, less what they have done since. */
export async function renderOwnerReminder(ctx: ServiceContext, body: EventBody<'owner.reminder.v1'>): Promise<Rendered> {
  const items = await loadOwnerReminder({ ctx, input: body });
  if (!items.length) return { skip: `nothing of ${body.ownerId} is still due from the reminder of ${body.day}` };
  const reminder = buildOwnerReminder({ ownerId: body.ownerId, items, timeZone: body.timeZone });
  return { message: { channel: body.ownerId, ...reminder, metadata: ownerMetadata(body.ownerId, { day: body.day }) } };
}
