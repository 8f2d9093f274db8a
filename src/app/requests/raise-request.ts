import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { intakeRequests } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import { findSystemById, type SystemRow } from '../../db/repos/systems.js';
import { declaredCauses, REQUEST_FIELDS, RequestDetails, requestDetailsProblems } from '../../domain/request-details.js';
import type { Trigger } from '../../domain/vocabulary.js';
import { enqueue } from '../../outbox/enqueue.js';
import { mention } from '../../slack/escape.js';
import { buildAssuranceRequestMessage, buildRequestNote, buildRequestReceipt } from '../../slack/views/requests/request-messages.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { invalid } from '../errors.js';
import { localDate } from '../../domain/calendar-dates.js';
import { noteInSystemThread } from '../notify/system-thread.js';
import { applyMaterialChange } from './apply-material-change.js';
import { recordSeriousIncident } from './record-incident.js';

export interface RaiseRequestInput {
  trigger: Trigger;
  /** Unvalidated answers: parsed here, so every caller gets the same field errors. */
  details: Record<string, unknown>;
  /** A retried or double-sent form carries the same key (the modal's view id) and is recorded once. */
  idempotencyKey: string;
}

export type RaiseRequestResult = { status: 'recorded' | 'duplicate'; requestId: string; lines: string[] };

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
    if (earlier) return { status: 'duplicate', requestId: earlier.id, lines: [] };
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
      return { status: 'duplicate', requestId: winner?.id ?? requestId, lines: [] };
    }
    await recordAudit(tx, ctx, { action: 'request.raised', subjectType: 'intake_request', subjectId: requestId,
      after: { kind: details.kind, trigger: input.trigger, systemId: system?.id ?? null, details } });

    const lines = await actOn(tx, ctx, details, system, requestId);
    const view = { requestId, kind: details.kind, systemName: system?.name ?? null, description: details.description, lines };
    if (system) await noteInSystemThread(tx, ctx, { systemId: system.id, ...buildRequestNote({ ...view, requesterId: ctx.actor.userId }), idempotencyKey: `request-note:${requestId}` });
    await enqueue(tx, { kind: 'slack.post.v1', channel: ctx.actor.userId, ...buildRequestReceipt(view) }, { idempotencyKey: `request-receipt:${requestId}` });
    return { status: 'recorded', requestId, lines };
  });
}

/** The consequence of each kind of request, as lines for the receipt and the thread. */
async function actOn(tx: Tx, ctx: ServiceContext, d: RequestDetails, system: SystemRow | undefined, requestId: string): Promise<string[]> {
  if ((d.kind === 'change' || d.kind === 'supplier') && system) {
    const outcome = await applyMaterialChange(tx, ctx, system, {
      requestId, declared: declaredCauses(d),
      ...(d.kind === 'change' && d.lifecycleStage ? { lifecycleStage: d.lifecycleStage } : {}),
      ...(d.kind === 'supplier' ? { supplier: d.supplier } : {}),
    });
    return [
      ...(outcome.changedFacts.length ? [`*Updated:* ${outcome.changedFacts.map((f) => (f === 'lifecycleStage' ? 'lifecycle stage' : f)).join(', ')}`] : []),
      `*Evidence marked stale and requested again:* ${outcome.staleClaims}`,
      outcome.review ? `*Review due now* (${outcome.review.trigger.replace(/_/g, ' ')}): ${outcome.review.reason}` : '*Review:* one is already due for this change.',
    ];
  }
  if (d.kind === 'incident' && system) {
    if (!d.serious || !d.severity) return ['Recorded as an incident that is not a serious incident under EU AI Act Art. 3(49): no legal reporting deadline.'];
    const deadline = await recordSeriousIncident(tx, ctx, { system, requestId, severity: d.severity, awareOn: d.awareOn, description: d.description });
    return [`*LEGAL DEADLINE — EU AI Act ${deadline.ref}:* report by ${deadline.dueAt.toISOString()} (posted to the governance channel).`];
  }
  if (d.kind === 'assurance') {
    const message = buildAssuranceRequestMessage({ requestId, systemId: system?.id ?? null, systemName: system?.name ?? null, requesterId: ctx.actor.userId,
      customer: d.customer, dueOn: d.dueOn, description: d.description });
    const to = system?.ownerId ?? ctx.policy.governanceChannel;
    await enqueue(tx, { kind: 'slack.post.v1', channel: to, ...message }, { idempotencyKey: `assurance:${requestId}` });
    await recordAudit(tx, ctx, { action: 'request.forwarded', subjectType: 'intake_request', subjectId: requestId, after: { to } });
    return [system ? `Sent to the system owner ${mention(system.ownerId)}.` : 'Sent to the governance channel (no system was named).'];
  }
  return [];
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
