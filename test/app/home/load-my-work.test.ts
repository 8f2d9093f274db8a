import { registerSystem } from '../../../src/app/intake/register-system.js';
import { loadMyWork } from '../../../src/app/home/load-my-work.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('loadMyWork', () => {
  it('lists the caller\'s systems with evidence progress and their open claims, and nothing of anyone else\'s', async ({ ctx }) => {
    const facts = SystemFacts.parse({ name: 'My ranker', purpose: 'Ranks job applicants.', owner: USERS.owner2, lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)' });
    const { systemId } = await registerSystem({ ctx: ctx(USERS.requester, T), input: { facts, idempotencyKey: 'my-ranker', announce: false } }) as { systemId: string };

    const mine = await loadMyWork({ ctx: ctx(USERS.owner2, T) });

    expect(mine).toMatchObject({ userId: USERS.owner2, now: T, timeZone: 'UTC' });
    expect(mine.work.systemCount).toBe(1);
    expect(mine.work.systems).toEqual([expect.objectContaining({ id: systemId, progress: { answered: 0, total: mine.work.openClaimCount } })]);
    expect(mine.work.openClaimCount).toBeGreaterThan(0);
    expect(mine.work.openClaims.every((c) => c.systemId === systemId)).toBe(true);

    const strangers = await loadMyWork({ ctx: ctx(USERS.stranger, T) });
    expect(strangers.work).toMatchObject({ systemCount: 0, openClaimCount: 0, reviewCount: 0 });
    expect(strangers.requests).toMatchObject({ count: 0 });
  });
});
