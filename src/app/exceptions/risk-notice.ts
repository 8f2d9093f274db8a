import type { DbOrTx } from '../../db/client.js';
import { cardKeys } from '../../domain/message-keys.js';
import type { ServiceContext } from '../context.js';
import { queueCardEvents } from '../events/card-events.js';

/** One notice per acceptance period and person: an extension starts a new period and a new notice. */
export const riskNoticeKey = cardKeys.riskNotice;

/** The approver and the system's owner, once each. */
export const noticeRecipients = (acceptedBy: string | null, ownerId: string) => [...new Set([acceptedBy, ownerId].filter((u): u is string => Boolean(u)))];

export type RiskNoticeOutcome = { kind: 'extended'; by: string; until: Date } | { kind: 'closed'; by: string };

/** After Extend or Close, the notices of the period that ended say what happened instead of offering buttons. */
export async function settleRiskNotices(tx: DbOrTx, ctx: ServiceContext, args: {
  exception: { id: string; acceptedBy: string | null; acceptedUntil: Date | null }; ownerId: string; outcome: RiskNoticeOutcome;
}): Promise<void> {
  const until = args.exception.acceptedUntil;
  if (!until) return;
  const outcome = args.outcome.kind === 'extended' ? { ...args.outcome, until: args.outcome.until.toISOString() } : args.outcome;
  // Days left are counted to the change, as the notice said them then.
  await queueCardEvents(tx, ctx.now(), noticeRecipients(args.exception.acceptedBy, args.ownerId).map((recipientId) => ({
    event: { kind: 'risk.notice.v1' as const, body: { exceptionId: args.exception.id, acceptedUntil: until.toISOString(), recipientId, outcome } },
    card: riskNoticeKey(args.exception.id, until, recipientId), postIfNew: false,
  })));
}
