import type { DbOrTx } from '../../db/client.js';
import { buildRiskExpiryNotice, type RiskNoticeModel } from '../../slack/views/risk-expiry-notice.js';
import type { ServiceContext } from '../context.js';
import { updateCard } from './card-message.js';

const DAY_MS = 86_400_000;

/** One notice per acceptance period and person: an extension starts a new period and a new notice. */
export const riskNoticeKey = (exceptionId: string, acceptedUntil: Date, userId: string) => `risk-notice:${exceptionId}:${acceptedUntil.toISOString()}:${userId}`;

/** The approver and the system's owner, once each. */
export const noticeRecipients = (acceptedBy: string | null, ownerId: string) => [...new Set([acceptedBy, ownerId].filter((u): u is string => Boolean(u)))];

/** After Extend or Close, the notices of the period that ended say what happened instead of offering buttons. */
export async function settleRiskNotices(tx: DbOrTx, ctx: ServiceContext, args: {
  exception: Omit<RiskNoticeModel['exception'], 'acceptedUntil'> & { acceptedUntil: Date | null }; systemName: string; ownerId: string; outcome: NonNullable<RiskNoticeModel['outcome']>;
}): Promise<void> {
  const until = args.exception.acceptedUntil;
  if (!until) return;
  const daysLeft = Math.max(0, Math.ceil((until.getTime() - ctx.now().getTime()) / DAY_MS));
  for (const recipientId of noticeRecipients(args.exception.acceptedBy, args.ownerId)) {
    const card = buildRiskExpiryNotice({ exception: { ...args.exception, acceptedUntil: until }, systemName: args.systemName, recipientId, daysLeft, timeZone: ctx.policy.timeZone, outcome: args.outcome });
    await updateCard(tx, { key: riskNoticeKey(args.exception.id, until, recipientId), card });
  }
}
