import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { inventoryImportMetadata } from '../metadata.js';

/** The intake channel's line about an inventory import: the systems themselves are announced nowhere else. */
export async function renderInventoryImported(ctx: ServiceContext, body: EventBody<'intake.imported.v1'>): Promise<Rendered> {
  if (!ctx.policy.intakeChannel) return { skip: 'no intake channel is set' };
  const text = `${body.registered} AI systems were registered from an inventory import. Their owners have been asked for evidence.`;
  return { message: { channel: ctx.policy.intakeChannel, text, metadata: inventoryImportMetadata(body.registered) } };
}
