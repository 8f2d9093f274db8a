import { z } from 'zod';
import { ArtifactConditions, snapshotOf } from './evidence-conditions.js';
import { isCalendarDay } from './evidence-artifact.js';
import { staleConditions, type SystemSnapshot } from './evidence-reuse.js';

/** "Still valid" opens this many days before an artifact's period ends, and stays open after it has ended. */
export const REATTEST_WINDOW_DAYS = 30;
/** A confirmed period reaches at most this far: evidence is looked at again at least yearly. */
export const MAX_REATTEST_DAYS = 400;

const DAY_MS = 86_400_000;
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export type ReattestationDecision = { kind: 'allowed'; opensOn: string } | { kind: 'refused'; reason: string };

/**
 * May the owner confirm the same artifact for a new period ("Still valid")? Only an artifact whose
 * period ends within REATTEST_WINDOW_DAYS or has ended, and only while the facts it was collected under
 * still hold: after a material change (scope, supplier, data types, risk) the evidence must be renewed,
 * and the reason says which fact changed.
 */
export function decideReattestation(args: {
  claimStatus: string; staleReason: string | null; artifact: { periodTo: string; conditions: unknown } | null; current: SystemSnapshot; today: string;
}): ReattestationDecision {
  const { artifact } = args;
  if (!artifact) return { kind: 'refused', reason: 'There is no earlier artifact to confirm for this claim: submit evidence instead.' };
  if (!['stale', 'submitted', 'reused', 'accepted'].includes(args.claimStatus)) {
    return { kind: 'refused', reason: `This claim is ${args.claimStatus.replace(/_/g, ' ')}; only answered or stale evidence can be confirmed again.` };
  }
  if (args.claimStatus === 'stale' && args.staleReason?.startsWith('Material change')) return { kind: 'refused', reason: `${args.staleReason} Submit new evidence instead.` };
  const recorded = ArtifactConditions.safeParse(artifact.conditions);
  if (!recorded.success) return { kind: 'refused', reason: 'The conditions this evidence was collected under were not recorded, so it cannot be shown to still hold: submit new evidence.' };
  const change = staleConditions(snapshotOf(recorded.data), args.current);
  if (change.changed.length) return { kind: 'refused', reason: `${change.reason} Submit new evidence instead.` };
  const opensOn = addDays(artifact.periodTo, -REATTEST_WINDOW_DAYS);
  if (args.claimStatus !== 'stale' && args.today < opensOn) {
    return { kind: 'refused', reason: `This evidence covers a period until ${artifact.periodTo}; it can be confirmed as still valid from ${opensOn}.` };
  }
  return { kind: 'allowed', opensOn };
}

export const REATTEST_FIELDS = { checkedOn: 'checked_on', periodTo: 'period_to', note: 'note' } as const;

export const ReattestationForm = z.object({
  checkedOn: z.string({ error: 'is required' }).refine(isCalendarDay, 'must be a date (YYYY-MM-DD)'),
  periodTo: z.string({ error: 'is required' }).refine(isCalendarDay, 'must be a date (YYYY-MM-DD)'),
  note: z.string({ error: 'is required' }).trim().min(1, 'say what you checked').max(2000, 'at most 2,000 characters'),
});
export type ReattestationForm = z.infer<typeof ReattestationForm>;

/** Date problems by field: checked by today, after the artifact's own date, and a new period that ends later than the old one, within bounds. */
export function reattestationDateProblems(form: Pick<ReattestationForm, 'checkedOn' | 'periodTo'>, args: { today: string; evidenceDate: string; oldPeriodTo: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (isCalendarDay(form.checkedOn)) {
    if (form.checkedOn > args.today) problems[REATTEST_FIELDS.checkedOn] = `The date checked cannot be after today (${args.today}).`;
    else if (form.checkedOn < args.evidenceDate) problems[REATTEST_FIELDS.checkedOn] = `The date checked cannot be before the artifact's effective date (${args.evidenceDate}).`;
  }
  if (isCalendarDay(form.periodTo)) {
    const latest = addDays(args.today, MAX_REATTEST_DAYS);
    if (form.periodTo <= args.oldPeriodTo) problems[REATTEST_FIELDS.periodTo] = `The new period must end after the current one (${args.oldPeriodTo}).`;
    else if (form.periodTo < args.today) problems[REATTEST_FIELDS.periodTo] = `The new period must not have ended already (today is ${args.today}).`;
    else if (form.periodTo > latest) problems[REATTEST_FIELDS.periodTo] = `Confirm at most ${MAX_REATTEST_DAYS} days ahead (until ${latest}); it will be asked again then.`;
  }
  return problems;
}
