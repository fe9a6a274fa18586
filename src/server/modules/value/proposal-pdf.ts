// The proposal / business case PDF, drawn from the value hypothesis (and the commitment when there is one). Page 1
// carries the title block (customer, opportunity, seller, date, stage and status), the key figures (annual benefit,
// ROI, NPV, payback, today's cost of the pains, investment), the executive summary and where the value comes from;
// then pains and impact, value drivers, assumptions with sources, ROI/NPV/payback with a chart of benefits vs costs
// by year, success criteria and next steps.
import { formatDay } from '../../../core/calendar/format';
import type { CompanySettings } from '../../../core/playbook/company';
import { money, moneyShort, months, num, type HypothesisModel, type HypothesisResults, type Kpi, type SuccessCriterion } from '../../../core/value';
import { COLORS, createPdf, displayName, PAGE, type Pdf } from '../../pdf/document';

export interface ProposalInput {
  accountName: string;
  opportunityName: string;
  /** The stage's display name (the playbook's, e.g. "Negotiation"). */
  stage: string;
  closeDate: string | null;
  date: Date;
  status: string;
  model: HypothesisModel;
  results: HypothesisResults;
  narrative: string;
  kpis: Kpi[];
  successCriteria: SuccessCriterion[];
  seller: CompanySettings;
}

type Assumption = HypothesisModel['assumptions'][number];
const SOURCES: Record<string, string> = { user: 'Adjusted with you', account: 'Your profile' };
const sourceOf = (a: Assumption) => SOURCES[a.source] ?? `Benchmark (${a.basis ?? 'assumption'})`;

/** `embedFont: false` forces pdfkit's built-in Helvetica (what happens on a machine without a TTF). */
export function renderProposalPdf(p: ProposalInput, opts: { embedFont?: boolean } = {}): Promise<Buffer> {
  const pdf = createPdf({ title: `Business case: ${p.accountName}`, subject: p.opportunityName }, opts);
  const { doc, width } = pdf;
  const r = p.results;
  const c = r.currency;

  coverPage(pdf, p);

  heading(pdf, 'Pains and quantified annual impact');
  const ticked = r.pains.filter((x) => x.selected);
  const noteOf = (id: string) => p.model.pains.find((q) => q.id === id)?.note;
  pdf.table(
    [{ label: 'Pain', w: 120 }, { label: 'How it is quantified', w: 158 }, { label: 'Impact / year', w: 75, align: 'right' }, { label: 'Reduction', w: 62, align: 'right' }, { label: 'Benefit / year', w: width - 415, align: 'right' }],
    [...ticked.map((x) => [x.label + (noteOf(x.id) ? `\n“${noteOf(x.id)}”` : ''), x.explanation, money(x.annualImpact, c), `${num(x.reductionPercent)} %`, money(x.annualBenefit, c)]),
      ['Total', '', money(r.annualImpact, c), '', money(r.annualBenefit, c)]],
    { boldLast: true },
  );

  heading(pdf, 'Value drivers');
  pdf.table(
    [{ label: 'Driver', w: 180 }, { label: 'Pains', w: 180 }, { label: 'Benefit / year', w: 80, align: 'right' }, { label: 'Share', w: width - 440, align: 'right' }],
    r.drivers.map((d) => [d.label, d.painIds.map((id) => r.pains.find((x) => x.id === id)?.label ?? displayName(id)).join(', '), money(d.annualBenefit, c), `${num(d.sharePercent)} %`]),
  );

  heading(pdf, 'Assumptions');
  pdf.paragraph('Every figure above follows from these assumptions. Benchmarks marked "seed" come from the vendor playbook\'s source documents; "assumption" benchmarks are playbook defaults to be confirmed with you.');
  const used = new Set(ticked.map((x) => x.id));
  const valueOf = (a: Assumption) => (a.unit === 'money' ? money(a.value, c) : a.unit === 'percent' ? `${num(a.value)} %` : a.unit === 'count' ? num(a.value) : `${num(a.value)} ${a.unit}`);
  pdf.table(
    [{ label: 'Assumption', w: 205 }, { label: 'Value', w: 80, align: 'right' }, { label: 'Per', w: 100 }, { label: 'Source', w: width - 385 }],
    p.model.assumptions.filter((a) => a.painId === null || used.has(a.painId)).map((a) => [a.label, valueOf(a), a.per ?? '', sourceOf(a)]),
  );

  // ---- returns and chart (kept on one page with their explanation)
  pdf.ensure(400);
  heading(pdf, `Return on investment over ${r.horizonYears} years`);
  pdf.paragraph(`ROI = (total benefits − total costs) / total costs = (${money(r.totalBenefits, c)} − ${money(r.totalCosts, c)}) / ${money(r.totalCosts, c)} = ${r.roiPercent === null ? 'n/a' : `${num(r.roiPercent)} %`}. `
    + `NPV at ${num(r.discountRatePercent)} % (year 0 = implementation ${money(r.implementationCost, c)} + first-year subscription ${money(r.annualSubscription, c)}): ${money(r.npv, c)}. Payback: ${months(r.paybackMonths)}.`);
  const chartTop = doc.y + 6;
  drawChart(doc, r, PAGE.m, chartTop, width, 210, pdf.t);
  doc.x = PAGE.m;
  doc.y = chartTop + 225;
  pdf.table(
    [{ label: 'Year', w: 60 }, { label: 'Benefits', w: 110, align: 'right' }, { label: 'Costs', w: 110, align: 'right' }, { label: 'Net', w: 110, align: 'right' }, { label: 'Cumulative', w: width - 390, align: 'right' }],
    r.years.map((y) => [`Year ${y.year}`, money(y.benefits, c), money(y.costs, c), money(y.net, c), money(y.cumulative, c)]),
  );

  heading(pdf, 'Success criteria and next steps');
  pdf.bullets(p.successCriteria.length
    ? p.successCriteria.map((s) => s.label)
    : ticked.map((x) => `${x.label}: at least ${num(x.reductionPercent)} % reduction within a year of go-live (${money(x.annualBenefit, c)} a year)`));
  pdf.bullets(['Validate the assumptions with your finance and IT operations teams.', 'Agree the proof-of-concept scope and success criteria (4 weeks).', 'Embed the KPIs in the contract with quarterly value reviews.'], { numbered: true });

  return pdf.finish((page, pages) => `${p.accountName} · business case by ${p.seller.legalName} · page ${page} of ${pages}`);
}

