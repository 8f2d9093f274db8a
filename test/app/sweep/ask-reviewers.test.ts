import { and, eq } from 'drizzle-orm';
import { auditEvents, reviews } from '../../../src/db/schema/index.js';
import { openDueReviews } from '../../../src/app/sweep/open-due-reviews.js';
import { askReviewers } from '../../../src/app/sweep/ask-reviewers.js';
import { DAY, postsTo, quietSystem, schedulerAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('askReviewers', () => {
  it('sends each open review to its reviewer once, with an audit event naming the reviewer', async ({ db }) => {
    const systemId = await quietSystem(db, 'Reviewer asked', new Date(T.getTime() - 200 * DAY), { nextReviewAt: T, owner: USERS.owner2 });
    await openDueReviews(schedulerAt(db, T));
    const [review] = await db.select().from(reviews).where(eq(reviews.systemId, systemId));

    expect(await askReviewers(schedulerAt(db, T))).toBe(1);

    const [audit, ...more] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, review!.id), eq(auditEvents.action, 'review.requested')));
    expect(more).toEqual([]);
    expect(audit!.after).toMatchObject({ systemId, reviewerId: USERS.owner2 });
    expect(await postsTo(db, USERS.owner2)).toHaveLength(1);

    expect(await askReviewers(schedulerAt(db, new Date(T.getTime() + 3600_000)))).toBe(0);
    expect(await postsTo(db, USERS.owner2)).toHaveLength(1);
  });
});
