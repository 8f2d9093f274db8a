import { loadOverride } from '../../../app/classification/load-override.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildOverrideNote } from '../../views/override-note.js';
import { systemMetadata } from '../metadata.js';
import { inSystemThread } from '../notes/system-thread.js';

/** An admin's override of a classification outcome, in the system's thread. */
export async function renderOverrideNote(ctx: ServiceContext, body: EventBody<'classification.override-note.v1'>): Promise<Rendered> {
  const model = await loadOverride({ ctx, input: body });
  if (!model) return { skip: `override ${body.overrideId} of ${body.systemId} is gone` };
  return { message: await inSystemThread(ctx, body.systemId, buildOverrideNote(model), systemMetadata(body.systemId)) };
}