const heading = (pdf: Pdf, s: string) => pdf.heading(s, { keepWith: 80 });

/** Page 1: title block, facts, key figures, executive summary and the value by driver. */
function coverPage(pdf: Pdf, p: ProposalInput) {
  const { doc, width, t } = pdf;
  const r = p.results;
  const c = r.currency;
  // The opportunity is often named "<account>: <deal>"; the account is the title already.
  const prefix = `${p.accountName}: `;
  const deal = p.opportunityName.startsWith(prefix) ? p.opportunityName.slice(prefix.length) : p.opportunityName;

  doc.rect(0, 0, PAGE.w, 150).fill(COLORS.brand);
  doc.font('bold').fontSize(10).fillColor(COLORS.onBrandMuted).text('BUSINESS CASE', PAGE.m, 42, { characterSpacing: 2 });
  pdf.fit(p.accountName, PAGE.m, 62, width, { size: 28, min: 16, font: 'bold', color: COLORS.onBrand });
  pdf.fit(deal, PAGE.m, 100, width, { size: 14, min: 9, color: COLORS.onBrandMuted });

  // ---- facts: who, by whom, when, where in the sale
  const facts: [string, string][] = [
    ['Prepared for', p.accountName], ['Prepared by', p.seller.legalName], ['Date', formatDay(p.date.toISOString())],
    ['Stage', p.stage], ['Expected close', formatDay(p.closeDate)], ['Status', p.status === 'accepted' ? 'Accepted business case' : 'Draft for discussion'],
  ];
  const colW = width / 3;
  facts.forEach(([label, value], i) => {
    const x = PAGE.m + (i % 3) * colW;
    const y = 172 + Math.floor(i / 3) * 34;
    doc.font('bold').fontSize(7.5).fillColor(COLORS.muted).text(label.toUpperCase(), x, y, { characterSpacing: 0.5, lineBreak: false });
    pdf.fit(value, x, y + 11, colW - 12, { size: 10.5, min: 7, font: 'bold' });
  });

  // ---- key figures
  const tiles: [string, string][] = [
    ['Annual benefit', money(r.annualBenefit, c)],
    [`ROI (${r.horizonYears} years)`, r.roiPercent === null ? 'n/a (no cost)' : `${num(r.roiPercent)} %`],
    [`NPV at ${num(r.discountRatePercent)} %`, money(r.npv, c)],
    ['Payback', r.paybackMonths === null ? 'Beyond horizon' : `${num(r.paybackMonths)} months`],
  ];
  const gap = 10;
  const tileW = (width - 3 * gap) / 4;
  const tileTop = 252;
  tiles.forEach(([label, value], i) => {
    const x = PAGE.m + i * (tileW + gap);
    doc.roundedRect(x, tileTop, tileW, 64, 6).fillAndStroke(COLORS.headerFill, COLORS.line);
    doc.font('body').fontSize(8.5).fillColor(COLORS.muted).text(t(label), x + 10, tileTop + 11, { width: tileW - 20, lineBreak: false });
    pdf.fit(value, x + 10, tileTop + 30, tileW - 20, { size: 18, min: 10, font: 'bold', color: COLORS.brand });
  });
  const secondary: [string, string][] = [
    ['Cost of the pains today, per year', money(r.annualImpact, c)],
    [`Benefits over ${r.horizonYears} years`, money(r.totalBenefits, c)],
    [`Investment over ${r.horizonYears} years`, money(r.totalCosts, c)],
  ];
  secondary.forEach(([label, value], i) => {
    const x = PAGE.m + i * colW;
    doc.font('body').fontSize(8.5).fillColor(COLORS.muted).text(t(label), x, tileTop + 78, { width: colW - 12, lineBreak: false });
    pdf.fit(value, x, tileTop + 90, colW - 12, { size: 12, min: 8, font: 'bold' });
  });
  doc.x = PAGE.m;
  doc.y = tileTop + 104;

  heading(pdf, 'Executive summary');
  pdf.paragraph(p.narrative);

  // ---- where the value comes from: one bar per driver, by share of the annual benefit
  if (r.drivers.length) {
    heading(pdf, 'Where the value comes from');
    const labelW = 170;
    const amountW = 90;
    const barW = width - labelW - amountW - 16;
    const top = Math.max(...r.drivers.map((d) => d.sharePercent), 1);
    for (const d of r.drivers) {
      pdf.ensure(20);
      const y = doc.y;
      pdf.fit(d.label, PAGE.m, y + 2, labelW - 8, { size: 9.5, min: 7 });
      doc.rect(PAGE.m + labelW, y + 1, barW, 11).fill(COLORS.shade);
      doc.rect(PAGE.m + labelW, y + 1, Math.max(1, (barW * d.sharePercent) / top), 11).fill(COLORS.good);
      pdf.fit(`${money(d.annualBenefit, c)} · ${num(d.sharePercent)} %`, PAGE.m + labelW + barW + 8, y + 2, amountW + 8, { size: 9, min: 6, align: 'right' });
      doc.x = PAGE.m;
      doc.y = y + 19;
    }
  }
}

