import type { SlackArgs } from '../request-body.js';
import { fail, type ApiAnswer, type FakeState } from '../state.js';
import { userObject } from '../users.js';
import { BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, WORKSPACE_URL, isUserId } from '../workspace.js';
import { openDm } from './chat.js';

export function authTest(): ApiAnswer {
  return {
    ok: true,
    url: WORKSPACE_URL,
    team: TEAM_DOMAIN,
    user: 'aigov',
    team_id: TEAM_ID,
    user_id: BOT_USER_ID,
    bot_id: BOT_ID,
    is_enterprise_install: false,
  };
}

export function usersInfo(state: FakeState, args: SlackArgs): ApiAnswer {
  if (!isUserId(args.user)) return fail('user_not_found');
  const settings = state.userSettings.get(args.user) ?? {};
  const isBot = settings.isBot ?? args.user === BOT_USER_ID;
  return { ok: true, user: userObject(args.user, { ...settings, isBot }, new Date()) };
}

export function conversationsOpen(state: FakeState, args: SlackArgs): ApiAnswer {
  if (args.channel) return { ok: true, channel: { id: String(args.channel) } };
  const users = String(args.users ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (users.length === 0) return fail('users_list_not_supplied');
  const unknown = users.find((u) => !isUserId(u));
  if (unknown) return fail('user_not_found');
  const created = Math.floor(Date.now() / 1000);
  const [only] = users;
  if (users.length === 1 && only) {
    return { ok: true, channel: { id: openDm(state, only), created, is_im: true, is_open: true, user: only } };
  }
  const id = `G${users.map((u) => u.slice(1, 4)).join('')}`.slice(0, 11);
  return { ok: true, channel: { id, created, is_im: false, is_mpim: true, is_open: true } };
}

export function appsConnectionsOpen(state: FakeState): ApiAnswer {
  return state.socketModeUrl ? { ok: true, url: state.socketModeUrl } : fail('invalid_auth');
}
