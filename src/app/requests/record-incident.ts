import { DateTime } from 'luxon';
import type { Tx } from '../../db/client.js';
import { statutoryDeadlines } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import type { SystemRow } from '../../db/repos/systems.js';
import { seriousIncidentReportDeadline, type IncidentSeverity } from '../../domain/statutory-deadlines.js';
import { cardKeys, outboxKeys } from '../../domain/message-keys.js';
import { enqueueEvent } from '../events/enqueue-event.js';
import { recordAudit } from '../audit.js';
import type { ServiceContext } from '../context.js';

export interface IncidentDeadline { id: string; ref: string; dueAt: Date; reason: string }

/**
 * A serious incident (EU AI Act Art. 3(49)) starts a legal clock: Art. 73 sets the latest date to report
 * it. Awareness is taken from the start of the day given, in the organisation's time zone, so the date
 * shown errs early rather than late.
 */
export async function recordSeriousIncident(tx: Tx, ctx: ServiceContext, args: {
  system: SystemRow; requestId: string; severity: IncidentSeverity; awareOn: string; description: string;
}): Promise<IncidentDeadline> {
  const awareAt = DateTime.fromISO(args.awareOn, { zone: ctx.policy.timeZone }).startOf('day').toJSDate();
  const deadline = seriousIncidentReportDeadline({ awareAt, severity: args.severity });
  const id = newId('std');
  const label = `Report the serious incident with ${args.system.name} to the market surveillance authority`;
  await tx.insert(statutoryDeadlines).values({ id, systemId: args.system.id, requestId: args.requestId, ref: deadline.ref, label, dueAt: deadline.dueAt, createdAt: ctx.now() });
  await recordAudit(tx, ctx, { action: 'statutory_deadline.opened', subjectType: 'statutory_deadline', subjectId: id,
    after: { kind: deadline.kind, systemId: args.system.id, requestId: args.requestId, ref: deadline.ref, dueAt: deadline.dueAt, awareAt, severity: args.severity, reason: deadline.reason } });
  await enqueueEvent(tx, null, { event: { kind: 'requests.legal-deadline.v1', body: { deadlineId: id, reason: deadline.reason } }, key: outboxKeys.statutory(id), card: cardKeys.statutory(id) });
  return { id, ref: deadline.ref, dueAt: deadline.dueAt, reason: deadline.reason };
}
