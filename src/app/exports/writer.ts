import type { Writable } from 'node:stream';
import { once } from 'node:events';
import { csvLines } from './csv.js';

export type Format = 'json' | 'csv';

/**
 * Writes rows as they come, page by page, honouring back-pressure: a 10,000-system export never sits
 * in memory whole. JSON is one array (opened, then rows, then closed); CSV has a header row.
 */
export class RowWriter {
  private count = 0;
  constructor(private readonly out: Writable, private readonly format: Format, private readonly columns: readonly string[]) {}

  async open(): Promise<void> {
    await this.write(this.format === 'json' ? '[' : csvLines(this.columns, [], true));
  }

  async rows(rows: readonly Record<string, unknown>[]): Promise<void> {
    if (!rows.length) return;
    if (this.format === 'csv') {
      await this.write(csvLines(this.columns, rows, false));
    } else {
      const text = rows.map((r, i) => `${this.count + i === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`).join('');
      await this.write(text);
    }
    this.count += rows.length;
  }

  async close(): Promise<void> {
    if (this.format === 'json') await this.write(this.count ? '\n]\n' : ']\n');
  }

  private async write(chunk: string): Promise<void> {
    if (!this.out.write(chunk)) await once(this.out, 'drain');
  }
}
