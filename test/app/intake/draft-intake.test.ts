import { eq } from 'drizzle-orm';
import { aiSystems, intakeDrafts, intakeRequests } from '../../../src/db/schema/index.js';
import { draftIntake, loadDraft } from '../../../src/app/intake/draft-intake.js';
import { confirmIntake } from '../../../src/app/intake/confirm-intake.js';
import { SystemFacts, type SystemFactsInput } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const facts = (name: string, over: Partial<SystemFactsInput> = {}) => SystemFacts.parse({
  name, purpose: 'Ranks job applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)', ...over,
});

describe('draftIntake', () => {
  it('classifies the facts and keeps them as the requester\'s draft, registering nothing', async ({ db, ctx }) => {
    const draft = await draftIntake({ ctx: ctx(USERS.requester, T), input: { facts: facts('Draft ranker') } });
    expect(draft.classification.tier.value).toBe('high');
    const [row] = await db.select().from(intakeDrafts).where(eq(intakeDrafts.id, draft.draftId));
    expect(row).toMatchObject({ requesterId: USERS.requester, kind: 'ai_system', createdAt: T });
    expect(await loadDraft({ ctx: ctx(USERS.requester, T), input: { draftId: draft.draftId } })).toEqual(draft.facts);
    expect(await db.select().from(aiSystems).where(eq(aiSystems.name, 'Draft ranker'))).toEqual([]);
  });

  it('refuses a name already registered, under the name field, and names a likely duplicate by supplier', async ({ ctx }) => {
    const first = await draftIntake({ ctx: ctx(USERS.requester, T), input: { facts: facts('Supplier ranker', { supplier: 'HireAI' }) } });
    await confirmIntake({ ctx: ctx(USERS.requester, T), input: { draftId: first.draftId, note: null } });

    await expect(draftIntake({ ctx: ctx(USERS.requester, T), input: { facts: facts('Supplier ranker') } })).rejects.toMatchObject({ code: 'VALIDATION', fields: { name: expect.stringContaining('already registered') } });
    const other = await draftIntake({ ctx: ctx(USERS.requester, T), input: { facts: facts('Another ranker', { supplier: 'HireAI' }) } });
    expect(other.duplicates).toContainEqual(expect.objectContaining({ name: 'Supplier ranker', why: 'same supplier (HireAI)' }));
  });

  it('keeps a draft to its requester: loadDraft refuses anyone else', async ({ ctx }) => {
    const draft = await draftIntake({ ctx: ctx(USERS.requester, T), input: { facts: facts('Private draft') } });
    await expect(loadDraft({ ctx: ctx(USERS.stranger, T), input: { draftId: draft.draftId } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('confirmIntake', () => {
  it('registers the draft once, however often the review step is sent', async ({ db, ctx }) => {
    const draft = await draftIntake({ ctx: ctx(USERS.requester, T), input: { facts: facts('Confirmed ranker') } });
    const first = await confirmIntake({ ctx: ctx(USERS.requester, T), input: { draftId: draft.draftId, note: 'Replaces the spreadsheet.' } });
    const again = await confirmIntake({ ctx: ctx(USERS.requester, T), input: { draftId: draft.draftId, note: 'Replaces the spreadsheet.' } });

    expect(first.status).toBe('created');
    expect(again).toEqual({ status: 'duplicate_request', systemId: first.systemId });
    expect(await db.select().from(aiSystems).where(eq(aiSystems.name, 'Confirmed ranker'))).toHaveLength(1);
    expect(await db.select().from(intakeRequests).where(eq(intakeRequests.idempotencyKey, `draft:${draft.draftId}`))).toHaveLength(1);
  });
});
