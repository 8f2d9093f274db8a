import { describe, expect, it } from 'vitest';
import { parseExportRequest } from '../../../src/slack/parse/export-request.js';

describe('/aigov export arguments', () => {
  it.each([
    ['soa', { kind: 'soa', format: 'csv', args: [] }],
    ['SOA md', { kind: 'soa', format: 'md', args: [] }],
    ['nist-profile  csv', { kind: 'nist-profile', format: 'csv', args: [] }],
    ['audit --since 2025-01-01', { kind: 'audit', format: 'jsonl', args: ['--since', '2025-01-01'] }],
    ['dossier Applicant ranker', { kind: 'dossier', format: 'md', args: ['Applicant', 'ranker'] }],
    ['inventory json', { kind: 'inventory', format: 'json', args: [] }],
  ])('read %j', (text, request) => {
    expect(parseExportRequest(text)).toEqual({ ok: true, request });
  });

  it.each([
    ['', /^Usage: /],
    ['everything', /^`everything` is not an export I know\./],
    ['<!here>', /^`&lt;!here&gt;` is not an export I know\./],
    ['dossier', /^Which system\?/],
  ])('explain what is wrong with %j', (text, message) => {
    const parsed = parseExportRequest(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(message);
  });
});
