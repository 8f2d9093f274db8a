import { eq } from 'drizzle-orm';
import { evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { reassignClaim } from '../../../src/app/evidence/reassign-claim.js';
import { loadEvidenceCard } from '../../../src/app/evidence/load-evidence-card.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

describe('loadEvidenceCard', () => {
  it('shows an owner the claims they hold, in due order, and the ones they handed over with who has them now', async ({ db, ctx }) => {
    const facts = SystemFacts.parse({ name: 'Card ranker', purpose: 'Ranks job applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)' });
    const { systemId } = await registerSystem({ ctx: ctx(USERS.requester, T), input: { facts, idempotencyKey: 'card-ranker', announce: false } }) as { systemId: string };
    const claims = await db.select().from(evidenceClaims).where(eq(evidenceClaims.systemId, systemId));
    const handed = claims[0]!;
    await reassignClaim({ ctx: ctx(USERS.owner, T), input: { claimId: handed.id, newOwnerId: USERS.owner2 } });

    const card = await loadEvidenceCard({ ctx: ctx(USERS.owner, T), input: { systemId, ownerId: USERS.owner } });

    expect(card).toMatchObject({ systemId, systemName: 'Card ranker', ownerId: USERS.owner });
    expect(card!.claims.map((c) => c.id).sort()).toEqual(claims.filter((c) => c.id !== handed.id).map((c) => c.id).sort());
    const due = card!.claims.map((c) => c.dueAt.getTime());
    expect(due).toEqual([...due].sort((a, b) => a - b));
    expect(card!.handedOver).toEqual([{ source: handed.source, requirementId: handed.requirementId, title: handed.title, ownerId: USERS.owner2 }]);

    const theirs = await loadEvidenceCard({ ctx: ctx(USERS.owner2, T), input: { systemId, ownerId: USERS.owner2 } });
    expect(theirs!.claims.map((c) => c.id)).toEqual([handed.id]);
    expect(theirs!.handedOver).toEqual([]);
  });

  it('is null for a system that does not exist, and refuses input without ids', async ({ ctx }) => {
    expect(await loadEvidenceCard({ ctx: ctx(USERS.owner, T), input: { systemId: 'sys_gone', ownerId: USERS.owner } })).toBeNull();
    await expect(loadEvidenceCard({ ctx: ctx(USERS.owner, T), input: { systemId: '', ownerId: USERS.owner } })).rejects.toThrow();
  });
});
