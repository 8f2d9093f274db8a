import fs from 'node:fs';
import { describe, expect, it, test } from '../../support/fixtures.js';
import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../../src/db/client.js';
import { aiSystems } from '../../../src/db/schema/index.js';
import { postDigest } from '../../../src/app/digest/post-digest.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { verbContext } from '../../support/verb-context.js';
import { seedGovernance } from '../../support/governance-seed.js';
import { USERS } from '../../support/test-app.js';
import { mrkdwnTexts } from '../../support/message-text.js';
import { DAY, queued, schedulerAt, sweepAt } from '../../support/governance-fixtures.js';

const CRON = '0 9 * * 1';
const MONDAY = new Date('2026-03-02T09:30:00Z');
export const DIGEST_SAMPLE_PATH = '/tmp/aigov-digest-sample.json';

const digestAt = (db: Database['db'], now: Date) => postDigest({ ctx: schedulerAt(db, now), input: { cron: CRON } });
const digests = async (db: Database['db']) => (await queued(db, 'digest:')).map((r) => r.message);
const textOf = (m: unknown) => mrkdwnTexts(m).join('\n');

describe('the governance digest of a realistic portfolio', () => {
  let database: Database;
  const now = new Date('2026-03-09T09:00:00Z');
  let message: { text: string; blocks: { type: string; text?: { text: string } }[] };

  test.beforeAll(async ({ database: testDatabase }) => {
    database = testDatabase;
    const extra = ['Invoice matcher', 'Fraud scorer', 'Resume parser', 'Churn predictor', 'Route optimiser', 'Document classifier'].map((name, i) => ({
      name, purpose: `${name} for the operations team.`, owner: i % 2 ? USERS.owner : USERS.owner2, lifecycleStage: 'deployed' as const, operatorRole: 'deployer' as const,
    }));
    await seedGovernance(database.db, { now, extra });
    // Five extra systems' reviews fell due ten days ago (the sweep opens them, so the digest lists them
    // overdue); the sixth is due in five days. Two systems were registered this week.
    const [upcoming, ...overdue] = extra.map((e) => e.name);
    await database.db.update(aiSystems).set({ nextReviewAt: new Date(now.getTime() - 10 * DAY) }).where(inArray(aiSystems.name, overdue));
    await database.db.update(aiSystems).set({ nextReviewAt: new Date(now.getTime() + 5 * DAY) }).where(eq(aiSystems.name, upcoming!));
    const thisWeek = verbContext(database.db, USERS.requester, { now: () => new Date(now.getTime() - 2 * DAY) });
    await registerSystem({ ctx: thisWeek, input: { idempotencyKey: 'digest:new:1', facts: SystemFacts.parse({
      name: 'Contract clause extractor', purpose: 'Pulls renewal and liability clauses out of supplier contracts.', owner: USERS.owner2, lifecycleStage: 'validation', operatorRole: 'provider' }) } });
    await registerSystem({ ctx: thisWeek, input: { idempotencyKey: 'digest:new:2', facts: SystemFacts.parse({
      name: 'Exam proctoring assistant', purpose: 'Flags suspicious behaviour in remote exams for an invigilator to check.', owner: USERS.owner, lifecycleStage: 'design',
      operatorRole: 'deployer', dataCategories: ['personal', 'biometric'], annexIIIPoint: '3(d)' }) } });
    await sweepAt(database.db, new Date(now.getTime() - 60_000));
    await digestAt(database.db, now);
    const [posted] = await digests(database.db);
    message = posted as unknown as typeof message;
    fs.writeFileSync(DIGEST_SAMPLE_PATH, `${JSON.stringify({ text: message.text, blocks: message.blocks }, null, 2)}\n`);
  });

  it('puts the counts first, under a header naming the period', () => {
    const { blocks } = message;
    expect(blocks[0]).toMatchObject({ type: 'header', text: { text: 'AI governance digest · 2026-03-09T09:00' } });
    expect(blocks[1]!.text!.text).toMatch(/^\*2\* new systems · \*6\* overdue reviews · \*\d+\* open exceptions · \*1\* risk acceptances expiring within 30 days$/);
  });

  it('lists at most five overdue reviews and says how many more there are', () => {
    const text = textOf(message);
    expect(text).toContain('*Overdue reviews*');
    expect(text).toContain('…and 1 more');
    expect(text).not.toMatch(/nothing overdue/i);
  });

  it('counts the new systems by tier and names the review coming up', () => {
    const text = textOf(message);
    expect(text).toContain('*New systems by tier* (since 2026-03-02)');
    expect(text).toContain('• High-risk: 1');
    expect(text).toContain('• Minimal risk: 1');
    expect(text).toContain('*Reviews due in the next 14 days*\n• Invoice matcher — 2026-03-14');
  });

  it('reports evidence completion for each framework and the dates set by law as legal dates', () => {
    const text = textOf(message);
    for (const framework of ['ISO/IEC 42001:2023', 'NIST AI RMF 1.0', 'EU AI Act (Regulation (EU) 2024/1689, as amended)']) expect(text).toMatch(new RegExp(`${framework.replace(/[()/.,]/g, '\\$&')}: \\d+ of \\d+ claims answered`));
    expect(text).toContain('Dates set by law coming up');
    expect(text).toContain('legal dates, not review cycles');
    expect(text).toMatch(/• 24 Jul 2026 \(\d+ days\) · EU AI Act OJ header of Regulation \(EU\) 2026\/1744: /);
    expect(text).toMatch(/• 14 May 2026 \(\d+ days\) · Colorado SB 26-189 /);
  });

  it('shows the open exceptions and the acceptance expiring soon', () => {
    const text = textOf(message);
    expect(text).toMatch(/\*Open exceptions\*\n• Workplace emotion monitor: Prohibited practice[^\n]*\n• Credit limit model: /);
    expect(text).toContain('*Risk acceptances expiring soon*');
    expect(text).toContain('Credit limit model');
  });

  it('is written out as Block Kit JSON a person can paste into the Block Kit Builder', () => {
    const sample = JSON.parse(fs.readFileSync(DIGEST_SAMPLE_PATH, 'utf8')) as { blocks: unknown[] };
    expect(sample.blocks.length).toBeGreaterThan(5);
    expect(sample.blocks.length).toBeLessThanOrEqual(50);
  });
});
