import { describe, expect, it } from 'vitest';
import { MAX_EVIDENCE_FILE_BYTES, evidenceFilesProblem, type SlackFileFacts } from '../../../src/domain/evidence-files.js';
import { mayCarryToken } from '../../../src/slack/gateway.js';

const file = (over: Partial<SlackFileFacts> = {}): SlackFileFacts => ({ id: 'F1', name: 'report.pdf', mimetype: 'application/pdf', filetype: 'pdf', size: 1000, ...over });

describe('evidenceFilesProblem', () => {
  it.each([
    ['a PDF', [file()], null],
    ['five files', Array.from({ length: 5 }, () => file()), null],
    ['a file exactly at the size limit', [file({ size: MAX_EVIDENCE_FILE_BYTES })], null],
    ['an unknown filetype whose extension is known', [file({ name: 'notes.md', filetype: 'binary' })], null],
    ['six files', Array.from({ length: 6 }, () => file()), /At most 5 files \(you attached 6\)/],
    ['a byte over the limit', [file({ size: MAX_EVIDENCE_FILE_BYTES + 1 })], /"report\.pdf" is 25 MB; files up to 25 MB/],
    ['an empty file', [file({ size: 0 })], /"report\.pdf" is empty/],
    ['an executable', [file({ name: 'setup.exe', filetype: 'binary' })], /"setup\.exe" is not a kind of file kept as evidence \(binary\)/],
  ])('%s', (_what, files, expected) => {
    const problem = evidenceFilesProblem(files);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });
});

describe('mayCarryToken', () => {
  it.each([
    ['https://files.slack.com/files-pri/T1-F1/download/a.pdf', 'https://slack.com/api/', true],
    ['http://127.0.0.1:9999/download/F1/a.pdf', 'http://127.0.0.1:9999/api/', true],
    ['https://files.slack.com.evil.example/a.pdf', 'https://slack.com/api/', false],
    ['http://files.slack.com/a.pdf', 'https://slack.com/api/', false],
    ['https://example.com/a.pdf', 'https://slack.com/api/', false],
    ['not a url', 'https://slack.com/api/', false],
  ])('%s with the API at %s: %s', (url, api, expected) => {
    expect(mayCarryToken(url, api)).toBe(expected);
  });
});
