import { and, eq } from 'drizzle-orm';
import { auditEvents, escalations, ownerReminders, reviews } from '../../../src/db/schema/index.js';
import { openDueReviews } from '../../../src/app/sweep/open-due-reviews.js';
import { escalateOverdue } from '../../../src/app/sweep/escalate-overdue.js';
import { remindOwners } from '../../../src/app/sweep/remind-owners.js';
import { loadOverdueItems } from '../../../src/app/sweep/overdue-items.js';
import { DAY, quietSystem, schedulerAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it, test } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const day = (n: number) => new Date(T.getTime() + n * DAY);

describe('escalateOverdue and remindOwners', () => {
  let reviewId: string;
  test.beforeAll(async ({ db }) => {
    const systemId = await quietSystem(db, 'Overdue review', day(-200), { nextReviewAt: T });
    await openDueReviews(schedulerAt(db, T));
    [{ id: reviewId }] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.systemId, systemId)) as [{ id: string }];
  });

  it('on the due date hands the item to the owner reminder and posts nothing to the forum', async ({ db }) => {
    const outcome = await escalateOverdue(schedulerAt(db, T));
    expect(outcome.escalated).toBe(0);
    expect(outcome.remindOwners.get(USERS.owner)?.map((i) => i.id)).toEqual([reviewId]);
    expect((await db.select().from(escalations).where(eq(escalations.itemId, reviewId))).map((e) => e.level)).toEqual([0]);
  });

  it('reminds each owner once a day, recording the reminder and its audit event', async ({ db }) => {
    const ctx = schedulerAt(db, T);
    const items = await loadOverdueItems(db, T);
    expect(items.map((i) => i.id)).toEqual([reviewId]);
    const owners = new Map([[USERS.owner, items]]);

    expect(await remindOwners(ctx, owners)).toBe(1);
    expect(await remindOwners(schedulerAt(db, day(0.1)), owners)).toBe(0);

    expect(await db.select().from(ownerReminders).where(eq(ownerReminders.ownerId, USERS.owner))).toEqual([expect.objectContaining({ day: '2026-03-02', kind: 'overdue' })]);
    const [audit, ...more] = await db.select().from(auditEvents).where(and(eq(auditEvents.action, 'owner.reminded'), eq(auditEvents.subjectId, USERS.owner)));
    expect(more).toEqual([]);
    expect(audit!.after).toMatchObject({ day: '2026-03-02', items: [{ kind: 'review', id: reviewId }] });
  });

  it('escalates to the forum at day 7, once', async ({ db }) => {
    expect((await escalateOverdue(schedulerAt(db, day(7)))).escalated).toBe(1);
    expect((await escalateOverdue(schedulerAt(db, day(7)))).escalated).toBe(0);
    const levels = (await db.select().from(escalations).where(eq(escalations.itemId, reviewId))).map((e) => e.level).sort();
    expect(levels).toContain(1);
  });
});
