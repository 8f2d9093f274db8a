import { Writable } from 'node:stream';
import { UsageError } from '../../cli/io.js';
import type { Db } from '../../db/client.js';
import { EXPORTS } from './index.js';
import { recordAudit } from '../audit.js';
import { isTx, withTransaction, type ServiceContext } from '../context.js';
import { forbidden, invalid } from '../errors.js';

/** The formats each export kind takes in Slack; the first, used when none is asked for, is what a spreadsheet or reader opens directly. */
export const EXPORT_FORMATS: Record<string, readonly string[]> = {
  inventory: ['csv', 'json'],
  'evidence-matrix': ['csv', 'json'],
  soa: ['csv', 'md', 'pdf'],
  'nist-profile': ['csv', 'md'],
  obligations: ['md', 'csv'],
  audit: ['jsonl'],
  dossier: ['md', 'pdf'],
  workbook: ['xlsx'],
};

const TITLES: Record<string, string> = {
  inventory: 'AI system inventory', 'evidence-matrix': 'Evidence matrix', soa: 'Statement of Applicability (ISO/IEC 42001 Annex A)',
  'nist-profile': 'NIST AI RMF coverage profile', obligations: 'Binding-law obligations', audit: 'Audit trail', dossier: 'AI system dossier',
  workbook: 'Audit workbook (all registers)',
};

export interface ExportRequest {
  kind: string;
  format: string;
  /** Further arguments for the exporter: the system of a dossier, `--since` of the audit trail. */
  args: string[];
}

/** Text formats travel as text; a workbook or PDF as the bytes written. */
export interface ExportFile { filename: string; title: string; content: string | Buffer; comment: string }

const BINARY_FORMATS = new Set(['xlsx', 'pdf']);

/**
 * Builds an auditor export as a file for Slack, for governance admins only, with the same exporters as
 * the CLI. The export is recorded in the audit trail: who took which data out, and when.
 */
export async function renderExport({ ctx, request }: { ctx: ServiceContext; request: ExportRequest }): Promise<ExportFile> {
  // Exports read their own snapshot transaction; inside another one they would see that one's state.
  if (isTx(ctx.db)) throw new Error('renderExport runs outside a transaction');
  const db = ctx.db as Db;
  if (!ctx.actor.isAdmin) throw forbidden('Exports are for governance admins (AIGOV_ADMINS). Ask one of them for the file.');
  const exporter = EXPORTS.find((e) => e.kind === request.kind);
  if (!exporter || !EXPORT_FORMATS[request.kind]?.includes(request.format)) throw invalid(`There is no ${request.format} export of "${request.kind}".`);
  const chunks: Buffer[] = [];
  const sink = new Writable({ write(chunk, enc, done) { chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk), enc)); done(); } });
  try {
    await exporter.run([...request.args, '--format', request.format], { database: { db }, now: ctx.now }, sink);
  } catch (err) {
    if (err instanceof UsageError) throw invalid(err.message);
    throw err;
  }
  const generatedAt = ctx.now();
  const stamp = generatedAt.toISOString().slice(0, 16).replace(/[-:]/g, '');
  const subject = request.kind === 'dossier' ? `-${request.args.join('-').toLowerCase().replace(/[^a-z0-9_]+/g, '-').slice(0, 60)}` : '';
  const file = {
    filename: `aigov-${request.kind}${subject}-${stamp}Z.${request.format}`,
    title: TITLES[request.kind] ?? request.kind,
    content: BINARY_FORMATS.has(request.format) ? Buffer.concat(chunks) : Buffer.concat(chunks).toString('utf8'),
    comment: `${TITLES[request.kind] ?? request.kind}, generated ${generatedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC. The file states the time its data is as of.`,
  };
  await withTransaction(ctx, (tx) => recordAudit(tx, ctx, {
    action: 'export.generated', subjectType: 'export', subjectId: request.kind,
    after: { format: request.format, args: request.args, filename: file.filename, bytes: Buffer.byteLength(file.content) },
  }));
  return file;
}
