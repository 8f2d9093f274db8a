import { z } from 'zod';
import {
  ANNEX_I_SECTIONS, ANNEX_III_POINTS, ART25_PROVIDER_CASES, ART6_3_CONDITIONS, CONSEQUENTIAL_DECISIONS, DATA_CATEGORIES,
  GPAI_MODEL_VALUES, LIFECYCLE_STAGES, OPERATOR_ROLES, PROHIBITED_PRACTICES, SCOPE_EXCLUSIONS, TRANSPARENCY_DUTIES, TRIGGERS,
  US_STATES,
} from './vocabulary.js';
import { CO_EXEMPTIONS } from './catalog/generated/colorado-sb26-189.js';

/** The exemptions the law has: an entry with `exists: false` records one it does not have, which cannot be claimed. */
const CO_EXEMPTION_IDS = CO_EXEMPTIONS.filter((x) => x.exists).map((x) => x.id) as [string, ...string[]];

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
  gpaiModel: z.enum(GPAI_MODEL_VALUES).default('no'),
  scopeExclusion: z.enum(SCOPE_EXCLUSIONS).default('none'),
  /** null when not given: Section A is then assumed for an Annex I product. */
  annexISection: z.enum(ANNEX_I_SECTIONS).nullable().default(null),
  publicBody: z.boolean().default(false),
  art25Provider: z.enum(ART25_PROVIDER_CASES).default('none'),
  usStates: z.array(z.enum(US_STATES, { message: 'must be two-letter US state codes, e.g. CO' })).default([]),
  consequentialDecision: z.enum(CONSEQUENTIAL_DECISIONS).default('none'),
  /**
   * Colorado SB 26-189 exemptions the owner claimed with a justification and the governance forum approved.
   * Never an import column or a form field: only an approved exemption decision sets it.
   */
  coExemptions: z.array(z.enum(CO_EXEMPTION_IDS)).default([]),
}).superRefine((f, ctx) => {
  if (f.dataCategories.includes('none') && f.dataCategories.length > 1) {
    ctx.addIssue({ code: 'custom', path: ['dataCategories'], message: '"none" cannot be combined with other data categories' });
  }
  if (f.art63Condition && !f.annexIIIPoint) {
    ctx.addIssue({ code: 'custom', path: ['art63Condition'], message: 'an Art. 6(3) condition only applies to an Annex III system: choose the Annex III point too' });
  }
  // Combinations the law makes meaningless are refused rather than silently ignored.
  if (f.annexISection && !f.annexIProduct) {
    ctx.addIssue({ code: 'custom', path: ['annexISection'], message: 'an Annex I section only applies to an Annex I product: set annex_i_product to yes, or leave the section empty' });
  }
  if (f.gpaiModel !== 'no' && f.annexIIIPoint) {
    ctx.addIssue({ code: 'custom', path: ['gpaiModel'], message: 'a general-purpose AI model is not itself an Annex III system: register the AI system built on the model separately' });
  }
  if (f.gpaiModel !== 'no' && f.annexIProduct) {
    ctx.addIssue({ code: 'custom', path: ['gpaiModel'], message: 'a general-purpose AI model is not itself an Annex I product: register the AI system built on the model separately' });
  }
  if (f.gpaiModel !== 'no' && f.operatorRole !== 'provider' && f.operatorRole !== 'provider_and_deployer') {
    ctx.addIssue({ code: 'custom', path: ['gpaiModel'], message: 'Chapter V binds the provider of a general-purpose AI model: register the model with operator_role provider' });
  }
  if (f.art25Provider !== 'none' && (f.operatorRole === 'provider' || f.operatorRole === 'provider_and_deployer')) {
    ctx.addIssue({ code: 'custom', path: ['art25Provider'], message: 'Art. 25(1) makes a distributor, importer or deployer a provider: this operator already is the provider, leave it none' });
  }
});
export type SystemFacts = z.output<typeof SystemFacts>;
export type SystemFactsInput = z.input<typeof SystemFacts>;
