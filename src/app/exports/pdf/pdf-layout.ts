import { createRequire } from 'node:module';
import path from 'node:path';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import PDFDocument from 'pdfkit';

const require = createRequire(import.meta.url);
const FONT_DIR = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');

// DejaVu covers Latin, Greek, Cyrillic and the punctuation exports use (—, ·, …); the PDF standard fonts
// cover only Windows-1252, and a system name in another script would print as gibberish.
const FONTS = {
  regular: path.join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: path.join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  italic: path.join(FONT_DIR, 'DejaVuSans-Oblique.ttf'),
  cell: path.join(FONT_DIR, 'DejaVuSansCondensed.ttf'),
  cellBold: path.join(FONT_DIR, 'DejaVuSansCondensed-Bold.ttf'),
} as const;

const URL_IN_TEXT = /https?:\/\/[^\s<>"|]+[^\s<>"|.,;:)\]]/g;
const INK = '#1a1a1a';
const MUTED = '#555555';
const LINK = '#0645ad';
const RULE = '#b0b0b0';
const HEADER_FILL = '#e8ecf2';
const CELL_PAD = 3;
/** A cell longer than this is cut with an ellipsis: the full text is in the CSV, Markdown and workbook. */
const MAX_CELL_CHARS = 1200;

export interface PdfMeta {
  title: string;
  subtitle?: string;
  generatedAt: Date;
  dataAsOf: Date;
  /** Lines under the title: what the document covers, counts, status. */
  lines?: string[];
  /** Said in the footer of every page, e.g. whether this is a draft or an approved version. */
  status?: string;
}

export interface TableColumn {
  header: string;
  /** Share of the line width (the shares of a table are normalised). */
  weight: number;
}

export const stampTime = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/**
 * A landscape A4 document for auditors: a title block with generated-at and as-of stamps, tables that
 * continue across pages with their header row repeated, URLs in text as clickable links, and a footer
 * on every page with the stamps and "Page i of n". Pure JavaScript (pdfkit): no browser at run time.
 */
export class AuditPdf {
  readonly doc: PDFKit.PDFDocument;
  private readonly meta: PdfMeta;

  constructor(meta: PdfMeta) {
    this.meta = meta;
    this.doc = new PDFDocument({
      size: 'A4', layout: 'landscape', margins: { top: 40, bottom: 48, left: 40, right: 40 }, bufferPages: true,
      info: { Title: meta.title, Creator: 'aigov', Producer: 'aigov', CreationDate: meta.generatedAt, ModDate: meta.generatedAt },
      lang: 'en',
    });
    for (const [name, file] of Object.entries(FONTS)) this.doc.registerFont(name, file);
    this.doc.font('regular').fillColor(INK);
    this.titleBlock();
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right;
  }

  private get bottom(): number {
    return this.doc.page.height - this.doc.page.margins.bottom;
  }

  private titleBlock(): void {
    const { doc, meta } = this;
    doc.font('bold').fontSize(18).text(meta.title, { width: this.width });
    if (meta.subtitle) doc.font('regular').fontSize(11).fillColor(MUTED).text(meta.subtitle, { width: this.width }).fillColor(INK);
    doc.moveDown(0.3);
    doc.font('regular').fontSize(9.5).text(`Generated ${stampTime(meta.generatedAt)}   ·   Data as of ${stampTime(meta.dataAsOf)}`, { width: this.width });
    for (const line of meta.lines ?? []) this.paragraph(line, { size: 9.5 });
    doc.moveDown(0.4);
    this.rule();
  }

  rule(): void {
    const { doc } = this;
    const y = doc.y + 2;
    doc.save().moveTo(doc.page.margins.left, y).lineTo(doc.page.margins.left + this.width, y).lineWidth(0.6).strokeColor(RULE).stroke().restore();
    doc.y = y + 6;
  }

  heading(text: string, level: 1 | 2 | 3 = 2): void {
    const size = level === 1 ? 15 : level === 2 ? 13 : 11;
    // A heading never sits alone at the foot of a page.
    this.ensureSpace(size * 4);
    this.doc.moveDown(0.5).font('bold').fontSize(size).fillColor(INK).text(text, this.doc.page.margins.left, this.doc.y, { width: this.width });
    this.doc.moveDown(0.25);
  }

  paragraph(text: string, opts: { size?: number; italic?: boolean; bold?: boolean } = {}): void {
    const font = opts.bold ? 'bold' : opts.italic ? 'italic' : 'regular';
    this.ensureSpace((opts.size ?? 10) * 2);
    this.linkedText(text, this.doc.page.margins.left, this.doc.y, this.width, { font, size: opts.size ?? 10 });
    this.doc.moveDown(0.3);
  }

  private ensureSpace(height: number): void {
    if (this.doc.y + height > this.bottom) this.doc.addPage();
  }

