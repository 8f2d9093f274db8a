import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { aiSystems, evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import type { SystemRow } from '../../db/repos/systems.js';
import { ArtifactConditions, snapshotOf } from '../../domain/evidence-conditions.js';
import type { StalenessCause, SystemSnapshot } from '../../domain/evidence-reuse.js';
import { evidenceAfterChange, reviewTriggerForChange } from '../../domain/material-change.js';
import type { ChangeTrigger } from '../../domain/review-cadence.js';
import { openChangeReviewIn } from '../reviews/open-change-review.js';
import type { LifecycleStage } from '../../domain/vocabulary.js';
import { recordAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';
import { systemSnapshot } from '../evidence/system-snapshot.js';
import { refreshEvidenceCards } from '../evidence/evidence-card.js';

const DAY_MS = 86_400_000;
const ANSWERED = ['submitted', 'reused'];

export interface MaterialChange {
  requestId: string;
  /** New values the request gives; undefined leaves a fact as it is. */
  lifecycleStage?: LifecycleStage | null;
  supplier?: string | null;
  /** Aspects reported as changed without new values. */
  declared: readonly StalenessCause[];
}

export interface MaterialChangeOutcome {
  changedFacts: string[];
  staleClaims: number;
  review: { id: string; trigger: ChangeTrigger; reason: string } | null;
}

/**
 * PRODUCT.md: old evidence is not reused after the scope, service, supplier or risk has changed. Applies
 * the new facts, marks stale every answered claim whose artifact was collected under facts that no longer
 * hold (with the reason), asks its owner again with a new due date, and makes a review due now.
 */
export async function applyMaterialChange(tx: Tx, ctx: ServiceContext, system: SystemRow, change: MaterialChange): Promise<MaterialChangeOutcome> {
  const now = ctx.now();
  const before = systemSnapshot(system);
  const after: SystemSnapshot = {
    ...before,
    ...(change.lifecycleStage ? { lifecycleStage: change.lifecycleStage } : {}),
    ...(change.supplier !== undefined ? { supplier: change.supplier } : {}),
  };
  const changedFacts = (['lifecycleStage', 'supplier'] as const).filter((k) => before[k] !== after[k]);
  if (changedFacts.length) {
    const facts = { ...(system.facts as Record<string, unknown>), lifecycleStage: after.lifecycleStage, supplier: after.supplier };
    await tx.update(aiSystems).set({ lifecycleStage: after.lifecycleStage, supplier: after.supplier, facts, updatedAt: now }).where(eq(aiSystems.id, system.id));
    await recordAudit(tx, ctx, { action: 'system.changed', subjectType: 'ai_system', subjectId: system.id,
      before: { lifecycleStage: before.lifecycleStage, supplier: before.supplier }, after: { lifecycleStage: after.lifecycleStage, supplier: after.supplier, requestId: change.requestId } });
  }

  if (after.lifecycleStage === 'retired' && before.lifecycleStage !== 'retired') {
    return retireSystemClaims(tx, ctx, system, change, changedFacts);
  }

  const answered = await tx.select({ claim: evidenceClaims, conditions: evidenceArtifacts.conditions }).from(evidenceClaims)
    .innerJoin(evidenceArtifacts, eq(evidenceArtifacts.id, evidenceClaims.artifactId))
    .where(and(eq(evidenceClaims.systemId, system.id), inArray(evidenceClaims.status, ANSWERED))).orderBy(asc(evidenceClaims.id));
  const dueAt = new Date(now.getTime() + ctx.policy.evidenceDueDays * DAY_MS);
  const owners = new Set<string>();
  let staleClaims = 0;
  for (const { claim, conditions } of answered) {
    const recorded = ArtifactConditions.safeParse(conditions);
    // Evidence whose conditions were never recorded cannot be shown to still hold.
    const outcome = recorded.success
      ? evidenceAfterChange({ recorded: snapshotOf(recorded.data), current: after, declared: change.declared })
      : { stale: true as const, reason: 'Material change: the conditions this evidence was collected under are unknown, so it must be renewed.' };
    if (!outcome.stale) continue;
    const marked = await tx.update(evidenceClaims).set({ status: 'stale', staleReason: outcome.reason, dueAt, requestedAt: now, updatedAt: now })
      .where(and(eq(evidenceClaims.id, claim.id), inArray(evidenceClaims.status, ANSWERED))).returning({ id: evidenceClaims.id });
    if (!marked.length) continue;
    staleClaims += 1;
    owners.add(claim.ownerId);
    await recordAudit(tx, ctx, { action: 'evidence.stale', subjectType: 'evidence_claim', subjectId: claim.id,
      before: { status: claim.status }, after: { status: 'stale', staleReason: outcome.reason, dueAt, requestId: change.requestId } });
  }
  await refreshEvidenceCards(tx, [...owners].sort().map((ownerId) => ({ systemId: system.id, ownerId })));

  const trigger = reviewTriggerForChange({ lifecycleBefore: before.lifecycleStage, lifecycleAfter: after.lifecycleStage });
  const review = await openChangeReviewIn(tx, ctx, { system, trigger, audit: { requestId: change.requestId } });
  return { changedFacts, staleClaims, review: review.status === 'opened' ? { id: review.reviewId, trigger, reason: review.reason } : null };
}

/**
 * A retired system is asked for nothing more: its open claims close as retired, with the reason, and
 * its owner's card shows them closed; answered claims keep their evidence. The retirement review still
 * opens, so the decommissioning is recorded.
 */
async function retireSystemClaims(tx: Tx, ctx: ServiceContext, system: SystemRow, change: MaterialChange, changedFacts: string[]): Promise<MaterialChangeOutcome> {
  const now = ctx.now();
  const reason = `The system was retired (request ${change.requestId}): no evidence is requested of a retired system.`;
  const closed = await tx.update(evidenceClaims).set({ status: 'retired', retiredReason: reason, retiredAt: now, updatedAt: now })
    .where(and(eq(evidenceClaims.systemId, system.id), inArray(evidenceClaims.status, ['requested', 'stale'])))
    .returning({ id: evidenceClaims.id, ownerId: evidenceClaims.ownerId });
  for (const c of closed) {
    await recordAudit(tx, ctx, { action: 'evidence.retired', subjectType: 'evidence_claim', subjectId: c.id,
      after: { status: 'retired', retiredReason: reason, systemId: system.id, requestId: change.requestId } });
  }
  await refreshEvidenceCards(tx, [...new Set(closed.map((c) => c.ownerId))].sort().map((ownerId) => ({ systemId: system.id, ownerId })));
  const trigger = reviewTriggerForChange({ lifecycleBefore: systemSnapshot(system).lifecycleStage, lifecycleAfter: 'retired' });
  const review = await openChangeReviewIn(tx, ctx, { system, trigger, audit: { requestId: change.requestId } });
  return { changedFacts, staleClaims: 0, review: review.status === 'opened' ? { id: review.reviewId, trigger, reason: review.reason } : null };
}
