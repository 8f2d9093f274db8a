import { describe, expect, it } from 'vitest';
import { parseInventoryRow } from '../../../src/domain/inventory-csv-row.js';
import { parseRegistrationInputs } from '../../../src/domain/workflow-step-inputs.js';

const REQUIRED = { name: 'Ticket triage', purpose: 'Routes support tickets.', owner: 'U0OWNER1', lifecycle_stage: 'deployed', operator_role: 'deployer' };

describe('the Register an AI system step inputs', () => {
  it.each([
    ['yes/no inputs sent as checkboxes', { eu_nexus: false, profiling: true }, { eu_nexus: 'no', profiling: 'yes' }],
    ['yes/no inputs sent as text', { eu_nexus: 'No', public_body: 'yes' }, { eu_nexus: 'No', public_body: 'yes' }],
    ['lists sent as arrays', { data_categories: ['personal', 'sensitive'], us_states: ['CO'] }, { data_categories: 'personal;sensitive', us_states: 'CO' }],
    ['lists sent as ;-separated text', { transparency: 'interacts_with_people; deep_fake' }, { transparency: 'interacts_with_people; deep_fake' }],
    ['optional inputs left empty', { eu_nexus: '', supplier: '', trigger: '' }, { eu_nexus: '', supplier: '', trigger: '' }],
  ])('register the same facts as the CSV row with the same values: %s', (_case, inputs, cells) => {
    const fromStep = parseRegistrationInputs({ ...REQUIRED, ...inputs });
    const fromCsv = parseInventoryRow({ ...REQUIRED, ...cells });

    expect(fromStep.ok).toBe(true);
    expect(fromStep).toEqual(fromCsv);
  });

  it('keeps the column defaults for inputs the workflow leaves out, with eu_nexus yes', () => {
    const result = parseRegistrationInputs(REQUIRED);

    expect(result).toMatchObject({ ok: true, facts: { euNexus: true, dataCategories: ['none'], trigger: 'new_system', gpaiModel: 'no', profiling: false } });
  });

  it('treats who ran the workflow as no fact of the system', () => {
    expect(parseRegistrationInputs({ ...REQUIRED, requested_by: 'U0REQUEST' })).toEqual(parseRegistrationInputs(REQUIRED));
  });

  it.each([
    [{ ...REQUIRED, purpose: '   ' }, 'purpose', 'is required'],
    [{ ...REQUIRED, owner: null }, 'owner', 'is required'],
    [{ ...REQUIRED, operator_role: 'vendor' }, 'operator_role', 'Invalid option: expected one of "provider"|"deployer"|"provider_and_deployer"|"importer"|"distributor"'],
    [{ ...REQUIRED, data_categories: { personal: true } }, 'data_categories', 'must be text, a yes/no choice or a list, got {"personal":true}'],
  ])('names the input and what is wrong with it: %j', (inputs, column, message) => {
    expect(parseRegistrationInputs(inputs)).toEqual({ ok: false, column, message });
  });
});
