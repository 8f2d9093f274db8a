import type { RiskTier } from './vocabulary.js';

const DAY_MS = 86_400_000;

/** Share of an acceptance's period after which its approver and owner are told it is running out. */
export const ACCEPTANCE_NOTICE_FRACTION = 0.8;

/** The longest a risk may be accepted, or an acceptance extended to, from the day it is decided. */
export const MAX_ACCEPTANCE_DAYS = 730;

export type AcceptanceNotice =
  | { kind: 'none'; reason: string }
  | { kind: 'notify'; noticeAt: Date; daysLeft: number; reason: string };

/** The instant `fraction` of the acceptance period [acceptedAt, acceptedUntil) has elapsed. */
export function acceptanceNoticeAt(acceptedAt: Date, acceptedUntil: Date, fraction = ACCEPTANCE_NOTICE_FRACTION): Date {
  if (!(fraction > 0 && fraction < 1)) throw new RangeError(`fraction must be between 0 and 1 (got ${fraction})`);
  const length = acceptedUntil.getTime() - acceptedAt.getTime();
  return new Date(acceptedAt.getTime() + Math.max(0, length) * fraction);
}

/**
 * Whether to tell the approver and owner now. From the notice instant until expiry the answer is
 * `notify` (the caller's unique key makes it happen once); after expiry the escalation ladder takes over.
 */
export function acceptanceNotice(input: { acceptedAt: Date; acceptedUntil: Date; now: Date; fraction?: number }): AcceptanceNotice {
  const { acceptedAt, acceptedUntil, now } = input;
  const fraction = input.fraction ?? ACCEPTANCE_NOTICE_FRACTION;
  const percent = Math.round(fraction * 100);
  if (now.getTime() >= acceptedUntil.getTime()) {
    return { kind: 'none', reason: `The acceptance expired on ${acceptedUntil.toISOString()}: it is overdue and escalates like any open exception.` };
  }
  const noticeAt = acceptanceNoticeAt(acceptedAt, acceptedUntil, fraction);
  if (now.getTime() < noticeAt.getTime()) {
    return { kind: 'none', reason: `Less than ${percent}% of the acceptance period has elapsed: notice due ${noticeAt.toISOString()}.` };
  }
  const daysLeft = Math.ceil((acceptedUntil.getTime() - now.getTime()) / DAY_MS);
  return { kind: 'notify', noticeAt, daysLeft, reason: `${percent}% of the acceptance period has elapsed; it expires on ${acceptedUntil.toISOString()} (${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} left).` };
}

/**
 * Why the forum may not accept the risk of this exception, or null. A prohibited practice (EU AI Act
 * Art. 5) is unlawful: the only way out is to stop it, so it ends as corrective action.
 */
export function riskAcceptanceRefusal(tier: RiskTier | string): string | null {
  return tier === 'prohibited'
    ? 'A prohibited practice under EU AI Act Art. 5 cannot be accepted as a risk: record a corrective action that stops it.'
    : null;
}
