import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerCommands } from './commands/index.js';
import { registerViews } from './views/index.js';
import { registerClassificationOverride } from './classification-override.js';

/** Every Slack surface registers here, one folder per kind of request. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerViews(app, deps);
  registerClassificationOverride(app, deps);
}
