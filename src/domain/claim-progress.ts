// Where a claim stands, in the groups the exports, the digest and the Home tab count by.

/** Evidence is on record for the claim (its own artifact, or one reused under the reuse rule). */
export const ANSWERED_CLAIM_STATUSES = ['submitted', 'reused', 'accepted'] as const;
/** The owner still owes evidence: never answered, or answered with evidence that has gone stale. */
export const OPEN_CLAIM_STATUSES = ['requested', 'stale'] as const;

/** The owner still owes evidence for a claim in this status: only such a claim may be answered. */
export const isOpenClaim = (status: string) => (OPEN_CLAIM_STATUSES as readonly string[]).includes(status);

export interface ClaimTally {
  claims: number;
  answered: number;
  /** Requested and not yet answered. */
  requested: number;
  stale: number;
  /** The owner said it cannot be provided: an exception is open for it. */
  exceptions: number;
  /** Open (requested or stale) and past its due date. */
  overdue: number;
}

export const emptyTally = (): ClaimTally => ({ claims: 0, answered: 0, requested: 0, stale: 0, exceptions: 0, overdue: 0 });

/** "3 requested, 1 stale (2 overdue), 1 with an exception": what is still missing, or an empty string. */
export function describeGaps(t: ClaimTally): string {
  const open: string[] = [];
  if (t.requested) open.push(`${t.requested} requested`);
  if (t.stale) open.push(`${t.stale} stale`);
  const parts = open.length ? [`${open.join(', ')}${t.overdue ? ` (${t.overdue} overdue)` : ''}`] : [];
  if (t.exceptions) parts.push(`${t.exceptions} with an exception`);
  const other = t.claims - t.answered - t.requested - t.stale - t.exceptions;
  if (other > 0) parts.push(`${other} in another state`);
  return parts.join(', ');
}
