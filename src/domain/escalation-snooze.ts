import { futureDateProblem } from './calendar-dates.js';

/** A snooze mutes the ladder for a while; it is not a way to forget an item. */
export const MAX_SNOOZE_DAYS = 90;

export function snoozeProblems(input: { until: string; reason: string; today: string }): Record<string, string> {
  const problems: Record<string, string> = {};
  const date = futureDateProblem(input.until, input.today, MAX_SNOOZE_DAYS);
  if (date) problems.snooze_until = date;
  if (!input.reason.trim()) problems.snooze_reason = 'Say why the escalation can wait: it is kept in the audit trail.';
  return problems;
}
