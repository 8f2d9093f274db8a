import { stringify } from 'csv-stringify/sync';

// A cell a spreadsheet would run as a formula (=, +, -, @, and tab/CR that some apps strip first)
// gets a leading apostrophe: the text is kept, the formula never runs (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

const cell = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return neutraliseFormula(v.join(';'));
  if (typeof v === 'object') return neutraliseFormula(JSON.stringify(v));
  return neutraliseFormula(String(v));
};

/** RFC 4180 lines (CRLF, quotes doubled) for one batch of rows, in the column order given. */
export function csvLines(columns: readonly string[], rows: readonly Record<string, unknown>[], withHeader: boolean): string {
  return stringify(rows.map((r) => columns.map((c) => cell(r[c]))), { header: false, record_delimiter: '\r\n', quoted_match: /[",\r\n]/ })
    .replace(/^/, withHeader ? stringify([columns as string[]], { record_delimiter: '\r\n' }) : '');
}
