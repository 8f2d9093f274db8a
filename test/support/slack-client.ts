import * as payloads from './slack-payloads.js';
import type { SlackRequest } from './slack-payloads.js';
import { nowSeconds, signSlackRequest } from './signing.js';

export interface SlackTestClientOptions {
  // The app's origin, e.g. http://127.0.0.1:PORT.
  baseUrl: string;
  signingSecret: string;
  // Supplies response URLs for builders that need one (slash commands, message clicks).
  fake?: { responseUrl(): string };
  path?: string;
}

export interface SendOptions {
  // Sets X-Slack-Retry-Num / -Reason as Slack does when it re-sends an Events API request.
  retryNum?: number;
  retryReason?: string;
  // Signs with a timestamp six minutes old, past the five-minute window.
  stale?: boolean;
  signature?: 'valid' | 'none' | 'bad';
  timeoutMs?: number;
}

export interface SlackTestResponse {
  status: number;
  // Parsed JSON when the app answered with JSON, otherwise the text (or null when empty).
  // `any` because tests read ack bodies such as body.response_action / body.errors directly.
  body: any;
  text: string;
  headers: Record<string, string>;
  ms: number;
}

const STALE_SECONDS = 6 * 60;

type WithOptionalResponseUrl<T> = Omit<T, 'responseUrl'> & { responseUrl?: string };

// Posts to the app's /slack/events the way Slack does: v0-signed raw bodies.
export class SlackTestClient {
  readonly #options: SlackTestClientOptions;

  constructor(options: SlackTestClientOptions) {
    this.#options = options;
  }

  async send(req: SlackRequest, { retryNum, retryReason = 'http_timeout', stale = false, signature = 'valid', timeoutMs = 10_000 }: SendOptions = {}): Promise<SlackTestResponse> {
    const headers: Record<string, string> = { 'content-type': req.contentType };
    if (signature !== 'none') {
      const timestamp = nowSeconds() - (stale ? STALE_SECONDS : 0);
      const signingSecret = signature === 'bad' ? `not-${this.#options.signingSecret}` : this.#options.signingSecret;
      Object.assign(headers, signSlackRequest({ body: req.body, signingSecret, timestamp }));
    }
    if (retryNum !== undefined) {
      headers['x-slack-retry-num'] = String(retryNum);
      headers['x-slack-retry-reason'] = retryReason;
    }
    const started = performance.now();
    const res = await fetch(`${this.#options.baseUrl}${this.#options.path ?? '/slack/events'}`, {
      method: 'POST',
      headers,
      body: req.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    const ms = Math.round((performance.now() - started) * 10) / 10;
    return { status: res.status, body: parseBody(text, res.headers.get('content-type')), text, headers: Object.fromEntries(res.headers), ms };
  }

  slashCommand(input: WithOptionalResponseUrl<payloads.SlashCommandInput>, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.slashCommand({ ...input, responseUrl: this.#responseUrl(input.responseUrl) }), options);
  }

  blockActions(input: payloads.BlockActionsInput, options?: SendOptions): Promise<SlackTestResponse> {
    const responseUrl = input.message ? this.#responseUrl(input.responseUrl) : input.responseUrl;
    return this.send(payloads.blockActions({ ...input, responseUrl }), options);
  }

  viewSubmission(input: payloads.ViewSubmissionInput, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.viewSubmission(input), options);
  }

  viewClosed(input: payloads.ViewClosedInput, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.viewClosed(input), options);
  }

  blockSuggestion(input: payloads.BlockSuggestionInput, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.blockSuggestion(input), options);
  }

  globalShortcut(input: payloads.GlobalShortcutInput, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.globalShortcut(input), options);
  }

  messageShortcut(input: WithOptionalResponseUrl<payloads.MessageShortcutInput>, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.messageShortcut({ ...input, responseUrl: this.#responseUrl(input.responseUrl) }), options);
  }

  appHomeOpened(input: payloads.AppHomeOpenedInput, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.appHomeOpened(input), options);
  }

  functionExecuted(input: payloads.FunctionExecutedInput, options?: SendOptions): Promise<SlackTestResponse> {
    return this.send(payloads.functionExecuted(input), options);
  }

  #responseUrl(given: string | undefined): string {
    const url = given ?? this.#options.fake?.responseUrl();
    if (!url) throw new Error('SlackTestClient needs a fake (or an explicit responseUrl) to build this request');
    return url;
  }
}

// Parses by content rather than Content-Type alone, since an ack body is JSON whatever the header says.
function parseBody(text: string, contentType: string | null): unknown {
  if (text === '') return null;
  if (!contentType?.includes('json') && !/^\s*[[{]/.test(text)) return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
