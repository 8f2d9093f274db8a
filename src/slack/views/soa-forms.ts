import type { ModalView } from '@slack/types';
import { CONTROL_FIELDS } from '../../app/soa/decide-control.js';
import { SCOPE_FIELDS } from '../../app/soa/record-aims-scope.js';
import { ISO_ANNEX_A_CONTROLS, ISO_ANNEX_A_GROUPS, NIST_FUNCTIONS, NIST_SUBCATEGORIES } from '../../domain/catalog/index.js';
import { VIEWS } from '../ids.js';
import { SYSTEM_SUGGEST_ACTION } from './intake/request-details-view.js';
import { context, groupedSelect, input, modal, option, plain, radios, textInput, usersSelect, type Block } from './blocks.js';

export const SOA_CONTROL_BLOCKS = CONTROL_FIELDS;
export const SOA_SCOPE_BLOCKS = SCOPE_FIELDS;

export const APPLICABILITY_OPTIONS = [
  option('Leave as it stands', 'unchanged'),
  option('Applicable', 'applicable', 'Applies to the organisation, whatever the rules say'),
  option('Excluded', 'excluded', 'Does not apply: the justification is required'),
  option('Follow the rules\' outcome', 'rules', 'Withdraw the organisation\'s decision'),
];

const isoGroups = () => ISO_ANNEX_A_GROUPS
  .map((g) => ({ label: `${g.id} ${g.title}`, options: ISO_ANNEX_A_CONTROLS.filter((c) => c.group === g.id).map((c) => option(`${c.id} ${c.title}`, c.id)) }))
  .filter((g) => g.options.length);

// Slack allows 100 options in a menu: the 72 NIST AI RMF subcategories fit, grouped by function.
const nistGroups = () => NIST_FUNCTIONS.map((f) => ({
  label: f.id, options: NIST_SUBCATEGORIES.filter((s) => s.function === f.id).map((s) => option(s.id, s.id)),
}));

/** Decide on one Annex A control (owner, applicability, justification), or give a NIST AI RMF outcome its owner. */
export function buildSoaControlView(m: { framework: 'iso-42001' | 'nist-ai-rmf' }): ModalView {
  const iso = m.framework === 'iso-42001';
  return modal({
    callbackId: VIEWS.soaControl, title: iso ? 'Decide on a control' : 'Owner of an outcome', submit: 'Record',
    privateMetadata: JSON.stringify({ framework: m.framework }),
    blocks: iso
      ? [
        input(CONTROL_FIELDS.control, 'ISO/IEC 42001 Annex A control', groupedSelect('value', isoGroups())),
        input(CONTROL_FIELDS.owner, 'Control owner', usersSelect('value'), { optional: true, hint: 'Leave empty to keep the current owner. The owner is named in the Statement of Applicability.' }),
        input(CONTROL_FIELDS.applicability, 'Applicability', radios('value', APPLICABILITY_OPTIONS, APPLICABILITY_OPTIONS[0])),
        input(CONTROL_FIELDS.justification, 'Justification', textInput('value', { multiline: true, maxLength: 2000 }), { optional: true, hint: 'Required for an exclusion. The rule\'s own outcome stays beside your decision.' }),
        context('Each answer is kept as a decision record with its audit event. The Statement of Applicability becomes a draft until it is approved again with `/aigov soa approve`.'),
      ]
      : [
        input(CONTROL_FIELDS.control, 'NIST AI RMF subcategory', groupedSelect('value', nistGroups())),
        input(CONTROL_FIELDS.owner, 'Owner', usersSelect('value')),
      ],
  });
}

/** The AIMS scope: a short statement, the AI systems (all, or those chosen) and the organisational units. */
export function buildAimsScopeView(m: { statement?: string | null; units?: string[] } = {}): ModalView {
  return modal({
    callbackId: VIEWS.soaScope, title: 'AIMS scope', submit: 'Record',
    blocks: [
      input(SCOPE_FIELDS.statement, 'Scope statement', textInput('value', { multiline: true, maxLength: 3000, initial: m.statement ?? null }), { hint: 'What the AI management system covers (ISO/IEC 42001 clause 4.3).' }),
      input(SCOPE_FIELDS.systems, 'AI systems in scope', {
        type: 'multi_external_select', action_id: SYSTEM_SUGGEST_ACTION, min_query_length: 0, placeholder: plain('Type a name', 150),
      }, { optional: true, hint: 'Leave empty to put every registered AI system in scope.' }),
      input(SCOPE_FIELDS.units, 'Organisational units', textInput('value', { multiline: true, maxLength: 3000, initial: m.units?.join('\n') ?? null }), { optional: true, hint: 'One per line.' }),
    ],
  });
}
