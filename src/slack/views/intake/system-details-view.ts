import { ANNEX_III_BY_AREA, ART6_3_OPTIONS, PROHIBITED_PRACTICE_OPTIONS, TRANSPARENCY_DUTY_OPTIONS } from '../../../domain/catalog/index.js';
import type { SystemFacts } from '../../../domain/system-facts.js';
import { VIEWS } from '../../ids.js';
import {
  checkboxes, context, groupedSelect, input, modal, option, radios, staticSelect, textInput, usersSelect, type Block,
} from '../blocks.js';

export const NONE = 'none';

const LIFECYCLE = [
  option('Design', 'design'), option('Development', 'development'), option('Validation and testing', 'validation'),
  option('Deployed (in use)', 'deployed'), option('Retired', 'retired'),
];
const ROLES = [
  option('Provider — we develop it or have it developed', 'provider'),
  option('Deployer — we use it under our authority', 'deployer'),
  option('Provider and deployer', 'provider_and_deployer'),
  option('Importer into the EU', 'importer'),
  option('Distributor', 'distributor'),
];
// "None of these" must not mention personal data: it cannot be combined with the other categories.
const DATA = [
  option('None of these', 'none'), option('Personal data', 'personal'), option('Sensitive (special category) personal data', 'sensitive'),
  option('Biometric data', 'biometric'), option('Data about children', 'children'),
];
const yes = option('Yes', 'yes');
const no = option('No', 'no');
const noPractice = option('None of these applies', NONE);
const noAnnexIII = option('Not used in any of these areas', NONE);
const noCondition = option('No derogation claimed', NONE);

const PRACTICES = [noPractice, ...PROHIBITED_PRACTICE_OPTIONS.map((p) => option(p.optionText, p.point))];
const ANNEX_III_GROUPS = [
  { label: 'Not listed', options: [noAnnexIII] },
  ...ANNEX_III_BY_AREA.map((area) => ({ label: area.label, options: area.points.map((p) => option(p.optionText, p.key)) })),
];
const CONDITIONS = [noCondition, ...ART6_3_OPTIONS.map((c) => option(c.optionText, c.condition))];
const TRANSPARENCY = TRANSPARENCY_DUTY_OPTIONS.map((d) => option(d.optionText, d.duty));

/** Step 2 for a new AI system: every inventory column of the contract, with the same names as block ids. */
export function buildSystemDetailsView(args: { privateMetadata: string; initial?: Partial<SystemFacts> }): Block {
  const f = args.initial ?? {};
  const pick = <T extends { value: string }>(opts: T[], v: string | null | undefined) => opts.find((o) => o.value === v);
  const yn = (v: boolean | undefined, dflt: boolean) => ((v ?? dflt) ? yes : no);
  return modal({
    callbackId: VIEWS.intakeDetails,
    title: 'Register an AI system',
    submit: 'Review',
    close: 'Back',
    privateMetadata: args.privateMetadata,
    blocks: [
      context('Step 2 of 3 · The facts decide the EU AI Act tier, the sources that apply and the evidence owners are asked for.'),
      input('name', 'System name', textInput('value', { maxLength: 120, initial: f.name ?? null, placeholder: 'e.g. Résumé screening assistant' })),
      input('purpose', 'Intended purpose', textInput('value', { multiline: true, maxLength: 2000, initial: f.purpose ?? null }), {
        hint: 'What it does, for whom, and what decisions its output feeds.',
      }),
      input('owner', 'Accountable owner', usersSelect('value', f.owner), { hint: 'The person answerable for this system; evidence requests go to them first.' }),
      input('lifecycle_stage', 'Lifecycle stage', staticSelect('value', LIFECYCLE, { initial: pick(LIFECYCLE, f.lifecycleStage) })),
      input('operator_role', 'Our role under the EU AI Act', staticSelect('value', ROLES, { initial: pick(ROLES, f.operatorRole) })),
      input('eu_nexus', 'Placed on the EU market, used in the EU, or output used in the EU?', radios('value', [yes, no], yn(f.euNexus, true))),
      input('data_categories', 'Data it processes', checkboxes('value', DATA, (f.dataCategories ?? ['none']).map((d) => pick(DATA, d)!).filter(Boolean)), {
        hint: 'Leave only "None of these" if it processes no personal data.',
      }),
      input('prohibited_practice', 'Does it involve a practice prohibited by Art. 5?', staticSelect('value', PRACTICES, { initial: pick(PRACTICES, f.prohibitedPractice ?? NONE) })),
      input('annex_i_product', 'Safety component of (or itself) a product under Annex I legislation needing third-party conformity assessment?', radios('value', [yes, no], yn(f.annexIProduct, false))),
      input('annex_iii_point', 'High-risk use area (Annex III)', groupedSelect('value', ANNEX_III_GROUPS, { initial: pick(ANNEX_III_GROUPS.flatMap((g) => g.options), f.annexIIIPoint ?? NONE) }), {
        hint: 'Pick the point that describes the intended use, if any.',
      }),
      input('art6_3_condition', 'Art. 6(3) derogation the provider documents', staticSelect('value', CONDITIONS, { initial: pick(CONDITIONS, f.art63Condition ?? NONE) }), {
        hint: 'Only for an Annex III use that poses no significant risk. Profiling of people always stays high-risk.',
      }),
      input('profiling', 'Does it profile natural persons?', radios('value', [yes, no], yn(f.profiling, false))),
      input('transparency', 'Transparency situations (Art. 50)', checkboxes('value', TRANSPARENCY, (f.transparency ?? []).map((d) => pick(TRANSPARENCY, d)!).filter(Boolean)), { optional: true }),
      input('supplier', 'Supplier (if bought or built on a third-party model)', textInput('value', { maxLength: 200, initial: f.supplier ?? null }), { optional: true }),
      input('human_oversight', 'Human oversight', textInput('value', { multiline: true, maxLength: 2000, initial: f.humanOversight ?? null }), {
        optional: true, hint: 'Who can intervene or override, and how.',
      }),
      input('monitoring_signal', 'Monitoring signal', textInput('value', { multiline: true, maxLength: 2000, initial: f.monitoringSignal ?? null }), {
        optional: true, hint: 'What you watch in operation that would make you review it (drift, complaints, error rate…).',
      }),
    ],
  });
}
