import cron from 'node-cron';

/** node-cron is what runs the schedules, so it is also what judges an expression. */
export function validateCronExpression(expr: string): string | null {
  return cron.validate(expr) ? null : `"${expr}" is not a valid cron expression (e.g. "0 9 * * 1" for Monday 09:00)`;
}
