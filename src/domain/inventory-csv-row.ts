import { SystemFacts } from './system-facts.js';
import { INVENTORY_COLUMNS, issuesByColumn, type InventoryColumn } from './inventory-columns.js';

const LIST_COLUMNS = new Set<InventoryColumn>(['data_categories', 'transparency', 'us_states']);
const YES_NO_COLUMNS = new Set<InventoryColumn>(['eu_nexus', 'annex_i_product', 'profiling', 'public_body']);

export type RowResult = { ok: true; facts: SystemFacts } | { ok: false; column: string; message: string };

/**
 * One inventory CSV row (column → text) → SystemFacts. Empty optional cells take the default; lists are
 * `;`-separated; yes/no columns accept only yes or no. The same zod schema as the intake modal decides.
 */
export function parseInventoryRow(cells: Record<string, string>): RowResult {
  const input: Record<string, unknown> = {};
  for (const [column, raw] of Object.entries(cells)) {
    const col = column as InventoryColumn;
    const fact = INVENTORY_COLUMNS[col];
    const value = raw.trim();
    if (value === '') continue;
    if (LIST_COLUMNS.has(col)) input[fact] = value.split(';').map((v) => v.trim()).filter(Boolean);
    else if (YES_NO_COLUMNS.has(col)) {
      const v = value.toLowerCase();
      if (v !== 'yes' && v !== 'no') return { ok: false, column: col, message: `must be yes or no, got "${value}"` };
      input[fact] = v === 'yes';
    } else input[fact] = col === 'annex_i_section' ? value.toLowerCase() : value;
  }
  const parsed = SystemFacts.safeParse(input);
  if (parsed.success) return { ok: true, facts: parsed.data };
  const [column, message] = Object.entries(issuesByColumn(parsed.error.issues))[0] ?? ['row', 'is invalid'];
  return { ok: false, column, message };
}
