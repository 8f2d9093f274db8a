import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import { USERS, type TestApp } from '../../support/test-app.js';
import { openIntake, submit, systemDetailsValues, type SystemAnswers } from '../../support/intake-flow.js';
import type { StoredView } from '../../support/fake-slack.js';
import { aiSystems, classifications } from '../../../src/db/schema/index.js';
import { staticSelectValue } from '../../support/view-state.js';

const blockIds = (view: StoredView) => (view.blocks as { type: string; block_id?: string }[]).filter((b) => b.type === 'input').map((b) => b.block_id);
const FOLLOW_UPS = ['gpai_model', 'public_body', 'art25_provider', 'scope_exclusion', 'consequential_decision', 'us_states', 'annex_i_section'];

describe('the details step asks follow-up questions only where they matter', () => {
  let app: TestApp;
  test.beforeAll(async ({ app: testApp }) => { app = testApp; });

  async function detailsStep(): Promise<StoredView> {
    const start = await openIntake(app, USERS.requester);
    const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
    return step2.next!;
  }

  /** Changes one answer as Slack does: a block_actions payload from the view, then the redraw comes back through views.update. */
  async function answer(view: StoredView, answers: SystemAnswers, blockId: string): Promise<StoredView> {
    const mark = app.fake.mark();
    const values = systemDetailsValues(answers);
    const element = { ...(values[blockId]!.value as object) };
    const res = await app.slack.blockActions({ user: USERS.requester, actionId: 'value', blockId, view: { ...view, state: { values } }, element });
    expect(res.status).toBe(200);
    const call = await app.fake.waitFor(() => app.fake.since(mark, 'views.update').find((c) => c.ok), 3000);
    return call.response!.view as StoredView;
  }

  it('starts with only the Art. 2 exclusion among the follow-ups, and keeps step 1 as it was', async () => {
    const start = await openIntake(app, USERS.requester);
    expect(blockIds(start)).toEqual(['kind', 'trigger']);
    const details = await detailsStep();
    expect(blockIds(details).filter((id) => FOLLOW_UPS.includes(id!))).toEqual(['scope_exclusion']);
  });

  it.each([
    ['a provider', { role: 'provider', data: ['none'] }, 'operator_role', ['gpai_model', 'scope_exclusion']],
    ['a deployer', { role: 'deployer', data: ['none'] }, 'operator_role', ['public_body', 'art25_provider', 'scope_exclusion']],
    ['a provider and deployer', { role: 'provider_and_deployer', data: ['none'] }, 'operator_role', ['gpai_model', 'public_body', 'scope_exclusion']],
    ['an importer', { role: 'importer', data: ['none'] }, 'operator_role', ['art25_provider', 'scope_exclusion']],
    ['personal data', { role: 'provider', data: ['personal'] }, 'data_categories', ['gpai_model', 'scope_exclusion', 'consequential_decision', 'us_states']],
    ['no EU nexus', { role: 'provider', data: ['none'], euNexus: 'no' }, 'eu_nexus', ['gpai_model']],
    ['an Annex I product', { role: 'provider', data: ['none'], annexI: 'yes' }, 'annex_i_product', ['gpai_model', 'scope_exclusion', 'annex_i_section']],
  ] as const)('for %s it redraws the form with %j', async (_, answers, changed, expected) => {
    const details = await detailsStep();
    const redrawn = await answer(details, { name: 'Follow-ups', ...answers } as unknown as SystemAnswers, changed);
    expect(blockIds(redrawn).filter((id) => FOLLOW_UPS.includes(id!))).toEqual(expected);
    expect(redrawn.callback_id).toBe('aigov_intake_details');
  });

  it('stores the follow-up answers and classifies with them: a public body deploying a hiring system owes Art. 27', async () => {
    const details = await detailsStep();
    const redrawn = await answer(details, { name: 'Council recruiter', role: 'deployer' }, 'operator_role');
    const step3 = await submit(app, USERS.requester, redrawn, systemDetailsValues({ name: 'Council recruiter', role: 'deployer', publicBody: 'yes', annexIII: '4(a)', scopeExclusion: 'none' }));
    expect(step3.body?.response_action).toBe('push');
    const done = await submit(app, USERS.requester, step3.next!, { note: { value: { type: 'plain_text_input', value: null } } });
    expect(done.body?.response_action).toBe('clear');
    const [system] = await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Council recruiter'));
    expect((system!.facts as { publicBody: boolean }).publicBody).toBe(true);
    const [c] = await app.database.db.select().from(classifications).where(eq(classifications.id, system!.currentClassificationId!));
    const computed = c!.computed as { requirements: { requirementId: string }[]; bindingSources: string[] };
    expect(computed.requirements.map((r) => r.requirementId)).toEqual(expect.arrayContaining(['Art. 26', 'Art. 27', 'Art. 49(3)']));
    expect(computed.bindingSources).toEqual(['eu-ai-act']);
  });

  it('refuses Art. 25 for a provider under the field, storing nothing', async () => {
    const details = await detailsStep();
    const res = await submit(app, USERS.requester, details, systemDetailsValues({ name: 'Wrong Art 25', role: 'provider', art25: 'own_name' }));
    expect(res.body?.response_action).toBe('errors');
    expect(res.body?.errors?.art25_provider).toMatch(/already is the provider/);
    expect(await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Wrong Art 25'))).toEqual([]);
  });

  it('refuses a general-purpose AI model with an Annex III point under the model question', async () => {
    const details = await detailsStep();
    const res = await submit(app, USERS.requester, details, systemDetailsValues({ name: 'Model with use', role: 'provider', gpai: 'yes', annexIII: '4(a)' }));
    expect(res.body?.response_action).toBe('errors');
    expect(res.body?.errors?.gpai_model).toMatch(/not itself an Annex III system/);
  });
});