  /** Text with every URL in it a link annotation, drawn at (x, y) within width. */
  private linkedText(text: string, x: number, y: number, width: number, o: { font: string; size: number; height?: number }): void {
    const { doc } = this;
    doc.font(o.font).fontSize(o.size);
    const parts = splitLinks(text);
    const base = { width, ...(o.height ? { height: o.height, ellipsis: true } : {}) };
    if (parts.length === 1 && !parts[0]!.url) {
      doc.fillColor(INK).text(text, x, y, base);
      return;
    }
    parts.forEach((p, i) => {
      const more = i < parts.length - 1;
      const opts = { ...base, continued: more, link: p.url ?? null, underline: Boolean(p.url) } as PDFKit.Mixins.TextOptions;
      doc.fillColor(p.url ? LINK : INK);
      if (i === 0) doc.text(p.text, x, y, opts);
      else doc.text(p.text, opts);
    });
    doc.fillColor(INK);
  }

  /**
   * A table: rows that do not fit go to the next page, and the header row is drawn again at the top of
   * every page the table reaches. A row taller than a page is cut to fit with an ellipsis.
   */
  table(columns: readonly TableColumn[], rows: readonly (readonly unknown[])[], opts: { fontSize?: number } = {}): void {
    const { doc } = this;
    const size = opts.fontSize ?? 7.5;
    const total = columns.reduce((a, c) => a + c.weight, 0);
    const widths = columns.map((c) => (c.weight / total) * this.width);
    const left = doc.page.margins.left;
    const textOf = (v: unknown) => clip(cellText(v));
    const heightOf = (cells: readonly string[], font: string) => {
      doc.font(font).fontSize(size);
      return Math.max(...cells.map((c, i) => doc.heightOfString(c || ' ', { width: widths[i]! - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    };
    const headers = columns.map((c) => c.header);
    const headerHeight = heightOf(headers, 'cellBold');
    const drawRow = (cells: readonly string[], height: number, header: boolean) => {
      let x = left;
      const y = doc.y;
      if (header) doc.save().rect(left, y, this.width, height).fill(HEADER_FILL).restore();
      cells.forEach((c, i) => {
        this.linkedText(c, x + CELL_PAD, y + CELL_PAD, widths[i]! - 2 * CELL_PAD, { font: header ? 'cellBold' : 'cell', size, height: height - 2 * CELL_PAD + 1 });
        x += widths[i]!;
      });
      doc.save().moveTo(left, y + height).lineTo(left + this.width, y + height).lineWidth(header ? 0.8 : 0.3).strokeColor(RULE).stroke().restore();
      doc.x = left;
      doc.y = y + height;
    };
    const startPage = () => drawRow(headers, headerHeight, true);
    if (doc.y + headerHeight + 3 * size > this.bottom) doc.addPage();
    startPage();
    const room = this.bottom - this.doc.page.margins.top - headerHeight;
    for (const row of rows) {
      const cells = columns.map((_, i) => textOf(row[i]));
      const height = Math.min(heightOf(cells, 'cell'), room);
      if (doc.y + height > this.bottom) {
        doc.addPage();
        startPage();
      }
      drawRow(cells, height, false);
    }
    doc.moveDown(0.6);
  }

  /** Stamps every page, then writes the file to out. */
  async end(out: Writable): Promise<void> {
    const { doc, meta } = this;
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i += 1) {
      doc.switchToPage(i);
      const y = doc.page.height - 32;
      // The footer sits in the bottom margin; without lifting the margin pdfkit would start a new page for it.
      const margin = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.font('regular').fontSize(7.5).fillColor(MUTED);
      doc.text(`${meta.title}${meta.status ? ` · ${meta.status}` : ''} · generated ${stampTime(meta.generatedAt)} · data as of ${stampTime(meta.dataAsOf)}`, doc.page.margins.left, y, { width: this.width * 0.75, lineBreak: false });
      doc.text(`Page ${i - range.start + 1} of ${range.count}`, doc.page.margins.left, y, { width: this.width, align: 'right', lineBreak: false });
      doc.page.margins.bottom = margin;
    }
    doc.fillColor(INK);
    const done = new Promise<void>((resolve, reject) => {
      doc.on('end', resolve);
      doc.on('error', reject);
    });
    // pipe honours back-pressure; the caller's stream stays open (stdout is not ours to end).
    doc.pipe(out, { end: false });
    doc.end();
    await done;
    if (out.writableNeedDrain) await once(out, 'drain');
  }
}

export function cellText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(cellText).join('; ');
  return String(v);
}

const clip = (s: string) => (s.length > MAX_CELL_CHARS ? `${s.slice(0, MAX_CELL_CHARS - 1)}…` : s);

/** Splits text into plain runs and URLs, so each URL can carry its own link annotation. */
export function splitLinks(text: string): { text: string; url?: string }[] {
  const parts: { text: string; url?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(URL_IN_TEXT)) {
    if (m.index! > last) parts.push({ text: text.slice(last, m.index) });
    parts.push({ text: m[0], url: m[0] });
    last = m.index! + m[0].length;
  }
  if (last < text.length || !parts.length) parts.push({ text: text.slice(last) });
  return parts;
}
