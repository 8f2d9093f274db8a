import type { SystemFacts } from './system-facts.js';

/**
 * The inventory CSV columns of the contract and the fact each one fills. The modal uses the same names
 * as block ids, so a validation error lands under the field (modal) or names the column (CSV).
 */
export const INVENTORY_COLUMNS = {
  name: 'name',
  purpose: 'purpose',
  owner: 'owner',
  lifecycle_stage: 'lifecycleStage',
  operator_role: 'operatorRole',
  eu_nexus: 'euNexus',
  data_categories: 'dataCategories',
  prohibited_practice: 'prohibitedPractice',
  annex_i_product: 'annexIProduct',
  annex_iii_point: 'annexIIIPoint',
  art6_3_condition: 'art63Condition',
  profiling: 'profiling',
  transparency: 'transparency',
  supplier: 'supplier',
  human_oversight: 'humanOversight',
  monitoring_signal: 'monitoringSignal',
  trigger: 'trigger',
  gpai_model: 'gpaiModel',
  scope_exclusion: 'scopeExclusion',
  annex_i_section: 'annexISection',
  public_body: 'publicBody',
  art25_provider: 'art25Provider',
  us_states: 'usStates',
  consequential_decision: 'consequentialDecision',
} as const satisfies Record<string, keyof SystemFacts>;

export type InventoryColumn = keyof typeof INVENTORY_COLUMNS;
export const REQUIRED_COLUMNS: readonly InventoryColumn[] = ['name', 'purpose', 'owner', 'lifecycle_stage', 'operator_role'];

const COLUMN_OF_FACT = Object.fromEntries(Object.entries(INVENTORY_COLUMNS).map(([col, fact]) => [fact, col])) as Record<keyof SystemFacts, InventoryColumn>;
export const columnOfFact = (fact: string): InventoryColumn | undefined => COLUMN_OF_FACT[fact as keyof SystemFacts];

/** zod issues → { column: message }, first message per column. */
export function issuesByColumn(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const fact = String(issue.path[0] ?? '');
    const column = columnOfFact(fact) ?? fact;
    out[column] ??= humanMessage(issue.message);
  }
  return out;
}

// zod's enum messages list raw values; they are what a CSV author types, so they stay, capitalised.
function humanMessage(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}
