import { and, eq, inArray, lt } from 'drizzle-orm';
import { evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { refreshEvidenceCard } from '../notify/evidence-card.js';

/** Evidence whose covered period has ended no longer proves anything: its claims go stale and are asked again. */
export async function expireEvidencePeriods(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const today = now.toISOString().slice(0, 10);
  return withTransaction(ctx, async (tx) => {
    const ended = await tx.select({ claimId: evidenceClaims.id, systemId: evidenceClaims.systemId, ownerId: evidenceClaims.ownerId, periodTo: evidenceArtifacts.periodTo })
      .from(evidenceClaims).innerJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
      .where(and(inArray(evidenceClaims.status, ['submitted', 'reused']), lt(evidenceArtifacts.periodTo, today)))
      .orderBy(evidenceClaims.id);
    if (!ended.length) return 0;
    const dueAt = new Date(now.getTime() + ctx.policy.evidenceDueDays * 86_400_000);
    for (const row of ended) {
      const staleReason = `The evidence covered a period that ended on ${row.periodTo}.`;
      await tx.update(evidenceClaims).set({ status: 'stale', staleReason, dueAt, updatedAt: now, requestedAt: now })
        .where(and(eq(evidenceClaims.id, row.claimId), inArray(evidenceClaims.status, ['submitted', 'reused'])));
      await recordAudit(tx, ctx, { action: 'evidence.stale', subjectType: 'evidence_claim', subjectId: row.claimId, after: { status: 'stale', staleReason, dueAt } });
    }
    const cards = new Set(ended.map((r) => `${r.systemId} ${r.ownerId}`));
    for (const card of [...cards].sort()) {
      const [systemId, ownerId] = card.split(' ') as [string, string];
      await refreshEvidenceCard(tx, { systemId, ownerId });
    }
    return ended.length;
  });
}
