import type { CliCommand } from '../command.js';
import { parseFlags, parseNow, requireFormat } from '../args.js';
import { JOBS } from '../../jobs/registry.js';
import type { SweepSummary } from '../../app/sweep/run-sweep.js';
import { reportJobRun, runAndDeliver } from '../delivery-report.js';

export const sweepCommand: CliCommand = {
  name: 'sweep',
  usage: 'sweep [--now ISO-8601] [--format text|json]',
  summary: 'run the overdue/escalation sweep as of --now and deliver what it queues',
  scope: 'cli-slack',
  async run(args, rt, io) {
    const { values } = parseFlags(args, { now: { type: 'string' }, format: { type: 'string' } });
    const now = parseNow(values.now, () => new Date());
    const format = requireFormat(values.format, ['text', 'json'], 'text');
    const run = await runAndDeliver(rt, () => JOBS.find((j) => j.name === 'sweep')!.run(rt, now) as Promise<SweepSummary>);
    const s = run.summary;
    const done = `sweep as of ${now.toISOString()}: ${s.reviewsOpened} reviews opened, ${s.escalated} escalations, ${s.ownersReminded} owner reminders, ${s.evidenceExpired} evidence periods expired`;
    return reportJobRun(io, rt, format, run, done, { sweep: s });
  },
};
