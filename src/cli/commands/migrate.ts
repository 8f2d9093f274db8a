import type { CliCommand } from '../command.js';
import { parseFlags } from '../args.js';
import { EXIT } from '../io.js';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  usage: 'migrate',
  summary: 'apply database migrations and exit',
  scope: 'cli-data',
  // Opening the runtime already migrated; saying so is all that is left.
  async run(args, rt, io) {
    parseFlags(args, {});
    io.stdout.write(`migrations applied (${rt.database.kind}, ${rt.database.where})\n`);
    return EXIT.ok;
  },
};
