import { describe, expect, it } from 'vitest';
import { EvidenceSubmission, evidenceDateProblems, isCalendarDay, parseArtifactLinks, periodEndInstant } from '../../../src/domain/evidence-artifact.js';

describe('parseArtifactLinks', () => {
  it('keeps one normalised https link a line, skipping blank lines and repeats', () => {
    expect(parseArtifactLinks('https://Wiki.Example.com/doc\r\n\r\nhttps://jira.example.com/GOV-1\nhttps://wiki.example.com/doc')).toEqual({
      ok: true, links: ['https://wiki.example.com/doc', 'https://jira.example.com/GOV-1'],
    });
  });

  it('refuses two links typed on one line', () => {
    expect(parseArtifactLinks('https://wiki.example.com/a https://wiki.example.com/b')).toEqual({ ok: false, message: 'The link contains a space: put one link on each line.' });
  });

  it.each([
    [null, /at least one https link/],
    ['   \n  ', /at least one https link/],
    ['ISO/IEC 42001', /The link is not a web address/],
    ['http://wiki.example.com/doc', /The link must start with https:\/\//],
    ['https://a.example.com/1\nftp://b.example.com/2', /Line 2 must start with https/],
    ['https://wiki/doc', /no full host name/],
    ['https://me:pw@wiki.example.com/doc', /user name or password/],
    [Array.from({ length: 11 }, (_, i) => `https://wiki.example.com/${i}`).join('\n'), /At most 10 links/],
  ])('refuses %j with a message that says what to fix', (raw, message) => {
    const r = parseArtifactLinks(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(message);
  });
});

describe('evidence dates', () => {
  it.each([['2026-02-28', true], ['2026-02-29', false], ['2024-02-29', true], ['2026-13-01', false], ['26-01-01', false]])('%s is a calendar day: %s', (day, ok) => {
    expect(isCalendarDay(day)).toBe(ok);
  });

  it('allows evidence dated today, and refuses tomorrow and a period that has not started or ends before it starts', () => {
    expect(evidenceDateProblems({ evidenceDate: '2026-03-02', periodFrom: '2026-03-02', periodTo: '2026-03-02' }, '2026-03-02')).toEqual({});
    expect(evidenceDateProblems({ evidenceDate: '2026-03-03', periodFrom: '2026-03-03', periodTo: '2026-03-01' }, '2026-03-02')).toEqual({
      evidence_date: 'The evidence date cannot be after today (2026-03-02).',
      period_from: 'The period covered must have started by today (2026-03-02).',
      period_to: 'The period cannot end before it starts.',
    });
  });

  it('treats the last day of the period as covered until the next day begins (UTC)', () => {
    expect(periodEndInstant('2026-03-31').toISOString()).toBe('2026-04-01T00:00:00.000Z');
    expect(periodEndInstant('2024-12-31').toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });

  it('turns blank acceptance criteria into none, and requires every other answer', () => {
    const parsed = EvidenceSubmission.parse({ links: ['https://x.example.com'], kind: 'log', description: ' d ', evidenceDate: '2026-01-01', periodFrom: '2026-01-01', periodTo: '2026-01-31', criteriaMet: false, acceptanceCriteria: '  ' });
    expect(parsed).toMatchObject({ description: 'd', acceptanceCriteria: null });
    const missing = EvidenceSubmission.safeParse({});
    expect(missing.success).toBe(false);
    expect(new Set(missing.error!.issues.map((i) => i.path[0]))).toEqual(new Set(['links', 'kind', 'description', 'evidenceDate', 'periodFrom', 'periodTo', 'criteriaMet']));
  });
});
