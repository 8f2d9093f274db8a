import { and, eq, gt, isNotNull, sql } from 'drizzle-orm';
import { aiSystems, exceptions } from '../../db/schema/index.js';
import { ACCEPTANCE_NOTICE_FRACTION, acceptanceNotice } from '../../domain/risk-acceptance.js';
import { nextWorkingTime } from '../../domain/working-hours.js';
import { recordAudit } from '../audit.js';
import { withTransaction, type ServiceContext } from '../context.js';
import { ownerTimeZones } from './owner-time-zone.js';
import type { UserDirectory } from './user-directory.js';
import { postCardEvent } from '../events/card-events.js';
import { noticeRecipients, riskNoticeKey } from '../exceptions/risk-notice.js';

/** The approver and the owner of each acceptance past 80% of its period are told once, in their working hours. */
export async function warnExpiringAcceptances(ctx: ServiceContext, users?: UserDirectory): Promise<number> {
  const now = ctx.now();
  const rows = await ctx.db.select({ exception: exceptions, systemName: aiSystems.name, ownerId: aiSystems.ownerId })
    .from(exceptions).innerJoin(aiSystems, eq(aiSystems.id, exceptions.systemId))
    .where(and(eq(exceptions.status, 'risk_accepted'), isNotNull(exceptions.acceptedAt), gt(exceptions.acceptedUntil, now),
      // Elapsed seconds, as the domain rule counts them: interval arithmetic would bend around DST days.
      sql`extract(epoch from ${exceptions.acceptedAt}) + extract(epoch from ${exceptions.acceptedUntil} - ${exceptions.acceptedAt}) * ${ACCEPTANCE_NOTICE_FRACTION}::float8 <= ${now.getTime() / 1000}::float8`))
    .orderBy(exceptions.id);
  const due = rows.flatMap((r) => {
    const notice = acceptanceNotice({ acceptedAt: r.exception.acceptedAt!, acceptedUntil: r.exception.acceptedUntil!, now });
    return notice.kind === 'notify' ? [{ ...r, notice }] : [];
  });
  if (!due.length) return 0;
  const zones = await ownerTimeZones(ctx.db, users, [...new Set(due.flatMap(recipients))], now, ctx.policy.timeZone);
  return withTransaction(ctx, async (tx) => {
    let told = 0;
    for (const r of due) {
      const e = r.exception;
      const sentTo: string[] = [];
      for (const userId of recipients(r)) {
        const at = nextWorkingTime(now, zones.get(userId) ?? ctx.policy.timeZone);
        // Days left are counted from now, the sweep's time, whenever the notice is delivered.
        const posted = await postCardEvent(tx, now, {
          event: { kind: 'risk.notice.v1', body: { exceptionId: e.id, acceptedUntil: e.acceptedUntil!.toISOString(), recipientId: userId } },
          card: riskNoticeKey(e.id, e.acceptedUntil!, userId), ...(at > now ? { notBefore: at } : {}),
        });
        if (posted) sentTo.push(userId);
      }
      if (!sentTo.length) continue;
      told += 1;
      await recordAudit(tx, ctx, { action: 'risk_acceptance.expiry_notice', subjectType: 'exception', subjectId: e.id, after: { acceptedUntil: e.acceptedUntil, notified: sentTo, reason: r.notice.reason } });
    }
    return told;
  });
}

const recipients = (r: { exception: { acceptedBy: string | null }; ownerId: string }) => noticeRecipients(r.exception.acceptedBy, r.ownerId);
