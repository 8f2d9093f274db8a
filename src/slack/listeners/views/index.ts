import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { registerIntakeViews } from './intake.js';

export function registerViews(app: App, deps: SlackDeps): void {
  registerIntakeViews(app, deps);
}
