import { loadExceptionCard } from '../../../app/exceptions/load-exception-card.js';
import type { EventBody } from '../../../app/events/registry.js';
import type { ServiceContext } from '../../../app/context.js';
import type { Rendered } from '../../../outbox/rendering.js';
import { buildRiskExpiryNotice } from '../../views/risk-expiry-notice.js';
import { exceptionMetadata } from '../metadata.js';

const DAY_MS = 86_400_000;

/**
 * A risk acceptance nearing its end, for one person: days left counted to the event's time, and once
 * extended or closed, what happened instead of the buttons.
 */
export async function renderRiskNotice(ctx: ServiceContext, body: EventBody<'risk.notice.v1'>): Promise<Rendered> {
  const row = await loadExceptionCard({ ctx, input: body });
  if (!row) return { skip: `exception ${body.exceptionId} is gone` };
  const acceptedUntil = new Date(body.acceptedUntil);
  const daysLeft = Math.max(0, Math.ceil((acceptedUntil.getTime() - ctx.now().getTime()) / DAY_MS));
  const outcome = body.outcome?.kind === 'extended' ? { ...body.outcome, until: new Date(body.outcome.until) } : body.outcome ?? null;
  const e = row.exception;
  const notice = buildRiskExpiryNotice({
    exception: { id: e.id, systemId: e.systemId, reason: e.reason, acceptedBy: e.acceptedBy, acceptedUntil, rationale: e.rationale },
    systemName: row.system.name, recipientId: body.recipientId, daysLeft, timeZone: ctx.policy.timeZone, outcome,
  });
  return { message: { channel: body.recipientId, ...notice, metadata: exceptionMetadata(e.id, row.system.id) } };
}
