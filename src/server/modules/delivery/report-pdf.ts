// The weekly status report as a PDF (003 Status Reporting): overall status, summary and next steps, progress by
// phase, milestones, budget and timeline, open risks and issues, KPI tracker. Loaded on first use (pdfkit is slow
// to import), in the same style as the proposal PDF.
import PDFDocument from 'pdfkit';
import { pdfFonts, winAnsi as ascii } from '../../pdf/fonts';
import type { ReportContent } from '../../../core/delivery';

export interface ReportPdfInput {
  content: ReportContent;
  overall: 'green' | 'amber' | 'red';
  summary: string;
  nextSteps: string;
  status: string;
  sentAt: Date | null;
  currency: string;
}


const INK = '#1f2937';
const MUTED = '#6b7280';
const BRAND = '#2563eb';
const LINE = '#e5e7eb';
const RAG = { green: '#10b981', amber: '#f59e0b', red: '#ef4444' } as const;
const PAGE = { w: 595.28, h: 841.89, m: 50 };
const fmtMoney = (minor: number, c: string) => `${(minor / 100).toLocaleString('en-US', { maximumFractionDigits: 0 })} ${c}`;

export function renderStatusReportPdf(p: ReportPdfInput): Promise<Buffer> {
  const fonts = pdfFonts();
  const t = (s: string) => (fonts.embedded ? s : ascii(s));
  const c = p.content;
  const doc = new PDFDocument({
    size: 'A4', margin: PAGE.m, bufferPages: true,
    info: { Title: t(`Status report ${c.weekOf}: ${c.project.name}`), Author: 'Valuegraph', Creator: 'Valuegraph' },
  });
  doc.registerFont('body', fonts.regular);
  doc.registerFont('bold', fonts.bold);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const width = PAGE.w - 2 * PAGE.m;

  const ensure = (h: number) => { if (doc.y + h > PAGE.h - PAGE.m - 20) doc.addPage(); };
  const heading = (s: string) => {
    ensure(60);
    doc.moveDown(0.8).font('bold').fontSize(13).fillColor(BRAND).text(t(s), PAGE.m, doc.y, { width });
    doc.moveTo(PAGE.m, doc.y + 3).lineTo(PAGE.m + width, doc.y + 3).lineWidth(1).strokeColor(BRAND).stroke();
    doc.moveDown(0.6).font('body').fontSize(10).fillColor(INK);
  };
  const para = (s: string) => doc.font('body').fontSize(10).fillColor(INK).text(t(s || '—'), PAGE.m, doc.y, { width, lineGap: 2 }).moveDown(0.4);
  const table = (cols: { label: string; w: number; align?: 'left' | 'right' }[], rows: string[][]) => {
    const pad = 4;
    const drawRow = (cells: string[], header: boolean, shade: boolean) => {
      doc.font(header ? 'bold' : 'body').fontSize(9);
      const h = Math.max(...cells.map((cell, i) => doc.heightOfString(t(cell), { width: cols[i].w - 2 * pad }))) + 2 * pad;
      if (doc.y + h > PAGE.h - PAGE.m - 20) { doc.addPage(); if (!header) drawRow(cols.map((x) => x.label), true, false); doc.font('body').fontSize(9); }
      const y = doc.y;
      if (header || shade) doc.rect(PAGE.m, y, width, h).fill(header ? '#eff6ff' : '#f9fafb');
      let x = PAGE.m;
      cells.forEach((cell, i) => { doc.fillColor(header ? BRAND : INK).text(t(cell), x + pad, y + pad, { width: cols[i].w - 2 * pad, align: cols[i].align ?? 'left' }); x += cols[i].w; });
      doc.moveTo(PAGE.m, y + h).lineTo(PAGE.m + width, y + h).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.x = PAGE.m;
      doc.y = y + h;
    };
    drawRow(cols.map((x) => x.label), true, false);
    if (rows.length === 0) drawRow(cols.map((_, i) => (i === 0 ? 'None' : '')), false, false);
    rows.forEach((row, i) => drawRow(row, false, i % 2 === 1));
    doc.moveDown(0.5);
  };

  // ---- header band
  doc.rect(0, 0, PAGE.w, 130).fill(BRAND);
  doc.font('bold').fontSize(10).fillColor('#dbeafe').text('WEEKLY STATUS REPORT', PAGE.m, 40, { characterSpacing: 2 });
  doc.font('bold').fontSize(20).fillColor('#ffffff').text(t(c.project.name), PAGE.m, 58, { width: width - 110 });
  doc.font('body').fontSize(10).fillColor('#dbeafe').text(t(`${c.project.accountName} · week of ${c.weekOf} · ${p.status === 'sent' && p.sentAt ? `sent ${p.sentAt.toISOString().slice(0, 10)}` : 'draft'}`), PAGE.m, doc.y + 4, { width: width - 110 });
  doc.roundedRect(PAGE.m + width - 95, 50, 95, 40, 6).fill(RAG[p.overall]);
  doc.font('bold').fontSize(14).fillColor('#ffffff').text(p.overall.toUpperCase(), PAGE.m + width - 95, 63, { width: 95, align: 'center' });
  doc.x = PAGE.m;
  doc.y = 150;

  const tiles: [string, string][] = [
    ['Progress (hours)', `${c.progress.percentDone} %`],
    ['Budget used', c.budget.percentUsed === null ? 'n/a' : `${c.budget.percentUsed} %`],
    ['Forecast end', c.timeline.forecastEndDate],
    ['Slip vs baseline', `${c.timeline.slipDays} days`],
  ];
  const tileW = (width - 36) / 4;
  tiles.forEach(([label, value], i) => {
    const x = PAGE.m + i * (tileW + 12);
    doc.roundedRect(x, 150, tileW, 56, 6).lineWidth(1).strokeColor(LINE).stroke();
    doc.font('body').fontSize(8).fillColor(MUTED).text(t(label), x + 8, 160, { width: tileW - 16 });
    doc.font('bold').fontSize(13).fillColor(INK).text(t(value), x + 8, 176, { width: tileW - 16 });
  });
  doc.x = PAGE.m;
  doc.y = 220;

  heading('Summary');
  para(p.summary);
  heading('Next steps');
  para(p.nextSteps);

  heading('Progress by phase');
  table([{ label: 'Phase', w: 150 }, { label: 'Dates', w: 130 }, { label: 'Tasks done', w: 70, align: 'right' }, { label: 'Hours plan / actual', w: 85, align: 'right' }, { label: 'Done', w: width - 435, align: 'right' }],
    c.progress.phases.map((x) => [x.name, `${x.startDate} → ${x.endDate}`, `${x.tasksDone} / ${x.tasks}`, `${x.plannedHours} / ${x.actualHours}`, `${x.percentDone} %`]));

  heading('Milestones');
  table([{ label: 'Milestone', w: 140 }, { label: 'Planned', w: 75 }, { label: 'Forecast', w: 75 }, { label: 'Status', w: 75 }, { label: 'Payment', w: width - 365, align: 'right' }],
    c.milestones.map((m) => [m.name, m.plannedDate, `${m.forecastDate}${m.slipDays > 0 ? ` (+${m.slipDays} d)` : ''}`, m.status, m.paymentPercent ? `${m.paymentPercent} % · ${fmtMoney(m.amount, p.currency)}` : '—']));

  heading('Budget and timeline');
  para(`Budget ${c.budget.budgetHours} h; planned ${c.budget.plannedHours} h; actual ${c.budget.actualHours} h (${c.budget.percentUsed ?? 'n/a'} % used). `
    + `Variance on completed work (actual − planned) / planned: ${c.budget.variancePercent === null ? 'n/a' : `${c.budget.variancePercent} %`}. `
    + `Timeline: start ${c.timeline.startDate}, baseline end ${c.timeline.baselineEndDate}, forecast end ${c.timeline.forecastEndDate}.`);

  heading(`Open risks (${c.risks.open})`);
  table([{ label: 'Risk', w: 170 }, { label: 'Impact', w: 60 }, { label: 'Probability', w: 70 }, { label: 'Mitigation', w: width - 300 }],
    c.risks.items.map((r) => [r.title, r.impact, r.probability, r.mitigation ?? '']));
  heading(`Open issues (${c.issues.open}, critical ${c.issues.critical})`);
  table([{ label: 'Issue', w: 200 }, { label: 'Severity', w: 70 }, { label: 'Resolution step', w: width - 270 }],
    c.issues.items.map((i) => [i.title, i.severity, i.stepLabel ?? String(i.step)]));

  heading('KPI tracker');
  table([{ label: 'KPI', w: 170 }, { label: 'Baseline', w: 70, align: 'right' }, { label: 'Target', w: 70, align: 'right' }, { label: 'Latest', w: 70, align: 'right' }, { label: 'Variance', w: width - 380, align: 'right' }],
    c.kpis.map((k) => [`${k.name} (${k.unit})`, String(k.baseline), String(k.target), k.lastValue === null ? '—' : String(k.lastValue), k.lastVariancePercent === null ? '—' : `${Math.round(k.lastVariancePercent * 10) / 10} %`]));

  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0;
    doc.font('body').fontSize(8).fillColor(MUTED).text(t(`${c.project.name} · status report ${c.weekOf} · page ${i + 1} of ${range.count}`), PAGE.m, PAGE.h - PAGE.m + 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}
