import { and, eq } from 'drizzle-orm';
import { auditEvents, escalationCards, reviews } from '../../../src/db/schema/index.js';
import { reassignOverdueItem } from '../../../src/app/escalations/reassign-overdue-item.js';
import { at, DAY, quietSystem, sweepAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it, test } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const DAY_8 = new Date(T.getTime() + 8 * DAY);

describe('reassignOverdueItem', () => {
  let reviewId: string;
  test.beforeAll(async ({ db }) => {
    const systemId = await quietSystem(db, 'Reassigned planner', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
    await sweepAt(db, T);
    await sweepAt(db, new Date(T.getTime() + 7 * DAY));
    [{ id: reviewId }] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.systemId, systemId)) as [{ id: string }];
  });

  it('refuses a stranger, a missing new owner and a legal deadline, changing nothing', async ({ db }) => {
    await expect(reassignOverdueItem({ ctx: at(db, USERS.stranger, DAY_8), input: { itemRef: `review:${reviewId}`, newOwnerId: USERS.owner2 } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(reassignOverdueItem({ ctx: at(db, USERS.admin, DAY_8), input: { itemRef: `review:${reviewId}`, newOwnerId: '' } })).rejects.toMatchObject({ code: 'VALIDATION', fields: { new_owner: expect.any(String) } });
    await expect(reassignOverdueItem({ ctx: at(db, USERS.admin, DAY_8), input: { itemRef: 'statutory:std_x', newOwnerId: USERS.owner2 } })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await db.select().from(reviews).where(eq(reviews.id, reviewId)))[0]!.reviewerId).toBe(USERS.owner);
  });

  it('moves an overdue review to a new reviewer, records it on the card and in the audit trail', async ({ db }) => {
    await reassignOverdueItem({ ctx: at(db, USERS.admin, DAY_8), input: { itemRef: `review:${reviewId}`, newOwnerId: USERS.owner2 } });

    expect((await db.select().from(reviews).where(eq(reviews.id, reviewId)))[0]!.reviewerId).toBe(USERS.owner2);
    const [card] = await db.select().from(escalationCards);
    expect(card).toMatchObject({ reassignedBy: USERS.admin, reassignedTo: USERS.owner2 });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'review.reassigned'), eq(auditEvents.subjectId, reviewId)))).toEqual([
      expect.objectContaining({ before: { reviewerId: USERS.owner }, after: expect.objectContaining({ reviewerId: USERS.owner2 }) }),
    ]);
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'escalation.reassigned'), eq(auditEvents.subjectId, card!.key)))).toHaveLength(1);
    // The same person again is not a move.
    await expect(reassignOverdueItem({ ctx: at(db, USERS.admin, DAY_8), input: { itemRef: `review:${reviewId}`, newOwnerId: USERS.owner2 } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
