import { eq } from 'drizzle-orm';
import { auditEvents, reviews } from '../../../src/db/schema/index.js';
import { openDueReviews } from '../../../src/app/sweep/open-due-reviews.js';
import { DAY, quietSystem, schedulerAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('openDueReviews', () => {
  it('opens one cadence review, due on the review date, for a system whose date has come, and none for one not yet due, once', async ({ db }) => {
    const due = await quietSystem(db, 'Due for review', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T });
    const notYet = await quietSystem(db, 'Not yet due', new Date(T.getTime() - 200 * DAY), { nextReviewAt: new Date(T.getTime() + DAY) });

    expect(await openDueReviews(schedulerAt(db, T))).toBe(1);

    const [opened, ...others] = await db.select().from(reviews).where(eq(reviews.systemId, due));
    expect(others).toEqual([]);
    expect(opened).toMatchObject({ status: 'due', dueAt: T, dueReason: 'cadence', reviewerId: USERS.owner });
    expect(await db.select().from(reviews).where(eq(reviews.systemId, notYet))).toEqual([]);
    const [audit] = await db.select().from(auditEvents).where(eq(auditEvents.subjectId, opened!.id));
    expect(audit).toMatchObject({ action: 'review.due', actorId: 'system' });

    expect(await openDueReviews(schedulerAt(db, T))).toBe(0);
    expect(await db.select().from(reviews).where(eq(reviews.systemId, due))).toHaveLength(1);
  });
});
