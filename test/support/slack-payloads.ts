import { randomBytes } from 'node:crypto';
import type {
  BlockAction,
  BlockSuggestion,
  EnvelopedEvent,
  GlobalShortcut,
  MessageShortcut,
  SlashCommand,
  ViewClosedAction,
  ViewOutput,
  ViewSubmitAction,
  types,
} from '@slack/bolt';
import type { SlackArgs } from './fake-slack/request-body.js';
import { APP_ID, BOT_ID, BOT_USER_ID, TEAM_DOMAIN, TEAM_ID, dmChannelOf } from './fake-slack/workspace.js';
import type { ViewStateValues } from './view-state.js';

// A request body exactly as Slack would POST it to /slack/events, plus the
// decoded payload so a test can read back the trigger_id or response_url.
export interface SlackRequest<P = unknown> {
  contentType: 'application/x-www-form-urlencoded' | 'application/json';
  body: string;
  payload: P;
}

// Anything with an id that looks like a view: a view recorded by the fake, or one from a payload.
export type ViewLike = { id: string } & SlackArgs;

export interface MessageLike {
  channel: string;
  ts: string;
  text?: string;
  blocks?: SlackArgs[];
}

// Bolt's check ignores it, but Slack still sends the legacy verification token.
const LEGACY_TOKEN = 'legacy-verification-token';
const team = { id: TEAM_ID, domain: TEAM_DOMAIN };

export interface SlashCommandInput {
  user: string;
  text?: string;
  channel?: string;
  command?: string;
  responseUrl: string;
  triggerId?: string;
}

export function slashCommand({ user, text = '', channel = 'C0INTAKE', command = '/aigov', responseUrl, triggerId = newTriggerId() }: SlashCommandInput): SlackRequest<SlashCommand> {
  const payload: SlashCommand = {
    token: LEGACY_TOKEN,
    team_id: TEAM_ID,
    team_domain: TEAM_DOMAIN,
    channel_id: channel,
    channel_name: channel.startsWith('D') ? 'directmessage' : channel.toLowerCase(),
    user_id: user,
    user_name: user.toLowerCase(),
    command,
    text,
    api_app_id: APP_ID,
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: triggerId,
  };
  return { contentType: 'application/x-www-form-urlencoded', body: new URLSearchParams(payload).toString(), payload };
}

export interface BlockActionsInput {
  user: string;
  actionId: string;
  // Where the click happened: a message the bot posted, or a view (modal or Home tab).
  message?: MessageLike;
  view?: ViewLike;
  // Taken from the rendered element when it can be found in the message or view blocks.
  blockId?: string;
  value?: string;
  // Extra element fields for non-button actions, e.g. { type: 'static_select', selected_option }.
  element?: SlackArgs;
  responseUrl?: string;
  triggerId?: string;
}

