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
    const keys = Object.keys(record).filter((k) => record[k] !== undefined).sort(byJsonbKeyOrder);
    return `{${keys.map((k) => `${JSON.stringify(k)}: ${jsonbText(record[k])}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

const ASCII = /^[\x00-\x7f]*$/;

// ASCII keys (all of ours) compare as their UTF-8 bytes do, without building buffers.
function byJsonbKeyOrder(a: string, b: string): number {
  if (ASCII.test(a) && ASCII.test(b)) return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
  return Buffer.byteLength(a) - Buffer.byteLength(b) || Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** A fingerprint that differs where PostgreSQL's would not costs only speed: the caller then compares the documents. */
export const jsonbMd5 = (value: unknown) => createHash('md5').update(jsonbText(value)).digest('hex');
