import type { App } from '@slack/bolt';
import type { SlackDeps } from '../../deps.js';
import { handleAppHomeOpened } from './app-home-opened.js';

export function registerEvents(app: App, deps: SlackDeps): void {
  app.event('app_home_opened', handleAppHomeOpened(deps));
}
