import { describe, expect, it } from 'vitest';
import { parseExportRequest } from '../../../src/slack/parse/export-request.js';

describe('/aigov export arguments', () => {
  it.each([
    ['soa', { kind: 'soa', fields: { format: 'csv' } }],
    ['SOA md', { kind: 'soa', fields: { format: 'md' } }],
    ['nist-profile  csv', { kind: 'nist-profile', fields: { format: 'csv' } }],
    ['obligations', { kind: 'obligations', fields: { format: 'md' } }],
    ['audit --since 2025-01-01', { kind: 'audit', fields: { format: 'jsonl', since: '2025-01-01' } }],
    ['dossier Applicant ranker', { kind: 'dossier', fields: { format: 'md', system: 'Applicant ranker' } }],
    ['dossier pdf Applicant ranker', { kind: 'dossier', fields: { format: 'pdf', system: 'Applicant ranker' } }],
    ['inventory json', { kind: 'inventory', fields: { format: 'json' } }],
    ['workbook --organisation Example', { kind: 'workbook', fields: { format: 'xlsx', organisation: 'Example' } }],
  ])('read %j', (text, request) => {
    expect(parseExportRequest(text)).toEqual({ ok: true, request });
  });

  it.each([
    ['', /^Usage: /],
    ['everything', /^`everything` is not an export I know\./],
    ['<!here>', /^`&lt;!here&gt;` is not an export I know\./],
    ['dossier', /^Which system\?/],
    ['soa json', /^`\/aigov export soa` takes a format \(csv, md, pdf\) and nothing else, got `json`\./],
    ['soa --colour red', /^Unknown option '--colour'\. Usage: /],
  ])('explain what is wrong with %j', (text, message) => {
    const parsed = parseExportRequest(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
