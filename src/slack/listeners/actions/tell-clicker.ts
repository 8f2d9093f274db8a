import { replyMetadata } from '../../render/metadata.js';
import type { BlockAction } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { contextFor } from '../../deps.js';
import type { Block } from '../../views/blocks.js';
import { clickOrigin, type ButtonArgs } from './claim-click.js';

/** The context of a button click: who clicked, on which message, as of the app's clock. */
export const clickContext = (deps: SlackDeps, body: BlockAction) => contextFor(deps, body.user.id, clickOrigin(body));

/** The message the click came from, so the verb can edit that very card. */
export const clickedMessage = (body: BlockAction) => ({ channel: body.container?.channel_id as string | undefined ?? body.channel?.id, ts: body.container?.message_ts as string | undefined });

/**
 * Answers only the person who clicked: ephemeral through response_url on a message, ephemeral in the
 * channel otherwise, or a DM when the click came from a modal or the Home tab.
 */
export async function tellClicker(deps: SlackDeps, args: ButtonArgs, message: { text: string; blocks?: Block[] }): Promise<void> {
  const { body } = args;
  if (body.response_url) {
    await args.respond({ response_type: 'ephemeral', replace_original: false, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
  } else if (body.channel?.id) {
    await deps.gateway.postEphemeral({ channel: body.channel.id, user: body.user.id, ...message });
  } else {
    const ref = body.actions[0]?.action_id ?? 'click';
    await deps.gateway.postMessage({ channel: body.user.id, ...message, metadata: replyMetadata('reply', ref) });
  }
}
