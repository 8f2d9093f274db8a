import { checkExportRequest, renderExport } from '../../../app/exports/render-export.js';
import { contextFor } from '../../deps.js';
import { checkFirst } from '../../error-reporting.js';
import { parseExportRequest } from '../../parse/export-request.js';
import { defineSubcommand } from './aigov-command.js';

/**
 * `/aigov export <kind>`: governance admins get the file in a DM. The command is answered at once; the
 * export is built and uploaded after, so a large one never holds up Slack's 3 s.
 */
defineSubcommand(['export'], async ({ ack, command }, rest, deps) => {
  const ctx = contextFor(deps, command.user_id, { via: 'slack', surface: 'slash_command', channel: command.channel_id });
  const parsed = parseExportRequest(rest);
  if (!parsed.ok) {
    await ack({ response_type: 'ephemeral', text: parsed.message });
    return;
  }
  // The verb's own check (admins only, params valid), asked before answering so a refusal is the answer.
  const checked = checkFirst(() => checkExportRequest({ ctx, input: parsed.request }));
  if (!checked.ok) {
    await ack({ response_type: 'ephemeral', text: checked.refusal });
    return;
  }
  const { definition, params } = checked.value;
  await ack({ response_type: 'ephemeral', text: `Building the ${definition.kind} export (${params.format}); it will arrive as a file in your DM with aigov.` });
  // A refusal found while building (no such system) reaches the admin through the app's error handler, escaped.
  const file = await renderExport({ ctx, input: parsed.request });
  const channel = await deps.gateway.openDm(command.user_id);
  await deps.gateway.uploadFile({ channel, ...file });
});
