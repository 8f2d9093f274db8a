import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { newId } from '../../../src/db/ids.js';
import { aiSystems, evidenceClaims, exceptions, reviews, userProfiles } from '../../../src/db/schema/index.js';
import { sendOwnerWeeks } from '../../../src/app/sweep/send-owner-weeks.js';
import { USERS } from '../../support/test-app.js';
import { DAY, queued, quietSystem, schedulerAt, sweepAt } from '../../support/governance-fixtures.js';

const MONDAY = new Date('2026-03-02T06:00:00Z');

describe("owners' own week", () => {
  let database: Database;
  let db: Database['db'];
  let reviewId: string;
  const weekly = (now: Date) => sendOwnerWeeks({ ctx: schedulerAt(db, now) });
  const dmsOfWeek = async () => (await queued(db, 'owner-week:'));

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    db = database.db;
    const busy = await quietSystem(db, 'Warehouse picker', new Date(MONDAY.getTime() - 100 * DAY), { nextReviewAt: new Date(MONDAY.getTime() - DAY) });
    const claims = await db.select({ id: evidenceClaims.id }).from(evidenceClaims).where(eq(evidenceClaims.systemId, busy)).limit(7);
    for (const c of claims) await db.update(evidenceClaims).set({ status: 'requested', dueAt: new Date(MONDAY.getTime() + 3 * DAY) }).where(eq(evidenceClaims.id, c.id));
    await sweepAt(db, new Date(MONDAY.getTime() - 12 * 3_600_000));
    [{ id: reviewId }] = await db.select({ id: reviews.id }).from(reviews).where(eq(reviews.systemId, busy)) as [{ id: string }];
    const idle = await quietSystem(db, 'Idle tagger', new Date(MONDAY.getTime() - 100 * DAY), { owner: USERS.owner2 });
    await db.insert(exceptions).values({ id: newId('exc'), systemId: idle, reason: 'Model card missing', status: 'corrective_action', openedBy: USERS.owner2,
      dueAt: MONDAY, correctiveAction: 'Write the model card', actionOwnerId: USERS.stranger, actionDueAt: new Date(MONDAY.getTime() + 10 * DAY) });
    await db.insert(userProfiles).values([
      { userId: USERS.owner, tz: 'America/New_York', fetchedAt: MONDAY },
      { userId: USERS.stranger, tz: 'Asia/Tokyo', fetchedAt: MONDAY },
      { userId: USERS.owner2, tz: 'Europe/Berlin', fetchedAt: MONDAY },
    ]);
  });

  it('messages everyone with open work and nobody with nothing open', async () => {
    const summary = await weekly(MONDAY);
    expect(summary).toEqual({ week: '2026-03-02', owners: 2 });
    const dms = await dmsOfWeek();
    expect(dms.map((d) => d.idempotencyKey).sort()).toEqual([`owner-week:${USERS.owner}:2026-03-02`, `owner-week:${USERS.stranger}:2026-03-02`]);
    expect(dms.some((d) => d.message.kind === 'slack.post.v1' && d.message.channel === USERS.owner2)).toBe(false);
  });

  it("arrives at the start of Monday's working day in the owner's own time zone, never in their night", async () => {
    await weekly(MONDAY); // Monday's run, as the first case makes it: once a week, so a no-op when it already ran.
    const dms = await dmsOfWeek();
    const toOwner = dms.find((d) => d.idempotencyKey.includes(USERS.owner))!;
    expect(toOwner.nextAttemptAt).toEqual(new Date('2026-03-02T14:00:00Z'));
    // 15:00 in Tokyo is a working hour: it goes at once rather than waiting for Tuesday.
    const toTokyo = dms.find((d) => d.idempotencyKey.includes(USERS.stranger))!;
    expect(toTokyo.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it('lists the open work with buttons to act on it', async () => {
    await weekly(MONDAY); // Monday's run, as the first case makes it: once a week, so a no-op when it already ran.
    const toOwner = (await dmsOfWeek()).find((d) => d.idempotencyKey.includes(USERS.owner))!.message;
    const body = JSON.stringify(toOwner);
    expect(body).toContain('*7* open evidence claims');
    expect(body).toContain('*1* review due');
    const buttons = ((toOwner as { blocks: { elements?: { action_id?: string; value?: string }[] }[] }).blocks).flatMap((b) => b.elements ?? []);
    expect(buttons).toContainEqual(expect.objectContaining({ action_id: 'aigov_start_review', value: reviewId }));
    expect(buttons.filter((b) => b.action_id === 'aigov_evidence_submit')).toHaveLength(5);
    expect(body).toContain('…and 2 more open claims');
    const toTokyo = JSON.stringify((await dmsOfWeek()).find((d) => d.idempotencyKey.includes(USERS.stranger))!.message);
    expect(toTokyo).toContain('Write the model card');
  });

  it('messages each owner once a week, however often it runs', async () => {
    await weekly(MONDAY); // Monday's run, as the first case makes it: once a week, so a no-op when it already ran.
    expect(await weekly(new Date(MONDAY.getTime() + 2 * DAY))).toEqual({ week: '2026-03-02', owners: 0 });
    expect(await dmsOfWeek()).toHaveLength(2);
    await db.update(aiSystems).set({ ownerId: USERS.owner }).where(eq(aiSystems.name, 'Idle tagger'));
    expect((await weekly(new Date(MONDAY.getTime() + 7 * DAY))).owners).toBe(2);
    expect(await dmsOfWeek()).toHaveLength(4);
  });
});
