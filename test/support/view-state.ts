import type { ViewStateValue } from '@slack/bolt';

// view.state.values entries shaped exactly as Slack sends them per element type,
// for building view_submission payloads: { block_id: { action_id: <one of these> } }.
export type ViewStateValues = Record<string, Record<string, ViewStateValue>>;

export function plainTextValue(value: string | null): ViewStateValue {
  return { type: 'plain_text_input', value };
}

export function staticSelectValue(value: string | null, text = value ?? ''): ViewStateValue {
  return { type: 'static_select', selected_option: value === null ? null : option(value, text) };
}

export function externalSelectValue(value: string | null, text = value ?? ''): ViewStateValue {
  return { type: 'external_select', selected_option: value === null ? null : option(value, text) };
}

export function multiStaticSelectValue(values: string[]): ViewStateValue {
  return { type: 'multi_static_select', selected_options: values.map((v) => option(v, v)) };
}

export function radioButtonsValue(value: string | null, text = value ?? ''): ViewStateValue {
  return { type: 'radio_buttons', selected_option: value === null ? null : option(value, text) };
}

export function checkboxesValue(values: string[]): ViewStateValue {
  return { type: 'checkboxes', selected_options: values.map((v) => option(v, v)) };
}

export function usersSelectValue(userId: string | null): ViewStateValue {
  return { type: 'users_select', selected_user: userId };
}

export function conversationsSelectValue(channelId: string | null): ViewStateValue {
  return { type: 'conversations_select', selected_conversation: channelId };
}

// Dates as Slack sends them: YYYY-MM-DD in the user's calendar.
export function datepickerValue(date: string | null): ViewStateValue {
  return { type: 'datepicker', selected_date: date };
}

export function urlValue(value: string | null): ViewStateValue {
  return { type: 'url_text_input', value };
}

function option(value: string, text: string) {
  return { text: { type: 'plain_text' as const, text, emoji: true }, value };
}

/** A file_input's state: the files the user attached, as Slack describes them (fake.shareFile returns one). */
export function fileInputValue(files: readonly Record<string, unknown>[]): ViewStateValue {
  return { type: 'file_input', files } as unknown as ViewStateValue;
}
