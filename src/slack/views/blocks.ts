// Small builders for Block Kit JSON. Limits (Slack docs, "Modal view object fields" and block
// references): plain_text labels 2,000 chars, option text 75, option value 150, section text 3,000.
import type {
  ActionsBlock, ActionsBlockElement, Button, Checkboxes, ContextBlock, Datepicker, DividerBlock, HeaderBlock, InputBlock,
  InputBlockElement, KnownBlock, ModalView, MrkdwnElement, MultiStaticSelect, PlainTextElement, PlainTextInput, PlainTextOption,
  RadioButtons, SectionBlock, SectionBlockAccessory, StaticSelect, UsersSelect,
} from '@slack/types';
import { truncate } from '../escape.js';

/** A block of a message, modal or Home tab, as Slack's own types describe it: a misspelt field does not compile. */
export type Block = KnownBlock;

export const plain = (text: string, max = 2000): PlainTextElement => ({ type: 'plain_text', text: truncate(text, max), emoji: true });
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text: truncate(text, 3000) });
export const option = (text: string, value: string, description?: string): PlainTextOption => ({
  text: plain(text, 75), value: truncate(value, 150), ...(description ? { description: plain(description, 75) } : {}),
});

export const section = (text: string, accessory?: SectionBlockAccessory): SectionBlock => ({ type: 'section', text: mrkdwn(text), ...(accessory ? { accessory } : {}) });
export const context = (text: string): ContextBlock => ({ type: 'context', elements: [mrkdwn(text)] });
export const header = (text: string): HeaderBlock => ({ type: 'header', text: plain(text, 150) });
export const divider = (): DividerBlock => ({ type: 'divider' });
export const actions = (blockId: string, elements: ActionsBlockElement[]): ActionsBlock => ({ type: 'actions', block_id: blockId, elements });

export function button(text: string, actionId: string, value: string, style?: 'primary' | 'danger'): Button {
  return { type: 'button', text: plain(text, 75), action_id: actionId, value: truncate(value, 2000), ...(style ? { style } : {}) };
}

export interface InputOptions { optional?: boolean; hint?: string; dispatchAction?: boolean }

export function input(blockId: string, label: string, element: InputBlockElement, opts: InputOptions = {}): InputBlock {
  return {
    type: 'input', block_id: blockId, label: plain(label, 2000), element,
    ...(opts.optional ? { optional: true } : {}),
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
    ...(opts.dispatchAction ? { dispatch_action: true } : {}),
  };
}

export const textInput = (actionId: string, opts: { multiline?: boolean; maxLength?: number; placeholder?: string; initial?: string | null } = {}): PlainTextInput => ({
  type: 'plain_text_input', action_id: actionId,
  ...(opts.multiline ? { multiline: true } : {}),
  ...(opts.maxLength ? { max_length: opts.maxLength } : {}),
  ...(opts.placeholder ? { placeholder: plain(opts.placeholder, 150) } : {}),
  ...(opts.initial ? { initial_value: opts.initial } : {}),
});

type Option = PlainTextOption;

export const staticSelect = (actionId: string, options: Option[], opts: { initial?: Option; placeholder?: string } = {}): StaticSelect => ({
  type: 'static_select', action_id: actionId, options,
  placeholder: plain(opts.placeholder ?? 'Choose…', 150),
  ...(opts.initial ? { initial_option: opts.initial } : {}),
});

export const groupedSelect = (actionId: string, groups: { label: string; options: Option[] }[], opts: { initial?: Option; placeholder?: string } = {}): StaticSelect => ({
  type: 'static_select', action_id: actionId,
  option_groups: groups.map((g) => ({ label: plain(g.label, 75), options: g.options })),
  placeholder: plain(opts.placeholder ?? 'Choose…', 150),
  ...(opts.initial ? { initial_option: opts.initial } : {}),
});

export const multiStaticSelect = (actionId: string, options: Option[], opts: { initial?: Option[]; placeholder?: string } = {}): MultiStaticSelect => ({
  type: 'multi_static_select', action_id: actionId, options,
  placeholder: plain(opts.placeholder ?? 'Choose…', 150),
  ...(opts.initial?.length ? { initial_options: opts.initial } : {}),
});

export const radios = (actionId: string, options: Option[], initial?: Option): RadioButtons => ({
  type: 'radio_buttons', action_id: actionId, options, ...(initial ? { initial_option: initial } : {}),
});

export const checkboxes = (actionId: string, options: Option[], initial: Option[] = []): Checkboxes => ({
  type: 'checkboxes', action_id: actionId, options, ...(initial.length ? { initial_options: initial } : {}),
});

export const usersSelect = (actionId: string, initial?: string): UsersSelect => ({
  type: 'users_select', action_id: actionId, placeholder: plain('Choose a person', 150), ...(initial ? { initial_user: initial } : {}),
});

export const datePicker = (actionId: string, initial?: string): Datepicker => ({
  type: 'datepicker', action_id: actionId, ...(initial ? { initial_date: initial } : {}),
});

export function modal(args: { callbackId: string; title: string; submit?: string; close?: string; blocks: Block[]; privateMetadata?: string; externalId?: string }): ModalView {
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
