import { eq } from 'drizzle-orm';
import { evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { loadSystemStatus } from '../../../src/app/records/load-system-status.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it, test } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');
const LATER = new Date('2026-06-01T10:00:00Z');

describe('loadSystemStatus', () => {
  let systemId: string;
  test.beforeAll(async ({ ctx }) => {
    const facts = SystemFacts.parse({ name: 'Status ranker', purpose: 'Ranks job applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)' });
    ({ systemId } = await registerSystem({ ctx: ctx(USERS.requester, T), input: { facts, idempotencyKey: 'status-ranker', announce: false } }) as { systemId: string });
  });

  it('finds a record by name or id, with its classification and evidence counted per framework, primary source first', async ({ db, ctx }) => {
    const byName = await loadSystemStatus({ ctx: ctx(USERS.stranger, LATER), input: { ref: 'Status ranker' } });
    const byId = await loadSystemStatus({ ctx: ctx(USERS.stranger, LATER), input: { ref: systemId } });

    expect(byName!.system.id).toBe(systemId);
    expect(byId!.system.id).toBe(systemId);
    expect(byName!.classification?.tier).toMatchObject({ value: 'high' });
    expect(byName!.evidence[0]!.source).toBe(byName!.system.primarySource);
    const claims = await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId));
    expect(byName!.evidence.reduce((n, e) => n + e.total, 0)).toBe(claims.length);
    // Nothing answered, and by June every claim requested in March is past its due date.
    expect(byName!.evidence.every((e) => e.answered === 0 && e.open === e.total && e.overdue === e.total)).toBe(true);
    expect(byName).toMatchObject({ openExceptions: 0, now: LATER, timeZone: 'UTC' });
  });

  it('is null when no system has that id or name', async ({ ctx }) => {
    expect(await loadSystemStatus({ ctx: ctx(USERS.owner, T), input: { ref: 'No such system' } })).toBeNull();
  });
});
