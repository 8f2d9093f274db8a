import type { App, MessageShortcut } from '@slack/bolt';
import { SHORTCUTS } from '../../ids.js';
import type { SlackDeps } from '../../deps.js';
import { handleRegisterSystemShortcut } from './register-system-shortcut.js';
import { handleAttachEvidenceShortcut } from './attach-evidence-shortcut.js';

export function registerShortcuts(app: App, deps: SlackDeps): void {
  app.shortcut(SHORTCUTS.registerSystem, handleRegisterSystemShortcut(deps));
  app.shortcut<MessageShortcut>({ callback_id: SHORTCUTS.attachEvidence, type: 'message_action' }, handleAttachEvidenceShortcut(deps));
}
