import type { CliCommand } from '../main.js';
import { parseFlags, parseNow } from '../args.js';
import { EXIT } from '../io.js';
import { JOBS } from '../../jobs/registry.js';

export const sweepCommand: CliCommand = {
  name: 'sweep',
  usage: 'sweep [--now ISO-8601]',
  summary: 'run the overdue/escalation sweep as of --now and deliver what it queues',
  scope: 'cli-slack',
  async run(args, rt, io) {
    const { values } = parseFlags(args, { now: { type: 'string' } });
    const now = parseNow(values.now, () => new Date());
    const summary = await JOBS.find((j) => j.name === 'sweep')!.run(rt, now);
    const { pending } = await rt.dispatcher.drain();
    io.stdout.write(`${JSON.stringify({ sweep: summary, undelivered: pending })}\n`);
    return EXIT.ok;
  },
};
