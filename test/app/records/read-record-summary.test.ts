import { eq } from 'drizzle-orm';
import { evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { cannotProvideClaim } from '../../../src/app/evidence/cannot-provide-claim.js';
import { readRecordSummary } from '../../../src/app/records/read-record-summary.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('readRecordSummary', () => {
  it('counts the claims and lists the open exceptions of one system, for anyone in the workspace', async ({ db, ctx }) => {
    const facts = SystemFacts.parse({ name: 'Summary ranker', purpose: 'Ranks job applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)' });
    const { systemId } = await registerSystem({ ctx: ctx(USERS.requester, T), input: { facts, idempotencyKey: 'summary-ranker', announce: false } }) as { systemId: string };
    const claims = await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId));
    await cannotProvideClaim({ ctx: ctx(USERS.owner, T), input: { claimId: claims[0]!.id, reason: 'The supplier will not share its test results.' } });

    const summary = await readRecordSummary({ ctx: ctx(USERS.stranger, T), input: { systemId } });

    expect(summary.system).toMatchObject({ id: systemId, name: 'Summary ranker', ownerId: USERS.owner, riskTier: 'high' });
    expect(summary.claims).toEqual({ total: claims.length, answered: 0, open: summary.claims.open, overdue: 0 });
    expect(summary.claims.open).toBeGreaterThan(0);
    expect(summary.openExceptions).toEqual([expect.objectContaining({ reason: expect.stringContaining('The supplier will not share') })]);
    expect(summary).toMatchObject({ pendingDecisions: [], legalDeadlines: [], timeZone: 'UTC' });
  });

  it('says a system that does not exist, or a value that is not a system id, was not found', async ({ ctx }) => {
    await expect(readRecordSummary({ ctx: ctx(USERS.owner, T), input: { systemId: 'sys_missing' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readRecordSummary({ ctx: ctx(USERS.owner, T), input: { systemId: "'; drop table ai_systems; --" } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
