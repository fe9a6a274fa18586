// The weekly status report as a PDF (003 Status Reporting): overall status, summary and next steps, progress by
// phase, milestones, budget and timeline, open risks and issues, KPI tracker. Loaded on first use (pdfkit is slow
// to import); the page frame is the one of every generated PDF (pdf/document.ts).
import { formatMoney } from '../../../core/billing';
import { formatDay, formatDayIn, formatDayRange } from '../../../core/calendar/format';
import type { ReportContent } from '../../../core/delivery';
import { COLORS, createPdf, displayName, PAGE } from '../../pdf/document';

export interface ReportPdfInput {
  content: ReportContent;
  overall: 'green' | 'amber' | 'red';
  summary: string;
  nextSteps: string;
  status: string;
  sentAt: Date | null;
  currency: string;
  /** The seller's legal name and time zone (the playbook's company and calendar). */
  sellerName: string;
  timeZone: string;
}

const RAG = { green: '#10b981', amber: '#f59e0b', red: '#ef4444' } as const;
const MILESTONE_STATUS: Record<string, string> = { pending: 'Pending', submitted: 'Awaiting acceptance', accepted: 'Accepted', rejected: 'Rejected' };

export function renderStatusReportPdf(p: ReportPdfInput, opts: { embedFont?: boolean } = {}): Promise<Buffer> {
  const c = p.content;
  const pdf = createPdf({ title: `Status report ${c.weekOf}: ${c.project.name}`, subject: c.project.accountName }, opts);
  const { doc, t, width } = pdf;
  const money = (minor: number) => formatMoney(minor, p.currency);

  // ---- header band, as tall as the project name needs
  const textW = width - 115;
  const subtitle = `${c.project.accountName} · week of ${formatDay(c.weekOf)} · ${p.status === 'sent' && p.sentAt ? `sent ${formatDayIn(p.sentAt, p.timeZone)}` : 'draft'}`;
  doc.font('bold').fontSize(20);
  const titleH = doc.heightOfString(t(c.project.name), { width: textW });
  doc.font('body').fontSize(10);
  const bandH = Math.max(130, 62 + titleH + doc.heightOfString(t(subtitle), { width: textW }) + 24);
  doc.rect(0, 0, PAGE.w, bandH).fill(COLORS.brand);
  doc.font('bold').fontSize(10).fillColor(COLORS.onBrandMuted).text('WEEKLY STATUS REPORT', PAGE.m, 40, { characterSpacing: 2 });
  doc.font('bold').fontSize(20).fillColor(COLORS.onBrand).text(t(c.project.name), PAGE.m, 58, { width: textW });
  doc.font('body').fontSize(10).fillColor(COLORS.onBrandMuted).text(t(subtitle), PAGE.m, doc.y + 4, { width: textW });
  doc.roundedRect(PAGE.m + width - 95, 50, 95, 40, 6).fill(RAG[p.overall]);
  doc.font('bold').fontSize(14).fillColor(COLORS.onBrand).text(p.overall.toUpperCase(), PAGE.m + width - 95, 63, { width: 95, align: 'center', lineBreak: false });

  // ---- key figures
  const top = bandH + 20;
  const tiles: [string, string][] = [
    ['Progress (hours)', `${c.progress.percentDone} %`],
    ['Budget used', c.budget.percentUsed === null ? 'n/a' : `${c.budget.percentUsed} %`],
    ['Forecast end', formatDay(c.timeline.forecastEndDate)],
    ['Slip vs baseline', `${c.timeline.slipDays} days`],
  ];
  const tileW = (width - 36) / 4;
  tiles.forEach(([label, value], i) => {
    const x = PAGE.m + i * (tileW + 12);
    doc.roundedRect(x, top, tileW, 56, 6).lineWidth(1).strokeColor(COLORS.line).stroke();
    doc.font('body').fontSize(8).fillColor(COLORS.muted).text(t(label), x + 8, top + 10, { width: tileW - 16, lineBreak: false });
    pdf.fit(value, x + 8, top + 26, tileW - 16, { size: 13, min: 8, font: 'bold' });
  });
  doc.x = PAGE.m;
  doc.y = top + 70;

  pdf.heading('Summary', { size: 13 });
  pdf.paragraph(p.summary || '—');
  pdf.heading('Next steps', { size: 13 });
  pdf.paragraph(p.nextSteps || '—');

  pdf.heading('Progress by phase', { size: 13 });
  pdf.table([{ label: 'Phase', w: 150 }, { label: 'Dates', w: 130 }, { label: 'Tasks done', w: 70, align: 'right' }, { label: 'Hours plan / actual', w: 85, align: 'right' }, { label: 'Done', w: width - 435, align: 'right' }],
    c.progress.phases.map((x) => [x.name, formatDayRange(x.startDate, x.endDate), `${x.tasksDone} / ${x.tasks}`, `${x.plannedHours} / ${x.actualHours}`, `${x.percentDone} %`]));

  pdf.heading('Milestones', { size: 13 });
  pdf.table([{ label: 'Milestone', w: 122 }, { label: 'Planned', w: 68 }, { label: 'Forecast', w: 100 }, { label: 'Status', w: 105 }, { label: 'Payment', w: width - 395, align: 'right' }],
    c.milestones.map((m) => [m.name, formatDay(m.plannedDate), `${formatDay(m.forecastDate)}${m.slipDays > 0 ? ` (+${m.slipDays} d)` : ''}`, MILESTONE_STATUS[m.status] ?? displayName(m.status),
      m.paymentPercent ? `${m.paymentPercent} % · ${money(m.amount)}` : '—']));

  pdf.heading('Budget and timeline', { size: 13 });
  pdf.paragraph(`Budget ${c.budget.budgetHours} h; planned ${c.budget.plannedHours} h; actual ${c.budget.actualHours} h (${c.budget.percentUsed ?? 'n/a'} % used). `
    + `Variance on completed work (actual − planned) / planned: ${c.budget.variancePercent === null ? 'n/a' : `${c.budget.variancePercent} %`}. `
    + `Timeline: start ${formatDay(c.timeline.startDate)}, baseline end ${formatDay(c.timeline.baselineEndDate)}, forecast end ${formatDay(c.timeline.forecastEndDate)}.`);

  pdf.heading(`Open risks (${c.risks.open})`, { size: 13 });
  pdf.table([{ label: 'Risk', w: 170 }, { label: 'Impact', w: 60 }, { label: 'Probability', w: 70 }, { label: 'Mitigation', w: width - 300 }],
    c.risks.items.map((r) => [r.title, displayName(r.impact), displayName(r.probability), r.mitigation ?? '']));
  pdf.heading(`Open issues (${c.issues.open}, critical ${c.issues.critical})`, { size: 13 });
  pdf.table([{ label: 'Issue', w: 200 }, { label: 'Severity', w: 70 }, { label: 'Resolution step', w: width - 270 }],
    c.issues.items.map((i) => [i.title, displayName(i.severity), i.stepLabel ?? String(i.step)]));

  pdf.heading('KPI tracker', { size: 13 });
  pdf.table([{ label: 'KPI', w: 170 }, { label: 'Baseline', w: 70, align: 'right' }, { label: 'Target', w: 70, align: 'right' }, { label: 'Latest', w: 70, align: 'right' }, { label: 'Variance', w: width - 380, align: 'right' }],
    c.kpis.map((k) => [`${k.name} (${k.unit})`, String(k.baseline), String(k.target), k.lastValue === null ? '—' : String(k.lastValue), k.lastVariancePercent === null ? '—' : `${Math.round(k.lastVariancePercent * 10) / 10} %`]),
    { empty: 'No KPIs tracked yet' });

  return pdf.finish((page, pages) => `${c.project.name} · status report ${formatDay(c.weekOf)} · ${p.sellerName} · page ${page} of ${pages}`);
}
