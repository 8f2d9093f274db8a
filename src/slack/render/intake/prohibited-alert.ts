import { loadAnnouncement } from '../../../app/intake/load-announcement.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildProhibitedAlert } from '../../views/prohibited-alert.js';
import { exceptionOfSystemMetadata } from '../metadata.js';

/** The forum's alert that a prohibited practice was registered, with the exception opened for it. */
export async function renderProhibitedAlert(ctx: ServiceContext, body: EventBody<'intake.prohibited.v1'>): Promise<Rendered> {
  const model = await loadAnnouncement({ ctx, input: body });
  if (!model) return { skip: `system ${body.systemId} is gone` };
  const alert = buildProhibitedAlert({
    systemId: model.systemId, name: model.name, ownerId: model.ownerId, reason: model.classification.tier.reason, admins: ctx.policy.admins, exceptionId: body.exceptionId,
  });
  return { message: { channel: ctx.policy.governanceChannel, ...alert, metadata: exceptionOfSystemMetadata(body.exceptionId, body.systemId) } };
}
