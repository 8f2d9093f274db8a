import type { CliCommand } from '../command.js';
import { EXIT, UsageError } from '../io.js';
import { parseFlags } from '../args.js';
import { EXPORTS, findExport, parseExportParams, type ExportDefinition, type RawExportParams } from '../../app/exports/index.js';
import { describeRefusal } from '../../app/exports/export-definition.js';

/** `--format F --since X positional…` into the export's raw fields; the export's params schema judges them. */
function cliFields(definition: ExportDefinition, args: string[]): RawExportParams {
  const options = Object.fromEntries(['format', ...definition.flags].map((flag) => [flag, { type: 'string' as const }]));
  const { values, positionals } = parseFlags(args, options);
  const fields: Record<string, string | undefined> = { ...(values as Record<string, string | undefined>) };
  const words = positionals.join(' ').trim();
  const { kind, subject } = definition;
  if (subject) {
    if (!words) throw new UsageError(`export ${kind} needs a ${subject.label}: aigov export ${kind} <${subject.label}> --format ${definition.formats.join('|')}`);
    fields[subject.field] = words;
  } else if (words) {
    throw new UsageError(`export ${kind} takes no arguments besides its flags, got "${words}"`);
  }
  return fields;
}

export const exportCommand: CliCommand = {
  name: 'export',
  usage: 'export KIND [--format F]',
  summary: `write an auditor export to stdout; KIND is ${EXPORTS.map((e) => e.kind).join(', ')}`,
  scope: 'cli-data',
  async run(args, rt, io) {
    const [kind = '', ...rest] = args;
    const definition = findExport(kind);
    if (!definition) throw new UsageError(`export needs a kind: ${EXPORTS.map((e) => e.kind).join(', ')}`);
    const parsed = parseExportParams(definition, cliFields(definition, rest));
    if (!parsed.ok) throw new UsageError(describeRefusal(definition, parsed));
    await definition.run(parsed.params, rt, io.stdout);
    return EXIT.ok;
  },
};
