import type { SlackArgs } from '../request-body.js';
import { fail, type ApiAnswer, type FakeState, type StoredMessage } from '../state.js';
import { withSlackIds } from '../views.js';
import { APP_ID, BOT_ID, BOT_USER_ID, TEAM_ID, WORKSPACE_URL, dmChannelOf, isUserId } from '../workspace.js';

// Limits from the chat.postMessage docs: 50 blocks a message; text truncated past 40,000 chars.
const MAX_MESSAGE_BLOCKS = 50;
const MAX_TEXT = 40_000;

export function postMessage(state: FakeState, args: SlackArgs): ApiAnswer {
  if (!args.channel) return fail('channel_not_found');
  const problem = messageProblem(args);
  if (problem) return problem;
  // Posting to a user id lands in the bot's DM with that user, and Slack answers with the D… channel.
  const channel = isUserId(args.channel) ? openDm(state, args.channel) : String(args.channel);
  const stored: StoredMessage = {
    channel,
    ts: state.nextTs(),
    text: args.text,
    blocks: Array.isArray(args.blocks) ? withSlackIds(args.blocks) : undefined,
    thread_ts: args.thread_ts,
    metadata: args.metadata,
  };
  state.saveMessage(stored);
  return { ok: true, channel, ts: stored.ts, message: messageObject(stored) };
}

export function update(state: FakeState, args: SlackArgs): ApiAnswer {
  // chat.update needs the conversation id that chat.postMessage returned, not the user id.
  if (!args.channel || isUserId(args.channel)) return fail('channel_not_found');
  if (!args.ts) return fail('message_not_found');
  const problem = messageProblem(args);
  if (problem) return problem;
  const existing = state.message(args.channel, args.ts);
  if (existing?.deleted || (!existing && state.strict)) return fail('message_not_found');
  const updated: StoredMessage = {
    ...(existing ?? { channel: args.channel, ts: args.ts }),
    text: args.text ?? existing?.text,
    blocks: Array.isArray(args.blocks) ? withSlackIds(args.blocks) : existing?.blocks,
    edited: { ts: state.nextTs() },
  };
  state.saveMessage(updated);
  return { ok: true, channel: updated.channel, ts: updated.ts, text: updated.text, message: messageObject(updated) };
}

export function deleteMessage(state: FakeState, args: SlackArgs): ApiAnswer {
  if (!args.channel || isUserId(args.channel)) return fail('channel_not_found');
  const existing = state.message(args.channel, args.ts);
  if (!existing && state.strict) return fail('message_not_found');
  if (existing) state.saveMessage({ ...existing, deleted: true });
  return { ok: true, channel: args.channel, ts: args.ts };
}

export function postEphemeral(state: FakeState, args: SlackArgs): ApiAnswer {
  if (!args.channel) return fail('channel_not_found');
  if (!isUserId(args.user)) return fail('user_not_in_channel');
  const problem = messageProblem(args);
  if (problem) return problem;
  return { ok: true, message_ts: state.nextTs() };
}

export function getPermalink(state: FakeState, args: SlackArgs): ApiAnswer {
  if (!args.channel) return fail('channel_not_found');
  if (!args.message_ts || (state.strict && !state.message(args.channel, args.message_ts))) return fail('message_not_found');
  const permalink = `${WORKSPACE_URL}archives/${args.channel}/p${String(args.message_ts).replace('.', '')}`;
  return { ok: true, channel: args.channel, permalink };
}

export function openDm(state: FakeState, userId: string): string {
  const channel = dmChannelOf(userId);
  state.dmUserByChannel.set(channel, userId);
  return channel;
}

function messageProblem(args: SlackArgs): ApiAnswer | undefined {
  const hasBlocks = Array.isArray(args.blocks) && args.blocks.length > 0;
  if (!args.text && !hasBlocks && !args.attachments) return fail('no_text');
  if (args.blocks !== undefined && !Array.isArray(args.blocks)) return fail('invalid_blocks_format');
  if (hasBlocks && args.blocks.length > MAX_MESSAGE_BLOCKS) {
    return fail('invalid_blocks', `${args.blocks.length} blocks, max ${MAX_MESSAGE_BLOCKS}`);
  }
  if (typeof args.text === 'string' && args.text.length > MAX_TEXT) return fail('msg_too_long');
  return undefined;
}

function messageObject(message: StoredMessage): SlackArgs {
  return {
    type: 'message',
    user: BOT_USER_ID,
    bot_id: BOT_ID,
    app_id: APP_ID,
    team: TEAM_ID,
    text: message.text ?? '',
    blocks: message.blocks,
    ts: message.ts,
    thread_ts: message.thread_ts,
    metadata: message.metadata,
    edited: message.edited ? { user: BOT_USER_ID, ts: message.edited.ts } : undefined,
  };
}
