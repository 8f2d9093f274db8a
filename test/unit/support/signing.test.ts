import { isValidSlackRequest } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { signSlackRequest } from '../../support/signing.js';

// The worked example from https://docs.slack.dev/authentication/verifying-requests-from-slack,
// also used by slackapi/bolt-js test/unit/receivers/ExpressReceiver.spec.ts.
const documented = {
  signingSecret: '8f742231b10e8888abcd99yyyzzz85a5',
  timestamp: 1531420618,
  body:
    'token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V' +
    '&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=' +
    '&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN' +
    '&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c',
  signature: 'v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503',
};

describe('signSlackRequest', () => {
  it("reproduces the signature in Slack's documented example", () => {
    const headers = signSlackRequest(documented);

    expect(headers).toEqual({
      'x-slack-signature': documented.signature,
      'x-slack-request-timestamp': '1531420618',
    });
  });

  it("produces signatures that Bolt's own verifier accepts", () => {
    const body = JSON.stringify({ type: 'event_callback', event: { type: 'app_home_opened' } });
    const headers = signSlackRequest({ body, signingSecret: 'test-secret', timestamp: 1_700_000_000 });

    const valid = isValidSlackRequest({
      signingSecret: 'test-secret',
      body,
      headers: { ...headers, 'x-slack-request-timestamp': Number(headers['x-slack-request-timestamp']) },
      nowMilliseconds: 1_700_000_000_000,
    });

    expect(valid).toBe(true);
  });

  it('changes the signature when a single byte of the body changes', () => {
    const tampered = signSlackRequest({ ...documented, body: documented.body.replace('text=', 'text=x') });

    expect(tampered['x-slack-signature']).not.toBe(documented.signature);
  });

  it('defaults the timestamp to the current time in seconds', () => {
    const before = Math.floor(Date.now() / 1000);
    const { 'x-slack-request-timestamp': timestamp } = signSlackRequest({ body: '', signingSecret: 's' });

    expect(Number(timestamp)).toBeGreaterThanOrEqual(before);
    expect(Number(timestamp)).toBeLessThanOrEqual(before + 1);
  });
});
