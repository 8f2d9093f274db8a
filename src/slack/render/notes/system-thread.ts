import { loadSystemThread } from '../../../app/records/system-thread.js';
import type { ServiceContext } from '../../../app/context.js';
import type { MessageMetadata, RenderedMessage } from '../../../outbox/rendering.js';

/** A note about a system, in its announcement's thread in the intake channel (or the channel, if never announced). */
export async function inSystemThread(ctx: ServiceContext, systemId: string, note: { text: string; blocks?: unknown[] }, metadata: MessageMetadata): Promise<RenderedMessage> {
  const thread = await loadSystemThread({ ctx, input: { systemId } });
  return { channel: ctx.policy.intakeChannel, ...note, ...(thread ? { threadKey: thread } : {}), metadata };
}
