import { replyMetadata } from './render/metadata.js';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { AppError } from '../app/errors.js';
import { scrubSecrets } from '../logger.js';
import type { SlackGateway } from './gateway.js';
import { escapeText } from './escape.js';

/** A short id the user can quote and an operator can find in the log. */
export const correlationId = () => randomUUID().slice(0, 8);

/** What the user is told: known errors say what to do; unknown ones give a reference and nothing else. */
export function userMessageFor(err: unknown, ref: string): string {
  // Known messages can quote what the user typed; they are shown as mrkdwn, so they are escaped.
  if (err instanceof AppError) return escapeText(err.message);
  return `Something went wrong on our side and nothing was changed. If it happens again, give this reference to your aigov admin: ${ref}`;
}

/**
 * A verb's check, run where a command must answer in its acknowledgement, before the work starts: what it
 * returns, or the words of its refusal (an AppError) to answer with. Other errors are thrown on.
 */
export function checkFirst<T>(check: () => T): { ok: true; value: T } | { ok: false; refusal: string } {
  try {
    return { ok: true, value: check() };
  } catch (err) {
    if (err instanceof AppError) return { ok: false, refusal: userMessageFor(err, '') };
    throw err;
  }
}

interface ErrorBody {
  user?: { id?: string } | undefined;
  user_id?: string | undefined;
  channel?: { id?: string } | undefined;
  channel_id?: string | undefined;
  response_url?: string | undefined;
}

/**
 * The one place errors reach Slack users. Known errors (AppError) are logged at warn, unknown errors
 * at error with the correlation id; the user gets an ephemeral reply wherever Slack lets us reach them.
 */
export async function reportErrorToUser(args: { err: unknown; body: unknown; logger: Logger; gateway: SlackGateway }): Promise<void> {
  const { err, logger, gateway } = args;
  const body = (args.body ?? {}) as ErrorBody;
  const ref = correlationId();
  const message = userMessageFor(err, ref);
  if (err instanceof AppError) logger.warn({ ref, code: err.code, msg: err.message }, 'request refused');
  else logger.error({ ref, err: { message: scrubSecrets(String((err as Error)?.message ?? err)), stack: (err as Error)?.stack } }, 'request failed');
  const user = body.user?.id ?? body.user_id;
  const channel = body.channel?.id ?? body.channel_id;
  try {
    if (body.response_url) {
      await fetch(body.response_url, { method: 'POST', headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ response_type: 'ephemeral', replace_original: false, text: message }), signal: AbortSignal.timeout(5000) });
    } else if (user && channel) {
      await gateway.postEphemeral({ channel, user, text: message });
    } else if (user) {
      // No channel to be ephemeral in (a modal or the home tab): a DM from the bot reaches them.
      await gateway.postMessage({ channel: user, text: message, metadata: replyMetadata('error', ref) });
    }
  } catch (deliveryErr) {
    logger.warn({ ref, err: deliveryErr }, 'could not tell the user about the error');
  }
}
