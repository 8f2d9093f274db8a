import { AppError } from '../../src/app/errors.js';

/** The AppError a verb refused with; a verb that succeeds, or fails otherwise, fails the test. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(() => null, (e: unknown) => e);
  if (!(err instanceof AppError)) throw new Error(`expected an AppError, got ${String(err)}`);
  return err;
}
