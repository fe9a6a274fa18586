// The page frame every generated PDF shares (invoice, proposal, status report): A4 with one palette, the fonts of
// fonts.ts, headings that never sit alone at the foot of a page, paragraphs, bullet lists with a hanging indent,
// tables whose rows grow to their tallest cell and repeat the header after a page break, figures shrunk to fit
// their box on one line, and a footer on every page.
import PDFDocument from 'pdfkit';
import { HELVETICA, pdfFonts, winAnsi } from './fonts';

export const COLORS = {
  ink: '#1f2937', muted: '#6b7280', brand: '#2563eb', line: '#e5e7eb', headerFill: '#eff6ff', shade: '#f9fafb',
  onBrand: '#ffffff', onBrandMuted: '#dbeafe', good: '#10b981', warn: '#f59e0b', bad: '#dc2626',
} as const;
export const PAGE = { w: 595.28, h: 841.89, m: 50 } as const;
/** Content stops here; the footer sits below. */
const BOTTOM = PAGE.h - PAGE.m - 20;

export interface Column { label: string; w: number; align?: 'left' | 'right' }

export interface Pdf {
  doc: PDFKit.PDFDocument;
  /** Text as the font can draw it (WinAnsi spelling without a Unicode font). */
  t(s: string): string;
  /** Width between the margins. */
  width: number;
  /** Starts a new page unless `h` points still fit on this one. */
  ensure(h: number): void;
  heading(s: string, opts?: { size?: number; keepWith?: number }): void;
  paragraph(s: string, opts?: { size?: number; color?: string }): void;
  bullets(items: string[], opts?: { numbered?: boolean }): void;
  table(cols: Column[], rows: string[][], opts?: { empty?: string; boldLast?: boolean }): void;
  /** One line at (x, y) in `width`: the size steps down from `size` to `min` until it fits. */
  fit(s: string, x: number, y: number, width: number, opts: { size: number; min?: number; font?: 'body' | 'bold'; color?: string; align?: 'left' | 'right' | 'center' }): void;
  /** Writes the footer on every page and ends the document. */
  finish(footer: (page: number, pages: number) => string): Promise<Buffer>;
}

