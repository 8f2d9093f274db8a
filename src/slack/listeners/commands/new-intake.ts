import { defineSubcommand } from './aigov-command.js';
import { buildIntakeStartView } from '../../views/intake/intake-start-view.js';

// views.open goes out with the ack, before any database work: the trigger_id dies after 3 seconds.
defineSubcommand(['new', 'register'], async ({ ack, command }, _rest, deps) => {
  await Promise.all([ack(), deps.gateway.openView(command.trigger_id, buildIntakeStartView())]);
});
