import { SystemFacts } from '../../domain/system-facts.js';
import { issuesByColumn } from '../../domain/inventory-columns.js';
import type { Trigger } from '../../domain/vocabulary.js';
import { NONE } from '../views/intake/system-details-view.js';
import { multiple, single, yesNo, type ViewStateValues } from './view-values.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const unlessNone = (v: string | null) => (v === NONE ? null : v);

/**
 * The details step → SystemFacts, through the same zod schema as the CSV import. Errors come back keyed
 * by block id (= CSV column name), which is what Slack needs to show them under each field.
 */
export function parseSystemDetails(values: ViewStateValues, trigger: Trigger): ParseResult<SystemFacts> {
  const result = SystemFacts.safeParse({
    name: single(values, 'name') ?? '',
    purpose: single(values, 'purpose') ?? '',
    owner: single(values, 'owner') ?? '',
    lifecycleStage: single(values, 'lifecycle_stage'),
    operatorRole: single(values, 'operator_role'),
    euNexus: yesNo(single(values, 'eu_nexus')),
    dataCategories: multiple(values, 'data_categories').length ? multiple(values, 'data_categories') : undefined,
    prohibitedPractice: unlessNone(single(values, 'prohibited_practice')),
    annexIProduct: yesNo(single(values, 'annex_i_product')),
    annexIIIPoint: unlessNone(single(values, 'annex_iii_point')),
    art63Condition: unlessNone(single(values, 'art6_3_condition')),
    profiling: yesNo(single(values, 'profiling')),
    transparency: multiple(values, 'transparency'),
    supplier: single(values, 'supplier') ?? '',
    humanOversight: single(values, 'human_oversight') ?? '',
    monitoringSignal: single(values, 'monitoring_signal') ?? '',
    trigger,
  });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesByColumn(result.error.issues) };
}
