import { Writable } from 'node:stream';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { EXPORTS, findExport } from './index.js';
import { describeRefusal, parseExportParams, type ExportDefinition } from './export-definition.js';
import { recordAudit } from '../audit.js';
import { isTx, withTransaction, type ServiceContext } from '../context.js';
import { forbidden, invalid, parseInput } from '../errors.js';

/** An export asked for from Slack: the kind, and its params as typed (`format`, `since`, `system`…), not yet parsed. */
export const ExportRequest = z.strictObject({
  kind: z.string(),
  fields: z.record(z.string(), z.string().optional()),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

/** Text formats travel as text; a workbook or PDF as the bytes written. */
export interface ExportFile { filename: string; title: string; content: string | Buffer; comment: string }

const BINARY_FORMATS = new Set(['xlsx', 'pdf']);

export const EXPORTS_ARE_FOR_ADMINS = 'Exports are for governance admins (AIGOV_ADMINS). Ask one of them for the file.';

/**
 * Whether the actor may have this export and the request is well formed, without building anything: the
 * Slack command answers with this at once and builds the file after. Refusals are AppErrors that name the
 * bad field. Returns the export and its parsed params.
 */
export function checkExportRequest({ ctx, input }: { ctx: ServiceContext; input: ExportRequest }): { definition: ExportDefinition; params: { format: string } } {
  if (!ctx.actor.isAdmin) throw forbidden(EXPORTS_ARE_FOR_ADMINS);
  const request = parseInput(ExportRequest, input);
  const definition = findExport(request.kind);
  if (!definition) throw invalid(`There is no "${request.kind}" export; the exports are ${EXPORTS.map((e) => e.kind).join(', ')}.`);
  const parsed = parseExportParams(definition, request.fields);
  if (!parsed.ok) throw invalid(describeRefusal(definition, parsed), { [parsed.field]: parsed.message });
  return { definition, params: parsed.params };
}

/**
 * Builds an auditor export as a file for Slack, for governance admins only, with the same exporters as
 * the CLI. The export is recorded in the audit trail: who took which data out, and when.
 */
export async function renderExport({ ctx, input }: { ctx: ServiceContext; input: ExportRequest }): Promise<ExportFile> {
  // Exports read their own snapshot transaction; inside another one they would see that one's state.
  if (isTx(ctx.db)) throw new Error('renderExport runs outside a transaction');
  const db = ctx.db as Db;
  const { definition, params } = checkExportRequest({ ctx, input });
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(chunk, enc, done) { chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), enc)); done(); } });
  await definition.run(params, { database: { db }, now: ctx.now }, sink);
  const generatedAt = ctx.now();
  const stamp = generatedAt.toISOString().slice(0, 16).replace(/[-:]/g, '');
  const subjectValue = definition.subject ? input.fields[definition.subject.field] : undefined;
  const subject = subjectValue ? `-${subjectValue.trim().toLowerCase().replace(/[^a-z0-9_]+/g, '-').slice(0, 60)}` : '';
  const file = {
    filename: `aigov-${definition.kind}${subject}-${stamp}Z.${params.format}`,
    title: definition.title,
    content: BINARY_FORMATS.has(params.format) ? Buffer.concat(chunks) : Buffer.concat(chunks).toString('utf8'),
    comment: `${definition.title}, generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. The file states the time its data is as of.`,
  };
  const { format: _format, ...asked } = input.fields;
  await withTransaction(ctx, (tx) => recordAudit(tx, ctx, {
    action: 'export.generated', subjectType: 'export', subjectId: definition.kind,
    after: { format: params.format, params: asked, filename: file.filename, bytes: Buffer.byteLength(file.content) },
  }));
  return file;
}
