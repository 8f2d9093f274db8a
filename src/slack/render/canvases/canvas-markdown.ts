import type { CanvasSection } from '../../../outbox/rendering.js';

// Canvas markdown (Slack: "Canvases" surface, document_content {type: 'markdown'}): headings h1–h3, lists,
// tables, links `[text](url)`, user mentions `![](@U123)` and channel mentions `![](#C123)`. User text is
// escaped so a name or reason can never become a heading, link, mention, table cell break or emphasis.

/**
 * Slack's limit on a canvas's markdown: "The markdown content is limited to 1 MiB (1,048,576 characters)"
 * (https://docs.slack.dev/reference/methods/conversations.canvases.create). Canvases stay far below it
 * by listing at most a few dozen lines per section; `fitCanvas` is the last guard, never a silent cut.
 */
export const CANVAS_MAX_CHARS = 1_048_576;

/** User text for a line or a table cell: markdown punctuation backslash-escaped, line breaks folded. */
export function canvasText(value: unknown): string {
  const text = value === null || value === undefined ? '' : value instanceof Date ? value.toISOString() : Array.isArray(value) ? value.join('; ') : String(value);
  if (!text.trim()) return '—';
  return text.replace(/\r?\n|\r/g, ' ').replace(/[\\`*_~#[\]()<>|!@&]/g, (c) => `\\${c}`);
}

const USER_ID = /^[UW][A-Z0-9]{2,}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,}$/;

/** A user mention; an id that is not one (the `system` actor, a typo) is shown as text. */
export const userMention = (id: string | null | undefined) => (id && USER_ID.test(id) ? `![](@${id})` : canvasText(id));
export const channelMention = (id: string) => (CHANNEL_ID.test(id) ? `![](#${id})` : canvasText(id));

/** A link only to Slack's own https addresses, which aigov builds; the text is escaped. */
export function canvasLink(text: string, url: string | undefined): string {
  const label = canvasText(text);
  return url && /^https:\/\/[a-z0-9-]+\.slack\.com\/[\w/.-]+$/i.test(url) ? `[${label}](${url})` : label;
}

/** A message's permalink, as chat.getPermalink gives it: `https://<team>.slack.com/archives/<channel>/p<ts without the dot>`. */
export function messageUrl(workspaceUrl: string | undefined, message: { channel: string; ts: string } | undefined): string | undefined {
  if (!workspaceUrl || !message) return undefined;
  return `${workspaceUrl.replace(/\/?$/, '/')}archives/${message.channel}/p${message.ts.replace('.', '')}`;
}

export function canvasTable(headers: readonly string[], rows: readonly string[][]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(headers), `|${headers.map(() => '---').join('|')}|`, ...rows.map(line)].join('\n');
}

/** "and N more — see …" under a capped list: a long list is summarised, never silently cut. */
export function andMore(shown: number, total: number, where: string): string {
  return total > shown ? `\n\n_…and ${total - shown} more — see ${where}._` : '';
}

/** The canvas as one markdown document: a title line, then each section under its `##` heading. */
export function canvasDocument(title: string, sections: readonly CanvasSection[]): string {
  return [`# ${title}`, ...sections.map(sectionMarkdown)].join('\n\n');
}

export const sectionMarkdown = (s: CanvasSection) => `## ${s.heading}\n\n${s.markdown}`;

/**
 * The last guard on size: if the whole document would pass Slack's limit, the longest sections are
 * replaced, one by one, with a line saying what they held and where to read it in full. Never a cut mid-text.
 */
export function fitCanvas(title: string, sections: readonly (CanvasSection & { fullAt: string })[], limit = CANVAS_MAX_CHARS): CanvasSection[] {
  const out = sections.map((s) => ({ heading: s.heading, markdown: s.markdown, fullAt: s.fullAt }));
  const size = () => canvasDocument(title, out).length;
  const longestFirst = [...out].sort((a, b) => b.markdown.length - a.markdown.length);
  for (const s of longestFirst) {
    if (size() <= limit) break;
    s.markdown = `_This section holds ${s.markdown.length.toLocaleString('en-GB')} characters, more than a canvas can hold: see ${s.fullAt}._`;
  }
  return out.map(({ heading, markdown }) => ({ heading, markdown }));
}
