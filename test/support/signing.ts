import { createHmac } from 'node:crypto';

export interface SlackSignatureHeaders {
  'x-slack-signature': string;
  'x-slack-request-timestamp': string;
}

export interface SignSlackRequestInput {
  // The exact bytes that will be sent; Slack signs the raw body, not a re-serialisation.
  body: string;
  signingSecret: string;
  // Unix seconds; defaults to now.
  timestamp?: number;
}

// Slack's v0 scheme: hex HMAC-SHA256 of "v0:<timestamp>:<body>" keyed by the signing secret.
export function signSlackRequest({ body, signingSecret, timestamp = nowSeconds() }: SignSlackRequestInput): SlackSignatureHeaders {
  const digest = createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-signature': `v0=${digest}`, 'x-slack-request-timestamp': String(timestamp) };
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
