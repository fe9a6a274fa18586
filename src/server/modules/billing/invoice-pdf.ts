// The invoice PDF: header with number and dates, bill-to, lines (the POC credit as its own line), totals with what
// was paid and credited, the balance due, payments and credit notes received, and a status stamp. Same look and
// font handling as the proposal PDF (a Unicode TTF when one is installed, pdfkit's Helvetica otherwise).
import PDFDocument from 'pdfkit';
import { HELVETICA, pdfFonts, winAnsi as ascii } from '../../pdf/fonts';
import { formatMoney, type InvoiceLine } from '../../../core/billing';

export interface InvoiceDocument {
  invoice: {
    id: string; number: string | null; kind: string; status: string; currency: string; issueDate: string | null; dueDate: string | null;
    periodStart: string | null; periodEnd: string | null; lines: unknown; subtotal: number; total: number; amountPaid: number;
    amountCredited: number; balance: number; notes: string | null; daysPastDue: number | null; accountName: string | null;
    payments: { receivedOn: string; amount: number; method: string; reference: string | null }[];
    creditNotes: { number: string; issuedOn: string; amount: number; reason: string }[];
  };
  account: { name: string; domain: string | null; country: string | null } | null;
}


const INK = '#1f2937';
const MUTED = '#6b7280';
const BRAND = '#2563eb';
const LINE = '#e5e7eb';
const PAGE = { w: 595.28, h: 841.89, m: 50 };
const STAMPS: Record<string, [string, string]> = { paid: ['PAID', '#10b981'], void: ['VOID', '#9ca3af'], overdue: ['OVERDUE', '#dc2626'] };

