import type { ModalView } from '@slack/types';
import type { Trigger } from '../../../domain/vocabulary.js';
import { INCIDENT_SEVERITIES, type IncidentSeverity } from '../../../domain/statutory-deadlines.js';
import { CHANGE_ASPECTS, type ChangeAspect } from '../../../domain/request-details.js';
import { VIEWS } from '../../ids.js';
import { checkboxes, context, datePicker, input, modal, option, radios, staticSelect, textInput, type Block } from '../blocks.js';
import { INTAKE_KIND_LABELS, TRIGGER_LABELS, type IntakeKind } from './intake-kinds.js';

export const REQUEST_BLOCKS = {
  system: 'system', description: 'description', changed: 'changed', lifecycleStage: 'lifecycle_stage', supplier: 'supplier',
  serious: 'serious', severity: 'severity', awareOn: 'aware_on', customer: 'customer', dueOn: 'due_on',
} as const;
export const SYSTEM_SUGGEST_ACTION = 'system_ref';

export { CHANGE_ASPECTS, type ChangeAspect } from '../../../domain/request-details.js';
const CHANGE_LABELS: Record<ChangeAspect, string> = {
  scope: 'Scope or intended purpose', supplier: 'Supplier or underlying model', data_type: 'Data it processes',
  risk: 'Risk or classification', lifecycle: 'Lifecycle stage (deployed, retired…)',
};
const SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  general: 'Serious incident (Art. 73(2): 15 days)',
  critical_infrastructure: 'Serious disruption of critical infrastructure (Art. 73(3): 2 days)',
  widespread_infringement: 'Widespread infringement (Art. 73(3): 2 days)',
  death: 'Death of a person (Art. 73(4): 10 days)',
};
const LIFECYCLE = [option('Design', 'design'), option('Development', 'development'), option('Validation and testing', 'validation'), option('Deployed (in use)', 'deployed'), option('Retired', 'retired')];

const systemSelect = (optional: boolean, system?: { id: string; name: string }) => input(REQUEST_BLOCKS.system, 'Which registered AI system?', {
  type: 'external_select', action_id: SYSTEM_SUGGEST_ACTION, min_query_length: 0, placeholder: { type: 'plain_text', text: 'Type a name' },
  ...(system ? { initial_option: option(system.name, system.id) } : {}),
}, { optional });

/** Step 2 for requests about a registered system: a change, an incident, a supplier change, an assurance request. */
/** `system` pre-selects the system, for a form opened from that system's own card (Report change). */
export function buildRequestDetailsView(args: { kind: Exclude<IntakeKind, 'ai_system'>; trigger: Trigger; privateMetadata: string; system?: { id: string; name: string } }): ModalView {
  const blocks: Block[] = [context(`${args.system ? '' : 'Step 2 of 2 · '}${INTAKE_KIND_LABELS[args.kind]} · trigger: ${TRIGGER_LABELS[args.trigger]}`)];
  blocks.push(systemSelect(args.kind === 'assurance', args.system));
  if (args.kind === 'change') {
    blocks.push(input(REQUEST_BLOCKS.changed, 'What changed?', checkboxes('value', CHANGE_ASPECTS.map((a) => option(CHANGE_LABELS[a], a)))));
    blocks.push(input(REQUEST_BLOCKS.lifecycleStage, 'New lifecycle stage (if it changed)', staticSelect('value', LIFECYCLE), { optional: true }));
  }
  if (args.kind === 'supplier') blocks.push(input(REQUEST_BLOCKS.supplier, 'New supplier', textInput('value', { maxLength: 200 })));
  if (args.kind === 'incident') {
    blocks.push(input(REQUEST_BLOCKS.serious, 'Is it a serious incident under the EU AI Act (Art. 3(49))?', radios('value', [option('Yes', 'yes'), option('No', 'no')], option('No', 'no')), {
      hint: 'Death or serious harm to health, serious and irreversible disruption of critical infrastructure, infringement of fundamental-rights obligations, or serious harm to property or the environment.',
    }));
    blocks.push(input(REQUEST_BLOCKS.severity, 'If serious: which reporting deadline applies?', staticSelect('value', INCIDENT_SEVERITIES.map((s) => option(SEVERITY_LABELS[s], s))), { optional: true }));
    blocks.push(input(REQUEST_BLOCKS.awareOn, 'When did we become aware of it?', datePicker('value')));
  }
  if (args.kind === 'assurance') {
    blocks.push(input(REQUEST_BLOCKS.customer, 'Customer', textInput('value', { maxLength: 200 })));
    blocks.push(input(REQUEST_BLOCKS.dueOn, 'Answer due by', datePicker('value'), { optional: true }));
  }
  blocks.push(input(REQUEST_BLOCKS.description, args.kind === 'incident' ? 'What happened?' : 'Describe the request', textInput('value', { multiline: true, maxLength: 2000 })));
  return modal({ callbackId: VIEWS.intakeRequest, title: 'aigov request', submit: 'Submit', close: args.system ? 'Cancel' : 'Back', privateMetadata: args.privateMetadata, blocks });
}
