import { renderExport } from '../../../app/exports/render-export.js';
import { contextFor } from '../../deps.js';
import { parseExportRequest } from '../../parse/export-request.js';
import { defineSubcommand } from './aigov-command.js';

/**
 * `/aigov export <kind>`: governance admins get the file in a DM. The command is answered at once; the
 * export is built and uploaded after, so a large one never holds up Slack's 3 s.
 */
defineSubcommand(['export'], async ({ ack, command }, rest, deps) => {
  const ctx = contextFor(deps, command.user_id, { via: 'slack', surface: 'slash_command', channel: command.channel_id });
  if (!ctx.actor.isAdmin) {
    await ack({ response_type: 'ephemeral', text: 'Exports are for governance admins (AIGOV_ADMINS). Ask one of them for the file.' });
    return;
  }
  const parsed = parseExportRequest(rest);
  if (!parsed.ok) {
    await ack({ response_type: 'ephemeral', text: parsed.message });
    return;
  }
  await ack({ response_type: 'ephemeral', text: `Building the ${parsed.request.kind} export (${parsed.request.format}); it will arrive as a file in your DM with aigov.` });
  // A refusal (no such system, a bad flag) reaches the admin through the app's error handler, escaped.
  const file = await renderExport({ ctx, request: parsed.request });
  const channel = await deps.gateway.openDm(command.user_id);
  await deps.gateway.uploadFile({ channel, ...file });
});