/** Bars of benefits and costs per year, with the cumulative net value as a line. */
function drawChart(doc: PDFKit.PDFDocument, r: HypothesisResults, x0: number, y0: number, w: number, h: number, t: (s: string) => string) {
  const c = r.currency;
  const axisW = 60;
  const plotX = x0 + axisW;
  const plotW = w - axisW - 10;
  const plotH = h - 46;
  const values = r.years.flatMap((y) => [y.benefits, y.costs, y.cumulative]);
  // Headroom above and below so points and labels never sit on the axis labels.
  const span = Math.max(1, Math.max(0, ...values) - Math.min(0, ...values));
  const hi = Math.max(0, ...values) + span * 0.06;
  const lo = Math.min(0, ...values) - (Math.min(0, ...values) < 0 ? span * 0.06 : 0);
  const scale = (v: number) => y0 + plotH - ((v - lo) / (hi - lo)) * plotH;
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    const y = scale(v);
    doc.moveTo(plotX, y).lineTo(plotX + plotW, y).lineWidth(0.5).strokeColor(COLORS.line).stroke();
    doc.font('body').fontSize(7).fillColor(COLORS.muted).text(t(moneyShort(v, c)), x0, y - 4, { width: axisW - 6, align: 'right', lineBreak: false });
  }
  doc.moveTo(plotX, scale(0)).lineTo(plotX + plotW, scale(0)).lineWidth(1).strokeColor(COLORS.muted).stroke();
  const slot = plotW / r.years.length;
  const barW = Math.min(40, slot / 3);
  const points: [number, number][] = [];
  r.years.forEach((y, i) => {
    const cx = plotX + slot * i + slot / 2;
    const bar = (v: number, x: number, color: string) => { const top = scale(Math.max(v, 0)); doc.rect(x, top, barW, Math.max(0.5, scale(0) - top)).fill(color); };
    bar(y.benefits, cx - barW - 2, COLORS.good);
    bar(y.costs, cx + 2, COLORS.warn);
    doc.font('body').fontSize(8).fillColor(COLORS.ink).text(`Year ${y.year}`, cx - 30, y0 + plotH + 8, { width: 60, align: 'center', lineBreak: false });
    points.push([cx, scale(y.cumulative)]);
  });
  points.forEach(([px, py], i) => { if (i === 0) doc.moveTo(px, py); else doc.lineTo(px, py); });
  doc.lineWidth(2).strokeColor(COLORS.brand).stroke();
  points.forEach(([px, py]) => doc.circle(px, py, 3).fill(COLORS.brand));
  const ly = y0 + plotH + 26;
  ([[COLORS.good, 'Benefits'], [COLORS.warn, 'Costs'], [COLORS.brand, 'Cumulative net value']] as const).forEach(([color, label], i) => {
    const lx = plotX + i * 130;
    doc.rect(lx, ly, 10, 10).fill(color);
    doc.font('body').fontSize(8).fillColor(COLORS.ink).text(label, lx + 14, ly + 1, { lineBreak: false });
  });
}
