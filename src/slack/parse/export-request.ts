import { parseArgs } from 'node:util';
import { EXPORTS, findExport } from '../../app/exports/index.js';
import type { ExportRequest } from '../../app/exports/render-export.js';
import { SLASH_COMMAND } from '../ids.js';
import { escapeText } from '../escape.js';

export type ParsedExportRequest = { ok: true; request: ExportRequest } | { ok: false; message: string };

export const EXPORT_USAGE = `\`${SLASH_COMMAND} export <kind> [format]\`, where kind is one of ${EXPORTS.map((e) => `\`${e.kind}\``).join(', ')}; `
  + `\`${SLASH_COMMAND} export dossier <system id or name>\`; \`${SLASH_COMMAND} export audit [--since 2025-01-01]\`.`;

/**
 * `/aigov export soa md`, `/aigov export dossier Applicant ranker`, `/aigov export audit --since 2025-01-01`:
 * the kind, then a format word if it is one of the export's (else the file format Slack users open
 * directly), then the export's own flags and, for a dossier, the system. The export's params schema
 * judges the values; this only reads the syntax.
 */
export function parseExportRequest(text: string): ParsedExportRequest {
  const [word = '', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const kind = word.toLowerCase();
  const definition = findExport(kind);
  if (!definition) return { ok: false, message: `${word ? `\`${escapeText(word)}\` is not an export I know. ` : ''}Usage: ${EXPORT_USAGE}` };
  const asked = rest[0]?.toLowerCase();
  const format = asked && definition.formats.includes(asked) ? asked : undefined;
  let read;
  try {
    read = parseArgs({
      args: format ? rest.slice(1) : rest,
      options: Object.fromEntries(['format', ...definition.flags].map((flag) => [flag, { type: 'string' as const }])),
      allowPositionals: true, strict: true,
    });
  } catch (err) {
    return { ok: false, message: `${escapeText((err as Error).message.split('. ')[0]!)}. Usage: ${EXPORT_USAGE}` };
  }
  const fields: Record<string, string | undefined> = { format: definition.fileFormat, ...(read.values as Record<string, string | undefined>) };
  if (format) fields.format = format;
  const words = read.positionals.join(' ');
  if (definition.subject) {
    if (!words) return { ok: false, message: `Which system? Usage: \`${SLASH_COMMAND} export ${kind} <${definition.subject.label}>\`` };
    fields[definition.subject.field] = words;
  } else if (words) {
    return { ok: false, message: `\`${SLASH_COMMAND} export ${kind}\` takes a format (${definition.formats.join(', ')}) and nothing else, got \`${escapeText(words)}\`.` };
  }
  return { ok: true, request: { kind, fields } };
}
