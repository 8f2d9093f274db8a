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
