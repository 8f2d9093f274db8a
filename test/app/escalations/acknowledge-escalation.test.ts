import { and, eq } from 'drizzle-orm';
import { auditEvents, escalationCards, escalations, reviews } from '../../../src/db/schema/index.js';
import { acknowledgeEscalation } from '../../../src/app/escalations/acknowledge-escalation.js';
import { at, DAY, quietSystem, sweepAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it, test } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const DAY_8 = new Date(T.getTime() + 8 * DAY);

describe('acknowledgeEscalation', () => {
  let itemRef: string;
  let reviewId: string;
  test.beforeAll(async ({ db }) => {
    const systemId = await quietSystem(db, 'Escalated planner', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
    await sweepAt(db, T);
    await sweepAt(db, new Date(T.getTime() + 7 * DAY));
    [{ id: reviewId }] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.systemId, systemId)) as [{ id: string }];
    itemRef = `review:${reviewId}`;
  });

  it('records who took the escalation and when, on the card and the ladder\'s rows, once', async ({ db }) => {
    expect(await acknowledgeEscalation({ ctx: at(db, USERS.owner2, DAY_8), input: { itemRef } })).toEqual({ status: 'acknowledged' });
    expect(await acknowledgeEscalation({ ctx: at(db, USERS.admin, DAY_8), input: { itemRef } })).toEqual({ status: 'already_acknowledged', by: USERS.owner2, at: DAY_8 });

    const [card] = await db.select().from(escalationCards);
    expect(card).toMatchObject({ level: 1, itemRefs: [itemRef], acknowledgedBy: USERS.owner2, acknowledgedAt: DAY_8 });
    const [row] = await db.select().from(escalations).where(and(eq(escalations.itemId, reviewId), eq(escalations.level, 1)));
    expect(row).toMatchObject({ acknowledgedBy: USERS.owner2, acknowledgedAt: DAY_8 });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'escalation.acknowledged'), eq(auditEvents.subjectId, card!.key)))).toHaveLength(1);
  });

  it('refuses an item it does not know, and a value that is not an item', async ({ db }) => {
    await expect(acknowledgeEscalation({ ctx: at(db, USERS.admin, DAY_8), input: { itemRef: 'review:rev_unknown' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(acknowledgeEscalation({ ctx: at(db, USERS.admin, DAY_8), input: { itemRef: 'not-an-item' } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
