import { and, eq, inArray } from 'drizzle-orm';
import { evidenceArtifacts, evidenceClaims } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { EVIDENCE_FIELDS, EvidenceSubmission, evidenceDateProblems, parseArtifactLinks } from '../../domain/evidence-artifact.js';
import { artifactConditions } from '../../domain/evidence-conditions.js';
import type { Source } from '../../domain/vocabulary.js';
import { isOpenClaim, OPEN_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { AppError, invalid } from '../errors.js';
import { loadClaimForActor } from './claim-access.js';
import { localDate } from '../../domain/calendar-dates.js';
import { systemSnapshot } from './system-snapshot.js';
import { refreshEvidenceCard } from './evidence-card.js';
import { enqueueEvent } from '../events/enqueue-event.js';

export interface SubmitEvidenceInput {
  claimId: string;
  /** A retried or double-sent submission carries the same key (the modal's view id) and stores one artifact. */
  idempotencyKey: string;
  submission: Record<string, unknown>;
}

export type SubmitEvidenceResult = { status: 'submitted' | 'duplicate'; artifactId: string };

/**
 * An owner answers a claim with an artifact: the artifact with the conditions it was collected under,
 * the claim `submitted`, the audit event, the owner's card redrawn and a note in the system's thread.
 */
export async function submitEvidence({ ctx, input }: { ctx: ServiceContext; input: SubmitEvidenceInput }): Promise<SubmitEvidenceResult> {
  const submission = validSubmission(input.submission, localDate(ctx.now(), ctx.policy.timeZone));
  return withTransaction(ctx, async (tx) => {
    const [earlier] = await tx.select({ id: evidenceArtifacts.id }).from(evidenceArtifacts).where(eq(evidenceArtifacts.idempotencyKey, input.idempotencyKey));
    if (earlier) return { status: 'duplicate', artifactId: earlier.id };
    const { claim, system } = await loadClaimForActor(tx, ctx, input.claimId);
    if (!isOpenClaim(claim.status)) {
      throw new AppError('CONFLICT', `This claim was already answered (${claim.status}); nothing was changed.`);
    }
    const now = ctx.now();
    const artifactId = newId('art');
    const conditions = artifactConditions({
      ownerId: claim.ownerId, systemId: claim.systemId, system: systemSnapshot(system), acceptanceCriteria: submission.acceptanceCriteria,
      claim: { source: claim.source as Source, requirementId: claim.requirementId },
    });
    const artifact = {
      id: artifactId, systemId: claim.systemId, kind: submission.kind, links: submission.links, files: submission.files, description: submission.description,
      evidenceDate: submission.evidenceDate, periodFrom: submission.periodFrom, periodTo: submission.periodTo, criteriaMet: submission.criteriaMet,
      conditions, submittedBy: ctx.actor.userId, idempotencyKey: input.idempotencyKey, createdAt: now, updatedAt: now,
    };
    const inserted = await tx.insert(evidenceArtifacts).values(artifact).onConflictDoNothing({ target: evidenceArtifacts.idempotencyKey }).returning({ id: evidenceArtifacts.id });
    if (!inserted.length) {
      const [winner] = await tx.select({ id: evidenceArtifacts.id }).from(evidenceArtifacts).where(eq(evidenceArtifacts.idempotencyKey, input.idempotencyKey));
      return { status: 'duplicate', artifactId: winner?.id ?? artifactId };
    }
    // The status condition is the guard against a second modal for the same claim: only one answer lands.
    const answered = await tx.update(evidenceClaims).set({ status: 'submitted', artifactId, answeredAt: now, staleReason: null, updatedAt: now })
      .where(and(eq(evidenceClaims.id, claim.id), inArray(evidenceClaims.status, [...OPEN_CLAIM_STATUSES]))).returning({ id: evidenceClaims.id });
    if (!answered.length) throw new AppError('CONFLICT', 'This claim was answered a moment ago; nothing was changed.');

    await recordAudit(tx, ctx, { action: 'evidence.submitted', subjectType: 'evidence_claim', subjectId: claim.id,
      before: { status: claim.status, artifactId: claim.artifactId }, after: { status: 'submitted', artifact } });
    await refreshEvidenceCard(tx, { systemId: claim.systemId, ownerId: claim.ownerId });
    await enqueueEvent(tx, null, {
      event: { kind: 'evidence.note.v1', body: { kind: 'submitted', claimId: claim.id, artifactId, actorId: ctx.actor.userId } },
      key: outboxKeys.evidenceSubmittedNote(artifactId, claim.id),
    });
    return { status: 'submitted', artifactId };
  });
}

const FIELD_OF: Record<string, string> = EVIDENCE_FIELDS;

/** Every problem at once, keyed by field, so the modal shows each under its input. */
function validSubmission(raw: Record<string, unknown>, today: string): EvidenceSubmission {
  const errors: Record<string, string> = {};
  const text = Array.isArray(raw.links) ? raw.links.join('\n') : typeof raw.links === 'string' ? raw.links : '';
  const withFiles = Array.isArray(raw.files) && raw.files.length > 0;
  // At least one link or one file: with files attached, the links field may stay empty.
  const links = withFiles && text.trim() === '' ? { ok: true as const, links: [] } : parseArtifactLinks(text);
  if (!links.ok) errors[EVIDENCE_FIELDS.links] = withFiles ? links.message : links.message.replace(/^Add at least one https link to the artifact, one per line\.$/, 'Add at least one https link to the artifact, one per line, or attach a file.');
  const parsed = EvidenceSubmission.safeParse({ ...raw, links: links.ok ? links.links : [] });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELD_OF[String(issue.path[0])] ?? String(issue.path[0]);
      errors[field] ??= capitalise(issue.message);
    }
  }
  const dates = { evidenceDate: String(raw.evidenceDate ?? ''), periodFrom: String(raw.periodFrom ?? ''), periodTo: String(raw.periodTo ?? '') };
  for (const [field, message] of Object.entries(evidenceDateProblems(dates, today))) errors[field] ??= message;
  if (Object.keys(errors).length || !parsed.success) throw invalid('Some answers need fixing.', errors);
  return parsed.data;
}

const capitalise = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}${/[.!?]$/.test(s) ? '' : '.'}`;
