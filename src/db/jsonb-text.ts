import { createHash } from 'node:crypto';

/**
 * A JSON value as PostgreSQL prints it back from a jsonb column (`computed::text`): object keys shortest
 * first, then bytewise, with ", " and ": " between items. Its md5 equals PostgreSQL's `md5(col::text)`, so
 * a stored document can be compared with one in memory without reading it back.
 */
export function jsonbText(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(jsonbText).join(', ')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record).filter((k) => record[k] !== undefined)
      .sort((a, b) => Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText(record[k])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

export const jsonbMd5 = (value: unknown) => createHash('md5').update(jsonbText(value)).digest('hex');
