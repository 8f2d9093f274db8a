import type { AllMiddlewareArgs, App, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { suggestSystems } from '../../../app/records/suggest-systems.js';
import { contextFor, type SlackDeps } from '../../deps.js';
import { option } from '../../views/blocks.js';
import { SYSTEM_SUGGEST_ACTION } from '../../views/intake/request-details-view.js';

type Args = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

/** The "Which registered AI system?" menu: systems whose name contains what was typed, by name. */
function handleSystemSuggestions(deps: SlackDeps) {
  return async ({ ack, payload, body }: Args): Promise<void> => {
    const ctx = contextFor(deps, body.user.id, { via: 'slack', surface: 'block_suggestion', actionId: SYSTEM_SUGGEST_ACTION });
    const systems = await suggestSystems({ ctx, input: { typed: (payload as BlockSuggestion).value } });
    await ack({ options: systems.map((s) => option(s.name, s.id)) as never });
  };
}

export function registerSystemSuggestions(app: App, deps: SlackDeps): void {
  app.options({ action_id: SYSTEM_SUGGEST_ACTION }, handleSystemSuggestions(deps));
}
