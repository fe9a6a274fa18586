// The invoice PDF: the seller (legal name, address, VAT / tax id, contact) in the header band, bill-to and the
// invoice facts, lines (the POC credit as its own line), totals with what was paid and credited, the balance due
// with a status stamp, how to pay (amount, due date, reference and the seller's payment instructions), payments
// and credit notes received, and a footer naming the seller on every page.
import { formatMoney, type InvoiceLine } from '../../../core/billing';
import { formatDay, formatDayRange } from '../../../core/calendar/format';
import { addressLines, type CompanySettings } from '../../../core/playbook/company';
import { COLORS, createPdf, displayName, PAGE } from '../../pdf/document';

export interface InvoiceDocument {
  invoice: {
    id: string; number: string | null; kind: string; status: string; currency: string; issueDate: string | null; dueDate: string | null;
    periodStart: string | null; periodEnd: string | null; lines: unknown; subtotal: number; total: number; amountPaid: number;
    amountCredited: number; balance: number; notes: string | null; daysPastDue: number | null; accountName: string | null;
    payments: { receivedOn: string; amount: number; method: string; reference: string | null }[];
    creditNotes: { number: string; issuedOn: string; amount: number; reason: string }[];
  };
  account: { name: string; domain: string | null; country: string | null } | null;
  seller: CompanySettings;
}

const STAMPS: Record<string, [string, string]> = { paid: ['PAID', COLORS.good], void: ['VOID', '#9ca3af'], overdue: ['OVERDUE', COLORS.bad] };
const regions = new Intl.DisplayNames(['en'], { type: 'region' });
const countryName = (code: string) => { try { return regions.of(code) ?? code; } catch { return code; } };
const KINDS: Record<string, string> = { milestone: 'Milestone invoice', subscription: 'Subscription invoice', poc: 'Proof-of-concept invoice' };

