import { DateTime } from 'luxon';
import type { Tx } from '../../db/client.js';
import { statutoryDeadlines } from '../../db/schema/index.js';
import { newId } from '../../db/ids.js';
import type { SystemRow } from '../../db/repos/systems.js';
import { seriousIncidentReportDeadline, type IncidentSeverity } from '../../domain/statutory-deadlines.js';
import { enqueue } from '../../outbox/enqueue.js';
import { buildLegalDeadlinePost } from '../../slack/views/requests/legal-deadline-post.js';
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
  const post = buildLegalDeadlinePost({ deadlineId: id, systemId: args.system.id, systemName: args.system.name, ownerId: args.system.ownerId, reporterId: ctx.actor.userId,
    ref: deadline.ref, dueAt: deadline.dueAt, reason: deadline.reason, description: args.description, admins: ctx.policy.admins, timeZone: ctx.policy.timeZone });
  await enqueue(tx, { kind: 'slack.post.v1', channel: ctx.policy.governanceChannel, ...post, storeAs: `statutory:${id}` }, { idempotencyKey: `statutory:${id}` });
  return { id, ref: deadline.ref, dueAt: deadline.dueAt, reason: deadline.reason };
}