/** `embedFont: false` forces pdfkit's built-in Helvetica (what a machine without a TTF gets). */
export function createPdf(info: { title: string; subject?: string }, opts: { embedFont?: boolean } = {}): Pdf {
  const f = opts.embedFont === false ? HELVETICA : pdfFonts();
  const t = (s: string) => (f.embedded ? s : winAnsi(s));
  const doc = new PDFDocument({
    size: 'A4', margin: PAGE.m, bufferPages: true,
    info: { Title: t(info.title), Subject: t(info.subject ?? ''), Author: 'Valuegraph', Creator: 'Valuegraph' },
  });
  doc.registerFont('body', f.regular);
  doc.registerFont('bold', f.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const width = PAGE.w - 2 * PAGE.m;

  const ensure = (h: number) => { if (doc.y + h > BOTTOM) { doc.addPage(); doc.x = PAGE.m; doc.y = PAGE.m; } };

  const heading: Pdf['heading'] = (s, o = {}) => {
    // The heading, its rule and `keepWith` points of what follows stay on one page.
    ensure(40 + (o.keepWith ?? 60));
    doc.moveDown(0.8).font('bold').fontSize(o.size ?? 15).fillColor(COLORS.brand).text(t(s), PAGE.m, doc.y, { width });
    doc.moveTo(PAGE.m, doc.y + 3).lineTo(PAGE.m + width, doc.y + 3).lineWidth(1).strokeColor(COLORS.brand).stroke();
    doc.moveDown(0.7).font('body').fontSize(10).fillColor(COLORS.ink);
  };

  const paragraph: Pdf['paragraph'] = (s, o = {}) => {
    doc.font('body').fontSize(o.size ?? 10).fillColor(o.color ?? COLORS.ink);
    ensure(Math.min(doc.heightOfString(t(s), { width, lineGap: 2 }), 60));
    doc.text(t(s), PAGE.m, doc.y, { width, lineGap: 2 }).moveDown(0.4);
  };

  const bullets: Pdf['bullets'] = (items, o = {}) => {
    const indent = 16;
    items.forEach((s, i) => {
      doc.font('body').fontSize(10).fillColor(COLORS.ink);
      ensure(doc.heightOfString(t(s), { width: width - indent, lineGap: 2 }));
      const y = doc.y;
      doc.text(o.numbered ? `${i + 1}.` : '•', PAGE.m + 4, y, { width: indent - 4, lineBreak: false });
      doc.text(t(s), PAGE.m + indent, y, { width: width - indent, lineGap: 2 });
      doc.moveDown(0.15);
    });
    doc.x = PAGE.m;
    doc.moveDown(0.3);
  };

  const table: Pdf['table'] = (cols, rows, o = {}) => {
    const pad = 4;
    const heightOf = (cells: string[], bold: boolean) => {
      doc.font(bold ? 'bold' : 'body').fontSize(9);
      return Math.max(...cells.map((cell, i) => doc.heightOfString(t(cell), { width: cols[i].w - 2 * pad }))) + 2 * pad;
    };
    const draw = (cells: string[], kind: 'header' | 'row' | 'shade', bold: boolean) => {
      const h = heightOf(cells, kind === 'header' || bold);
      const y = doc.y;
      if (kind !== 'row') doc.rect(PAGE.m, y, width, h).fill(kind === 'header' ? COLORS.headerFill : COLORS.shade);
      let x = PAGE.m;
      doc.font(kind === 'header' || bold ? 'bold' : 'body').fontSize(9);
      cells.forEach((cell, i) => {
        doc.fillColor(kind === 'header' ? COLORS.brand : COLORS.ink).text(t(cell), x + pad, y + pad, { width: cols[i].w - 2 * pad, align: cols[i].align ?? 'left' });
        x += cols[i].w;
      });
      doc.moveTo(PAGE.m, y + h).lineTo(PAGE.m + width, y + h).lineWidth(0.5).strokeColor(COLORS.line).stroke();
      doc.x = PAGE.m;
      doc.y = y + h;
    };
    const header = cols.map((c) => c.label);
    const body = rows.length ? rows : [cols.map((_, i) => (i === 0 ? o.empty ?? 'None' : ''))];
    // The header never ends a page alone: it goes with the first row.
    ensure(heightOf(header, true) + heightOf(body[0], false));
    draw(header, 'header', true);
    body.forEach((row, i) => {
      const bold = !!o.boldLast && i === body.length - 1;
      if (doc.y + heightOf(row, bold) > BOTTOM) { doc.addPage(); doc.y = PAGE.m; draw(header, 'header', true); }
      draw(row, i % 2 === 1 ? 'shade' : 'row', bold);
    });
    doc.moveDown(0.6);
  };

  const fit: Pdf['fit'] = (s, x, y, w, o) => {
    const text = t(s);
    let size = o.size;
    doc.font(o.font ?? 'body');
    while (size > (o.min ?? 6) && doc.fontSize(size).widthOfString(text) > w) size -= 0.5;
    doc.fontSize(size).fillColor(o.color ?? COLORS.ink).text(text, x, y, { width: w, align: o.align ?? 'left', lineBreak: false });
  };

  const finish: Pdf['finish'] = (footer) => {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      doc.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page
      // One line: a long seller or project name shortens the text, it never wraps into the page edge.
      let text = t(footer(i + 1, range.count));
      doc.font('body').fontSize(7.5);
      while (text.length > 20 && doc.widthOfString(text) > width) text = `${text.slice(0, Math.floor(text.length * 0.45))}…${text.slice(-Math.floor(text.length * 0.45))}`;
      doc.fillColor(COLORS.muted).text(text, PAGE.m, PAGE.h - PAGE.m + 10, { width, align: 'center', lineBreak: false });
    }
    doc.end();
    return done;
  };

  return { doc, t, width, ensure, heading, paragraph, bullets, table, fit, finish };
}

/** 'closed_won' → 'Closed won': enum values as words where no display name exists. */
export const displayName = (id: string) => { const s = id.replace(/_/g, ' '); return s.charAt(0).toUpperCase() + s.slice(1); };
