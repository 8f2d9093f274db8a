import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { recordAudits } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { refreshEvidenceCards } from '../evidence/evidence-card.js';
import { byCodePoint } from '../../domain/ordering.js';

const CLAIMS_PER_STATEMENT = 5_000;

/** Evidence whose covered period has ended no longer proves anything: its claims go stale and are asked again. */
export async function expireEvidencePeriods(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  return withTransaction(ctx, async (tx) => {
    const ended = await tx.select({ claimId: evidenceClaims.id })
      .from(evidenceClaims).innerJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
      .where(and(inArray(evidenceClaims.status, ['submitted', 'reused']), lt(evidenceArtifacts.periodTo, today)))
      .orderBy(evidenceClaims.id);
    if (!ended.length) return 0;
    const dueAt = new Date(now.getTime() + ctx.policy.evidenceDueDays * 86_400_000);
    // The reason names each claim's own end date. The status condition makes a concurrent sweep's second
    // update change nothing, and only the rows this sweep changed get an audit event and a card.
    const changed: { id: string; systemId: string; ownerId: string; staleReason: string | null }[] = [];
    for (let i = 0; i < ended.length; i += CLAIMS_PER_STATEMENT) {
      changed.push(...await tx.update(evidenceClaims)
        .set({ status: 'stale', staleReason: sql`'The evidence covered a period that ended on ' || to_char(${evidenceArtifacts.periodTo}, 'YYYY-MM-DD') || '.'`, dueAt, updatedAt: now, requestedAt: now })
        .from(evidenceArtifacts)
        .where(and(eq(evidenceArtifacts.id, evidenceClaims.artifactId), inArray(evidenceClaims.id, ended.slice(i, i + CLAIMS_PER_STATEMENT).map((e) => e.claimId)),
          inArray(evidenceClaims.status, ['submitted', 'reused'])))
        .returning({ id: evidenceClaims.id, systemId: evidenceClaims.systemId, ownerId: evidenceClaims.ownerId, staleReason: evidenceClaims.staleReason }));
    }
    changed.sort((a, b) => byCodePoint(a.id, b.id));
    await recordAudits(tx, ctx, changed.map((r) => ({ action: 'evidence.stale', subjectType: 'evidence_claim', subjectId: r.id, after: { status: 'stale', staleReason: r.staleReason, dueAt } })));
    const cards = new Set(changed.map((r) => `${r.systemId} ${r.ownerId}`));
    await refreshEvidenceCards(tx, [...cards].sort().map((card) => {
      const [systemId, ownerId] = card.split(' ') as [string, string];
      return { systemId, ownerId };
    }));
    return changed.length;
  });
}
