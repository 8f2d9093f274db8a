import { randomBytes } from 'node:crypto';
import type { SlackArgs } from './request-body.js';
import { APP_ID, BOT_ID, TEAM_ID } from './workspace.js';

// A view as Slack holds it: ids filled in, a fresh hash per change, empty state.
export type StoredView = SlackArgs & { id: string; hash: string; type: string };

// Limits from Slack's modal/home docs; breaking one is an `invalid_arguments` error.
const MAX_VIEW_BLOCKS = 100;
const MAX_TITLE = 24;
const MAX_PRIVATE_METADATA = 3000;
const MAX_CALLBACK_ID = 255;

export function viewProblem(view: unknown, expectedType: 'modal' | 'home'): string | undefined {
  if (typeof view !== 'object' || view === null) return 'view is missing or not an object';
  const v = view as SlackArgs;
  if (v.type !== expectedType) return `view.type must be "${expectedType}", got ${JSON.stringify(v.type)}`;
  if (!Array.isArray(v.blocks)) return 'view.blocks must be an array';
  if (v.blocks.length > MAX_VIEW_BLOCKS) return `view has ${v.blocks.length} blocks, max ${MAX_VIEW_BLOCKS}`;
  if (expectedType === 'modal' && !v.title?.text) return 'modal view needs a title';
  for (const field of ['title', 'submit', 'close'] as const) {
    const text: unknown = v[field]?.text;
    if (typeof text === 'string' && text.length > MAX_TITLE) return `view.${field} is ${text.length} chars, max ${MAX_TITLE}`;
  }
  if (typeof v.private_metadata === 'string' && v.private_metadata.length > MAX_PRIVATE_METADATA) {
    return `view.private_metadata is ${v.private_metadata.length} chars, max ${MAX_PRIVATE_METADATA}`;
  }
  if (typeof v.callback_id === 'string' && v.callback_id.length > MAX_CALLBACK_ID) return 'view.callback_id too long';
  const hasInput = v.blocks.some((b: SlackArgs) => b?.type === 'input');
  if (expectedType === 'modal' && hasInput && !v.submit) return 'a modal with input blocks needs a submit button';
  return undefined;
}

export function storeView(view: SlackArgs, id: string, extra: SlackArgs = {}): StoredView {
  return {
    team_id: TEAM_ID,
    app_id: APP_ID,
    app_installed_team_id: TEAM_ID,
    bot_id: BOT_ID,
    private_metadata: '',
    callback_id: '',
    external_id: '',
    root_view_id: id,
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
    close: null,
    submit: null,
    ...view,
    ...extra,
    id,
    type: String(view.type),
    blocks: withSlackIds(view.blocks),
    state: { values: {} },
    hash: newHash(),
  };
}

export function newHash(): string {
  return `${Math.floor(Date.now() / 1000)}.${randomBytes(4).toString('hex')}`;
}

// Slack gives every block a block_id and every interactive element an action_id
// when the app leaves them out; tests must see the ids Slack would send back.
export function withSlackIds(blocks: unknown): SlackArgs[] {
  if (!Array.isArray(blocks)) return [];
  return blocks.map((block: SlackArgs) => {
    const out: SlackArgs = { ...block, block_id: block.block_id ?? randomId() };
    if (block.element) out.element = withActionId(block.element);
    if (block.accessory) out.accessory = withActionId(block.accessory);
    if (block.type === 'actions' && Array.isArray(block.elements)) out.elements = block.elements.map(withActionId);
    return out;
  });
}

const NON_INTERACTIVE = new Set(['image', 'mrkdwn', 'plain_text']);

function withActionId(element: SlackArgs): SlackArgs {
  if (!element?.type || NON_INTERACTIVE.has(element.type) || element.action_id) return element;
  return { ...element, action_id: randomId() };
}

function randomId(): string {
  return randomBytes(3).toString('base64url');
}
