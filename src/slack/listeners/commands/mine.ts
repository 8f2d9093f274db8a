import { loadMyWork } from '../../../app/home/load-my-work.js';
import { contextFor } from '../../deps.js';
import { buildMineMessage } from '../../views/mine-message.js';
import { defineSubcommand } from './aigov-command.js';

/** `/aigov mine`: acknowledged first, then answered ephemerally through the command's response_url. */
defineSubcommand(['mine'], async ({ ack, command, respond }, _rest, deps) => {
  await ack();
  const work = await loadMyWork({ ctx: contextFor(deps, command.user_id, { via: 'slack', surface: 'slash_command', channel: command.channel_id }) });
  await respond({ response_type: 'ephemeral', ...buildMineMessage(work) });
});
