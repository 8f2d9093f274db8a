import { parseArgs } from 'node:util';
import { UsageError } from './io.js';

/** Parses flags strictly: an unknown flag is a usage error, not silently ignored. */
export function parseFlags<T extends Record<string, { type: 'string' | 'boolean' }>>(argv: string[], options: T) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
}

export function parseNow(value: string | undefined, fallback: () => Date): Date {
  if (value === undefined) return fallback();
  // ISO-8601 with a date at least; a bare date means midnight UTC.
  if (!/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) throw new UsageError(`--now must be an ISO-8601 date or time, got "${value}"`);
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) throw new UsageError(`--now is not a valid date: "${value}"`);
  return d;
}

/** One rule for every command: without --format, the first format listed (the one help names first). */
export function requireFormat<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F | undefined = allowed[0]): F {
  const v = value ?? fallback;
  if (!v || !allowed.includes(v as F)) throw new UsageError(`--format must be one of ${allowed.join(', ')}${value ? `, got "${value}"` : ''}`);
  return v as F;
}
