import { loadAnnouncement } from '../../../app/intake/load-announcement.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildAnnouncementCard } from '../../views/announcement-card.js';
import { systemMetadata } from '../metadata.js';

/** A registered system's card in the intake channel. */
export async function renderAnnouncement(ctx: ServiceContext, body: EventBody<'intake.announcement.v1'>): Promise<Rendered> {
  const model = await loadAnnouncement({ ctx, input: body });
  if (!model) return { skip: `system ${body.systemId} is gone` };
  const card = buildAnnouncementCard({ ...model, note: body.note ?? null });
  return { message: { channel: ctx.policy.intakeChannel, ...card, metadata: systemMetadata(body.systemId) } };
}
