import { parseFlags, parseNow, requireFormat } from '../../cli/args.js';
import { UsageError } from '../../cli/io.js';
import type { Exporter } from './index.js';
import { exportSoa } from './soa.js';
import { exportNistProfile } from './nist-profile.js';
import { exportAuditTrail } from './audit-trail.js';
import { exportDossier } from './dossier.js';
import { exportObligations } from './obligations.js';
import { captured } from './captured.js';
import { writeSoaPdf } from './pdf/soa-pdf.js';
import { writeDossierPdf } from './pdf/dossier-pdf.js';

const clockOf = (rt: { now?: () => Date }) => rt.now ?? (() => new Date());

function noPositionals(kind: string, positionals: string[]): void {
  if (positionals.length) throw new UsageError(`export ${kind} takes no arguments besides its flags, got "${positionals.join(' ')}"`);
}

/** The auditor's files beyond the inventory and evidence matrix: SoA, NIST AI RMF profile, binding-law obligations, audit trail, dossier. */
export const AUDITOR_EXPORTS: Exporter[] = [
  {
    kind: 'soa',
    async run(args, rt, out) {
      const { values, positionals } = parseFlags(args, { format: { type: 'string' } });
      noPositionals('soa', positionals);
      const format = requireFormat(values.format, ['csv', 'md', 'pdf'] as const);
      if (format === 'pdf') await writeSoaPdf(out, await captured((sink) => exportSoa(rt.database.db, sink, 'csv', clockOf(rt))), clockOf(rt)());
      else await exportSoa(rt.database.db, out, format, clockOf(rt));
    },
  },
  {
    kind: 'nist-profile',
    async run(args, rt, out) {
      const { values, positionals } = parseFlags(args, { format: { type: 'string' } });
      noPositionals('nist-profile', positionals);
      await exportNistProfile(rt.database.db, out, requireFormat(values.format, ['csv', 'md'] as const), clockOf(rt));
    },
  },
  {
    kind: 'obligations',
    async run(args, rt, out) {
      const { values, positionals } = parseFlags(args, { format: { type: 'string' } });
      noPositionals('obligations', positionals);
      await exportObligations(rt.database.db, out, requireFormat(values.format, ['csv', 'md'] as const), clockOf(rt));
    },
  },
  {
    kind: 'audit',
    async run(args, rt, out) {
      const { values, positionals } = parseFlags(args, { format: { type: 'string' }, since: { type: 'string' } });
      noPositionals('audit', positionals);
      requireFormat(values.format, ['jsonl'] as const, 'jsonl');
      const since = values.since === undefined ? undefined : parseSince(values.since);
      await exportAuditTrail(rt.database.db, out, { ...(since ? { since } : {}), now: clockOf(rt) });
    },
  },
  {
    kind: 'dossier',
    async run(args, rt, out) {
      const { values, positionals } = parseFlags(args, { format: { type: 'string' } });
      const format = requireFormat(values.format, ['md', 'pdf'] as const, 'md');
      const ref = positionals.join(' ').trim();
      if (!ref) throw new UsageError('export dossier needs a system id or name: aigov export dossier <system id or name> --format md|pdf');
      if (format === 'pdf') await writeDossierPdf(out, await captured((sink) => exportDossier(rt.database.db, sink, { ref, now: clockOf(rt) })), clockOf(rt)());
      else await exportDossier(rt.database.db, out, { ref, now: clockOf(rt) });
    },
  },
];

function parseSince(value: string): Date {
  try {
    return parseNow(value, () => new Date());
  } catch {
    throw new UsageError(`--since must be an ISO-8601 date or time, got "${value}"`);
  }
}
