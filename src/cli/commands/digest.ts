import type { CliCommand } from '../main.js';
import { parseFlags, parseNow } from '../args.js';
import { EXIT } from '../io.js';
import { JOBS } from '../../jobs/registry.js';

export const digestCommand: CliCommand = {
  name: 'digest',
  usage: 'digest [--now ISO-8601]',
  summary: 'post the governance digest for the period containing --now (once per period)',
  scope: 'cli-slack',
  async run(args, rt, io) {
    const { values } = parseFlags(args, { now: { type: 'string' } });
    const now = parseNow(values.now, () => new Date());
    const summary = await JOBS.find((j) => j.name === 'digest')!.run(rt, now);
    const { pending } = await rt.dispatcher.drain();
    io.stdout.write(`${JSON.stringify({ digest: summary, undelivered: pending })}\n`);
    return EXIT.ok;
  },
};
