import { describe, expect, it } from 'vitest';
import { mdTable, mdText } from '../../../src/app/exports/markdown.js';

describe('Markdown cells', () => {
  it.each([
    ['a | b', 'a \\| b'],
    ['line one\nline two\r\nthree', 'line one line two three'],
    ['<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['[click](https://evil.example.com)', '\\[click\\](https://evil.example.com)'],
    ['`code` and *bold*', '\\`code\\` and \\*bold\\*'],
    ['C:\\path', 'C:\\\\path'],
    ['sys_0abc', 'sys_0abc'],
  ])('keep user text %j as text: %j', (input, expected) => {
    expect(mdText(input)).toBe(expected);
  });

  it.each([[null], [undefined], [''], [[]]])('show an empty value %j as a dash', (value) => {
    expect(mdText(value)).toBe('—');
  });

  it('join lists and write dates as ISO-8601', () => {
    expect(mdText(['a', 'b'])).toBe('a; b');
    expect(mdText(new Date('2025-03-01T10:00:00Z'))).toBe('2025-03-01T10:00:00.000Z');
  });

  it('make a table whose rows cannot be broken by a pipe in the data', () => {
    expect(mdTable(['A', 'B'], [['x|y', 2]]).split('\n')).toEqual(['| A | B |', '|---|---|', '| x\\|y | 2 |']);
  });
});