export function blockActions(input: BlockActionsInput): SlackRequest<BlockAction> {
  const { user, actionId, message, view, triggerId = newTriggerId() } = input;
  if (!message === !view) throw new Error('blockActions needs exactly one of message or view');
  const rendered = findElement(message?.blocks ?? view?.blocks, actionId);
  const blockId = input.blockId ?? rendered?.blockId;
  if (!blockId) throw new Error(`no element with action_id "${actionId}" among the rendered blocks; pass blockId`);
  const element = rendered?.element ?? { type: 'button' };
  const action = {
    type: element.type,
    action_id: actionId,
    block_id: blockId,
    action_ts: nowTs(),
    ...(element.text ? { text: element.text } : {}),
    ...(input.value ?? element.value ? { value: input.value ?? element.value } : {}),
    ...input.element,
  };
  const common = {
    type: 'block_actions' as const,
    user: { id: user, username: user.toLowerCase(), name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: LEGACY_TOKEN,
    team,
    is_enterprise_install: false,
    trigger_id: triggerId,
    actions: [action],
  };
  if (view) {
    // Clicks inside views carry the view (with its current hash) and no response_url.
    const payload = {
      ...common,
      container: { type: 'view', view_id: view.id },
      view: viewOutput(view, view.state?.values ?? {}),
    } as unknown as BlockAction;
    return formPayload(payload);
  }
  const msg = message as MessageLike;
  if (!input.responseUrl) throw new Error('blockActions on a message needs a responseUrl (fake.responseUrl())');
  const payload = {
    ...common,
    container: { type: 'message', message_ts: msg.ts, channel_id: msg.channel, is_ephemeral: false },
    channel: { id: msg.channel, name: msg.channel.startsWith('D') ? 'directmessage' : msg.channel.toLowerCase() },
    message: { type: 'message', user: BOT_USER_ID, ts: msg.ts, text: msg.text ?? '', blocks: msg.blocks ?? [] },
    response_url: input.responseUrl,
  } as unknown as BlockAction;
  return formPayload(payload);
}

export interface ViewSubmissionInput {
  user: string;
  view: ViewLike;
  values: ViewStateValues;
  triggerId?: string;
}

export function viewSubmission({ user, view, values, triggerId = newTriggerId() }: ViewSubmissionInput): SlackRequest<ViewSubmitAction> {
  return formPayload<ViewSubmitAction>({
    type: 'view_submission',
    team,
    user: { id: user, name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: LEGACY_TOKEN,
    trigger_id: triggerId,
    is_enterprise_install: false,
    view: viewOutput(view, values),
    response_urls: [],
  });
}

export interface ViewClosedInput {
  user: string;
  view: ViewLike;
  isCleared?: boolean;
}

export function viewClosed({ user, view, isCleared = false }: ViewClosedInput): SlackRequest<ViewClosedAction> {
  return formPayload<ViewClosedAction>({
    type: 'view_closed',
    team,
    user: { id: user, name: user.toLowerCase(), team_id: TEAM_ID },
    api_app_id: APP_ID,
    token: LEGACY_TOKEN,
    is_enterprise_install: false,
    view: viewOutput(view, view.state?.values ?? {}),
    is_cleared: isCleared,
  });
}

export interface BlockSuggestionInput {
  user: string;
  view: ViewLike;
  actionId: string;
  blockId: string;
  // What the user has typed so far.
  value: string;
}

export function blockSuggestion({ user, view, actionId, blockId, value }: BlockSuggestionInput): SlackRequest<BlockSuggestion> {
  return formPayload<BlockSuggestion>({
    type: 'block_suggestion',
    user: { id: user, name: user.toLowerCase(), team_id: TEAM_ID },
    team,
    api_app_id: APP_ID,
    token: LEGACY_TOKEN,
    container: { type: 'view', view_id: view.id },
    action_id: actionId,
    block_id: blockId,
    value,
    view: viewOutput(view, view.state?.values ?? {}),
    is_enterprise_install: false,
  });
}

export interface GlobalShortcutInput {
  user: string;
  callbackId: string;
  triggerId?: string;
}

export function globalShortcut({ user, callbackId, triggerId = newTriggerId() }: GlobalShortcutInput): SlackRequest<GlobalShortcut> {
  return formPayload<GlobalShortcut>({
    type: 'shortcut',
    callback_id: callbackId,
    trigger_id: triggerId,
    user: { id: user, username: user.toLowerCase(), team_id: TEAM_ID },
    team,
    token: LEGACY_TOKEN,
    action_ts: nowTs(),
    is_enterprise_install: false,
  });
}

export interface MessageShortcutInput {
  user: string;
  callbackId: string;
  message: MessageLike & { user?: string };
  responseUrl: string;
  triggerId?: string;
}

export function messageShortcut({ user, callbackId, message, responseUrl, triggerId = newTriggerId() }: MessageShortcutInput): SlackRequest<MessageShortcut> {
  return formPayload<MessageShortcut>({
    type: 'message_action',
    callback_id: callbackId,
    trigger_id: triggerId,
    message_ts: message.ts,
    response_url: responseUrl,
    message: { type: 'message', user: message.user, ts: message.ts, text: message.text ?? '', blocks: message.blocks },
    user: { id: user, name: user.toLowerCase(), username: user.toLowerCase(), team_id: TEAM_ID },
    channel: { id: message.channel, name: message.channel.toLowerCase() },
    team,
    token: LEGACY_TOKEN,
    action_ts: nowTs(),
    is_enterprise_install: false,
  });
}

export interface EventCallbackInput<E> {
  event: E;
  eventId?: string;
  eventTime?: number;
}

export function eventCallback<E extends { type: string }>({ event, eventId = newEventId(), eventTime = Math.floor(Date.now() / 1000) }: EventCallbackInput<E>): SlackRequest<EnvelopedEvent<E>> {
  const payload: EnvelopedEvent<E> = {
    token: LEGACY_TOKEN,
    team_id: TEAM_ID,
    api_app_id: APP_ID,
    event,
    type: 'event_callback',
    event_id: eventId,
    event_time: eventTime,
    authorizations: [{ enterprise_id: null, team_id: TEAM_ID, user_id: BOT_USER_ID, is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  };
  return { contentType: 'application/json', body: JSON.stringify(payload), payload };
}

export interface AppHomeOpenedInput {
  user: string;
  tab?: 'home' | 'messages';
  // The Home view as last published, which Slack includes once there is one.
  view?: SlackArgs;
  eventId?: string;
}

export function appHomeOpened({ user, tab = 'home', view, eventId }: AppHomeOpenedInput): SlackRequest<EnvelopedEvent<types.AppHomeOpenedEvent>> {
  const event: types.AppHomeOpenedEvent = {
    type: 'app_home_opened',
    user,
    channel: dmChannelOf(user),
    tab,
    event_ts: nowTs(),
    ...(view ? { view: view as types.AppHomeOpenedEvent['view'] } : {}),
  };
  return eventCallback({ event, eventId });
}

// Sent once when the Events API request URL is saved; Bolt answers with the challenge.
export function urlVerification(challenge = randomBytes(16).toString('hex')): SlackRequest<{ type: 'url_verification'; token: string; challenge: string }> {
  const payload = { type: 'url_verification' as const, token: LEGACY_TOKEN, challenge };
  return { contentType: 'application/json', body: JSON.stringify(payload), payload };
}

// Same shape as Slack's: "<digits>.<digits>.<32 hex>", unique per call.
export function newTriggerId(): string {
  counter += 1;
  return `${Date.now()}${String(counter).padStart(4, '0')}.${TEAM_NUMBER}.${randomBytes(16).toString('hex')}`;
}

export function newEventId(): string {
  counter += 1;
  return `Ev${Date.now().toString(36).toUpperCase()}${counter.toString(36).toUpperCase()}${randomBytes(2).toString('hex').toUpperCase()}`;
}

let counter = 0;
const TEAM_NUMBER = '47445629121';

// The view as Slack echoes it back in interaction payloads, with state filled in.
function viewOutput(view: ViewLike, values: ViewStateValues): ViewOutput {
  return {
    team_id: TEAM_ID,
    app_id: APP_ID,
    app_installed_team_id: TEAM_ID,
    bot_id: BOT_ID,
    type: 'modal',
    callback_id: '',
    private_metadata: '',
    external_id: '',
    title: { type: 'plain_text', text: 'aigov' },
    close: null,
    submit: null,
    blocks: [],
    hash: `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`,
    root_view_id: view.id,
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
    ...view,
    state: { values },
  } as ViewOutput;
}

function formPayload<P>(payload: P): SlackRequest<P> {
  return {
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    payload,
  };
}

function findElement(blocks: SlackArgs[] | undefined, actionId: string): { blockId: string; element: SlackArgs } | undefined {
  for (const block of blocks ?? []) {
    const elements: SlackArgs[] = [block.accessory, block.element, ...(Array.isArray(block.elements) ? block.elements : [])];
    const element = elements.find((e) => e?.action_id === actionId);
    if (element) return { blockId: block.block_id, element };
  }
  return undefined;
}

function nowTs(): string {
  return (Date.now() / 1000).toFixed(6);
}

/** A manifest `functions` entry, as test/support/manifest.ts reads it. */
export interface FunctionDefinitionLike {
  title: string;
  description: string;
  input_parameters: Record<string, { type: string; title?: string; description?: string; is_required?: boolean }>;
  output_parameters: Record<string, { type: string; title?: string; description?: string; is_required?: boolean }>;
}

export interface FunctionExecutedInput {
  execution: { id: string; workflowExecutionId: string; callbackId: string; botAccessToken: string };
  /** The step as the manifest declares it: Slack's event lists its parameters as arrays. */
  definition: FunctionDefinitionLike;
  inputs: Record<string, unknown>;
  eventId?: string;
}

// A workflow ran a step of this app (docs.slack.dev/reference/events/function_executed).
export function functionExecuted({ execution, definition, inputs, eventId }: FunctionExecutedInput): SlackRequest<EnvelopedEvent<types.FunctionExecutedEvent>> {
  const params = (declared: FunctionDefinitionLike['input_parameters']) =>
    Object.entries(declared).map(([name, p]) => ({ name, type: p.type, title: p.title, description: p.description, is_required: p.is_required ?? false }));
  const event = {
    type: 'function_executed' as const,
    function: {
      id: `Fn0${execution.callbackId.toUpperCase().replace(/[^A-Z0-9]/g, '').slice(0, 8)}`, callback_id: execution.callbackId, title: definition.title,
      description: definition.description, type: 'app', input_parameters: params(definition.input_parameters), output_parameters: params(definition.output_parameters),
      app_id: APP_ID, date_created: 1_700_000_000, date_updated: 1_700_000_000, date_deleted: 0,
    },
    inputs,
    function_execution_id: execution.id,
    workflow_execution_id: execution.workflowExecutionId,
    event_ts: nowTs(),
    bot_access_token: execution.botAccessToken,
  } as unknown as types.FunctionExecutedEvent;
  return eventCallback({ event, eventId });
}
