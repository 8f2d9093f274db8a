import { loadRequest, loadStatutoryDeadline, type RequestModel } from '../../../app/requests/load-request.js';
import type { RequestOutcome } from '../../../app/requests/events.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildAssuranceRequestMessage, buildRequestNote, buildRequestReceipt, requestOutcomeLines, type RequestOutcomeView } from '../../views/requests/request-messages.js';
import { buildLegalDeadlinePost } from '../../views/requests/legal-deadline-post.js';
import { requestMetadata, statutoryDeadlineMetadata } from '../metadata.js';
import { inSystemThread } from '../notes/system-thread.js';

const outcomeView = (m: RequestModel, outcome: RequestOutcome): RequestOutcomeView => ({
  requestId: m.requestId, kind: m.kind, systemName: m.system?.name ?? null, description: m.description,
  lines: requestOutcomeLines(outcome, { ownerId: m.system?.ownerId ?? null, deadline: m.deadline }),
});

/** A request raised about a system, and what came of it, in the system's thread. */
export async function renderRequestNote(ctx: ServiceContext, body: EventBody<'requests.note.v1'>): Promise<Rendered> {
  const model = await loadRequest({ ctx, input: body });
  if (!model?.system) return { skip: `request ${body.requestId} or its system is gone` };
  const note = buildRequestNote({ ...outcomeView(model, body.outcome), requesterId: model.requesterId });
  return { message: await inSystemThread(ctx, model.system.id, note, requestMetadata(model.requestId, model.system.id)) };
}

/** The requester's receipt. */
export async function renderRequestReceipt(ctx: ServiceContext, body: EventBody<'requests.receipt.v1'>): Promise<Rendered> {
  const model = await loadRequest({ ctx, input: body });
  if (!model) return { skip: `request ${body.requestId} is gone` };
  return { message: { channel: model.requesterId, ...buildRequestReceipt(outcomeView(model, body.outcome)), metadata: requestMetadata(model.requestId, model.system?.id ?? null) } };
}

/** A customer-assurance request, to the owner who holds the evidence to answer it. */
export async function renderAssuranceRequest(ctx: ServiceContext, body: EventBody<'requests.assurance.v1'>): Promise<Rendered> {
  const model = await loadRequest({ ctx, input: body });
  if (!model) return { skip: `request ${body.requestId} is gone` };
  const message = buildAssuranceRequestMessage({
    requestId: model.requestId, systemId: model.system?.id ?? null, systemName: model.system?.name ?? null, requesterId: model.requesterId,
    customer: model.customer ?? '', dueOn: model.dueOn, description: model.description,
  });
  return { message: { channel: model.system?.ownerId ?? ctx.policy.governanceChannel, ...message, metadata: requestMetadata(model.requestId, model.system?.id ?? null) } };
}

/** A serious incident's legal deadline, in the governance channel. */
export async function renderLegalDeadline(ctx: ServiceContext, body: EventBody<'requests.legal-deadline.v1'>): Promise<Rendered> {
  const model = await loadStatutoryDeadline({ ctx, input: body });
  if (!model) return { skip: `deadline ${body.deadlineId}, its system or its request is gone` };
  const { deadline, system } = model;
  const post = buildLegalDeadlinePost({
    deadlineId: deadline.id, systemId: system.id, systemName: system.name, ownerId: system.ownerId, reporterId: model.reporterId, ref: deadline.ref, dueAt: deadline.dueAt,
    reason: body.reason, description: model.description, admins: ctx.policy.admins, timeZone: ctx.policy.timeZone,
  });
  return { message: { channel: ctx.policy.governanceChannel, ...post, metadata: statutoryDeadlineMetadata(deadline.id, system.id) } };
}
