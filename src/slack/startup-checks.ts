import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { checkToken, describeTokenFailure } from './gateway.js';

/** Slack will not work with these settings; the message says which one and what to do, in one line. */
export class SlackStartupError extends Error {}

const BOT_TOKEN_FIX = 'copy the Bot User OAuth Token (xoxb-…) again from OAuth & Permissions of the app created from manifest.yml, reinstalling the app if it was removed';
const APP_TOKEN_FIX = 'generate an app-level token (xapp-…) with connections:write under Basic Information → App-Level Tokens';

/**
 * Before the server takes requests: a bot token Slack refuses stops the start (it would otherwise start
 * healthy and fail every request later). Slack being unreachable stops a Socket Mode start, which cannot
 * work without it; an HTTP-mode server starts anyway and its messages wait in the outbox.
 */
export async function checkBotTokenAtStart(config: Config, logger: Logger): Promise<void> {
  const check = await checkToken({ token: config.slack.botToken, apiUrl: config.slack.apiUrl });
  if (check.ok) return;
  const host = hostOf(config.slack.apiUrl);
  if (check.kind === 'refused') throw new SlackStartupError(`Slack at ${host} refused SLACK_BOT_TOKEN (${check.detail}): ${BOT_TOKEN_FIX}`);
  if (config.slack.mode === 'socket') throw new SlackStartupError(unreachable(config, check.detail, 'Socket Mode needs an outbound connection to Slack'));
  logger.warn({ host, reason: check.detail }, `cannot reach Slack at ${host} to check SLACK_BOT_TOKEN; starting anyway: messages wait in the outbox until Slack answers`);
}

/** Socket Mode's own start failure (apps.connections.open with the app token) → which token or host, and what to do. */
export function explainSocketModeStartFailure(err: unknown, config: Config): Error {
  const failure = describeTokenFailure(err);
  const host = hostOf(config.slack.apiUrl);
  if (failure.kind === 'refused') return new SlackStartupError(`Slack at ${host} refused SLACK_APP_TOKEN (${failure.detail}): ${APP_TOKEN_FIX}`);
  return new SlackStartupError(unreachable(config, failure.detail, 'Socket Mode could not open its connection'));
}

function unreachable(config: Config, detail: string, what: string): string {
  const custom = config.slack.apiUrl !== 'https://slack.com/api/';
  return `cannot reach Slack at ${hostOf(config.slack.apiUrl)} (${detail}): ${what}; check the network, proxy and firewall${custom ? ', and SLACK_API_URL' : ''}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
