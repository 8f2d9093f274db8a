import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerSystemSuggestions } from './system-suggest.js';

/** Options for external_select menus (block_suggestion requests). */
export function registerOptions(app: App, deps: SlackDeps): void {
  registerSystemSuggestions(app, deps);
}