export function renderInvoicePdf(d: InvoiceDocument, opts: { embedFont?: boolean } = {}): Promise<Buffer> {
  const f = opts.embedFont === false ? HELVETICA : pdfFonts();
  const t = (s: string) => (f.embedded ? s : ascii(s));
  const inv = d.invoice;
  const c = inv.currency;
  const m = (x: number) => formatMoney(x, c);
  const doc = new PDFDocument({
    size: 'A4', margin: PAGE.m, bufferPages: true,
    info: { Title: t(`Invoice ${inv.number ?? ''}`), Subject: t(d.account?.name ?? inv.accountName ?? ''), Author: 'Valuegraph', Creator: 'Valuegraph' },
  });
  doc.registerFont('body', f.regular);
  doc.registerFont('bold', f.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (ch: Buffer) => chunks.push(ch));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const width = PAGE.w - 2 * PAGE.m;

  // ---- header band
  doc.rect(0, 0, PAGE.w, 120).fill(BRAND);
  doc.font('bold').fontSize(26).fillColor('#ffffff').text('INVOICE', PAGE.m, 40);
  doc.font('body').fontSize(12).fillColor('#dbeafe').text(t(inv.number ?? 'draft'), PAGE.m, 76);
  const facts: [string, string][] = [
    ['Issue date', inv.issueDate ?? '—'], ['Due date', inv.dueDate ?? '—'],
    ...(inv.periodStart ? [['Service period', `${inv.periodStart} – ${inv.periodEnd}`] as [string, string]] : []),
  ];
  facts.forEach(([k, v], i) => {
    doc.font('body').fontSize(9).fillColor('#dbeafe').text(t(k), PAGE.w - PAGE.m - 200, 38 + i * 22, { width: 90 });
    doc.font('bold').fontSize(10).fillColor('#ffffff').text(t(v), PAGE.w - PAGE.m - 110, 37 + i * 22, { width: 110, align: 'right' });
  });

  // ---- bill to + stamp
  doc.font('bold').fontSize(9).fillColor(MUTED).text('BILL TO', PAGE.m, 145);
  doc.font('bold').fontSize(13).fillColor(INK).text(t(d.account?.name ?? inv.accountName ?? ''), PAGE.m, 160, { width: width - 160 });
  const addr = [d.account?.domain, d.account?.country].filter(Boolean).join(' · ');
  if (addr) doc.font('body').fontSize(10).fillColor(MUTED).text(t(addr), PAGE.m, doc.y + 2, { width: width - 160 });
  const stampKey = inv.status === 'paid' ? 'paid' : inv.status === 'void' ? 'void' : (inv.daysPastDue ?? 0) > 0 ? 'overdue' : null;
  if (stampKey) {
    const [label, color] = STAMPS[stampKey];
    doc.save().rotate(-12, { origin: [PAGE.w - PAGE.m - 80, 175] });
    doc.roundedRect(PAGE.w - PAGE.m - 150, 155, 140, 40, 6).lineWidth(2.5).strokeColor(color).stroke();
    doc.font('bold').fontSize(20).fillColor(color).text(label, PAGE.w - PAGE.m - 150, 165, { width: 140, align: 'center' });
    doc.restore();
  }

  // ---- lines
  const cols = [{ label: 'Description', w: width - 230 }, { label: 'Qty', w: 50, right: true }, { label: 'Unit price', w: 90, right: true }, { label: 'Amount', w: 90, right: true }];
  let y = 230;
  const row = (cells: string[], opts2: { header?: boolean; bold?: boolean; shade?: boolean } = {}) => {
    doc.font(opts2.header || opts2.bold ? 'bold' : 'body').fontSize(9);
    const h = Math.max(...cells.map((cell, i) => doc.heightOfString(t(cell), { width: cols[i].w - 8 }))) + 10;
    if (y + h > PAGE.h - PAGE.m - 40) { doc.addPage(); y = PAGE.m; }
    if (opts2.header || opts2.shade) doc.rect(PAGE.m, y, width, h).fill(opts2.header ? '#eff6ff' : '#f9fafb');
    let x = PAGE.m;
    cells.forEach((cell, i) => {
      doc.fillColor(opts2.header ? BRAND : INK).text(t(cell), x + 4, y + 5, { width: cols[i].w - 8, align: cols[i].right ? 'right' : 'left' });
      x += cols[i].w;
    });
    doc.moveTo(PAGE.m, y + h).lineTo(PAGE.m + width, y + h).lineWidth(0.5).strokeColor(LINE).stroke();
    y += h;
  };
  row(cols.map((x) => x.label), { header: true });
  const lines = (Array.isArray(inv.lines) ? inv.lines : []) as InvoiceLine[];
  lines.forEach((l, i) => row([l.description, String(l.quantity), m(l.unitAmount), m(l.amount)], { shade: i % 2 === 1 }));

  // ---- totals
  y += 10;
  const total = (label: string, value: string, strong = false) => {
    if (y + 20 > PAGE.h - PAGE.m - 40) { doc.addPage(); y = PAGE.m; }
    doc.font(strong ? 'bold' : 'body').fontSize(strong ? 12 : 10).fillColor(INK);
    doc.text(t(label), PAGE.m + width - 290, y, { width: 190, align: 'right' });
    doc.text(t(value), PAGE.m + width - 100, y, { width: 100, align: 'right' });
    y += strong ? 22 : 17;
  };
  if (inv.subtotal !== inv.total) total('Subtotal', m(inv.subtotal));
  if (inv.subtotal !== inv.total) total('Credits', m(inv.total - inv.subtotal));
  total('Total', m(inv.total), true);
  if (inv.amountPaid) total('Paid', m(-inv.amountPaid));
  if (inv.amountCredited) total('Credit notes', m(-inv.amountCredited));
  doc.moveTo(PAGE.m + width - 290, y).lineTo(PAGE.m + width, y).lineWidth(1).strokeColor(BRAND).stroke();
  y += 6;
  total(inv.status === 'void' ? 'Balance due (void)' : 'Balance due', m(inv.balance), true);

  // ---- payments and credit notes
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    y += 12;
    if (y + 40 > PAGE.h - PAGE.m - 40) { doc.addPage(); y = PAGE.m; }
    doc.font('bold').fontSize(11).fillColor(BRAND).text(t(title), PAGE.m, y);
    y = doc.y + 4;
    for (const s of items) { doc.font('body').fontSize(9).fillColor(INK).text(t(`•  ${s}`), PAGE.m + 6, y, { width: width - 6 }); y = doc.y + 2; }
  };
  section('Payments received', inv.payments.map((p) => `${p.receivedOn}: ${m(p.amount)} by ${p.method}${p.reference ? ` (ref ${p.reference})` : ''}`));
  section('Credit notes', inv.creditNotes.map((n) => `${n.number} of ${n.issuedOn}: ${m(n.amount)} — ${n.reason}`));
  if (inv.notes) section('Notes', [inv.notes]);

  // ---- payment instructions and footer on every page
  y += 16;
  if (inv.status !== 'void' && inv.balance > 0) {
    if (y + 40 > PAGE.h - PAGE.m - 40) { doc.addPage(); y = PAGE.m; }
    doc.font('body').fontSize(9).fillColor(MUTED).text(t(`Please pay ${m(inv.balance)} by ${inv.dueDate} and quote ${inv.number} with your payment.`), PAGE.m, y, { width });
  }
  const range = doc.bufferedPageRange();
  for (let p = range.start; p < range.start + range.count; p++) {
    doc.switchToPage(p);
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor(MUTED).text(t(`${inv.number ?? 'Invoice'} · ${d.account?.name ?? ''} · page ${p + 1} of ${range.count}`), PAGE.m, PAGE.h - PAGE.m + 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
