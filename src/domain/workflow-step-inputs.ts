import { INVENTORY_COLUMNS, REQUIRED_COLUMNS, type InventoryColumn } from './inventory-columns.js';
import { parseInventoryRow, type RowResult } from './inventory-csv-row.js';

/**
 * The "Register an AI system" step's inputs → the same cells an inventory CSV row holds, parsed by the
 * same row parser, so a workflow and a CSV row with the same values register the same facts. Workflow
 * Builder sends text as strings, checkboxes as booleans and people as user ids; a list is text separated
 * by `;`, as in the CSV. Inputs that are not inventory columns (who ran the workflow) are not facts.
 */
export function parseRegistrationInputs(inputs: Readonly<Record<string, unknown>>): RowResult {
  const cells: Record<string, string> = {};
  for (const [name, value] of Object.entries(inputs)) {
    if (!(name in INVENTORY_COLUMNS) || value === null || value === undefined) continue;
    const cell = asCell(value);
    if (cell === undefined) return { ok: false, column: name, message: `must be text, a yes/no choice or a list, got ${JSON.stringify(value)}` };
    cells[name] = cell;
  }
  const missing = REQUIRED_COLUMNS.find((column: InventoryColumn) => !cells[column]?.trim());
  if (missing) return { ok: false, column: missing, message: 'is required' };
  return parseInventoryRow(cells);
}

function asCell(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(';');
  return undefined;
}

/** One line a workflow author can act on: which input, and what is wrong with it. */
export const inputProblem = (result: Extract<RowResult, { ok: false }>) => `Input "${result.column}": ${result.message}.`.replace(/\.\.$/, '.');
