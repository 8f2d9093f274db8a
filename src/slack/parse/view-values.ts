import { z } from 'zod';

// view.state.values as Slack sends it: { [block_id]: { [action_id]: { type, value | selected_* } } }.
const ElementState = z.object({
  type: z.string(),
  value: z.string().nullable().optional(),
  selected_option: z.object({ value: z.string() }).nullable().optional(),
  selected_options: z.array(z.object({ value: z.string() })).optional(),
  selected_user: z.string().nullable().optional(),
  selected_users: z.array(z.string()).optional(),
  selected_date: z.string().nullable().optional(),
  selected_conversation: z.string().nullable().optional(),
  // file_input: the files the user attached, uploaded to Slack already; only their ids are trusted.
  files: z.array(z.object({ id: z.string() }).loose()).nullable().optional(),
}).loose();

export const ViewStateValues = z.record(z.string(), z.record(z.string(), ElementState));
export type ViewStateValues = z.infer<typeof ViewStateValues>;

/** The single answer of an input block, whatever its element: text, option value, user or date. */
export function single(values: ViewStateValues, blockId: string): string | null {
  const state = Object.values(values[blockId] ?? {})[0];
  if (!state) return null;
  const v = state.value ?? state.selected_option?.value ?? state.selected_user ?? state.selected_date ?? state.selected_conversation ?? null;
  return v === null || v === '' ? null : v;
}

/** The answers of a multi-choice block (checkboxes, multi-selects). */
export function multiple(values: ViewStateValues, blockId: string): string[] {
  const state = Object.values(values[blockId] ?? {})[0];
  if (!state) return [];
  return state.selected_options?.map((o) => o.value) ?? state.selected_users ?? [];
}

/** The ids of the files attached in a file_input block. */
export function fileIds(values: ViewStateValues, blockId: string): string[] {
  const state = Object.values(values[blockId] ?? {})[0];
  return state?.files?.map((f) => f.id) ?? [];
}

export const yesNo = (v: string | null): boolean | undefined => (v === 'yes' ? true : v === 'no' ? false : undefined);
