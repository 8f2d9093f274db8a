import { z } from 'zod';
import { isCalendarDay } from './evidence-artifact.js';
import type { StalenessCause } from './evidence-reuse.js';
import { INCIDENT_SEVERITIES } from './statutory-deadlines.js';
import { LIFECYCLE_STAGES } from './vocabulary.js';

/** What a reported change touched. Lifecycle is part of the scope, but it is the one aspect the form asks a new value for. */
export const CHANGE_ASPECTS = ['scope', 'supplier', 'data_type', 'risk', 'lifecycle'] as const;
export type ChangeAspect = (typeof CHANGE_ASPECTS)[number];

/** The request kinds that attach to a registered system (a new system goes through SystemFacts instead). */
export const REQUEST_KINDS = ['change', 'incident', 'supplier', 'assurance'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

/** Field names of a request; the form uses them as block ids so errors land under their field. */
export const REQUEST_FIELDS = {
  systemId: 'system', description: 'description', aspects: 'changed', lifecycleStage: 'lifecycle_stage', supplier: 'supplier',
  serious: 'serious', severity: 'severity', awareOn: 'aware_on', customer: 'customer', dueOn: 'due_on',
} as const;

const Day = z.string({ error: 'is required' }).refine(isCalendarDay, 'must be a date');
const Text = (max: number, what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} is required`).max(max, `at most ${max.toLocaleString('en')} characters`);
const SystemRef = z.string({ error: 'choose a registered AI system' }).regex(/^sys_[a-z0-9]+$/, 'choose a registered AI system');

const common = { description: Text(2000, 'a description') };

export const RequestDetails = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('change'), systemId: SystemRef, ...common,
    aspects: z.array(z.enum(CHANGE_ASPECTS)).min(1, 'tick at least one thing that changed'),
    lifecycleStage: z.enum(LIFECYCLE_STAGES).nullable().default(null),
  }),
  z.object({ kind: z.literal('supplier'), systemId: SystemRef, ...common, supplier: Text(200, 'the new supplier') }),
  z.object({
    kind: z.literal('incident'), systemId: SystemRef, ...common,
    serious: z.boolean({ error: 'say whether it is a serious incident' }),
    severity: z.enum(INCIDENT_SEVERITIES).nullable().default(null),
    awareOn: Day,
  }),
  z.object({
    kind: z.literal('assurance'), systemId: SystemRef.nullable().default(null), ...common,
    customer: Text(200, 'the customer'), dueOn: Day.nullable().default(null),
  }),
]);
export type RequestDetails = z.output<typeof RequestDetails>;

/**
 * Answers that depend on each other, checked apart from the schema so they show together with any
 * other field errors: a lifecycle change needs the new stage, a serious incident its reporting deadline.
 */
export function requestDetailsProblems(raw: Record<string, unknown>): Partial<Record<keyof typeof REQUEST_FIELDS, string>> {
  const problems: Partial<Record<keyof typeof REQUEST_FIELDS, string>> = {};
  if (raw.kind === 'change' && Array.isArray(raw.aspects) && raw.aspects.includes('lifecycle') && !raw.lifecycleStage) {
    problems.lifecycleStage = 'choose the new lifecycle stage';
  }
  if (raw.kind === 'incident' && raw.serious === true && !raw.severity) {
    problems.severity = 'choose which reporting deadline applies: it sets the legal date';
  }
  return problems;
}

/**
 * What a change report says changed without giving the new facts (a new purpose, new data): that
 * evidence cannot be compared, so it is taken as changed. A lifecycle stage comes with its new value and
 * is compared instead.
 */
export function declaredCauses(d: RequestDetails): StalenessCause[] {
  if (d.kind !== 'change') return [];
  return d.aspects.filter((a): a is Exclude<ChangeAspect, 'lifecycle'> => a !== 'lifecycle');
}
