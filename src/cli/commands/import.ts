import fs from 'node:fs';
import type { CliCommand } from '../command.js';
import { parseFlags, requireFormat } from '../args.js';
import { EXIT, UsageError } from '../io.js';
import { importInventory } from '../../app/intake/import-inventory.js';
import { SYSTEM_ACTOR_ID } from '../../app/context.js';

export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import inventory FILE.csv [--format text|json]',
  summary: 'bulk-register AI systems from a CSV (all rows or none); columns in README.md',
  scope: 'cli-data',
  async run(args, rt, io) {
    const { positionals, values } = parseFlags(args, { format: { type: 'string' } });
    const format = requireFormat(values.format, ['text', 'json'], 'text');
    const [what, file] = positionals;
    if (what !== 'inventory' || !file) throw new UsageError('usage: aigov import inventory FILE.csv');
    let bytes: Buffer;
    try {
      bytes = io.readFile ? await io.readFile(file) : fs.readFileSync(file);
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    const ctx = {
      db: rt.database.db, actor: { userId: SYSTEM_ACTOR_ID, isAdmin: true, origin: { via: 'cli' as const, command: `import inventory ${file}` } },
      now: () => new Date(), logger: rt.logger, policy: rt.policy,
    };
    const result = await importInventory({ ctx, input: { csv: bytes } });
    if (format === 'json') {
      io.stdout.write(`${JSON.stringify(result)}\n`);
      return EXIT.ok;
    }
    const differ = result.differing.length ? `, ${result.differing.length} differ from the registered system and were not changed` : '';
    io.stdout.write(`imported ${file}: ${result.rows} rows; ${result.registered} registered, ${result.unchanged} unchanged${differ}\n`);
    for (const d of result.differing) {
      io.stdout.write(`  line ${d.line}, "${d.name}": ${d.columns.join(', ')} differ${d.columns.length === 1 ? 's' : ''}\n`);
    }
    if (result.differing.length) {
      io.stdout.write('Nothing was changed for them: to change a registered system, raise a change request in Slack (/aigov, "A change to a registered AI system"), so its review and evidence follow the change.\n');
    }
    return EXIT.ok;
  },
};
