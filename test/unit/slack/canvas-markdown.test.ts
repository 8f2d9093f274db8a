import { describe, expect, it } from 'vitest';
import { andMore, canvasLink, canvasTable, canvasText, channelMention, messageUrl, userMention } from '../../../src/slack/render/canvases/canvas-markdown.js';

describe('canvas markdown', () => {
  it.each([
    ['## Heading', '\\#\\# Heading'],
    ['![](@U0ADMIN1)', '\\!\\[\\]\\(\\@U0ADMIN1\\)'],
    ['[x](https://evil.example)', '\\[x\\]\\(https://evil.example\\)'],
    ['a | b', 'a \\| b'],
    ['**bold** _it_ ~del~ `code`', '\\*\\*bold\\*\\* \\_it\\_ \\~del\\~ \\`code\\`'],
    ['line\nbreak', 'line break'],
    ['', '—'],
    [null, '—'],
  ])('escapes user text %j so it stays text', (input, expected) => {
    expect(canvasText(input)).toBe(expected);
  });

  it('mentions users and channels only by well-formed ids', () => {
    expect(userMention('U0OWNER1')).toBe('![](@U0OWNER1)');
    expect(userMention('system')).toBe('system');
    expect(userMention(null)).toBe('—');
    expect(channelMention('C0GOV')).toBe('![](#C0GOV)');
    expect(channelMention('general')).toBe('general');
  });

  it('links only to Slack\'s own addresses, with the text escaped', () => {
    expect(canvasLink('Ranker [v2]', 'https://acme.slack.com/docs/T1/F1')).toBe('[Ranker \\[v2\\]](https://acme.slack.com/docs/T1/F1)');
    expect(canvasLink('Ranker', 'https://evil.example/x')).toBe('Ranker');
    expect(canvasLink('Ranker', 'https://acme.slack.com/docs/T1/F1) [y](https://evil.example')).toBe('Ranker');
    expect(canvasLink('Ranker', undefined)).toBe('Ranker');
  });

  it('builds a message link as chat.getPermalink gives it', () => {
    expect(messageUrl('https://acme.slack.com/', { channel: 'C0INTAKE', ts: '1700000000.000100' })).toBe('https://acme.slack.com/archives/C0INTAKE/p1700000000000100');
    expect(messageUrl(undefined, { channel: 'C1', ts: '1.2' })).toBeUndefined();
  });

  it('says how many more a capped list holds and where they are', () => {
    expect(andMore(25, 25, '`x`')).toBe('');
    expect(andMore(25, 30, '`/aigov export inventory`')).toBe('\n\n_…and 5 more — see `/aigov export inventory`._');
    expect(canvasTable(['A', 'B'], [['1', '2']])).toBe('| A | B |\n|---|---|\n| 1 | 2 |');
  });
});
