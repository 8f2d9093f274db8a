import { approveSoa } from '../../../app/soa/approve-soa.js';
import { checkMayDecideSoa } from '../../../app/soa/decide-control.js';
import { checkFirst } from '../../error-reporting.js';
import { localDate } from '../../../domain/calendar-dates.js';
import { contextFor } from '../../deps.js';
import { mention } from '../../escape.js';
import { SLASH_COMMAND } from '../../ids.js';
import { defineSubcommand } from './aigov-command.js';

const USAGE = `Usage: \`${SLASH_COMMAND} soa approve\` approves the current Statement of Applicability as the next numbered version (governance admins).`;

/**
 * `/aigov soa approve`: acknowledged at once, answered ephemerally. A refusal (open decisions, not an
 * admin) reaches the user through the app's error handler, with the list of what is open.
 */
defineSubcommand(['soa'], async ({ ack, command, respond }, rest, deps) => {
  if (rest.trim().toLowerCase() !== 'approve') {
    await ack({ response_type: 'ephemeral', text: USAGE });
    return;
  }
  const ctx = contextFor(deps, command.user_id, { via: 'slack', surface: 'slash_command', channel: command.channel_id });
  const may = checkFirst(() => checkMayDecideSoa(ctx));
  if (!may.ok) {
    await ack({ response_type: 'ephemeral', text: may.refusal });
    return;
  }
  await ack();
  const result = await approveSoa({ ctx });
  const tz = deps.policy.timeZone;
  if (result.status === 'unchanged') {
    await respond({ response_type: 'ephemeral', text: `Nothing changed since version ${result.number} (approved by ${mention(result.approvedBy)} on ${localDate(result.approvedAt, tz)}): it stays the current version.` });
    return;
  }
  const changes = result.changes === null ? 'the first approved version' : `${result.changes.length} change${result.changes.length === 1 ? '' : 's'} since version ${result.number - 1}`;
  await respond({ response_type: 'ephemeral', text: `Approved the Statement of Applicability as version ${result.number} on ${localDate(result.approvedAt, tz)} (${changes}). \`${SLASH_COMMAND} export soa md\` sends it.` });
});
