import type { App } from '@slack/bolt';
import { SLASH_COMMAND } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { handleAigovCommand } from './aigov-command.js';
// Each subcommand file registers itself with defineSubcommand when imported.
import './new-intake.js';
import './mine.js';
import './status.js';
import './export.js';
import './soa.js';

export function registerCommands(app: App, deps: SlackDeps): void {
  app.command(SLASH_COMMAND, handleAigovCommand(deps));
}
