import type { Writable } from 'node:stream';
import { z } from 'zod';
import type { Db } from '../../db/client.js';

/** What an export reads: the database, and the clock that stamps it (the CLI's or the server's). A Runtime is one. */
export interface ExportRuntime {
  readonly database: { readonly db: Db };
  readonly now?: () => Date;
}

/**
 * What a surface hands an export before its params are parsed: every value as typed, by field name. The
 * CLI fills it from `--flag value` pairs and positionals, `/aigov export` from the words after the kind.
 */
export type RawExportParams = Readonly<Record<string, string | undefined>>;

/**
 * One auditor export, declared once; the CLI and `/aigov export` read it to parse, list and run exports.
 * `params` is the whole contract of what the export takes: a surface only turns its own syntax into the
 * raw fields and shows a refusal against the field's name.
 */
export interface ExportDefinition<P extends { format: string } = { format: string }> {
  readonly kind: string;
  readonly title: string;
  /** The formats it writes; without `--format` the CLI writes the first. */
  readonly formats: readonly [string, ...string[]];
  /** What a Slack file defaults to: the format a spreadsheet or reader opens directly. */
  readonly fileFormat: string;
  /** Named options besides `format`, each a string field of `params` (the CLI's `--since`, `--organisation`). */
  readonly flags: readonly string[];
  /** The one free-text argument, if the export takes one: the dossier's system, as an id or a name. */
  readonly subject?: { readonly field: string; readonly label: string };
  readonly params: z.ZodType<P, RawExportParams>;
  // Method syntax on purpose: a registry of exports with different params is one list.
  run(params: P, rt: ExportRuntime, out: Writable): Promise<void>;
}

export const defineExport = <P extends { format: string }>(definition: ExportDefinition<P>): ExportDefinition<P> => definition;

/** The `format` field: absent means the first format listed. */
export function formatField<const F extends readonly [string, ...string[]]>(formats: F) {
  return z.enum(formats, {
    error: (issue) => `must be one of ${formats.join(', ')}${issue.input === undefined ? '' : `, got "${String(issue.input)}"`}`,
  }).default(formats[0]);
}

// ISO-8601 with a date at least; a bare date means midnight UTC.
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** An optional instant written as an ISO-8601 date or date-time. */
export const instantField = z.string().optional().transform((value, ctx) => {
  if (value === undefined) return undefined;
  const at = new Date(value);
  if (!ISO_DATE_TIME.test(value) || Number.isNaN(at.getTime())) {
    ctx.addIssue({ code: 'custom', message: `must be an ISO-8601 date or time, got "${value}"` });
    return z.NEVER;
  }
  return at;
});

export type ParsedExportParams<P> = { ok: true; params: P } | { ok: false; field: string; message: string };

/** Parses raw fields into an export's params; a refusal names the first bad field and says what it must be. */
export function parseExportParams<P extends { format: string }>(definition: ExportDefinition<P>, raw: RawExportParams): ParsedExportParams<P> {
  const parsed = definition.params.safeParse(raw);
  if (parsed.success) return { ok: true, params: parsed.data };
  const issue = parsed.error.issues[0]!;
  return { ok: false, field: String(issue.path[0] ?? 'params'), message: issue.message };
}

/** One line naming the bad field as both surfaces spell it: `--since must be …`; the subject by what it is. */
export function describeRefusal(definition: ExportDefinition, refusal: { field: string; message: string }): string {
  if (definition.subject?.field === refusal.field) return `the ${definition.subject.label} ${refusal.message}`;
  return `--${refusal.field} ${refusal.message}`;
}
