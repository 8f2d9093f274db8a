import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../../support/fake-slack.js';
import { SlackTestClient } from '../../support/slack-client.js';
import { plainTextValue } from '../../support/view-state.js';

// Drives a real Bolt HTTP receiver with the builders, proving that what they
// send is what Bolt parses, verifies and routes.
const signingSecret = 'test-signing-secret';
const intakeModal = {
  type: 'modal' as const,
  callback_id: 'aigov_intake',
  notify_on_close: true,
  title: { type: 'plain_text' as const, text: 'Register AI system' },
  submit: { type: 'plain_text' as const, text: 'Register' },
  blocks: [
    { type: 'input', block_id: 'name', label: { type: 'plain_text' as const, text: 'Name' }, element: { type: 'plain_text_input', action_id: 'value' } },
    { type: 'input', block_id: 'owner', label: { type: 'plain_text' as const, text: 'Owner' }, element: { type: 'external_select', action_id: 'owner_lookup' } },
  ],
};

describe('SlackTestClient against a Bolt HTTP receiver', () => {
  let fake: FakeSlack;
  let app: App;
  let slack: SlackTestClient;
  const seen: { kind: string; retryNum?: number }[] = [];

  beforeAll(async () => {
    fake = await startFakeSlack();
    app = new App({ token: 'xoxb-test', signingSecret, logLevel: LogLevel.ERROR, clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 } } });
    app.command('/aigov', async ({ ack, command, client }) => {
      await ack();
      seen.push({ kind: `command:${command.text}` });
      await client.views.open({ trigger_id: command.trigger_id, view: intakeModal });
    });
    app.action('evidence_submit', async ({ ack, respond, body }) => {
      await ack();
      seen.push({ kind: `action:${body.type}` });
      if ('response_url' in body && body.response_url) await respond({ text: 'Thanks', replace_original: true });
    });
    app.view('aigov_intake', async ({ ack, view }) => {
      const name = view.state.values.name?.value?.value ?? '';
      await ack(name.length < 3 ? { response_action: 'errors', errors: { name: 'Use at least 3 characters' } } : undefined);
    });
    app.view({ callback_id: 'aigov_intake', type: 'view_closed' }, async ({ ack }) => {
      await ack();
      seen.push({ kind: 'view_closed' });
    });
    app.options('owner_lookup', async ({ ack, options }) => {
      await ack({ options: [{ text: { type: 'plain_text', text: `Owner ${options.value}` }, value: 'U0OWNER1' }] });
    });
    app.shortcut('aigov_register_system', async ({ ack }) => {
      await ack();
      seen.push({ kind: 'shortcut' });
    });
    app.event('app_home_opened', async ({ event, client, context }) => {
      seen.push({ kind: 'app_home_opened', retryNum: context.retryNum });
      await client.views.publish({ user_id: event.user, view: { type: 'home', blocks: [] } });
    });
    const server = await app.start(0);
    slack = new SlackTestClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, signingSecret, fake });
  });
  afterAll(async () => {
    await app.stop();
    await fake.close();
  });
  beforeEach(() => {
    fake.reset();
    seen.length = 0;
  });

  it('delivers a signed slash command whose trigger_id opens the modal', async () => {
    const res = await slack.slashCommand({ user: 'U0OWNER1', text: 'new' });
    const opened = await fake.waitFor(() => fake.calls('views.open')[0]);

    expect(res.status).toBe(200);
    expect(seen).toContainEqual({ kind: 'command:new' });
    expect(opened.args.view.callback_id).toBe('aigov_intake');
  });

  it.each([
    ['a bad signature', { signature: 'bad' as const }],
    ['no signature', { signature: 'none' as const }],
    ['a timestamp over five minutes old', { stale: true }],
  ])('gets 401 and no handler runs for %s', async (_, options) => {
    const res = await slack.slashCommand({ user: 'U0OWNER1', text: 'new' }, options);

    expect(res.status).toBe(401);
    expect(seen).toEqual([]);
  });

  it('clicks a button the bot rendered and lets the handler answer on response_url', async () => {
    const posted = await app.client.chat.postMessage({
      channel: 'U0OWNER1',
      text: 'Evidence requested',
      blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'evidence_submit', text: { type: 'plain_text', text: 'Submit' }, value: 'evr_1' }] }],
    });
    const message = fake.message(posted.channel as string, posted.ts as string);
    if (!message) throw new Error('the fake did not keep the posted message');

    const res = await slack.blockActions({ user: 'U0OWNER1', actionId: 'evidence_submit', message });
    const answered = await fake.waitFor(() => fake.responses[0]);

    expect(res.status).toBe(200);
    expect(seen).toContainEqual({ kind: 'action:block_actions' });
    expect(answered.body).toMatchObject({ text: 'Thanks', replace_original: true });
  });

  it('submits a view and reads back field errors from the ack', async () => {
    await slack.slashCommand({ user: 'U0OWNER1' });
    const view = (await fake.waitFor(() => fake.calls('views.open')[0]?.response?.view)) as { id: string };

    const res = await slack.viewSubmission({ user: 'U0OWNER1', view, values: { name: { value: plainTextValue('ab') } } });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ response_action: 'errors', errors: { name: 'Use at least 3 characters' } });
  });

  it('routes view_closed, block_suggestion and a global shortcut', async () => {
    const view = { id: 'V0HANDMADE', callback_id: 'aigov_intake', blocks: intakeModal.blocks };

    const closed = await slack.viewClosed({ user: 'U0OWNER1', view });
    const options = await slack.blockSuggestion({ user: 'U0OWNER1', view, actionId: 'owner_lookup', blockId: 'owner', value: 'ali' });
    const shortcut = await slack.globalShortcut({ user: 'U0OWNER1', callbackId: 'aigov_register_system' });

    expect([closed.status, options.status, shortcut.status]).toEqual([200, 200, 200]);
    expect(options.body.options[0]).toMatchObject({ value: 'U0OWNER1', text: { text: 'Owner ali' } });
    expect(seen.map((s) => s.kind)).toEqual(['view_closed', 'shortcut']);
  });

  it('delivers app_home_opened with the Slack retry number visible to the handler', async () => {
    const res = await slack.appHomeOpened({ user: 'U0OWNER1' }, { retryNum: 1 });
    await fake.waitFor(() => fake.homeOf('U0OWNER1'));

    expect(res.status).toBe(200);
    expect(seen).toContainEqual({ kind: 'app_home_opened', retryNum: 1 });
  });
});