export function renderInvoicePdf(d: InvoiceDocument, opts: { embedFont?: boolean } = {}): Promise<Buffer> {
  const inv = d.invoice;
  const s = d.seller;
  const customer = d.account?.name ?? inv.accountName ?? '';
  const pdf = createPdf({ title: `Invoice ${inv.number ?? ''} from ${s.legalName}`, subject: customer }, opts);
  const { doc, t, width } = pdf;
  const m = (x: number) => formatMoney(x, inv.currency);
  const right = { x: PAGE.m + width - 230, w: 230 };

  // ---- header band: the document on the left, the seller on the right
  const sellerLines = [...addressLines(s), ...(s.taxId ? [`VAT / tax id ${s.taxId}`] : []), [s.email, s.phone].filter(Boolean).join(' · '), s.website].filter(Boolean);
  doc.font('bold').fontSize(12);
  const nameH = doc.heightOfString(t(s.legalName), { width: right.w });
  doc.font('body').fontSize(9);
  const bandH = Math.max(120, 36 + nameH + 6 + doc.heightOfString(t(sellerLines.join('\n')), { width: right.w }) + 20);
  doc.rect(0, 0, PAGE.w, bandH).fill(COLORS.brand);
  doc.font('bold').fontSize(26).fillColor(COLORS.onBrand).text('INVOICE', PAGE.m, 36);
  doc.font('body').fontSize(12).fillColor(COLORS.onBrandMuted).text(t(inv.number ?? 'Draft'), PAGE.m, 72);
  doc.fontSize(9).text(t(KINDS[inv.kind] ?? `${displayName(inv.kind)} invoice`), PAGE.m, 90);
  doc.font('bold').fontSize(12).fillColor(COLORS.onBrand).text(t(s.legalName), right.x, 36, { width: right.w, align: 'right' });
  doc.font('body').fontSize(9).fillColor(COLORS.onBrandMuted).text(t(sellerLines.join('\n')), right.x, 36 + nameH + 6, { width: right.w, align: 'right' });

  // ---- bill to (left) and the invoice facts (right)
  const top = bandH + 28;
  doc.font('bold').fontSize(9).fillColor(COLORS.muted).text('BILL TO', PAGE.m, top);
  doc.font('bold').fontSize(13).fillColor(COLORS.ink).text(t(customer), PAGE.m, top + 15, { width: width - right.w - 20 });
  const where = [d.account?.domain, d.account?.country && countryName(d.account.country)].filter(Boolean).join(' · ');
  if (where) doc.font('body').fontSize(10).fillColor(COLORS.muted).text(t(where), PAGE.m, doc.y + 2, { width: width - right.w - 20 });
  const leftBottom = doc.y;
  const facts: [string, string][] = [
    ['Invoice number', inv.number ?? 'Draft'], ['Issue date', formatDay(inv.issueDate)], ['Due date', formatDay(inv.dueDate)],
    ...(inv.periodStart && inv.periodEnd ? [['Service period', formatDayRange(inv.periodStart, inv.periodEnd)] as [string, string]] : []),
  ];
  facts.forEach(([k, v], i) => {
    const y = top + i * 18;
    doc.font('body').fontSize(9).fillColor(COLORS.muted).text(t(k), right.x, y + 1, { width: 90 });
    pdf.fit(v, right.x + 90, y, right.w - 90, { size: 10, font: 'bold', align: 'right' });
  });
  doc.x = PAGE.m;
  doc.y = Math.max(leftBottom, top + facts.length * 18) + 24;

  // ---- lines
  const lines = (Array.isArray(inv.lines) ? inv.lines : []) as InvoiceLine[];
  pdf.table(
    [{ label: 'Description', w: width - 230 }, { label: 'Qty', w: 50, align: 'right' }, { label: 'Unit price', w: 90, align: 'right' }, { label: 'Amount', w: 90, align: 'right' }],
    lines.map((l) => [l.description, String(l.quantity), m(l.unitAmount), m(l.amount)]),
  );

  // ---- totals, with the status stamp in the free space to their left
  pdf.ensure(130);
  const totalsTop = doc.y;
  let y = totalsTop;
  const total = (label: string, value: string, strong = false) => {
    doc.font(strong ? 'bold' : 'body').fontSize(strong ? 12 : 10).fillColor(COLORS.ink);
    doc.text(t(label), PAGE.m + width - 290, y, { width: 190, align: 'right' });
    doc.text(t(value), PAGE.m + width - 100, y, { width: 100, align: 'right' });
    y += strong ? 22 : 17;
  };
  if (inv.subtotal !== inv.total) total('Subtotal', m(inv.subtotal));
  if (inv.subtotal !== inv.total) total('Credits', m(inv.total - inv.subtotal));
  total('Total', m(inv.total), true);
  if (inv.amountPaid) total('Paid', m(-inv.amountPaid));
  if (inv.amountCredited) total('Credit notes', m(-inv.amountCredited));
  doc.moveTo(PAGE.m + width - 290, y).lineTo(PAGE.m + width, y).lineWidth(1).strokeColor(COLORS.brand).stroke();
  y += 6;
  total(inv.status === 'void' ? 'Balance due (void)' : 'Balance due', m(inv.balance), true);
  let sy = totalsTop;
  const stampKey = inv.status === 'paid' ? 'paid' : inv.status === 'void' ? 'void' : (inv.daysPastDue ?? 0) > 0 ? 'overdue' : null;
  if (stampKey) {
    const [label, color] = STAMPS[stampKey];
    // Rotated, the box rises about 12 points at its right end: start low enough to clear the table above.
    sy = totalsTop + Math.max(14, (y - totalsTop - 40) / 2);
    doc.save().rotate(-10, { origin: [PAGE.m + 80, sy + 20] });
    doc.roundedRect(PAGE.m + 10, sy, 140, 40, 6).lineWidth(2.5).strokeColor(color).stroke();
    doc.font('bold').fontSize(20).fillColor(color).text(label, PAGE.m + 10, sy + 10, { width: 140, align: 'center', lineBreak: false });
    doc.restore();
  }
  doc.x = PAGE.m;
  doc.y = Math.max(y, stampKey ? sy + 52 : y) + 14;

  // ---- how to pay: amount, date and reference, then the seller's own instructions
  if (inv.status !== 'void' && inv.balance > 0) {
    const pay = [
      `Amount due: ${m(inv.balance)}${inv.dueDate ? ` by ${formatDay(inv.dueDate)}` : ''}`,
      `Reference: ${inv.number ?? inv.id} (quote it with your payment)`,
      ...s.paymentInstructions.split('\n').map((l) => l.trim()).filter(Boolean),
      ...(s.email ? [`Questions about this invoice: ${s.email}`] : []),
    ].join('\n');
    doc.font('body').fontSize(10);
    const h = doc.heightOfString(t(pay), { width: width - 24, lineGap: 2 }) + 38;
    pdf.ensure(h + 10);
    const boxTop = doc.y;
    doc.roundedRect(PAGE.m, boxTop, width, h, 6).fillAndStroke(COLORS.headerFill, COLORS.line);
    doc.font('bold').fontSize(11).fillColor(COLORS.brand).text('How to pay', PAGE.m + 12, boxTop + 10);
    doc.font('body').fontSize(10).fillColor(COLORS.ink).text(t(pay), PAGE.m + 12, boxTop + 28, { width: width - 24, lineGap: 2 });
    doc.x = PAGE.m;
    doc.y = boxTop + h + 6;
  }

  // ---- payments, credit notes, notes
  const section = (title: string, items: string[]) => {
    if (!items.length) return;
    pdf.heading(title, { size: 11, keepWith: 20 });
    pdf.bullets(items);
  };
  section('Payments received', inv.payments.map((p) => `${formatDay(p.receivedOn)}: ${m(p.amount)} by ${p.method}${p.reference ? ` (ref ${p.reference})` : ''}`));
  section('Credit notes', inv.creditNotes.map((n) => `${n.number} of ${formatDay(n.issuedOn)}: ${m(n.amount)} — ${n.reason}`));
  if (inv.notes) section('Notes', [inv.notes]);

  return pdf.finish((page, pages) => `${s.legalName}${s.taxId ? ` · VAT / tax id ${s.taxId}` : ''} · ${inv.number ?? 'Invoice'} · page ${page} of ${pages}`);
}
