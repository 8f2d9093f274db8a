import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { intakeRequests } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { findSystemById, type SystemRow } from '../../db/repos/systems.js';
import { declaredCauses, REQUEST_FIELDS, RequestDetails, requestDetailsProblems } from '../../domain/request-details.js';
import type { Trigger } from '../../domain/vocabulary.js';
import { outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent, enqueueEvents } from '../events/enqueue-event.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { localDate } from '../../domain/calendar-dates.js';
import type { RequestOutcome } from './events.js';
import { applyMaterialChange } from './apply-material-change.js';
import { recordSeriousIncident } from './record-incident.js';

export interface RaiseRequestInput {
  trigger: Trigger;
  /** Unvalidated answers: parsed here, so every caller gets the same field errors. */
  details: Record<string, unknown>;
  /** A retried or double-sent form carries the same key (the modal's view id) and is recorded once. */
  idempotencyKey: string;
}

export type RaiseRequestResult = { status: 'recorded'; requestId: string; outcome: RequestOutcome } | { status: 'duplicate'; requestId: string };

/**
 * A request about a registered system — a change, a supplier change, an incident, a customer-assurance
 * request — recorded once and acted on in the same transaction: a change marks dependent evidence stale
 * and makes a review due; a serious incident starts its legal reporting clock; an assurance request
 * reaches the system's owner.
 */
export async function raiseRequest({ ctx, input }: { ctx: ServiceContext; input: RaiseRequestInput }): Promise<RaiseRequestResult> {
  const details = validDetails(input.details, localDate(ctx.now(), ctx.policy.timeZone));
  return withTransaction(ctx, async (tx) => {
    const [earlier] = await tx.select({ id: intakeRequests.id }).from(intakeRequests).where(eq(intakeRequests.idempotencyKey, input.idempotencyKey));
    if (earlier) return { status: 'duplicate', requestId: earlier.id };
    const system = details.systemId ? await findSystemById(tx, details.systemId) : undefined;
    if (details.systemId && !system) throw invalid('That system was not found.', { [REQUEST_FIELDS.systemId]: 'That system is not registered (any more): choose another.' });
    const now = ctx.now();
    const requestId = newId('req');
    const applied = details.kind === 'change' || details.kind === 'supplier';
    const inserted = await tx.insert(intakeRequests).values({
      id: requestId, kind: details.kind, trigger: input.trigger, systemId: system?.id ?? null, requesterId: ctx.actor.userId,
      summary: details.description.split('\n')[0]!.slice(0, 120), facts: details, via: ctx.actor.origin.via, idempotencyKey: input.idempotencyKey,
      seriousIncident: details.kind === 'incident' ? details.serious : null, status: applied ? 'closed' : 'open', closedAt: applied ? now : null, createdAt: now,
    }).onConflictDoNothing({ target: intakeRequests.idempotencyKey }).returning({ id: intakeRequests.id });
    if (!inserted.length) {
      const [winner] = await tx.select({ id: intakeRequests.id }).from(intakeRequests).where(eq(intakeRequests.idempotencyKey, input.idempotencyKey));
      return { status: 'duplicate', requestId: winner?.id ?? requestId };
    }
    await recordAudit(tx, ctx, { action: 'request.raised', subjectType: 'intake_request', subjectId: requestId,
      after: { kind: details.kind, trigger: input.trigger, systemId: system?.id ?? null, details } });

    const outcome = await actOn(tx, ctx, details, system, requestId);
    await enqueueEvents(tx, null, [
      ...(system ? [{ event: { kind: 'requests.note.v1' as const, body: { requestId, outcome } }, key: outboxKeys.requestNote(requestId) }] : []),
      { event: { kind: 'requests.receipt.v1', body: { requestId, outcome } }, key: outboxKeys.requestReceipt(requestId) },
    ]);
    return { status: 'recorded', requestId, outcome };
  });
}

/** The consequence of each kind of request, for the receipt and the thread to tell. */
async function actOn(tx: Tx, ctx: ServiceContext, d: RequestDetails, system: SystemRow | undefined, requestId: string): Promise<RequestOutcome> {
  if ((d.kind === 'change' || d.kind === 'supplier') && system) {
    const outcome = await applyMaterialChange(tx, ctx, system, {
      requestId, declared: declaredCauses(d),
      ...(d.kind === 'change' && d.lifecycleStage ? { lifecycleStage: d.lifecycleStage } : {}),
      ...(d.kind === 'supplier' ? { supplier: d.supplier } : {}),
    });
    return {
      kind: 'material_change', changedFacts: outcome.changedFacts, staleClaims: outcome.staleClaims,
      review: outcome.review ? { trigger: outcome.review.trigger, reason: outcome.review.reason } : null,
    };
  }
  if (d.kind === 'incident' && system) {
    if (!d.serious || !d.severity) return { kind: 'incident', serious: false };
    await recordSeriousIncident(tx, ctx, { system, requestId, severity: d.severity, awareOn: d.awareOn, description: d.description });
    return { kind: 'incident', serious: true };
  }
  if (d.kind === 'assurance') {
    const to = system?.ownerId ?? ctx.policy.governanceChannel;
    await enqueueEvent(tx, null, { event: { kind: 'requests.assurance.v1', body: { requestId } }, key: outboxKeys.assuranceRequest(requestId) });
    await recordAudit(tx, ctx, { action: 'request.forwarded', subjectType: 'intake_request', subjectId: requestId, after: { to } });
    return { kind: 'forwarded', toOwner: Boolean(system) };
  }
  return { kind: 'none' };
}

const FIELD_OF: Record<string, string> = REQUEST_FIELDS;

function validDetails(raw: Record<string, unknown>, today: string): RequestDetails {
  const parsed = RequestDetails.safeParse(raw);
  const errors: Record<string, string> = {};
  const sentence = (m: string) => `${m.charAt(0).toUpperCase()}${m.slice(1)}.`;
  for (const issue of parsed.success ? [] : parsed.error.issues) {
    const field = FIELD_OF[String(issue.path[0])] ?? REQUEST_FIELDS.description;
    errors[field] ??= sentence(issue.message);
  }
  for (const [key, message] of Object.entries(requestDetailsProblems(raw))) errors[FIELD_OF[key]!] ??= sentence(message);
  if (typeof raw.awareOn === 'string' && raw.awareOn > today) errors[REQUEST_FIELDS.awareOn] ??= `Awareness cannot be after today (${today}).`;
  if (!parsed.success || Object.keys(errors).length) throw invalid('Some answers need fixing.', errors);
  return parsed.data;
}
