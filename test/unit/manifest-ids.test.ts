import { describe, expect, it } from 'vitest';
import { BOT_EVENTS, FUNCTIONS, SHORTCUTS, SLASH_COMMAND } from '../../src/slack/ids.js';
import { loadManifest, manifestIds } from '../support/manifest.js';

describe('manifest.yml and the ids the code listens for', () => {
  const ids = manifestIds(loadManifest());

  it('declares exactly the slash command the code handles', () => {
    expect(ids.commands).toEqual([SLASH_COMMAND]);
  });

  it('subscribes to exactly the bot events the code handles', () => {
    expect([...ids.botEvents].sort()).toEqual([...BOT_EVENTS].sort());
  });

  it('declares exactly the shortcuts the code handles, both ways', () => {
    expect([...ids.globalShortcutCallbackIds, ...ids.messageShortcutCallbackIds].sort()).toEqual(Object.values(SHORTCUTS).sort());
  });

  it('declares exactly the Workflow Builder steps the code handles, both ways', () => {
    expect([...ids.functionCallbackIds].sort()).toEqual(Object.values(FUNCTIONS).sort());
  });

  it('asks for the scopes the gateway uses and no others', () => {
    expect([...ids.botScopes].sort()).toEqual(['canvases:read', 'canvases:write', 'chat:write', 'chat:write.public', 'commands', 'files:read', 'files:write', 'im:write', 'users:read']);
  });
});
