import { and, asc, eq, ne } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { evidenceArtifacts } from '../../db/schema/index.js';
import type { SystemRow } from '../../db/repos/systems.js';
import { ArtifactConditions, decideArtifactReuse, type ReuseTarget } from '../../domain/evidence-conditions.js';
import type { ReuseDecision } from '../../domain/evidence-reuse.js';
import type { Source } from '../../domain/vocabulary.js';
import type { ClaimRow } from './claim-access.js';
import { systemSnapshot } from './system-snapshot.js';

export type ArtifactRow = typeof evidenceArtifacts.$inferSelect;
export interface ReuseCandidate { artifact: ArtifactRow; conditions: ArtifactConditions; decision: ReuseDecision }

export function reuseTarget(claim: ClaimRow, system: SystemRow): ReuseTarget {
  return { source: claim.source as Source, requirementId: claim.requirementId, ownerId: claim.ownerId, systemId: claim.systemId, system: systemSnapshot(system) };
}

/**
 * Every artifact of the claim's system, each with the reuse decision for this claim. Reuse needs the
 * same system, so artifacts of other systems could only ever be refused for that reason.
 */
export async function reuseCandidates(db: DbOrTx, args: { claim: ClaimRow; system: SystemRow; now: Date }): Promise<ReuseCandidate[]> {
  const { claim } = args;
  const rows = await db.select().from(evidenceArtifacts)
    .where(and(eq(evidenceArtifacts.systemId, claim.systemId), claim.artifactId ? ne(evidenceArtifacts.id, claim.artifactId) : undefined))
    .orderBy(asc(evidenceArtifacts.createdAt), asc(evidenceArtifacts.id));
  const target = reuseTarget(claim, args.system);
  return rows.flatMap((artifact) => {
    const conditions = ArtifactConditions.safeParse(artifact.conditions);
    if (!conditions.success) return [];
    const decision = decideArtifactReuse({ artifact: { conditions: conditions.data, periodTo: artifact.periodTo, criteriaMet: artifact.criteriaMet }, target, now: args.now });
    return [{ artifact, conditions: conditions.data, decision }];
  });
}
