import type { Writable } from 'node:stream';
import { Lexer, type Token, type Tokens } from 'marked';
import { AuditPdf, type TableColumn } from './pdf-layout.js';

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

/** Inline Markdown as the plain text a reader sees: escapes undone, emphasis and code kept as their text, links as their address. */
export function inlineText(tokens: readonly Token[] | undefined, raw = ''): string {
  if (!tokens) return decode(raw);
  return tokens.map((t): string => {
    switch (t.type) {
      case 'escape': return (t as Tokens.Escape).text;
      case 'link': return (t as Tokens.Link).href;
      case 'br': return '\n';
      case 'strong': case 'em': case 'del': return inlineText((t as Tokens.Strong).tokens, (t as Tokens.Strong).text);
      case 'codespan': return decode((t as Tokens.Codespan).text);
      default: return 'tokens' in t && t.tokens ? inlineText(t.tokens) : decode((t as { text?: string }).text ?? t.raw);
    }
  }).join('');
}

// The table line on landscape A4 in points, and about how wide one character of the table font is.
const LINE_PT = 762;
const CHAR_PT = 4.6;

/**
 * Column shares from the characters each column wants: narrow columns (dates, ids, statuses) get their
 * full width, the wide ones share what is left of the line in proportion to what they hold.
 */
export function fitColumns(desired: readonly number[]): number[] {
  // Two characters' room for the cell padding.
  const want = desired.map((d) => (d + 2) * CHAR_PT);
  const total = want.reduce((a, b) => a + b, 0);
  if (total <= LINE_PT) return want;
  const isWide = (w: number) => w > 18 * CHAR_PT;
  const narrow = want.reduce((a, w) => a + (isWide(w) ? 0 : w), 0);
  const wide = total - narrow;
  if (!wide || narrow > LINE_PT * 0.7) return want;
  return want.map((w) => (isWide(w) ? (w / wide) * (LINE_PT - narrow) : w));
}

const STAMP = /^Generated (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC · data as of (\d{4}-\d{2}-\d{2} \d{2}:\d{2}) UTC/;
const toDate = (s: string) => new Date(`${s.replace(' ', 'T')}:00Z`);

/**
 * A column's share of the line from what it holds: its longest header word or its longest cell, capped
 * so that one long reason does not squeeze every other column.
 */
export function columnWeight(header: string, cells: readonly string[]): number {
  const word = Math.max(...header.split(/\s+/).map((w) => w.length));
  const longest = Math.max(0, ...cells.filter((c) => c !== '—').map((c) => c.length));
  return Math.max(word + 1, Math.min(44, longest), 6);
}

/**
 * A system's dossier as a PDF, laid out from the dossier's Markdown (the one place its sections are
 * composed): headings, paragraphs, numbered lists and tables, each table repeating its header on every
 * page it reaches and every evidence link clickable.
 */
export async function writeDossierPdf(out: Writable, markdown: string, fallbackNow: Date): Promise<void> {
  const tokens = new Lexer({ gfm: true }).lex(markdown);
  const title = tokens.find((t): t is Tokens.Heading => t.type === 'heading' && t.depth === 1);
  const stampToken = tokens.find((t): t is Tokens.Paragraph => t.type === 'paragraph' && STAMP.test(t.text));
  const stamp = stampToken ? STAMP.exec(inlineText(stampToken.tokens, stampToken.text)) : null;
  const pdf = new AuditPdf({
    title: title ? inlineText(title.tokens, title.text) : 'AI system dossier',
    subtitle: stampToken ? inlineText(stampToken.tokens, stampToken.text).replace(STAMP, '').replace(/^ · /, '') : undefined,
    generatedAt: stamp ? toDate(stamp[1]!) : fallbackNow,
    dataAsOf: stamp ? toDate(stamp[2]!) : fallbackNow,
  });
  for (const t of tokens) {
    if (t === title || t === stampToken) continue;
    switch (t.type) {
      case 'heading': pdf.heading(inlineText((t as Tokens.Heading).tokens, (t as Tokens.Heading).text), (t as Tokens.Heading).depth <= 2 ? 2 : 3); break;
      case 'paragraph': pdf.paragraph(inlineText((t as Tokens.Paragraph).tokens, (t as Tokens.Paragraph).text), { italic: /^_.*_$/.test(t.raw.trim()) }); break;
      case 'list': {
        const list = t as Tokens.List;
        list.items.forEach((item, i) => pdf.paragraph(`${list.ordered ? `${Number(list.start || 1) + i}.` : '•'} ${inlineText(item.tokens, item.text).trim()}`, { size: 9.5 }));
        break;
      }
      case 'table': {
        const table = t as Tokens.Table;
        const rows = table.rows.map((row) => row.map((c) => inlineText(c.tokens, c.text)));
        const headers = table.header.map((h) => inlineText(h.tokens, h.text));
        const weights = fitColumns(headers.map((header, i) => columnWeight(header, rows.map((r) => r[i] ?? ''))));
        const columns: TableColumn[] = headers.map((header, i) => ({ header, weight: weights[i]! }));
        pdf.table(columns, rows);
        break;
      }
      default: break;
    }
  }
  await pdf.end(out);
}
