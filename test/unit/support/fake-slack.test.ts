import { LogLevel, WebAPIHTTPError, WebAPIPlatformError, WebAPIRateLimitedError, WebClient, type Logger } from '@slack/web-api';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';

const button = { type: 'button', action_id: 'evidence_submit', text: { type: 'plain_text', text: 'Submit' }, value: 'evr_1' } as const;
const modal = {
  type: 'modal' as const,
  callback_id: 'aigov_intake',
  title: { type: 'plain_text' as const, text: 'Register AI system' },
  submit: { type: 'plain_text' as const, text: 'Register' },
  blocks: [{ type: 'input', block_id: 'name', label: { type: 'plain_text', text: 'Name' }, element: { type: 'plain_text_input', action_id: 'value' } }],
};

// The fake's validation errors come back as "[ERROR] …" response messages, which
// WebClient logs; the assertions below check them, so the log would only be noise.
const quietLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};

describe('fake Slack Web API', () => {
  let fake: FakeSlack;
  let client: WebClient;

  beforeAll(async () => {
    fake = await startFakeSlack();
    client = new WebClient('xoxb-test', {
      slackApiUrl: fake.apiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      logger: quietLogger,
    });
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('records chat.postMessage with blocks decoded back to objects and answers with increasing ts', async () => {
    const first = await client.chat.postMessage({ channel: 'C0GOV', text: 'hello', blocks: [{ type: 'actions', elements: [button] }] });
    const second = await client.chat.postMessage({ channel: 'C0GOV', text: 'again' });

    expect(first.channel).toBe('C0GOV');
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = fake.calls('chat.postMessage');
    expect(call).toMatchObject({ method: 'chat.postMessage', ok: true, status: 200, token: 'xoxb-test' });
    expect(call?.args.blocks[0].elements[0]).toEqual(button);
    expect(call?.args.text).toBe('hello');
    expect(call?.response?.ts).toBe(first.ts);
  });

  it('answers a post to a user id from that user’s stable DM channel', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0OWNER1', text: 'please upload evidence' });
    const opened = await client.conversations.open({ users: 'U0OWNER1' });

    expect(posted.channel).toBe(fake.dmChannelOf('U0OWNER1'));
    expect(opened.channel?.id).toBe(posted.channel);
    expect(fake.userOfChannel(posted.channel as string)).toBe('U0OWNER1');
    expect(fake.dmsTo('U0OWNER1')).toHaveLength(1);
  });

  it('keeps the latest state of a message across chat.update', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0OWNER1', text: 'v1' });
    await client.chat.update({ channel: posted.channel as string, ts: posted.ts as string, text: 'v2' });

    expect(fake.message(posted.channel as string, posted.ts as string)?.text).toBe('v2');
  });

  it('refuses chat.update addressed to the user id instead of the DM channel', async () => {
    const posted = await client.chat.postMessage({ channel: 'U0OWNER1', text: 'v1' });

    await expect(client.chat.update({ channel: 'U0OWNER1', ts: posted.ts as string, text: 'v2' })).rejects.toMatchObject({
      data: { error: 'channel_not_found' },
    });
  });

  it('surfaces an injected 429 as a rate-limit error carrying Retry-After', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 7 });

    const error = await client.chat.postMessage({ channel: 'C0GOV', text: 'x' }).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBe(7);
    expect(fake.calls('chat.postMessage')[0]).toMatchObject({ status: 429, ok: false });
  });

  it('surfaces an injected 500 as an HTTP error and then recovers', async () => {
    fake.failNext('chat.postMessage', { status: 500 });

    const error = await client.chat.postMessage({ channel: 'C0GOV', text: 'x' }).catch((e: unknown) => e);
    const retried = await client.chat.postMessage({ channel: 'C0GOV', text: 'x' });

    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect((error as WebAPIHTTPError).statusCode).toBe(500);
    expect(retried.ok).toBe(true);
  });

  it('surfaces an injected Slack error as a platform error', async () => {
    fake.failNext('chat.postMessage', { error: 'channel_not_found' }, 2);

    for (let i = 0; i < 2; i += 1) {
      const error = await client.chat.postMessage({ channel: 'C0GONE', text: 'x' }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(WebAPIPlatformError);
      expect((error as WebAPIPlatformError).data.error).toBe('channel_not_found');
    }
    expect((await client.chat.postMessage({ channel: 'C0GONE', text: 'x' })).ok).toBe(true);
  });

  it('delays a call by the injected delay', async () => {
    fake.failNext('auth.test', { delayMs: 150 });
    const started = Date.now();

    await client.auth.test();

    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('reports each user’s configured time zone with its offset, defaulting to Europe/London', async () => {
    fake.setUser('U0TOKYO', { tz: 'Asia/Tokyo' });

    const tokyo = await client.users.info({ user: 'U0TOKYO' });
    const london = await client.users.info({ user: 'U0LONDON' });

    expect(tokyo.user).toMatchObject({ id: 'U0TOKYO', tz: 'Asia/Tokyo', tz_offset: 9 * 3600 });
    expect(london.user?.tz).toBe('Europe/London');
    expect([0, 3600]).toContain(london.user?.tz_offset);
  });

  it('opens a modal once per trigger_id and refuses an outdated hash on update', async () => {
    const opened = await client.views.open({ trigger_id: '1.2.abc', view: modal });
    const view = opened.view as { id: string; hash: string };
    const again = await client.views.open({ trigger_id: '1.2.abc', view: modal }).catch((e: unknown) => e);
    const updated = await client.views.update({ view_id: view.id, hash: view.hash, view: modal });
    const stale = await client.views.update({ view_id: view.id, hash: view.hash, view: modal }).catch((e: unknown) => e);

    expect(view.id).toMatch(/^V/);
    expect(fake.view(view.id)?.callback_id).toBe('aigov_intake');
    expect((again as WebAPIPlatformError).data.error).toBe('exchanged_trigger_id');
    expect(updated.view?.id).toBe(view.id);
    expect((stale as WebAPIPlatformError).data.error).toBe('hash_conflict');
  });

  it('rejects a modal that breaks Slack’s view limits', async () => {
    const longTitle = { ...modal, title: { type: 'plain_text' as const, text: 'A title far longer than twenty-four' } };

    const error = await client.views.open({ trigger_id: '1.2.def', view: longTitle }).catch((e: unknown) => e);

    expect((error as WebAPIPlatformError).data.error).toBe('invalid_arguments');
  });

  it('publishes one Home view per user whose id survives re-publishing', async () => {
    const home = { type: 'home' as const, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'Your systems' } }] };
    const first = await client.views.publish({ user_id: 'U0OWNER1', view: home });
    const second = await client.views.publish({ user_id: 'U0OWNER1', view: home });

    expect(second.view?.id).toBe(first.view?.id);
    expect(fake.homeOf('U0OWNER1')?.blocks[0].text.text).toBe('Your systems');
  });

  it('accepts files.uploadV2 and keeps the uploaded content', async () => {
    await client.filesUploadV2({ channel_id: 'C0GOV', filename: 'inventory.csv', content: 'id,name\nsys_1,Chatbot\n', title: 'Inventory' });

    const [file] = fake.uploadedFiles();
    expect(file).toMatchObject({ filename: 'inventory.csv', title: 'Inventory', channelId: 'C0GOV' });
    expect(file?.content?.toString('utf8')).toBe('id,name\nsys_1,Chatbot\n');
    expect(fake.calls().map((c) => c.method)).toEqual(['files.getUploadURLExternal', 'files.completeUploadExternal']);
  });

  it('refuses every method, auth.test included, while the token is revoked, and answers again once restored', async () => {
    expect((await client.auth.test()).ok).toBe(true);
    fake.revokeToken();
    for (const call of [() => client.auth.test(), () => client.chat.postMessage({ channel: 'C0GOV', text: 'x' }), () => client.users.info({ user: 'U0ONE' })]) {
      const error = await call().catch((e: unknown) => e);
      expect((error as WebAPIPlatformError).data.error).toBe('token_revoked');
    }
    fake.revokeToken('account_inactive');
    expect(((await client.auth.test().catch((e: unknown) => e)) as WebAPIPlatformError).data.error).toBe('account_inactive');
    fake.restoreToken();
    expect((await client.chat.postMessage({ channel: 'C0GOV', text: 'x' })).ok).toBe(true);
  });

  it('answers methods it does not know with unknown_method', async () => {
    const error = await client.apiCall('admin.everything.delete').catch((e: unknown) => e);

    expect((error as WebAPIPlatformError).data.error).toBe('unknown_method');
  });

  it('answers with 429 and Retry-After once a rate limit is used up', async () => {
    fake.limit('chat.postMessage', 2, { perChannel: true });

    await client.chat.postMessage({ channel: 'C0A', text: '1' });
    await client.chat.postMessage({ channel: 'C0A', text: '2' });
    const other = await client.chat.postMessage({ channel: 'C0B', text: '1' });
    const error = await client.chat.postMessage({ channel: 'C0A', text: '3' }).catch((e: unknown) => e);

    expect(other.ok).toBe(true);
    expect(error).toBeInstanceOf(WebAPIRateLimitedError);
    expect((error as WebAPIRateLimitedError).retryAfter).toBeGreaterThanOrEqual(59);
  });

  it('records posts to response URLs and lets a test wait for them', async () => {
    const mark = fake.mark();
    const url = fake.responseUrl();

    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'done', replace_original: true }) });
    const posted = await fake.waitFor(() => fake.responsesSince(mark)[0], 1000);

    expect(res.status).toBe(200);
    expect(posted).toMatchObject({ url, body: { text: 'done', replace_original: true } });
  });

  it('fails a response URL post, or every method, when told to', async () => {
    fake.failNext('response_url', { status: 404 });
    fake.failNext('*', { status: 503 });

    const expired = await fetch(fake.responseUrl(), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text":"late"}' });
    const down = await client.users.info({ user: 'U0OWNER1' }).catch((e: unknown) => e);

    expect(expired.status).toBe(404);
    expect(fake.responses[0]).toMatchObject({ status: 404, body: { text: 'late' } });
    expect((down as WebAPIHTTPError).statusCode).toBe(503);
  });

  it('waitFor resolves when a matching call arrives and fails with a summary on timeout', async () => {
    const waiting = fake.waitFor(() => fake.calls('chat.postMessage')[0]?.args.text === 'late' && 'seen', 1000);
    setTimeout(() => void client.chat.postMessage({ channel: 'C0GOV', text: 'late' }), 30);

    await expect(waiting).resolves.toBe('seen');
    await expect(fake.waitFor(() => fake.calls('views.open')[0], 50)).rejects.toThrow(/chat\.postMessage x1/);
  });
  describe('Workflow Builder step executions', () => {
    const outputParameters = { system_id: { type: 'string', is_required: true }, due_date: { type: 'slack#/types/date' } };
    const slackError = (promise: Promise<unknown>) => promise.then(() => 'ok', (e: unknown) => (e as WebAPIPlatformError).data.error);

    it('completes a running execution once, keeping its outputs, and refuses a second ending', async () => {
      const execution = fake.startFunctionExecution({ callbackId: 'step', outputParameters });
      const stepClient = new WebClient(execution.botAccessToken, { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, logger: quietLogger });

      await stepClient.functions.completeSuccess({ function_execution_id: execution.id, outputs: { system_id: 'sys_1', due_date: '2027-01-31' } });

      expect(fake.functionExecution(execution.id)).toMatchObject({ state: 'completed', outputs: { system_id: 'sys_1', due_date: '2027-01-31' } });
      expect(fake.calls('functions.completeSuccess')[0]?.token).toBe(execution.botAccessToken);
      expect(await slackError(stepClient.functions.completeSuccess({ function_execution_id: execution.id, outputs: { system_id: 'sys_2' } }))).toBe('execution_not_in_running_state');
      expect(await slackError(stepClient.functions.completeError({ function_execution_id: execution.id, error: 'late' }))).toBe('execution_not_in_running_state');
      expect(fake.functionExecution(execution.id)?.outputs?.system_id).toBe('sys_1');
    });

    it('fails an execution with the error text exactly as sent, even when it looks like JSON', async () => {
      const execution = fake.startFunctionExecution({ callbackId: 'step', outputParameters });

      await client.functions.completeError({ function_execution_id: execution.id, error: '{"not": "parsed"}' });

      expect(fake.functionExecution(execution.id)).toMatchObject({ state: 'failed', error: '{"not": "parsed"}' });
    });

    it.each([
      [{ due_date: '2027-01-31' }, 'missing required output parameter: system_id'],
      [{ system_id: 'sys_1', extra: 'x' }, 'unknown output parameters: extra'],
      [{ system_id: 'sys_1', due_date: 'tomorrow' }, 'output parameter due_date is not a valid slack#/types/date: "tomorrow"'],
    ])('answers parameter_validation_failed for outputs the manifest does not declare: %j', async (outputs, detail) => {
      const execution = fake.startFunctionExecution({ callbackId: 'step', outputParameters });

      expect(await slackError(client.functions.completeSuccess({ function_execution_id: execution.id, outputs }))).toBe('parameter_validation_failed');
      expect(fake.calls('functions.completeSuccess')[0]?.response?.response_metadata).toEqual({ messages: [`[ERROR] ${detail}`] });
      expect(fake.functionExecution(execution.id)?.state).toBe('running');
    });

    it('answers function_execution_not_found for an execution Slack never started', async () => {
      expect(await slackError(client.functions.completeSuccess({ function_execution_id: 'Fx0UNKNOWN', outputs: {} }))).toBe('function_execution_not_found');
      expect(await slackError(client.functions.completeError({ function_execution_id: 'Fx0UNKNOWN', error: 'x' }))).toBe('function_execution_not_found');
    });
  });
});
