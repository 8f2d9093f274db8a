import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from './publish-home.js';

type Args = SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs;

/** Bolt acknowledges the event before this runs; the bounded queries behind the tab keep it well inside Slack's 3 s. */
export function handleAppHomeOpened(deps: SlackDeps) {
  return async ({ event }: Args): Promise<void> => {
    // The Messages tab opens the DM with the bot, which needs nothing from us.
    if (event.tab !== 'home') return;
    await publishHome(deps, event.user, { via: 'slack', surface: 'app_home_opened' });
  };
}
