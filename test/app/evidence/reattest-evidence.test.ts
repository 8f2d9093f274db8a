import { and, eq } from 'drizzle-orm';
import { auditEvents, evidenceArtifacts, evidenceAttestations, evidenceClaims } from '../../../src/db/schema/index.js';
import { registerSystem } from '../../../src/app/intake/register-system.js';
import { submitEvidence } from '../../../src/app/evidence/submit-evidence.js';
import { reattestEvidence } from '../../../src/app/evidence/reattest-evidence.js';
import { expireEvidencePeriods } from '../../../src/app/sweep/expire-evidence-periods.js';
import { SystemFacts } from '../../../src/domain/system-facts.js';
import type { Db } from '../../../src/db/client.js';
import type { ServiceContext } from '../../../src/app/context.js';
import { schedulerAt } from '../../support/governance-fixtures.js';
import { USERS } from '../../support/test-app.js';
import { describe, expect, it } from '../../support/fixtures.js';

const T = new Date('2026-03-02T10:00:00Z');

/** A claim answered with evidence whose period ended the day before T, expired by the sweep at T. */
async function expiredClaim(db: Db, ctx: (user: string, now: Date) => ServiceContext, name: string) {
  const facts = SystemFacts.parse({ name, purpose: 'Ranks job applicants.', owner: USERS.owner, lifecycleStage: 'deployed', operatorRole: 'deployer', dataCategories: ['personal'], annexIIIPoint: '4(a)' });
  const { systemId } = await registerSystem({ ctx: ctx(USERS.requester, T), input: { facts, idempotencyKey: `reattest:${name}`, announce: false } }) as { systemId: string };
  const [claim] = await db.select().from(evidenceClaims).where(and(eq(evidenceClaims.systemId, systemId), eq(evidenceClaims.source, 'iso-42001'), eq(evidenceClaims.requirementId, '6.1.4')));
  const { artifactId } = await submitEvidence({ ctx: ctx(USERS.owner, T), input: { claimId: claim!.id, idempotencyKey: `reattest:${name}`, submission: {
    links: ['https://wiki.example.com/risk'], kind: 'document', description: 'Risk assessment', evidenceDate: '2025-08-01', periodFrom: '2025-08-01', periodTo: '2026-03-01', criteriaMet: true, acceptanceCriteria: '',
  } } });
  await expireEvidencePeriods(schedulerAt(db, T));
  return { claimId: claim!.id, artifactId };
}

describe('reattestEvidence', () => {
  it('confirms the artifact for a new period: the attestation is kept, the period extended, the claim answered again and audited, once', async ({ db, ctx }) => {
    const { claimId, artifactId } = await expiredClaim(db, ctx, 'Still valid ranker');
    expect((await db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claimId)))[0]!.status).toBe('stale');
    const input = { claimId, idempotencyKey: 'view-1', form: { checkedOn: '2026-03-02', periodTo: '2027-03-01', note: 'Re-read against this year\'s hiring data.' } };

    const first = await reattestEvidence({ ctx: ctx(USERS.owner, T), input });
    const again = await reattestEvidence({ ctx: ctx(USERS.owner, T), input });

    expect(first.status).toBe('attested');
    expect(again).toEqual({ status: 'duplicate', attestationId: first.attestationId });
    expect(await db.select().from(evidenceAttestations).where(eq(evidenceAttestations.claimId, claimId))).toEqual([expect.objectContaining({
      id: first.attestationId, artifactId, attestedBy: USERS.owner, checkedOn: '2026-03-02', previousPeriodTo: '2026-03-01', periodTo: '2027-03-01',
    })]);
    expect((await db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, artifactId)))[0]!.periodTo).toBe('2027-03-01');
    expect((await db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claimId)))[0]).toMatchObject({ status: 'submitted', staleReason: null, artifactId });
    expect(await db.select().from(auditEvents).where(and(eq(auditEvents.subjectId, claimId), eq(auditEvents.action, 'evidence.reattested')))).toHaveLength(1);
  });

  it('refuses a new period that does not end later and an empty note, under their fields, and stores nothing', async ({ db, ctx }) => {
    const { claimId } = await expiredClaim(db, ctx, 'Refused attestation');
    const refusal = reattestEvidence({ ctx: ctx(USERS.owner, T), input: { claimId, idempotencyKey: 'view-2', form: { checkedOn: '2026-03-02', periodTo: '2026-02-01', note: ' ' } } });
    await expect(refusal).rejects.toMatchObject({ code: 'VALIDATION', fields: { period_to: expect.any(String), note: expect.any(String) } });
    expect(await db.select().from(evidenceAttestations).where(eq(evidenceAttestations.claimId, claimId))).toEqual([]);
    expect((await db.select().from(evidenceClaims).where(eq(evidenceClaims.id, claimId)))[0]!.status).toBe('stale');
  });

  it('refuses someone who is neither the owner nor an admin', async ({ db, ctx }) => {
    const { claimId } = await expiredClaim(db, ctx, 'Not yours');
    await expect(reattestEvidence({ ctx: ctx(USERS.stranger, T), input: { claimId, idempotencyKey: 'view-3', form: { checkedOn: '2026-03-02', periodTo: '2027-03-01', note: 'Checked.' } } }))
      .rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
