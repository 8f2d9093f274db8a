import { EXPORT_FORMATS, type ExportRequest } from '../../app/exports/render-export.js';
import { SLASH_COMMAND } from '../ids.js';
import { escapeText } from '../escape.js';

export type ParsedExportRequest = { ok: true; request: ExportRequest } | { ok: false; message: string };

export const EXPORT_USAGE = `\`${SLASH_COMMAND} export <kind> [format]\`, where kind is one of ${Object.keys(EXPORT_FORMATS).map((k) => `\`${k}\``).join(', ')}; `
  + `\`${SLASH_COMMAND} export dossier <system id or name>\`; \`${SLASH_COMMAND} export audit [--since 2025-01-01]\`.`;

/** `/aigov export soa md`, `/aigov export dossier Applicant ranker`, `/aigov export audit --since 2025-01-01`. */
export function parseExportRequest(text: string): ParsedExportRequest {
  const [kind = '', ...rest] = text.trim().split(/\s+/).filter(Boolean);
  const formats = EXPORT_FORMATS[kind.toLowerCase()];
  if (!formats) return { ok: false, message: `${kind ? `\`${escapeText(kind)}\` is not an export I know. ` : ''}Usage: ${EXPORT_USAGE}` };
  const asked = rest[0]?.toLowerCase();
  const format = asked && formats.includes(asked) ? asked : formats[0]!;
  const args = asked && formats.includes(asked) ? rest.slice(1) : rest;
  if (kind.toLowerCase() === 'dossier' && !args.length) return { ok: false, message: `Which system? Usage: \`${SLASH_COMMAND} export dossier <system id or name>\`` };
  return { ok: true, request: { kind: kind.toLowerCase(), format, args } };
}
