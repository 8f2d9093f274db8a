import type { z } from 'zod';

export type AppErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'UNAVAILABLE';

/**
 * An error the user can act on. `fields` maps form fields (by name) to messages so a modal can show
 * each under its input; `message` is what an ephemeral reply or the CLI prints.
 */
export class AppError extends Error {
  constructor(readonly code: AppErrorCode, message: string, readonly fields: Record<string, string> = {}) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} was not found.`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);
export const invalid = (message: string, fields: Record<string, string> = {}) => new AppError('VALIDATION', message, fields);

/** Parses a verb's input first: a bad field is a VALIDATION error naming it, before anything is read or written. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? 'input'), i.message]));
  const [field, message] = Object.entries(fields)[0] ?? ['input', 'is not valid'];
  throw invalid(`${field} ${message}`, fields);
}
