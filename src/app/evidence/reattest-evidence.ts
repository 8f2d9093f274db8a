import { and, eq } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.js';
import { evidenceArtifacts, evidenceAttestations, evidenceClaims } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { localDate } from '../../domain/calendar-dates.js';
import { ArtifactConditions } from '../../domain/evidence-conditions.js';
import { REATTEST_FIELDS, ReattestationForm, decideReattestation, reattestationDateProblems } from '../../domain/reattestation.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { loadClaimForActor, type ClaimRow } from './claim-access.js';
import { systemSnapshot } from './system-snapshot.js';
import { refreshEvidenceCard } from './evidence-card.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';

export interface ReattestEvidenceInput {
  claimId: string;
  /** The modal's view id: a retried submission records one attestation. */
  idempotencyKey: string;
  form: Record<string, unknown>;
}

type Artifact = typeof evidenceArtifacts.$inferSelect;

/** The claim, its artifact and whether Still valid is open for it: the card's button and the form both ask. */
export async function loadReattestation(db: DbOrTx, ctx: ServiceContext, claimId: string) {
  const { claim, system, systemName } = await loadClaimForActor(db, ctx, claimId);
  const [artifact] = claim.artifactId ? await db.select().from(evidenceArtifacts).where(eq(evidenceArtifacts.id, claim.artifactId)) : [];
  const today = localDate(ctx.now(), ctx.policy.timeZone);
  const decision = decideReattestation({ claimStatus: claim.status, staleReason: claim.staleReason, artifact: artifact ?? null, current: systemSnapshot(system), today });
  return { claim, systemName, artifact: artifact ?? null, decision, today };
}

/**
 * "Still valid": the owner confirms the artifact on record for a new period, with a note and the date
 * they checked it. The artifact's period is extended, the claim counts as answered again, and the
 * attestation (who, when, old and new period) is kept beside the audit event. Refused, with the reason,
 * where a material change has made the evidence stale.
 */
export async function reattestEvidence({ ctx, input }: { ctx: ServiceContext; input: ReattestEvidenceInput }): Promise<{ status: 'attested' | 'duplicate'; attestationId: string }> {
  const parsed = ReattestationForm.safeParse(input.form);
  return withTransaction(ctx, async (tx) => {
    const [earlier] = await tx.select({ id: evidenceAttestations.id }).from(evidenceAttestations).where(eq(evidenceAttestations.idempotencyKey, input.idempotencyKey));
    if (earlier) return { status: 'duplicate', attestationId: earlier.id };
    const { claim, artifact, decision, today } = await loadReattestation(tx, ctx, input.claimId);
    if (decision.kind === 'refused' || !artifact) throw new AppError('CONFLICT', decision.kind === 'refused' ? decision.reason : 'No artifact to confirm.', { [REATTEST_FIELDS.note]: decision.kind === 'refused' ? decision.reason : 'No artifact to confirm.' });
    const errors: Record<string, string> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) errors[REATTEST_FIELDS[issue.path[0] as keyof typeof REATTEST_FIELDS] ?? String(issue.path[0])] ??= capitalise(issue.message);
    Object.assign(errors, reattestationDateProblems({ checkedOn: String(input.form.checkedOn ?? ''), periodTo: String(input.form.periodTo ?? '') }, { today, evidenceDate: artifact.evidenceDate, oldPeriodTo: artifact.periodTo }));
    if (Object.keys(errors).length || !parsed.success) throw invalid('Some answers need fixing.', errors);
    const form = parsed.data;

    const now = ctx.now();
    const attestation = {
      id: newId('att'), artifactId: artifact.id, claimId: claim.id, attestedBy: ctx.actor.userId, checkedOn: form.checkedOn, note: form.note,
      previousPeriodTo: artifact.periodTo, periodTo: form.periodTo, idempotencyKey: input.idempotencyKey, createdAt: now,
    };
    await tx.insert(evidenceAttestations).values(attestation);
    await tx.update(evidenceArtifacts).set({ periodTo: form.periodTo, updatedAt: now }).where(eq(evidenceArtifacts.id, artifact.id));
    const status = answeredStatus(claim, artifact);
    await tx.update(evidenceClaims).set({ status, staleReason: null, answeredAt: now, updatedAt: now })
      .where(and(eq(evidenceClaims.id, claim.id), eq(evidenceClaims.status, claim.status)));
    await recordAudit(tx, ctx, {
      action: 'evidence.reattested', subjectType: 'evidence_claim', subjectId: claim.id,
      before: { status: claim.status, staleReason: claim.staleReason, periodTo: artifact.periodTo },
      after: { status, artifactId: artifact.id, attestation },
    });
    await refreshEvidenceCard(tx, { systemId: claim.systemId, ownerId: claim.ownerId });
    await enqueueEvent(tx, null, {
      event: { kind: 'evidence.note.v1', body: { kind: 'reattested', claimId: claim.id, artifactId: artifact.id, actorId: ctx.actor.userId, reason: `Checked ${form.checkedOn}: ${form.note}` } },
      key: outboxKeys.evidenceReattestedNote(attestation.id),
    });
    return { status: 'attested', attestationId: attestation.id };
  });
}

/** The claim answers with its own artifact (submitted) or with one submitted for another requirement (reused). */
function answeredStatus(claim: ClaimRow, artifact: Artifact): 'submitted' | 'reused' {
  const recorded = ArtifactConditions.safeParse(artifact.conditions);
  const own = recorded.success && recorded.data.claim.source === claim.source && recorded.data.claim.requirementId === claim.requirementId && artifact.systemId === claim.systemId;
  return own ? 'submitted' : 'reused';
}

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;
