import { describe, expect, it } from 'vitest';
import { WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebAPIRequestError } from '@slack/web-api';
import { classifySlackError } from '../../../src/slack/gateway.js';

const refused = (error: string) => new WebAPIPlatformError({ ok: false, error });

describe('classifying what Slack answers a delivery', () => {
  it.each([
    'not_authed', 'invalid_auth', 'token_revoked', 'token_expired', 'not_allowed_token_type', 'account_inactive',
    'team_access_not_granted', 'org_login_required', 'team_added_to_org', 'missing_scope', 'accesslimited',
  ])('%s concerns the whole app: the outbox pauses instead of failing the message', (code) => {
    expect(classifySlackError(refused(code))).toEqual({ kind: 'app_blocked', detail: code });
  });

  it.each([
    'channel_not_found', 'not_in_channel', 'user_not_found', 'is_archived', 'msg_too_long', 'invalid_blocks', 'invalid_blocks_format',
    'no_text', 'cant_update_message', 'message_not_found', 'edit_window_closed', 'user_disabled', 'cannot_dm_bot', 'restricted_action',
    'invalid_arguments',
  ])('%s concerns one message, which no retry heals: it is dead', (code) => {
    expect(classifySlackError(refused(code))).toEqual({ kind: 'permanent', detail: code });
  });

  it.each(['no_permission', 'ekm_access_denied', 'internal_error', 'fatal_error', 'service_unavailable', 'request_timeout', 'something_new'])(
    '%s is retried with backoff for that message alone',
    (code) => {
      expect(classifySlackError(refused(code))).toEqual({ kind: 'transient', detail: code });
    },
  );

  it('waits out a rate limit for as long as Slack says', () => {
    expect(classifySlackError(new WebAPIRateLimitedError(7))).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 7 });
    expect(classifySlackError(new WebAPIHTTPError(429, 'Too Many Requests', { 'retry-after': '3' }))).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 3 });
  });

  it('retries server errors and network failures, and gives up on other HTTP errors', () => {
    expect(classifySlackError(new WebAPIHTTPError(503, 'Service Unavailable', {}))).toEqual({ kind: 'transient', detail: 'HTTP 503' });
    expect(classifySlackError(new WebAPIRequestError(new Error('fetch failed')))).toMatchObject({ kind: 'transient' });
    expect(classifySlackError(new WebAPIHTTPError(404, 'Not Found', {}))).toEqual({ kind: 'permanent', detail: 'HTTP 404' });
  });
});
