import { and, eq } from 'drizzle-orm';
import { auditEvents, exceptions } from '../../../src/db/schema/index.js';
import { newId } from '../../../src/db/ids.js';
import { warnExpiringAcceptances } from '../../../src/app/sweep/warn-expiring-acceptances.js';
import { DAY, postsTo, quietSystem, schedulerAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it, test } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const day = (n: number) => new Date(T.getTime() + n * DAY);

describe('warnExpiringAcceptances', () => {
  const exceptionId = newId('exc');
  test.beforeAll(async ({ db }) => {
    const systemId = await quietSystem(db, 'Accepted risk', day(-200));
    // Accepted for 100 days from T: the notice is due once 80 of them have passed.
    await db.insert(exceptions).values({
      id: exceptionId, systemId, reason: 'No bias audit yet.', status: 'risk_accepted', openedBy: USERS.owner, dueAt: T,
      acceptedBy: USERS.admin, acceptedAt: T, acceptedUntil: day(100), rationale: 'Audit booked for the summer.',
    });
  });

  it('says nothing before 80% of the acceptance period has passed', async ({ db }) => {
    expect(await warnExpiringAcceptances(schedulerAt(db, day(79)))).toBe(0);
    expect(await db.select().from(auditEvents).where(eq(auditEvents.subjectId, exceptionId))).toEqual([]);
  });

  it('tells the approver and the owner once, with one audit event naming both', async ({ db }) => {
    expect(await warnExpiringAcceptances(schedulerAt(db, day(81)))).toBe(1);
    expect(await warnExpiringAcceptances(schedulerAt(db, day(82)))).toBe(0);

    const [notice, ...more] = await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, exceptionId), eq(auditEvents.action, 'risk_acceptance.expiry_notice')));
    expect(more).toEqual([]);
    expect((notice!.after as { notified: string[] }).notified.sort()).toEqual([USERS.admin, USERS.owner].sort());
    expect(await postsTo(db, USERS.admin)).toHaveLength(1);
    expect(await postsTo(db, USERS.owner)).toHaveLength(1);
  });
});
