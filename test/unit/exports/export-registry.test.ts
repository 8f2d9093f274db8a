import { describe, expect, it } from 'vitest';
import { EXPORTS, findExport, parseExportParams } from '../../../src/app/exports/index.js';
import { describeRefusal } from '../../../src/app/exports/export-definition.js';

const refusal = (kind: string, fields: Record<string, string | undefined>) => {
  const definition = findExport(kind)!;
  const parsed = parseExportParams(definition, fields);
  return parsed.ok ? undefined : describeRefusal(definition, parsed);
};

describe('the exports registry', () => {
  it('declares each kind once, with its file format among its formats', () => {
    const kinds = EXPORTS.map((e) => e.kind);
    expect(kinds).toEqual(['inventory', 'evidence-matrix', 'soa', 'nist-profile', 'obligations', 'audit', 'dossier', 'workbook']);
    expect(new Set(kinds).size).toBe(kinds.length);
    for (const e of EXPORTS) expect(e.formats).toContain(e.fileFormat);
  });

  it('takes the first format listed when none is given', () => {
    expect(EXPORTS.map((e) => [e.kind, parseExportParams(e, e.subject ? { [e.subject.field]: 'x' } : {})]))
      .toEqual(EXPORTS.map((e) => [e.kind, { ok: true, params: expect.objectContaining({ format: e.formats[0] }) }]));
  });

  it('parses the audit trail\'s since into an instant and a workbook\'s organisation into trimmed text or none', () => {
    expect(parseExportParams(findExport('audit')!, { since: '2025-01-01' })).toEqual({ ok: true, params: { format: 'jsonl', since: new Date('2025-01-01T00:00:00Z') } });
    expect(parseExportParams(findExport('workbook')!, { organisation: '  ' })).toEqual({ ok: true, params: { format: 'xlsx', organisation: null } });
  });

  it.each([
    ['soa', { format: 'json' }, '--format must be one of csv, md, pdf, got "json"'],
    ['audit', { format: 'csv' }, '--format must be one of jsonl, got "csv"'],
    ['audit', { since: 'yesterday' }, '--since must be an ISO-8601 date or time, got "yesterday"'],
    ['audit', { since: '2025-13-45' }, '--since must be an ISO-8601 date or time, got "2025-13-45"'],
    ['dossier', { format: 'md' }, 'the system id or name is missing'],
    ['dossier', { system: '   ' }, 'the system id or name is missing'],
  ])('refuses %s %o naming the field: %s', (kind, fields, message) => {
    expect(refusal(kind, fields)).toBe(message);
  });
});
