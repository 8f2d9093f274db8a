import { asc, ilike } from 'drizzle-orm';
import type { AllMiddlewareArgs, App, BlockSuggestion, SlackOptionsMiddlewareArgs } from '@slack/bolt';
import { aiSystems } from '../../../db/schema/index.js';
import type { SlackDeps } from '../../deps.js';
import { option } from '../../views/blocks.js';
import { SYSTEM_SUGGEST_ACTION } from '../../views/intake/request-details-view.js';

type Args = SlackOptionsMiddlewareArgs<'block_suggestion'> & AllMiddlewareArgs;

// Slack shows at most 100 options in a menu.
const MAX_OPTIONS = 100;

/** The "Which registered AI system?" menu: systems whose name contains what was typed, by name. */
function handleSystemSuggestions(deps: SlackDeps) {
  return async ({ ack, payload }: Args): Promise<void> => {
    const typed = (payload as BlockSuggestion).value.trim().slice(0, 100);
    const pattern = `%${typed.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    const rows = await deps.db.select({ id: aiSystems.id, name: aiSystems.name }).from(aiSystems)
      .where(ilike(aiSystems.name, pattern)).orderBy(asc(aiSystems.name)).limit(MAX_OPTIONS);
    await ack({ options: rows.map((s) => option(s.name, s.id)) as never });
  };
}

export function registerSystemSuggestions(app: App, deps: SlackDeps): void {
  app.options({ action_id: SYSTEM_SUGGEST_ACTION }, handleSystemSuggestions(deps));
}
