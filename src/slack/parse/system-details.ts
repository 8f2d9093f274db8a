import { SystemFacts } from '../../domain/system-facts.js';
import { issuesByColumn } from '../../domain/inventory-columns.js';
import type { Trigger } from '../../domain/vocabulary.js';
import { NONE } from '../views/intake/system-details-view.js';
import { multiple, single, yesNo, type ViewStateValues } from './view-values.js';

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: Record<string, string> };

const unlessNone = (v: string | null) => (v === NONE ? null : v);

/** Every answer the form holds, as typed: `null` or `undefined` where a field is empty or not shown. */
function answersOf(values: ViewStateValues) {
  return {
    name: single(values, 'name'),
    purpose: single(values, 'purpose'),
    owner: single(values, 'owner'),
    lifecycleStage: single(values, 'lifecycle_stage'),
    operatorRole: single(values, 'operator_role'),
    euNexus: yesNo(single(values, 'eu_nexus')),
    dataCategories: multiple(values, 'data_categories'),
    prohibitedPractice: unlessNone(single(values, 'prohibited_practice')),
    annexIProduct: yesNo(single(values, 'annex_i_product')),
    annexIIIPoint: unlessNone(single(values, 'annex_iii_point')),
    art63Condition: unlessNone(single(values, 'art6_3_condition')),
    profiling: yesNo(single(values, 'profiling')),
    transparency: multiple(values, 'transparency'),
    supplier: single(values, 'supplier'),
    humanOversight: single(values, 'human_oversight'),
    monitoringSignal: single(values, 'monitoring_signal'),
    // Follow-up questions: a question the form did not show is absent and takes its default.
    gpaiModel: single(values, 'gpai_model') ?? undefined,
    scopeExclusion: single(values, 'scope_exclusion') ?? undefined,
    annexISection: single(values, 'annex_i_section'),
    publicBody: yesNo(single(values, 'public_body')),
    art25Provider: single(values, 'art25_provider') ?? undefined,
    usStates: multiple(values, 'us_states'),
    consequentialDecision: single(values, 'consequential_decision') ?? undefined,
  };
}

/**
 * The details step → SystemFacts, through the same zod schema as the CSV import. Errors come back keyed
 * by block id (= CSV column name), which is what Slack needs to show them under each field.
 */
export function parseSystemDetails(values: ViewStateValues, trigger: Trigger): ParseResult<SystemFacts> {
  const a = answersOf(values);
  const result = SystemFacts.safeParse({
    ...a,
    // Empty required text is '' so zod says "is required" under the field rather than "expected string".
    name: a.name ?? '', purpose: a.purpose ?? '', owner: a.owner ?? '',
    supplier: a.supplier ?? '', humanOversight: a.humanOversight ?? '', monitoringSignal: a.monitoringSignal ?? '',
    dataCategories: a.dataCategories.length ? a.dataCategories : undefined,
    trigger,
  });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: issuesByColumn(result.error.issues) };
}

/**
 * What the details form holds so far, unvalidated, to redraw it with the follow-up questions its answers
 * call for. Empty answers are left out rather than guessed.
 */
export function partialSystemDetails(values: ViewStateValues): Partial<SystemFacts> {
  return Object.fromEntries(Object.entries(answersOf(values)).filter(([, v]) => v !== undefined && v !== null)) as Partial<SystemFacts>;
}
