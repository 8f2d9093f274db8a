import fs from 'node:fs';
import type { CliCommand } from '../main.js';
import { parseFlags } from '../args.js';
import { EXIT, UsageError } from '../io.js';
import { importInventory } from '../../app/import-inventory.js';
import { SYSTEM_ACTOR_ID } from '../../app/context.js';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import inventory FILE.csv',
  summary: 'bulk-register AI systems from a CSV (all rows or none)',
  scope: 'cli-data',
  async run(args, rt, io) {
    const { positionals } = parseFlags(args, {});
    const [what, file] = positionals;
    if (what !== 'inventory' || !file) throw new UsageError('usage: aigov import inventory FILE.csv');
    let text: string;
    try {
      text = io.readFile ? await io.readFile(file) : fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const ctx = {
      db: rt.database.db, actor: { userId: SYSTEM_ACTOR_ID, isAdmin: true, origin: { via: 'cli' as const, command: `import inventory ${file}` } },
      now: () => new Date(), logger: rt.logger, policy: rt.policy,
    };
    const result = await importInventory({ ctx, csv: text });
    io.stdout.write(`${JSON.stringify(result)}\n`);
    return EXIT.ok;
  },
};
