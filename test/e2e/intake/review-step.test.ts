import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import { USERS, type TestApp } from '../../support/test-app.js';
import { openIntake, registerThroughModal, submit, systemDetailsValues } from '../../support/intake-flow.js';
import { aiSystems } from '../../../src/db/schema/index.js';
import { staticSelectValue } from '../../support/view-state.js';

describe('the review step', () => {
  let app: TestApp;
  test.beforeAll(async ({ app: testApp }) => { app = testApp; });

  it('shows the classification with reasons and warns of a likely duplicate before anything is stored', async () => {
    await registerThroughModal(app, USERS.requester, { name: 'Resume screener', annexIII: '4(a)', supplier: 'HireAI' });
    const start = await openIntake(app, USERS.requester);
    const step2 = await submit(app, USERS.requester, start, { kind: { value: staticSelectValue('ai_system') }, trigger: { value: staticSelectValue('new_system') } });
    const step3 = await submit(app, USERS.requester, step2.next!, systemDetailsValues({ name: 'Resume screener v2', annexIII: '4(a)', supplier: 'HireAI' }));
    const text = JSON.stringify(step3.next!.blocks);
    expect(text).toMatch(/High-risk/);
    expect(text).toMatch(/Annex III/);
    expect(text).toMatch(/Possibly already registered/);
    expect(text).toMatch(/Resume screener/);
    expect(await app.database.db.select().from(aiSystems).where(eq(aiSystems.name, 'Resume screener v2'))).toHaveLength(0);
  });
});
