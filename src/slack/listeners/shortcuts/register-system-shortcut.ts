import type { AllMiddlewareArgs, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { buildIntakeStartView } from '../../views/intake/intake-start-view.js';

type Args = SlackShortcutMiddlewareArgs & AllMiddlewareArgs;

/** The global shortcut opens the same intake modal as `/aigov new`, with nothing in front of views.open. */
export function handleRegisterSystemShortcut(deps: SlackDeps) {
  return async ({ ack, shortcut }: Args): Promise<void> => {
    await Promise.all([ack(), deps.gateway.openView(shortcut.trigger_id, buildIntakeStartView())]);
  };
}
