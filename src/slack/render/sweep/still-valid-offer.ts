import { loadStillValidOffer } from '../../../app/sweep/load-still-valid-offer.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildStillValidOffer } from '../../views/evidence/still-valid-offer.js';
import { systemMetadata } from '../metadata.js';

/** The Still valid offer: the owner's answered claims whose evidence ends on the date, those still answered. */
export async function renderStillValidOffer(ctx: ServiceContext, body: EventBody<'evidence.still-valid-offer.v1'>): Promise<Rendered> {
  const offer = await loadStillValidOffer({ ctx, input: body });
  if (!offer) return { skip: `system ${body.systemId} is gone` };
  if (!offer.claims.length) return { skip: `no answered claim of ${body.ownerId} on ${body.systemId} ends on ${body.periodTo} any more` };
  const card = buildStillValidOffer(offer);
  return { message: { channel: body.ownerId, ...card, metadata: systemMetadata(body.systemId) } };
}
