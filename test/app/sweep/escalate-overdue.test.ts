import { describe, expect, it, test } from '../../support/fixtures.js';
import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { newId } from '../../../src/db/ids.js';
import { escalations, exceptions, reviews, statutoryDeadlines } from '../../../src/db/schema/index.js';
import { snoozeEscalation } from '../../../src/app/escalations/snooze-escalation.js';
import { USERS } from '../../support/test-app.js';
import { at, DAY, escalationPosts, postsTo, queued, quietSystem, sweepAt } from '../../support/governance-fixtures.js';
import { parseItemRef } from '../../../src/app/escalations/find-escalation-card.js';

// One timeline, walked forward: every item falls due at T (a Monday, 10:00 UTC) and the sweep runs at
// the ladder's boundary instants. Each step asserts only about its own items.
const T = new Date('2026-03-02T10:00:00Z');
const day = (n: number) => new Date(T.getTime() + n * DAY);

describe('the escalation ladder at its boundary dates', () => {
  let database: Database;
  let db: Database['db'];
  const ids = {} as Record<'reviewA' | 'reviewB' | 'accepted' | 'expired' | 'action' | 'legal', string>;
  const systems = {} as Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string>;
  const cardsFor = async (itemId: string) => (await escalationPosts(db)).filter((p) => p.key.includes(itemId));

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    db = database.db;
    const registered = day(-100);
    systems.a = await quietSystem(db, 'Ladder review A', registered, { nextReviewAt: T });
    systems.b = await quietSystem(db, 'Ladder review B', registered, { nextReviewAt: T, owner: USERS.owner2 });
    systems.c = await quietSystem(db, 'Ladder accepted risk', registered);
    systems.d = await quietSystem(db, 'Ladder expired acceptance', registered);
    systems.e = await quietSystem(db, 'Ladder corrective action', registered);
    systems.f = await quietSystem(db, 'Ladder legal deadline', registered);
    ids.accepted = newId('exc');
    ids.expired = newId('exc');
    ids.action = newId('exc');
    ids.legal = newId('std');
    await db.insert(exceptions).values([
      { id: ids.accepted, systemId: systems.c, reason: 'Monitoring is manual until Q3', status: 'risk_accepted', openedBy: USERS.owner, dueAt: day(-40),
        acceptedBy: USERS.admin, acceptedAt: day(-30), acceptedUntil: day(30), rationale: 'Low volume; manual checks weekly.' },
      { id: ids.expired, systemId: systems.d, reason: 'No bias test yet', status: 'risk_accepted', openedBy: USERS.owner, dueAt: day(-90),
        acceptedBy: USERS.admin, acceptedAt: day(-60), acceptedUntil: T, rationale: 'Pilot only.' },
      { id: ids.action, systemId: systems.e, reason: 'Logs are not retained', status: 'corrective_action', openedBy: USERS.owner, dueAt: day(-30),
        correctiveAction: 'Turn on log retention for 6 months', actionOwnerId: USERS.owner2, actionDueAt: T },
    ]);
    await db.insert(statutoryDeadlines).values({ id: ids.legal, systemId: systems.f, ref: 'Art. 73(2)', label: 'Report the serious incident', dueAt: T });
  });

  const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
  const snoozeReviewB = async () => {
    const [row] = await db.select().from(escalations).where(and(eq(escalations.itemId, ids.reviewB), eq(escalations.level, 1)));
    if (row?.snoozedUntil) return;
    await snoozeEscalation({ ctx: at(db, USERS.admin, day(8)), input: { itemRef: `review:${ids.reviewB}`, until: '2026-04-01', reason: 'Reviewer on leave; agreed with the forum.' } });
  };
  /**
   * The ladder's history strictly before a moment: the sweeps (and the one snooze) the cases before it make.
   * Each case replays it, so it also passes alone; in a full run the replay changes nothing, since a sweep
   * repeated for the same instant is a no-op.
   */
  async function historyBefore(moment: Date) {
    const steps: [Date, () => Promise<unknown>][] = [
      [day(-1 / 24), () => sweepAt(db, day(-1 / 24))],
      [T, () => sweepAt(db, T)],
      [ms(day(7), -1), () => sweepAt(db, ms(day(7), -1))],
      [day(7), () => sweepAt(db, day(7))],
      [day(8), snoozeReviewB],
      [ms(day(21), -1), () => sweepAt(db, ms(day(21), -1))],
      [day(21), () => sweepAt(db, day(21))],
      [day(29), () => sweepAt(db, day(29))],
      [day(30), () => sweepAt(db, day(30))],
    ];
    for (const [when, step] of steps) {
      if (when >= moment) break;
      await step();
      if (when === T) {
        ids.reviewA = (await db.select().from(reviews).where(eq(reviews.systemId, systems.a)))[0]!.id;
        ids.reviewB = (await db.select().from(reviews).where(eq(reviews.systemId, systems.b)))[0]!.id;
      }
    }
  }

  it('does nothing an hour before anything is due', async () => {
    await historyBefore(day(-1 / 24));
    const summary = await sweepAt(db, day(-1 / 24));
    expect(summary).toMatchObject({ reviewsOpened: 0, escalated: 0, ownersReminded: 0 });
    expect(await db.select().from(escalations)).toHaveLength(0);
  });

  it('on the due date opens the reviews, asks the reviewers and reminds owners, but posts nothing to the forum', async () => {
    await historyBefore(T);
    const summary = await sweepAt(db, T);
    expect(summary.reviewsOpened).toBe(2);
    expect(summary.reviewersAsked).toBe(2);
    const [reviewA] = await db.select().from(reviews).where(eq(reviews.systemId, systems.a));
    const [reviewB] = await db.select().from(reviews).where(eq(reviews.systemId, systems.b));
    ids.reviewA = reviewA!.id;
    ids.reviewB = reviewB!.id;
    expect(reviewA).toMatchObject({ status: 'due', dueAt: T, dueReason: 'cadence', reviewerId: USERS.owner });
    const card = (await postsTo(db, USERS.owner)).find((p) => p.post.storeAs === `review:${ids.reviewA}:${USERS.owner}`);
    expect(card?.body).toContain('aigov_start_review');
    expect(card?.body).toContain(ids.reviewA);
    expect(await escalationPosts(db)).toEqual([]);
    const reminders = await db.select().from(escalations).where(eq(escalations.level, 0));
    expect(reminders.map((r) => r.itemId).sort()).toEqual([ids.reviewA, ids.reviewB, ids.expired, ids.action, ids.legal].sort());
    expect((await queued(db, 'reminder:')).map((r) => r.idempotencyKey).sort()).toEqual([`reminder:${USERS.owner}:2026-03-02`, `reminder:${USERS.owner2}:2026-03-02`]);
  });

  it('does not escalate a moment before day 7', async () => {
    await historyBefore(ms(day(7), -1));
    await sweepAt(db, new Date(day(7).getTime() - 1));
    expect(await escalationPosts(db)).toEqual([]);
  });

  it('escalates to the governance channel at exactly day 7, naming system, owner, what and since when', async () => {
    await historyBefore(day(7));
    const summary = await sweepAt(db, day(7));
    expect(summary.escalated).toBe(5);
    const [a] = await cardsFor(ids.reviewA);
    expect(a).toMatchObject({ channel: 'C0GOV' });
    expect(a!.text).toContain('Level 1');
    expect(a!.body).toContain('Ladder review A');
    expect(a!.body).toContain(`<@${USERS.owner}>`);
    expect(a!.body).toContain('overdue since 2026-03-02 (7 days)');
    expect(a!.body).not.toContain(`<@${USERS.admin}>`);
    const [expired] = await cardsFor(ids.expired);
    expect(expired!.body).toContain('risk acceptance expired');
    expect(expired!.body).toContain('aigov_exception_accept_risk');
    const [action] = await cardsFor(ids.action);
    expect(action!.body).toContain('corrective action for exception');
    expect(action!.body).toContain(`<@${USERS.owner2}>`);
  });

  it('labels a statutory deadline as a legal deadline on its own clock, never as a review cycle', async () => {
    await historyBefore(ms(day(7), 1));
    const [legal] = await cardsFor(ids.legal);
    expect(legal!.text).toContain('LEGAL DEADLINE');
    expect(legal!.body).toContain('LEGAL DEADLINE Art. 73(2)');
    expect(legal!.body).toContain('statutory deadline, not a review cycle');
    expect(legal!.body).not.toContain('scheduled review');
  });

  it('holds an accepted risk: no reminder and no escalation while the acceptance runs', async () => {
    await historyBefore(ms(day(7), 1));
    expect(await db.select().from(escalations).where(eq(escalations.itemId, ids.accepted))).toEqual([]);
    expect(await cardsFor(ids.accepted)).toEqual([]);
  });

  it('posts each level once: a second sweep at the same instant adds nothing', async () => {
    await historyBefore(ms(day(7), 1));
    const before = (await queued(db)).length;
    const summary = await sweepAt(db, day(7));
    expect(summary).toMatchObject({ reviewsOpened: 0, reviewersAsked: 0, escalated: 0, ownersReminded: 0 });
    expect((await queued(db)).length).toBe(before);
  });

  it('at day 21 escalates to the second level and mentions the admins, except what an admin snoozed', async () => {
    await historyBefore(day(8));
    await snoozeReviewB();
    const [snoozed] = await db.select().from(escalations).where(and(eq(escalations.itemId, ids.reviewB), eq(escalations.level, 1)));
    expect(snoozed!.snoozedUntil).toEqual(new Date('2026-04-01T00:00:00Z'));
    await sweepAt(db, ms(day(21), -1));
    expect((await cardsFor(ids.reviewA)).filter((c) => c.text.includes('Level 2'))).toEqual([]);
    await sweepAt(db, day(21));
    const levelTwo = (await escalationPosts(db)).filter((p) => p.text.includes('Level 2'));
    expect(levelTwo.map((p) => parseItemRef(p.itemRefs[0]!).id).sort()).toEqual([ids.reviewA, ids.expired, ids.action, ids.legal].sort());
    for (const post of levelTwo) expect(post.body).toContain(`<@${USERS.admin}>`);
    expect((await cardsFor(ids.reviewB)).filter((c) => c.text.includes('Level 2'))).toEqual([]);
  });

  it('resumes a snoozed item when the snooze ends, counted from the original due date', async () => {
    await historyBefore(day(29));
    await sweepAt(db, day(29));
    expect((await cardsFor(ids.reviewB)).filter((c) => c.text.includes('Level 2'))).toEqual([]);
    await sweepAt(db, day(30));
    const [levelTwo] = (await cardsFor(ids.reviewB)).filter((c) => c.text.includes('Level 2'));
    expect(levelTwo!.body).toContain('overdue since 2026-03-02 (30 days)');
  });

  it('restarts the ladder when an acceptance expires: reminder at expiry, the forum 7 days later', async () => {
    await historyBefore(ms(day(30), 1));
    const atExpiry = await db.select().from(escalations).where(eq(escalations.itemId, ids.accepted));
    expect(atExpiry.map((e) => e.level)).toEqual([0]);
    expect(atExpiry[0]!.cycleKey).toBe(day(30).toISOString());
    await sweepAt(db, new Date(day(37).getTime() - 1));
    expect(await cardsFor(ids.accepted)).toEqual([]);
    await sweepAt(db, day(37));
    const [card] = await cardsFor(ids.accepted);
    expect(card!.text).toContain('Level 1');
    expect(card!.body).toContain('risk acceptance expired: Monitoring is manual until Q3');
  });
});
