import type { Writable } from 'node:stream';
import { once } from 'node:events';

/**
 * Text for a Markdown table cell or line: pipes would split the cell, line breaks end the row, and `<`,
 * `>`, brackets, asterisks and backticks would let user text become HTML, links, emphasis or code in a viewer.
 */
export function mdText(value: unknown): string {
  const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join('; ') : String(value);
  if (text === '') return '—';
  return text
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    // Underscores stay: inside words (ids such as sys_…) they never start emphasis.
    .replace(/[[\]`*]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
    .replace(/\r?\n|\r/g, ' ');
}

export function mdTable(headers: readonly string[], rows: readonly unknown[][]): string {
  const line = (cells: readonly unknown[]) => `| ${cells.map(mdText).join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** Writes as the reader takes it: a large export never piles up in memory behind a slow pipe. */
export async function writeChunk(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}

export const isoDay = (d: Date | string | null | undefined) => (d ? (d instanceof Date ? d.toISOString() : d).slice(0, 10) : null);
export const isoTime = (d: Date | null | undefined) => (d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : null);
