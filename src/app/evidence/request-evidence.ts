import { and, eq, sql } from 'drizzle-orm';
import { futureDateProblem, localDate, startOfLocalDate } from '../../domain/calendar-dates.js';
import { ANSWERED_CLAIM_STATUSES } from '../../domain/claim-progress.js';
import type { Tx } from '../../db/client.js';
import { evidenceClaims } from '../../db/schema/index.js';
import { findSystemByIdOrName } from '../../db/repos/systems.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { refreshEvidenceCard } from './evidence-card.js';
import type { ClaimRow } from './claim-access.js';

/** A due date further ahead than this is taken for a typo in the year. */
const MAX_DUE_DAYS = 366;

export interface RequestEvidenceInput {
  /** The system's id or its exact name. */
  system: string;
  /** A requirement id of the system's evidence matrix (`A.6.2.4`, `GOVERN 1.1`, `Art. 9`), or `source:id` where two sources share it. */
  requirement: string;
  ownerId: string;
  /** Calendar date (YYYY-MM-DD) in the workspace's time zone. */
  dueDate: string;
  /** The same key asks once: a repeated request changes nothing and sends no second message. */
  idempotencyKey: string;
}

export interface EvidenceRequested {
  claimId: string; systemId: string; systemName: string; source: string; requirementId: string; title: string; ownerId: string; dueDate: string;
}

/**
 * Asks one person for the evidence of one requirement of one system by a date: the claim of the system's
 * evidence matrix for that requirement gets that owner and due date. Evidence already answered is asked
 * for again (the claim goes stale with the reason; the artifact stays). The owner's evidence card is
 * redrawn and they are told by DM; a previous owner's card says who has it now.
 */
export async function requestEvidence({ ctx, input }: { ctx: ServiceContext; input: RequestEvidenceInput }): Promise<EvidenceRequested> {
  const tz = ctx.policy.timeZone;
  const dueProblem = futureDateProblem(input.dueDate, localDate(ctx.now(), tz), MAX_DUE_DAYS);
  if (dueProblem) throw invalid(`Due date ${JSON.stringify(input.dueDate)}: ${dueProblem}`, { due_date: dueProblem });
  return withTransaction(ctx, async (tx) => {
    const system = await findSystemByIdOrName(tx, input.system);
    if (!system) throw invalid(`No AI system is registered as "${input.system}": give its id (sys_…) or its exact name.`, { system: 'not registered' });
    if (system.status === 'retired') throw invalid(`"${system.name}" is retired: a retired system is asked for no evidence.`, { system: 'retired' });
    const claim = await findClaim(tx, system.id, system.name, input.requirement);
    if (claim.status === 'retired') throw invalid(`${claim.requirementId} no longer applies to "${system.name}": ${claim.retiredReason ?? 'its claim is retired'}.`, { requirement: 'retired' });

    const now = ctx.now();
    const dueAt = startOfLocalDate(input.dueDate, tz);
    const answered = (ANSWERED_CLAIM_STATUSES as readonly string[]).includes(claim.status);
    const change = {
      ownerId: input.ownerId, dueAt, requestedAt: now, updatedAt: now,
      ...(answered ? { status: 'stale', staleReason: `Asked for again by a request due ${input.dueDate}; the evidence on file stays until new evidence replaces it.` } : {}),
    };
    await tx.update(evidenceClaims).set(change).where(eq(evidenceClaims.id, claim.id));
    const before = { ownerId: claim.ownerId, dueAt: claim.dueAt, status: claim.status, systemId: system.id };
    if (claim.ownerId !== input.ownerId) {
      await recordAudit(tx, ctx, { action: 'evidence.reassigned', subjectType: 'evidence_claim', subjectId: claim.id,
        before, after: { ownerId: input.ownerId, systemId: system.id, source: claim.source, requirementId: claim.requirementId } });
    }
    await recordAudit(tx, ctx, { action: 'evidence.requested', subjectType: 'evidence_claim', subjectId: claim.id,
      before, after: { ownerId: input.ownerId, dueAt, status: change.status ?? claim.status, systemId: system.id, source: claim.source, requirementId: claim.requirementId } });

    await refreshEvidenceCard(tx, { systemId: system.id, ownerId: input.ownerId });
    if (claim.ownerId !== input.ownerId) await refreshEvidenceCard(tx, { systemId: system.id, ownerId: claim.ownerId });
    const result = { claimId: claim.id, systemId: system.id, systemName: system.name, source: claim.source, requirementId: claim.requirementId, title: claim.title, ownerId: input.ownerId, dueDate: input.dueDate };
    await enqueueEvent(tx, null, {
      event: { kind: 'evidence.requested.v1', body: { claimId: claim.id, requesterId: ctx.actor.userId, dueDate: input.dueDate } },
      key: outboxKeys.evidenceRequest(input.idempotencyKey),
    });
    return result;
  });
}

/** The system's claim for the requirement: by id, case-insensitive, narrowed by `source:` where given. */
async function findClaim(tx: Tx, systemId: string, systemName: string, requirement: string): Promise<ClaimRow> {
  const ref = requirement.trim();
  const split = /^([a-z0-9-]+):\s*(.+)$/.exec(ref);
  const [source, id] = split ? [split[1]!, split[2]!] : [undefined, ref];
  const claims = await tx.select().from(evidenceClaims).where(and(
    eq(evidenceClaims.systemId, systemId), sql`lower(${evidenceClaims.requirementId}) = lower(${id})`, source ? eq(evidenceClaims.source, source) : undefined,
  ));
  if (claims.length === 1) return claims[0]!;
  if (claims.length > 1) {
    const sources = claims.map((c) => c.source).join(', ');
    throw invalid(`${id} is a requirement of more than one source for "${systemName}" (${sources}): write it as source:id, e.g. ${claims[0]!.source}:${claims[0]!.requirementId}.`, { requirement: 'ambiguous' });
  }
  const known = await tx.select({ id: evidenceClaims.requirementId }).from(evidenceClaims)
    .where(and(eq(evidenceClaims.systemId, systemId), sql`${evidenceClaims.status} <> 'retired'`)).orderBy(evidenceClaims.source, evidenceClaims.requirementId).limit(8);
  const examples = known.length ? ` Its evidence matrix has, for example: ${known.map((k) => k.id).join(', ')}.` : ' Its classification asks for no evidence.';
  throw invalid(`"${systemName}" has no evidence claim for requirement "${ref}".${examples}`, { requirement: 'not in the matrix' });
}
