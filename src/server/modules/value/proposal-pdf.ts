// The proposal / business case PDF, drawn from the value hypothesis (and the commitment when there is one):
// cover, executive summary, pains and impact, value drivers, assumptions with sources, ROI/NPV/payback with a bar
// chart of benefits vs costs by year, success criteria and next steps.
import PDFDocument from 'pdfkit';
import { HELVETICA, pdfFonts, winAnsi as ascii } from '../../pdf/fonts';
import { money, moneyShort, months, num, type HypothesisModel, type HypothesisResults, type Kpi, type SuccessCriterion } from '../../../core/value';

export interface ProposalInput {
  accountName: string;
  opportunityName: string;
  stage: string;
  closeDate: string | null;
  date: Date;
  status: string;
  model: HypothesisModel;
  results: HypothesisResults;
  narrative: string;
  kpis: Kpi[];
  successCriteria: SuccessCriterion[];
}


const INK = '#1f2937';
const MUTED = '#6b7280';
const BRAND = '#2563eb';
const GOOD = '#10b981';
const COST = '#f59e0b';
const LINE = '#e5e7eb';
const PAGE = { w: 595.28, h: 841.89, m: 50 };

/** `embedFont: false` forces pdfkit's built-in Helvetica (what happens on a machine without a TTF). */
export function renderProposalPdf(p: ProposalInput, opts: { embedFont?: boolean } = {}): Promise<Buffer> {
  const f = opts.embedFont === false ? HELVETICA : pdfFonts();
  const t = (s: string) => (f.embedded ? s : ascii(s));
  const doc = new PDFDocument({
    size: 'A4', margin: PAGE.m, bufferPages: true,
    info: { Title: t(`Business case: ${p.accountName}`), Subject: t(p.opportunityName), Author: 'Valuegraph', Creator: 'Valuegraph' },
  });
  if (f.embedded) { doc.registerFont('body', f.regular); doc.registerFont('bold', f.bold); } else { doc.registerFont('body', 'Helvetica'); doc.registerFont('bold', 'Helvetica-Bold'); }
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => { doc.on('end', () => resolve(Buffer.concat(chunks))); doc.on('error', reject); });
  const c = p.results.currency;
  const r = p.results;
  const width = PAGE.w - 2 * PAGE.m;

  const ensure = (h: number) => { if (doc.y + h > PAGE.h - PAGE.m - 20) doc.addPage(); };
  const heading = (s: string) => {
    ensure(60);
    doc.moveDown(0.8).font('bold').fontSize(15).fillColor(BRAND).text(t(s), PAGE.m, doc.y, { width });
    doc.moveTo(PAGE.m, doc.y + 3).lineTo(PAGE.m + width, doc.y + 3).lineWidth(1).strokeColor(BRAND).stroke();
    doc.moveDown(0.7).font('body').fontSize(10).fillColor(INK);
  };
  const para = (s: string) => doc.font('body').fontSize(10).fillColor(INK).text(t(s), PAGE.m, doc.y, { width, lineGap: 2 }).moveDown(0.4);

  /** A table: header row shaded, rows sized to their tallest cell, a page break repeats the header. */
  const table = (cols: { label: string; w: number; align?: 'left' | 'right' }[], rows: string[][]) => {
    const pad = 4;
    const drawRow = (cells: string[], header: boolean, shade: boolean) => {
      doc.font(header ? 'bold' : 'body').fontSize(header ? 9 : 9);
      const h = Math.max(...cells.map((cell, i) => doc.heightOfString(t(cell), { width: cols[i].w - 2 * pad }))) + 2 * pad;
      if (doc.y + h > PAGE.h - PAGE.m - 20) {
        doc.addPage();
        if (!header) { drawRow(cols.map((x) => x.label), true, false); doc.font('body').fontSize(9); }
      }
      const y = doc.y;
      if (header || shade) doc.rect(PAGE.m, y, width, h).fill(header ? '#eff6ff' : '#f9fafb');
      let x = PAGE.m;
      cells.forEach((cell, i) => {
        doc.fillColor(header ? BRAND : INK).text(t(cell), x + pad, y + pad, { width: cols[i].w - 2 * pad, align: cols[i].align ?? 'left' });
        x += cols[i].w;
      });
      doc.moveTo(PAGE.m, y + h).lineTo(PAGE.m + width, y + h).lineWidth(0.5).strokeColor(LINE).stroke();
      doc.x = PAGE.m;
      doc.y = y + h;
    };
    drawRow(cols.map((x) => x.label), true, false);
    rows.forEach((row, i) => drawRow(row, false, i % 2 === 1));
    doc.moveDown(0.6);
  };

  // ---- cover
  doc.rect(0, 0, PAGE.w, 260).fill(BRAND);
  doc.font('bold').fontSize(12).fillColor('#dbeafe').text('BUSINESS CASE', PAGE.m, 70, { characterSpacing: 2 });
  doc.font('bold').fontSize(30).fillColor('#ffffff').text(t(p.accountName), PAGE.m, 100, { width });
  doc.font('body').fontSize(14).fillColor('#dbeafe').text(t(p.opportunityName), PAGE.m, doc.y + 6, { width });
  doc.font('body').fontSize(10).fillColor(INK).text(t(`Prepared ${p.date.toISOString().slice(0, 10)} · stage ${p.stage}${p.closeDate ? ` · expected close ${p.closeDate}` : ''} · ${p.status === 'accepted' ? 'accepted business case' : 'draft for discussion'}`), PAGE.m, 290, { width });
  const tiles: [string, string][] = [
    ['Annual benefit', money(r.annualBenefit, c)],
    [`ROI (${r.horizonYears} years)`, r.roiPercent === null ? 'n/a (no cost)' : `${num(r.roiPercent)} %`],
    [`NPV at ${num(r.discountRatePercent)} %`, money(r.npv, c)],
    ['Payback', r.paybackMonths === null ? 'beyond horizon' : `${num(r.paybackMonths)} months`],
  ];
  const tileW = (width - 3 * 12) / 4;
  tiles.forEach(([label, value], i) => {
    const x = PAGE.m + i * (tileW + 12);
    doc.roundedRect(x, 330, tileW, 70, 6).lineWidth(1).strokeColor(LINE).stroke();
    doc.font('body').fontSize(9).fillColor(MUTED).text(t(label), x + 10, 342, { width: tileW - 20 });
    doc.font('bold').fontSize(15).fillColor(INK).text(t(value), x + 10, 362, { width: tileW - 20 });
  });
  doc.font('body').fontSize(10).fillColor(MUTED).text(t(`Annual cost of the pains today: ${money(r.annualImpact, c)}. Investment over ${r.horizonYears} years: ${money(r.totalCosts, c)}.`), PAGE.m, 430, { width });

  // ---- executive summary
  doc.addPage();
  heading('Executive summary');
  para(p.narrative);

  heading('Pains and quantified annual impact');
  const ticked = r.pains.filter((x) => x.selected);
  table(
    [{ label: 'Pain', w: 125 }, { label: 'How it is quantified', w: 175 }, { label: 'Impact / year', w: 65, align: 'right' }, { label: 'Reduction', w: 60, align: 'right' }, { label: 'Benefit / year', w: width - 425, align: 'right' }],
    [...ticked.map((x) => [x.label + (p.model.pains.find((q) => q.id === x.id)?.note ? `\n“${p.model.pains.find((q) => q.id === x.id)!.note}”` : ''), x.explanation, money(x.annualImpact, c), `${num(x.reductionPercent)} %`, money(x.annualBenefit, c)]),
      ['Total', '', money(r.annualImpact, c), '', money(r.annualBenefit, c)]],
  );

  heading('Value drivers');
  table(
    [{ label: 'Driver', w: 200 }, { label: 'Pains', w: 170 }, { label: 'Benefit / year', w: 70, align: 'right' }, { label: 'Share', w: width - 440, align: 'right' }],
    r.drivers.map((d) => [d.label, d.painIds.map((id) => r.pains.find((x) => x.id === id)?.label ?? id).join(', '), money(d.annualBenefit, c), `${num(d.sharePercent)} %`]),
  );

  heading('Assumptions');
  para('Every figure above follows from these assumptions. Benchmarks marked "seed" come from the vendor playbook\'s source documents; "assumption" benchmarks are playbook defaults to be confirmed with you.');
  const used = new Set(ticked.map((x) => x.id));
  const fmtA = (a: HypothesisModel['assumptions'][number]) => (a.unit === 'money' ? money(a.value, c) : a.unit === 'percent' ? `${num(a.value)} %` : `${num(a.value)} ${a.unit}`);
  const sourceOf = (a: HypothesisModel['assumptions'][number]) => (a.source === 'user' ? 'adjusted with you' : a.source === 'account' ? 'your profile' : `benchmark (${a.basis ?? 'assumption'})`);
  table(
    [{ label: 'Assumption', w: 210 }, { label: 'Value', w: 80, align: 'right' }, { label: 'Per', w: 90 }, { label: 'Source', w: width - 380 }],
    p.model.assumptions.filter((a) => a.painId === null || used.has(a.painId)).map((a) => [a.label, fmtA(a), a.per ?? '', sourceOf(a)]),
  );

  // ---- returns and chart (kept on one page with their explanation)
  ensure(380);
  heading(`Return on investment over ${r.horizonYears} years`);
  para(`ROI = (total benefits − total costs) / total costs = (${money(r.totalBenefits, c)} − ${money(r.totalCosts, c)}) / ${money(r.totalCosts, c)} = ${r.roiPercent === null ? 'n/a' : `${num(r.roiPercent)} %`}. ` +
    `NPV at ${num(r.discountRatePercent)} % (year 0 = implementation ${money(r.implementationCost, c)} + first-year subscription ${money(r.annualSubscription, c)}): ${money(r.npv, c)}. Payback: ${months(r.paybackMonths)}.`);
  ensure(230);
  const chartTop = doc.y + 6;
  drawChart(doc, r, PAGE.m, chartTop, width, 200, t);
  doc.x = PAGE.m;
  doc.y = chartTop + 215;
  table(
    [{ label: 'Year', w: 60 }, { label: 'Benefits', w: 110, align: 'right' }, { label: 'Costs', w: 110, align: 'right' }, { label: 'Net', w: 110, align: 'right' }, { label: 'Cumulative', w: width - 390, align: 'right' }],
    r.years.map((y) => [`Year ${y.year}`, money(y.benefits, c), money(y.costs, c), money(y.net, c), money(y.cumulative, c)]),
  );

  heading('Success criteria and next steps');
  const criteria = p.successCriteria.length
    ? p.successCriteria.map((s) => s.label)
    : ticked.map((x) => `${x.label}: at least ${num(x.reductionPercent)} % reduction within a year of go-live (${money(x.annualBenefit, c)} a year)`);
  criteria.forEach((s) => { ensure(20); doc.font('body').fontSize(10).fillColor(INK).text(t(`•  ${s}`), PAGE.m + 6, doc.y, { width: width - 6, lineGap: 2 }); });
  doc.moveDown(0.6);
  ['Validate the assumptions with your finance and IT operations teams.', 'Agree the proof-of-concept scope and success criteria (4 weeks).', 'Embed the KPIs in the contract with quarterly value reviews.']
    .forEach((s, i) => { ensure(20); doc.font('body').fontSize(10).fillColor(INK).text(t(`${i + 1}.  ${s}`), PAGE.m + 6, doc.y, { width: width - 6, lineGap: 2 }); });

  // ---- footer on every page
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    doc.page.margins.bottom = 0; // the footer sits in the margin; without this pdfkit would start a new page
    doc.font('body').fontSize(8).fillColor(MUTED).text(t(`${p.accountName} · business case · page ${i + 1} of ${range.count}`), PAGE.m, PAGE.h - PAGE.m + 10, { width, align: 'center', lineBreak: false });
  }
  doc.end();
  return done;
}

