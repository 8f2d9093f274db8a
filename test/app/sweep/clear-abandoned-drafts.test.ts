import { intakeDrafts } from '../../../src/db/schema/index.js';
import { draftIntake, loadDraft } from '../../../src/app/intake/draft-intake.js';
import { clearAbandonedDrafts } from '../../../src/app/sweep/clear-abandoned-drafts.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { schedulerAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const facts = (name: string) => SystemFacts.parse({ name, purpose: 'Drafted and left.', owner: USERS.owner, lifecycleStage: 'design', operatorRole: 'deployer' });

describe('clearAbandonedDrafts', () => {
  it('deletes intake drafts older than a day and keeps younger ones', async ({ db, ctx }) => {
    const old = await draftIntake({ ctx: ctx(USERS.requester, new Date(T.getTime() - 25 * 3600_000)), input: { facts: facts('Abandoned draft') } });
    const fresh = await draftIntake({ ctx: ctx(USERS.requester, new Date(T.getTime() - 3600_000)), input: { facts: facts('Fresh draft') } });

    expect(await clearAbandonedDrafts(schedulerAt(db, T))).toBe(1);

    expect((await db.select({ id: intakeDrafts.id }).from(intakeDrafts)).map((d) => d.id)).toEqual([fresh.draftId]);
    await expect(loadDraft({ ctx: ctx(USERS.requester, T), input: { draftId: old.draftId } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await clearAbandonedDrafts(schedulerAt(db, T))).toBe(0);
  });
});
