import { z } from 'zod';
import {
  ANNEX_III_POINTS, ART6_3_CONDITIONS, DATA_CATEGORIES, LIFECYCLE_STAGES, OPERATOR_ROLES, PROHIBITED_PRACTICES,
  TRANSPARENCY_DUTIES, TRIGGERS,
} from './vocabulary.js';

/** A Slack user id as Slack writes it (U… for workspace users, W… for Enterprise Grid users). */
export const SlackUserId = z.string().regex(/^[UW][A-Z0-9]{2,}$/, 'must be a Slack user ID (U… or W…)');

const optionalText = (max: number) =>
  z.string().trim().max(max, `at most ${max} characters`).transform((s) => (s === '' ? null : s)).nullable().default(null);

/**
 * The facts of one AI system as registered: the inventory CSV columns of the contract, already parsed
 * into typed values. The CSV import and the intake modal both validate through this schema.
 */
export const SystemFacts = z.object({
  name: z.string().trim().min(1, 'is required').max(120, 'at most 120 characters'),
  purpose: z.string().trim().min(1, 'is required').max(2000, 'at most 2,000 characters'),
  owner: SlackUserId,
  lifecycleStage: z.enum(LIFECYCLE_STAGES),
  operatorRole: z.enum(OPERATOR_ROLES),
  euNexus: z.boolean().default(true),
  dataCategories: z.array(z.enum(DATA_CATEGORIES)).default(['none']),
  prohibitedPractice: z.enum(PROHIBITED_PRACTICES).nullable().default(null),
  annexIProduct: z.boolean().default(false),
  annexIIIPoint: z.enum(ANNEX_III_POINTS).nullable().default(null),
  art63Condition: z.enum(ART6_3_CONDITIONS).nullable().default(null),
  profiling: z.boolean().default(false),
  transparency: z.array(z.enum(TRANSPARENCY_DUTIES)).default([]),
  supplier: optionalText(200),
  humanOversight: optionalText(2000),
  monitoringSignal: optionalText(2000),
  trigger: z.enum(TRIGGERS).default('new_system'),
}).superRefine((f, ctx) => {
  if (f.dataCategories.includes('none') && f.dataCategories.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['dataCategories'], message: '"none" cannot be combined with other data categories' });
  }
  if (f.art63Condition && !f.annexIIIPoint) {
    ctx.addIssue({ code: 'custom', path: ['art63Condition'], message: 'an Art. 6(3) condition only applies to an Annex III system: choose the Annex III point too' });
  }
});
export type SystemFacts = z.output<typeof SystemFacts>;
export type SystemFactsInput = z.input<typeof SystemFacts>;
