import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const MANIFEST_PATH = fileURLToPath(new URL('../../manifest.yml', import.meta.url));

// The parts of a Slack app manifest that aigov declares; the full shape is Slack's schema.
export interface SlackManifest {
  _metadata?: { major_version?: number; minor_version?: number };
  display_information: { name: string; description?: string; long_description?: string; background_color?: string };
  features?: {
    bot_user?: { display_name: string; always_online?: boolean };
    app_home?: { home_tab_enabled?: boolean; messages_tab_enabled?: boolean; messages_tab_read_only_enabled?: boolean };
    slash_commands?: { command: string; description: string; usage_hint?: string; url?: string; should_escape?: boolean }[];
    shortcuts?: { name: string; type: 'global' | 'message'; callback_id: string; description: string }[];
  };
  oauth_config?: { scopes?: { bot?: string[]; user?: string[] } };
  settings?: {
    event_subscriptions?: { request_url?: string; bot_events?: string[]; user_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string; message_menu_options_url?: string };
    org_deploy_enabled?: boolean;
    socket_mode_enabled?: boolean;
    token_rotation_enabled?: boolean;
    function_runtime?: string;
  };
  functions?: Record<string, SlackFunction>;
}

export interface SlackFunctionParameter { type: string; title?: string; description?: string; is_required?: boolean; hint?: string }

// A Workflow Builder step: parameters keyed by name, as Bolt apps declare them.
export interface SlackFunction {
  title: string;
  description: string;
  input_parameters: Record<string, SlackFunctionParameter>;
  output_parameters: Record<string, SlackFunctionParameter>;
}

export function loadManifest(path: string = MANIFEST_PATH): SlackManifest {
  return parse(readFileSync(path, 'utf8')) as SlackManifest;
}

// The identifiers code must agree with, for a test comparing them with src/slack/ids.ts.
export interface ManifestIds {
  commands: string[];
  globalShortcutCallbackIds: string[];
  messageShortcutCallbackIds: string[];
  botEvents: string[];
  botScopes: string[];
  functionCallbackIds: string[];
}

export function manifestIds(manifest: SlackManifest = loadManifest()): ManifestIds {
  const shortcuts = manifest.features?.shortcuts ?? [];
  return {
    commands: (manifest.features?.slash_commands ?? []).map((c) => c.command),
    globalShortcutCallbackIds: shortcuts.filter((s) => s.type === 'global').map((s) => s.callback_id),
    messageShortcutCallbackIds: shortcuts.filter((s) => s.type === 'message').map((s) => s.callback_id),
    botEvents: manifest.settings?.event_subscriptions?.bot_events ?? [],
    botScopes: manifest.oauth_config?.scopes?.bot ?? [],
    functionCallbackIds: Object.keys(manifest.functions ?? {}),
  };
}