/** Bars of benefits and costs per year, with the cumulative net value as a line. */
function drawChart(doc: PDFKit.PDFDocument, r: HypothesisResults, x0: number, y0: number, w: number, h: number, t: (s: string) => string) {
  const c = r.currency;
  const axisW = 60;
  const plotX = x0 + axisW;
  const plotW = w - axisW - 10;
  const plotH = h - 40;
  const values = r.years.flatMap((y) => [y.benefits, y.costs, y.cumulative]);
  const hi = Math.max(1, ...values);
  const lo = Math.min(0, ...values);
  const scale = (v: number) => y0 + plotH - ((v - lo) / (hi - lo)) * plotH;
  // grid and axis labels
  for (let k = 0; k <= 4; k++) {
    const v = lo + ((hi - lo) * k) / 4;
    const y = scale(v);
    doc.moveTo(plotX, y).lineTo(plotX + plotW, y).lineWidth(0.5).strokeColor(LINE).stroke();
    doc.font('body').fontSize(7).fillColor(MUTED).text(t(moneyShort(v, c)), x0, y - 4, { width: axisW - 6, align: 'right', lineBreak: false });
  }
  doc.moveTo(plotX, scale(0)).lineTo(plotX + plotW, scale(0)).lineWidth(1).strokeColor(MUTED).stroke();
  const slot = plotW / r.years.length;
  const barW = Math.min(40, slot / 3);
  const points: [number, number][] = [];
  r.years.forEach((y, i) => {
    const cx = plotX + slot * i + slot / 2;
    const bar = (v: number, x: number, color: string) => { const top = scale(Math.max(v, 0)); doc.rect(x, top, barW, Math.max(0.5, scale(0) - top)).fill(color); };
    bar(y.benefits, cx - barW - 2, GOOD);
    bar(y.costs, cx + 2, COST);
    doc.font('body').fontSize(8).fillColor(INK).text(`Year ${y.year}`, cx - 30, y0 + plotH + 6, { width: 60, align: 'center', lineBreak: false });
    points.push([cx, scale(y.cumulative)]);
  });
  points.forEach(([px, py], i) => { if (i === 0) doc.moveTo(px, py); else doc.lineTo(px, py); });
  doc.lineWidth(2).strokeColor(BRAND).stroke();
  points.forEach(([px, py]) => doc.circle(px, py, 3).fill(BRAND));
  // legend
  const ly = y0 + plotH + 22;
  ([[GOOD, 'Benefits'], [COST, 'Costs'], [BRAND, 'Cumulative net value']] as const).forEach(([color, label], i) => {
    const lx = plotX + i * 130;
    doc.rect(lx, ly, 10, 10).fill(color);
    doc.font('body').fontSize(8).fillColor(INK).text(label, lx + 14, ly + 1, { lineBreak: false });
  });
}
