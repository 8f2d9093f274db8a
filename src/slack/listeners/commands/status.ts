import { loadSystemStatus } from '../../../app/records/load-system-status.js';
import { contextFor } from '../../deps.js';
import { SLASH_COMMAND } from '../../ids.js';
import { buildSystemStatus, unknownSystemMessage } from '../../views/system-status.js';
import { defineSubcommand } from './aigov-command.js';

/** `/aigov status <id or name>`: one record, ephemerally. */
defineSubcommand(['status'], async ({ ack, command, respond }, rest, deps) => {
  const ref = rest.trim();
  if (!ref) {
    await ack({ response_type: 'ephemeral', text: `Which system? Usage: \`${SLASH_COMMAND} status <id or name>\`` });
    return;
  }
  await ack();
  const status = await loadSystemStatus({ ctx: contextFor(deps, command.user_id, { via: 'slack', surface: 'slash_command', channel: command.channel_id }), input: { ref } });
  await respond(status ? { response_type: 'ephemeral', ...buildSystemStatus(status) } : { response_type: 'ephemeral', text: unknownSystemMessage(ref) });
});
