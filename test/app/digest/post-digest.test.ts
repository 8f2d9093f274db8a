import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { jobRuns } from '../../../src/db/schema/index.js';
import { postDigest } from '../../../src/app/digest/post-digest.js';
import { mrkdwnTexts } from '../../support/message-text.js';
import { DAY, queued, schedulerAt } from '../../support/governance-fixtures.js';

const CRON = '0 9 * * 1';
const MONDAY = new Date('2026-03-02T09:30:00Z');

const digestAt = (db: Database['db'], now: Date) => postDigest({ ctx: schedulerAt(db, now), input: { cron: CRON } });
const digests = async (db: Database['db']) => (await queued(db, 'digest:')).map((r) => r.message);
const textOf = (m: unknown) => mrkdwnTexts(m).join('\n');

describe('the governance digest, once per period', () => {
  let database: Database;
  test.beforeAll(async ({ database: testDatabase }) => { database = testDatabase; });

  it('says "nothing overdue" for an empty period rather than staying silent', async () => {
    const result = await digestAt(database.db, MONDAY);
    expect(result).toEqual({ status: 'posted', period: '2026-03-02T09:00' });
    const [message] = await digests(database.db);
    expect(message).toMatchObject({ kind: 'slack.post.v1', channel: 'C0GOV' });
    expect(textOf(message)).toMatch(/nothing overdue/i);
    expect(textOf(message)).toContain('*0* overdue reviews');
  });

  it('posts nothing more when run again within the same period', async () => {
    const again = await digestAt(database.db, new Date(MONDAY.getTime() + 6 * DAY));
    expect(again).toEqual({ status: 'already_posted', period: '2026-03-02T09:00' });
    expect(await digests(database.db)).toHaveLength(1);
  });

  it('posts again in the next period', async () => {
    const next = await digestAt(database.db, new Date(MONDAY.getTime() + 7 * DAY));
    expect(next).toEqual({ status: 'posted', period: '2026-03-09T09:00' });
    expect(await digests(database.db)).toHaveLength(2);
  });

  it('posts one digest when two runs of the same period race', async () => {
    const when = new Date(MONDAY.getTime() + 14 * DAY);
    const results = await Promise.all([digestAt(database.db, when), digestAt(database.db, when)]);
    expect(results.map((r) => r.status).sort()).toEqual(['already_posted', 'posted']);
    expect(await digests(database.db)).toHaveLength(3);
    expect(await database.db.select().from(jobRuns).where(eq(jobRuns.periodKey, '2026-03-16T09:00'))).toHaveLength(1);
  });
});
