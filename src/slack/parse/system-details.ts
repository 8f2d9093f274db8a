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
    // Follow-up questions the form showed; a hidden one is absent and takes its default.
    gpaiModel: single(values, 'gpai_model') ?? undefined,
    scopeExclusion: single(values, 'scope_exclusion') ?? undefined,
    annexISection: single(values, 'annex_i_section'),
    publicBody: yesNo(single(values, 'public_body')),
    art25Provider: single(values, 'art25_provider') ?? undefined,
    usStates: multiple(values, 'us_states'),
    consequentialDecision: single(values, 'consequential_decision') ?? undefined,
  });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesByColumn(result.error.issues) };
}

/**
 * What the details form holds so far, unvalidated, to redraw it with the follow-up questions its answers
 * call for. Values Slack would refuse are dropped rather than guessed.
 */
export function partialSystemDetails(values: ViewStateValues): Partial<SystemFacts> {
  const answers: Record<string, unknown> = {
    name: single(values, 'name') ?? undefined,
    purpose: single(values, 'purpose') ?? undefined,
    owner: single(values, 'owner') ?? undefined,
    lifecycleStage: single(values, 'lifecycle_stage') ?? undefined,
    operatorRole: single(values, 'operator_role') ?? undefined,
    euNexus: yesNo(single(values, 'eu_nexus')),
    dataCategories: multiple(values, 'data_categories'),
    prohibitedPractice: unlessNone(single(values, 'prohibited_practice')),
    annexIProduct: yesNo(single(values, 'annex_i_product')),
    annexIIIPoint: unlessNone(single(values, 'annex_iii_point')),
    art63Condition: unlessNone(single(values, 'art6_3_condition')),
    profiling: yesNo(single(values, 'profiling')),
    transparency: multiple(values, 'transparency'),
    supplier: single(values, 'supplier') ?? undefined,
    humanOversight: single(values, 'human_oversight') ?? undefined,
    monitoringSignal: single(values, 'monitoring_signal') ?? undefined,
    gpaiModel: single(values, 'gpai_model') ?? undefined,
    scopeExclusion: single(values, 'scope_exclusion') ?? undefined,
    annexISection: single(values, 'annex_i_section') ?? undefined,
    publicBody: yesNo(single(values, 'public_body')),
    art25Provider: single(values, 'art25_provider') ?? undefined,
    usStates: multiple(values, 'us_states'),
    consequentialDecision: single(values, 'consequential_decision') ?? undefined,
  };
  return Object.fromEntries(Object.entries(answers).filter(([, v]) => v !== undefined && v !== null)) as Partial<SystemFacts>;
}
