import type { App } from '@slack/bolt';
import type { SlackDeps } from '../deps.js';
import { registerCommands } from './commands/index.js';
import { registerViews } from './views/index.js';
import { registerActions } from './actions/index.js';
import { registerOptions } from './options/index.js';
import { registerClassificationOverride } from './classification-override.js';
import { registerExemptionClaim } from './exemption-claim.js';
import { registerEvents } from './events/index.js';
import { registerShortcuts } from './shortcuts/index.js';
import { registerFunctions } from './functions/index.js';

/** Every Slack surface registers here, one folder per kind of request. */
export function registerListeners(app: App, deps: SlackDeps): void {
  registerCommands(app, deps);
  registerViews(app, deps);
  registerActions(app, deps);
  registerOptions(app, deps);
  registerClassificationOverride(app, deps);
  registerExemptionClaim(app, deps);
  registerEvents(app, deps);
  registerShortcuts(app, deps);
  registerFunctions(app, deps);
}
