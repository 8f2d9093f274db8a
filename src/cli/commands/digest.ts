import type { CliCommand } from '../command.js';
import { parseFlags, parseNow, requireFormat } from '../args.js';
import { JOBS } from '../../jobs/registry.js';
import type { DigestResult } from '../../app/digest/post-digest.js';
import type { OwnerWeekSummary } from '../../app/sweep/send-owner-weeks.js';
import { reportJobRun, runAndDeliver } from '../delivery-report.js';

export const digestCommand: CliCommand = {
  name: 'digest',
  usage: 'digest [--now ISO-8601] [--format text|json]',
  summary: 'post the governance digest for the period containing --now (once per period)',
  scope: 'cli-slack',
  async run(args, rt, io) {
    const { values } = parseFlags(args, { now: { type: 'string' }, format: { type: 'string' } });
    const now = parseNow(values.now, () => new Date());
    const format = requireFormat(values.format, ['text', 'json'], 'text');
    const run = await runAndDeliver(rt, () => JOBS.find((j) => j.name === 'digest')!.run(rt, now) as Promise<DigestResult & { ownerWeek: OwnerWeekSummary }>);
    const s = run.summary;
    const done = `digest for the period of ${s.period}: ${s.status === 'posted' ? 'queued' : 'already queued by an earlier run'}; weekly DMs for ${s.ownerWeek.owners} owners queued`;
    return reportJobRun(io, rt, format, run, done, { digest: s });
  },
};
