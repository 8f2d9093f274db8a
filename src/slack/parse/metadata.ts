import { z } from 'zod';
import { AppError } from '../../app/errors.js';

/** private_metadata comes back from the client: parsed, never trusted beyond its shape. */
export function parseMetadata<T extends z.ZodType>(schema: T, raw: string | undefined): z.infer<T> {
  try {
    return schema.parse(JSON.parse(raw || '{}'));
  } catch {
    throw new AppError('VALIDATION', 'This form is out of date; please start again.');
  }
}
