import { and, eq, inArray, lt } from 'drizzle-orm';
import { evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { recordAudits } from '../audit.js';
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
    // One statement per end date (the reason names it); the status condition makes a concurrent sweep's
    // second update change nothing, and only the rows this sweep changed get an audit event and a card.
    const byEnd = new Map<string, string[]>();
    for (const r of ended) byEnd.set(r.periodTo, [...(byEnd.get(r.periodTo) ?? []), r.claimId]);
    const changed = new Set<string>();
    for (const [periodTo, ids] of byEnd) {
      const staleReason = `The evidence covered a period that ended on ${periodTo}.`;
      for (let i = 0; i < ids.length; i += 1000) {
        const rows = await tx.update(evidenceClaims).set({ status: 'stale', staleReason, dueAt, updatedAt: now, requestedAt: now })
          .where(and(inArray(evidenceClaims.id, ids.slice(i, i + 1000)), inArray(evidenceClaims.status, ['submitted', 'reused'])))
          .returning({ id: evidenceClaims.id });
        for (const r of rows) changed.add(r.id);
        await recordAudits(tx, ctx, rows.map((r) => ({ action: 'evidence.stale', subjectType: 'evidence_claim', subjectId: r.id, after: { status: 'stale', staleReason, dueAt } })));
      }
    }
    const cards = new Set(ended.filter((r) => changed.has(r.claimId)).map((r) => `${r.systemId} ${r.ownerId}`));
    for (const card of [...cards].sort()) {
      const [systemId, ownerId] = card.split(' ') as [string, string];
      await refreshEvidenceCard(tx, { systemId, ownerId });
    }
    return changed.size;
  });
}
