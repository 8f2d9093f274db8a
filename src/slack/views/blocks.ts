// Small builders for Block Kit JSON. Limits (Slack docs, "Modal view object fields" and block
// references): plain_text labels 2,000 chars, option text 75, option value 150, section text 3,000.
import { truncate } from '../escape.js';

export type Block = Record<string, unknown>;

export const plain = (text: string, max = 2000) => ({ type: 'plain_text', text: truncate(text, max), emoji: true });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn', text: truncate(text, 3000) });
export const option = (text: string, value: string, description?: string) => ({
  text: plain(text, 75), value: truncate(value, 150), ...(description ? { description: plain(description, 75) } : {}),
});

export const section = (text: string, accessory?: Block): Block => ({ type: 'section', text: mrkdwn(text), ...(accessory ? { accessory } : {}) });
export const context = (text: string): Block => ({ type: 'context', elements: [mrkdwn(text)] });
export const header = (text: string): Block => ({ type: 'header', text: plain(text, 150) });
export const divider = (): Block => ({ type: 'divider' });
export const actions = (blockId: string, elements: Block[]): Block => ({ type: 'actions', block_id: blockId, elements });

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Block {
  return { type: 'button', text: plain(text, 75), action_id: actionId, value: truncate(value, 2000), ...(style ? { style } : {}) };
}

export interface InputOptions { optional?: boolean; hint?: string; dispatchAction?: boolean }

export function input(blockId: string, label: string, element: Block, opts: InputOptions = {}): Block {
  return {
    type: 'input', block_id: blockId, label: plain(label, 2000), element,
    ...(opts.optional ? { optional: true } : {}),
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
    ...(opts.dispatchAction ? { dispatch_action: true } : {}),
  };
}

export const textInput = (actionId: string, opts: { multiline?: boolean; maxLength?: number; placeholder?: string; initial?: string | null } = {}): Block => ({
  type: 'plain_text_input', action_id: actionId,
  ...(opts.multiline ? { multiline: true } : {}),
  ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
  ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  ...(opts.initial ? { initial_value: opts.initial } : {}),
});

type Option = ReturnType<typeof option>;

export const staticSelect = (actionId: string, options: Option[], opts: { initial?: Option; placeholder?: string } = {}): Block => ({
  type: 'static_select', action_id: actionId, options,
  placeholder: plain(opts.placeholder ?? 'Choose…', 150),
  ...(opts.initial ? { initial_option: opts.initial } : {}),
});

export const groupedSelect = (actionId: string, groups: { label: string; options: Option[] }[], opts: { initial?: Option; placeholder?: string } = {}): Block => ({
  type: 'static_select', action_id: actionId,
  option_groups: groups.map((g) => ({ label: plain(g.label, 75), options: g.options })),
  placeholder: plain(opts.placeholder ?? 'Choose…', 150),
  ...(opts.initial ? { initial_option: opts.initial } : {}),
});

export const multiStaticSelect = (actionId: string, options: Option[], opts: { initial?: Option[]; placeholder?: string } = {}): Block => ({
  type: 'multi_static_select', action_id: actionId, options,
  placeholder: plain(opts.placeholder ?? 'Choose…', 150),
  ...(opts.initial?.length ? { initial_options: opts.initial } : {}),
});

export const radios = (actionId: string, options: Option[], initial?: Option): Block => ({
  type: 'radio_buttons', action_id: actionId, options, ...(initial ? { initial_option: initial } : {}),
});

export const checkboxes = (actionId: string, options: Option[], initial: Option[] = []): Block => ({
  type: 'checkboxes', action_id: actionId, options, ...(initial.length ? { initial_options: initial } : {}),
});

export const usersSelect = (actionId: string, initial?: string): Block => ({
  type: 'users_select', action_id: actionId, placeholder: plain('Choose a person', 150), ...(initial ? { initial_user: initial } : {}),
});

export const datePicker = (actionId: string, initial?: string): Block => ({
  type: 'datepicker', action_id: actionId, ...(initial ? { initial_date: initial } : {}),
});

export function modal(args: { callbackId: string; title: string; submit?: string; close?: string; blocks: Block[]; privateMetadata?: string; externalId?: string }): Block {
  if (args.privateMetadata && args.privateMetadata.length > 3000) throw new Error('private_metadata is over Slack\'s 3,000 characters');
  return {
    type: 'modal', callback_id: args.callbackId, title: plain(args.title, 24),
    ...(args.submit ? { submit: plain(args.submit, 24) } : {}),
    close: plain(args.close ?? 'Cancel', 24),
    blocks: args.blocks.slice(0, 100),
    ...(args.privateMetadata ? { private_metadata: args.privateMetadata } : {}),
    ...(args.externalId ? { external_id: args.externalId } : {}),
  };
}
