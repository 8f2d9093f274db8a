import type { ModalView, PlainTextOption } from '@slack/types';
import { ANNEX_III_BY_AREA, ART6_3_OPTIONS, PROHIBITED_PRACTICE_OPTIONS, TRANSPARENCY_DUTY_OPTIONS } from '../../../domain/catalog/index.js';
import type { SystemFacts } from '../../../domain/system-facts.js';
import { VIEWS } from '../../ids.js';
import { US_STATES } from '../../../domain/vocabulary.js';
import {
  checkboxes, context, groupedSelect, input, modal, multiStaticSelect, option, radios, staticSelect, textInput, usersSelect, type Block,
} from '../blocks.js';

/** Answers that decide which follow-up questions the form shows; changing one redraws the form. */
export const DETAILS_REDRAW_BLOCKS = ['operator_role', 'eu_nexus', 'data_categories', 'annex_i_product'] as const;

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

const GPAI = [
  option('No — an AI system, not a model', 'no'),
  option('Yes — a general-purpose AI model we provide', 'yes'),
  option('Yes, with systemic risk (Art. 51)', 'systemic'),
];
const SCOPE = [
  option('None — the EU AI Act applies as usual', 'none'),
  option('Used exclusively for military, defence or national security', 'military'),
  option('Scientific research and development only', 'research'),
  option('Purely personal, non-professional use', 'personal'),
  option('Released under a free and open-source licence', 'open_source'),
];
const SECTIONS = [option('Section A (New Legislative Framework)', 'a'), option('Section B (other harmonisation law)', 'b')];
const ART25 = [
  option('No — we keep our own role', 'none'),
  option('We put our name or trademark on it', 'own_name'),
  option('We made a substantial modification', 'substantial_modification'),
  option('We changed its intended purpose', 'changed_purpose'),
];
const STATES = US_STATES.map((s) => option(s, s));
const DECISIONS = [
  option('None', 'none'), option('Education', 'education'), option('Employment', 'employment'), option('Financial or lending', 'financial'),
  option('Essential government services', 'government'), option('Health care', 'health'), option('Housing', 'housing'),
  option('Insurance', 'insurance'), option('Legal services', 'legal'),
];

const PRACTICES = [noPractice, ...PROHIBITED_PRACTICE_OPTIONS.map((p) => option(p.optionText, p.point))];
const ANNEX_III_GROUPS = [
  { label: 'Not listed', options: [noAnnexIII] },
  ...ANNEX_III_BY_AREA.map((area) => ({ label: area.label, options: area.points.map((p) => option(p.optionText, p.key)) })),
];
const CONDITIONS = [noCondition, ...ART6_3_OPTIONS.map((c) => option(c.optionText, c.condition))];
const TRANSPARENCY = TRANSPARENCY_DUTY_OPTIONS.map((d) => option(d.optionText, d.duty));

/** Step 2 for a new AI system: every inventory column of the contract, with the same names as block ids. */
export function buildSystemDetailsView(args: { privateMetadata: string; initial?: Partial<SystemFacts> }): ModalView {
  const f = args.initial ?? {};
  const pick = (opts: PlainTextOption[], v: string | null | undefined) => opts.find((o) => o.value === v);
  const yn = (v: boolean | undefined, dflt: boolean) => ((v ?? dflt) ? yes : no);
  const role = f.operatorRole;
  const provides = role === 'provider' || role === 'provider_and_deployer';
  const deploys = role === 'deployer' || role === 'provider_and_deployer';
  const personalData = (f.dataCategories ?? []).some((d) => d !== 'none');
  const redraw = { dispatchAction: true };
  // Follow-up questions appear only where the answers above make them matter (see DETAILS_REDRAW_BLOCKS).
  const roleFollowUps: Block[] = [
    ...(provides ? [input('gpai_model', 'Is it a general-purpose AI model (Art. 3(63)) rather than an AI system?', radios('value', GPAI, pick(GPAI, f.gpaiModel ?? 'no')))] : []),
    ...(deploys ? [input('public_body', 'Are we a public body, or a private entity providing public services (Art. 27)?', radios('value', [yes, no], yn(f.publicBody, false)))] : []),
    ...(role && !provides ? [input('art25_provider', 'Have we become its provider under Art. 25(1)?', staticSelect('value', ART25, { initial: pick(ART25, f.art25Provider ?? 'none') }))] : []),
  ];
  const scopeFollowUp = f.euNexus === false ? [] : [
    input('scope_exclusion', 'Art. 2 exclusion we rely on', staticSelect('value', SCOPE, { initial: pick(SCOPE, f.scopeExclusion ?? 'none') }), {
      hint: 'Military means exclusively: a dual-use system stays in scope. Open source does not cover prohibited, high-risk or Art. 50 systems.',
    }),
  ];
  const dataFollowUps = personalData ? [
    input('consequential_decision', 'Decision about consumers it materially influences', staticSelect('value', DECISIONS, { initial: pick(DECISIONS, f.consequentialDecision ?? 'none') }), {
      hint: 'Education, employment, lending, essential government services, health care, housing, insurance or legal services.',
    }),
    input('us_states', 'US states where those consumers live or decisions are made', multiStaticSelect('value', STATES, { initial: (f.usStates ?? []).map((s) => pick(STATES, s)!).filter(Boolean), placeholder: 'None' }), { optional: true }),
  ] : [];
  const sectionFollowUp = f.annexIProduct ? [
    input('annex_i_section', 'Annex I section of that product legislation', radios('value', SECTIONS, pick(SECTIONS, f.annexISection ?? 'a'))),
  ] : [];
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
      input('operator_role', 'Our role under the EU AI Act', staticSelect('value', ROLES, { initial: pick(ROLES, f.operatorRole) }), redraw),
      ...roleFollowUps,
      input('eu_nexus', 'Placed on the EU market, used in the EU, or output used in the EU?', radios('value', [yes, no], yn(f.euNexus, true)), redraw),
      ...scopeFollowUp,
      input('data_categories', 'Data it processes', checkboxes('value', DATA, (f.dataCategories ?? ['none']).map((d) => pick(DATA, d)!).filter(Boolean)), {
        hint: 'Leave only "None of these" if it processes no personal data.', ...redraw,
      }),
      ...dataFollowUps,
      input('prohibited_practice', 'Does it involve a practice prohibited by Art. 5?', staticSelect('value', PRACTICES, { initial: pick(PRACTICES, f.prohibitedPractice ?? NONE) })),
      input('annex_i_product', 'Safety component of (or itself) a product under Annex I legislation needing third-party conformity assessment?', radios('value', [yes, no], yn(f.annexIProduct, false)), redraw),
      ...sectionFollowUp,
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
