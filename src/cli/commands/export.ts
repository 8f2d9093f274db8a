import type { CliCommand } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { EXPORTS } from '../../app/exports/index.js';

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export KIND [--format F]',
  summary: `write an auditor export to stdout; KIND is ${EXPORTS.map((e) => e.kind).join(', ')}`,
  scope: 'cli-data',
  async run(args, rt, io) {
    const [kind, ...rest] = args;
    const exporter = EXPORTS.find((e) => e.kind === kind);
    if (!exporter) throw new UsageError(`export needs a kind: ${EXPORTS.map((e) => e.kind).join(', ')}`);
    await exporter.run(rest, rt, io.stdout);
    return EXIT.ok;
  },
};
