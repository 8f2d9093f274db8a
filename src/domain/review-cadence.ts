import type { DeadlineKind } from './statutory-deadlines.js';

/** A review still to be done: due, or started and not yet recorded. */
export const OPEN_REVIEW_STATUSES = ['due', 'in_progress'] as const;

// Cadences are elapsed 24-hour days, so a review falls due at the same instant in every time zone.
const DAY_MS = 86_400_000;

/**
 * The next cyclic review after `from`. A `null` cadence is how policy says "never schedule one": a
 * prohibited system is to be withdrawn, not reviewed on a cycle.
 */
export function nextReviewDue(input: { from: Date; cadenceDays: number | null }): Date | null {
  const { from, cadenceDays } = input;
  if (cadenceDays === null) return null;
  if (!Number.isInteger(cadenceDays) || cadenceDays < 1) {
    throw new RangeError(`cadenceDays must be a whole number of days, 1 or more, or null (got ${cadenceDays})`);
  }
  return new Date(from.getTime() + cadenceDays * DAY_MS);
}

/** PRODUCT.md workflow step 6: reviews fall due on cadence and on these change triggers. */
export const CHANGE_TRIGGERS = ['designed', 'deployed', 'materially_changed', 'monitoring_signal', 'retired', 'reclassified'] as const;
export type ChangeTrigger = (typeof CHANGE_TRIGGERS)[number];

export interface ReviewDueOnChange {
  trigger: ChangeTrigger;
  kind: Extract<DeadlineKind, 'review_cycle'>;
  dueAt: Date;
  reason: string;
}

const CHANGE_REASONS: Record<ChangeTrigger, string> = {
  designed: 'The system design is complete: review it before it is built and deployed.',
  deployed: 'The system has been deployed: review it now that it runs in production.',
  materially_changed:
    'The system changed materially (purpose, data, supplier or scope): review it, and the evidence that depends on it, now.',
  monitoring_signal: 'Monitoring raised a signal about the system: review whether its risks and controls still hold.',
  retired: 'The system is being retired: review its decommissioning, data retention and remaining obligations.',
  reclassified: 'The system was reclassified: review the obligations and controls that come with its new classification.',
};

/** A change makes the review due at once; waiting for the next cycle would let the change go unreviewed. */
export function reviewDueOnChange(trigger: ChangeTrigger, now: Date): ReviewDueOnChange {
  return { trigger, kind: 'review_cycle', dueAt: new Date(now.getTime()), reason: CHANGE_REASONS[trigger] };
}

/** Due from the scheduled instant itself onwards; a review that was never scheduled is never due. */
export function isReviewDue(nextReviewAt: Date | null, now: Date): boolean {
  return nextReviewAt !== null && now.getTime() >= nextReviewAt.getTime();
}
