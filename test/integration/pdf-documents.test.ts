// The generated PDFs read as documents: the invoice names the seller (legal name, address, VAT / tax id, payment
// instructions) from the playbook's company section, which admins edit; the proposal's first page carries the title
// block, the executive summary and the key ROI figures with proper names; the status report names statuses and
// dates as people write them. Text is read from the PDF itself (test/pdf-text.ts, no system tool).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers';
import { pdfPages } from '../pdf-text';
import { buildReport } from '../../src/core/delivery';
import { money, num } from '../../src/core/value';
import { transaction } from '../../src/server/db/client';
import { systemCtx } from '../../src/server/http/env';
import { renderStatusReportPdf } from '../../src/server/modules/delivery/report-pdf';
import { openOpportunity } from '../../src/server/modules/pipeline/opportunities.service';

let t: TestApp;
let admin: Client;
let token: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  token = (await admin.post('/api/tokens', { name: 'pdf', scopes: ['*:read'] })).body.token;
});
afterAll(async () => { await t?.close(); });

/** The PDF's bytes (the JSON test client reads bodies as text, which would mangle them). */
async function pdf(path: string): Promise<string[]> {
  const res = await t.request(path, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status, path).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  return pdfPages(Buffer.from(await res.arrayBuffer()));
}

describe('invoice PDF: the seller', () => {
  it('prints the seller, its tax id and payment instructions from the playbook; an admin edits them', async () => {
    const finance = await t.login('finance');
    const acc = await t.account({ name: 'Fjordkraft Invoicing AS', country: 'NO' });
    const inv = (await finance.post('/api/invoices', { accountId: acc.id, issueDate: '2026-11-02', lines: [{ description: 'Landscape assessment', quantity: 2, unitAmount: 450_000 }] })).body;
    expect(inv.number).toMatch(/^INV-2026-/);

    const pages = await pdf(`/api/invoices/${inv.id}/pdf`);
    expect(pages).toHaveLength(1);
    let page = pages[0];
    for (const s of ['OmniGaze ApS', 'Vesterbrogade 149', '1620 Copenhagen V', 'VAT / tax id DK 12 34 56 78', 'billing@omnigaze.example · +45 70 20 30 40',
      'How to pay', 'Amount due: $9,000.00 by 2 Dec 2026', `Reference: ${inv.number} (quote it with your payment)`,
      'Bank transfer to OmniGaze ApS', 'Danske Bank · IBAN DK50 0040 0440 1162 43 · BIC DABADKKK',
      'BILL TO', 'Fjordkraft Invoicing AS', 'Norway', 'Issue date', '2 Nov 2026', 'Due date', '2 Dec 2026', 'Landscape assessment', '$4,500.00', '$9,000.00']) {
      expect(page, s).toContain(s);
    }
    expect(page).toContain(`OmniGaze ApS · VAT / tax id DK 12 34 56 78 · ${inv.number} · page 1 of 1`);

    // The admin replaces the company section; the next PDF prints the new seller.
    const current = (await admin.get('/api/playbook')).body;
    expect(current.playbook.company.legalName).toBe('OmniGaze ApS'); // filled in for a playbook stored before the section existed
    const company = { legalName: 'Nordlys Software AS', address: 'Karl Johans gate 1\n0154 Oslo\nNorway', taxId: 'NO 987 654 321 MVA', email: 'ar@nordlys.example', phone: '', website: '',
      paymentInstructions: 'DNB · account 1234.56.78903\nSWIFT DNBANOKK' };
    const bad = await admin.put('/api/playbook', { baseVersion: current.version, playbook: { ...current.playbook, company: { ...company, email: 'not an email' } } });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([{ path: 'playbook.company.email', message: 'Enter an email address or leave it empty' }]);
    expect((await finance.put('/api/playbook', { baseVersion: current.version, playbook: { ...current.playbook, company } })).status).toBe(403);
    expect((await admin.put('/api/playbook', { baseVersion: current.version, playbook: { ...current.playbook, company } })).status).toBe(200);

    [page] = await pdf(`/api/invoices/${inv.id}/pdf`);
    for (const s of ['Nordlys Software AS', 'Karl Johans gate 1', 'VAT / tax id NO 987 654 321 MVA', 'DNB · account 1234.56.78903', 'SWIFT DNBANOKK', 'Questions about this invoice: ar@nordlys.example']) {
      expect(page, s).toContain(s);
    }
    expect(page).not.toContain('OmniGaze');
    await admin.put('/api/playbook', { baseVersion: current.version + 1, playbook: current.playbook });
  });

  it('a paid invoice asks for nothing more', async () => {
    const finance = await t.login('finance');
    const acc = await t.account({ name: 'Paid Up AS' });
    const inv = (await finance.post('/api/invoices', { accountId: acc.id, lines: [{ description: 'Training day', quantity: 1, unitAmount: 150_000 }] })).body;
    expect((await finance.post(`/api/invoices/${inv.id}/payments`, { amount: 150_000, reference: 'R-77' })).status).toBe(201);
    const [page] = await pdf(`/api/invoices/${inv.id}/pdf`);
    expect(page).toContain('PAID');
    expect(page).toContain('Payments received');
    expect(page).not.toContain('How to pay');
    expect(page).toContain('OmniGaze ApS'); // the seller is on every invoice
  });
});

describe('proposal PDF: page 1', () => {
  it('carries the title block, the executive summary and the key ROI figures, with display names', async () => {
    const sales = await t.login('sales');
    const acc = await t.account({ name: 'Hardanger Kraft ASA', servers: 2000, complianceFrameworks: ['ISO 27001', 'NIS2'], employees: 5000, segment: 'standard' });
    const opp = await transaction(t.deps.database, (tx) => openOpportunity(systemCtx(t.deps), tx, {
      accountId: acc.id, name: 'Hardanger Kraft ASA: Service mapping', amount: 12_000_000, closeDate: '2030-06-30',
    }));
    await t.deps.database.query("UPDATE opportunities SET stage = 'proposal' WHERE id = $1", [opp.id]);
    const h = (await sales.post(`/api/opportunities/${opp.id}/value/hypothesis/generate`, {})).body;
    expect(h).toMatchObject({ annualBenefit: 49_770_400, npv: 74_538_634, roiPercent: 228.2, paybackMonths: 5.6 });

    const pages = await pdf(`/api/opportunities/${opp.id}/value/proposal.pdf`);
    const first = pages[0];
    const lines = first.split('\n');
    // Title block: the account as title, the deal without the repeated account name, who prepared it for whom.
    expect(lines.slice(0, 3)).toEqual(['BUSINESS CASE', 'Hardanger Kraft ASA', 'Service mapping']);
    for (const [label, value] of [['PREPARED FOR', 'Hardanger Kraft ASA'], ['PREPARED BY', 'OmniGaze ApS'], ['STAGE', 'Proposal'], ['EXPECTED CLOSE', '30 Jun 2030'], ['STATUS', 'Draft for discussion']]) {
      expect(lines[lines.indexOf(label) + 1], label).toBe(value);
    }
    // The key figures, as the API computed them.
    for (const [label, value] of [['Annual benefit', money(49_770_400, 'USD')], ['ROI (3 years)', `${num(228.2)} %`], ['NPV at 10 %', money(74_538_634, 'USD')], ['Payback', '5.6 months']]) {
      expect(lines[lines.indexOf(label) + 1], label).toBe(value);
    }
    expect(first).toContain('Executive summary');
    expect(first).toContain(h.narrative.split('\n')[0].slice(0, 40));
    expect(first).toContain('Where the value comes from');
    expect(first).not.toMatch(/\bproposal\b|closed_won|_/); // no ids on the page
    // Later pages keep proper names too.
    const rest = pages.slice(1).join('\n');
    expect(rest).toContain('Assumptions');
    expect(rest).toContain('Your profile');
    expect(rest).not.toMatch(/your profile|benchmark \(/);
  });
});

describe('status report PDF', () => {
  it('names statuses and dates as people write them', async () => {
    const { content } = buildReport({
      weekOf: '2026-11-23',
      project: { name: 'Nordlys rollout', accountName: 'Nordlys AS', status: 'active', weeks: 12, budgetHours: 400, startDate: '2026-10-12', baselineEndDate: '2026-12-27', forecastEndDate: '2027-01-03' },
      phases: [{ key: 'kickoff', name: 'Project kickoff', startDate: '2026-10-12', endDate: '2026-10-18' }],
      tasks: [{ phaseKey: 'kickoff', status: 'done', estimateHours: 10, actualHours: 12 }],
      milestones: [{ key: 'uat_complete', name: 'UAT complete', plannedDate: '2026-12-06', forecastDate: '2026-12-08', status: 'submitted', paymentPercent: 25, amount: 1_050_000 }],
      risks: [{ title: 'Scope creep', impact: 'high', probability: 'medium', mitigation: 'Change control', status: 'open' }],
      issues: [], issueSteps: ['Identified'], kpis: [], budgetThreshold: 5,
    });
    const buf = await renderStatusReportPdf({ content, overall: 'amber', summary: 'On track.', nextSteps: 'UAT sign-off.', status: 'sent', sentAt: new Date('2026-11-27T23:30:00Z'), currency: 'USD', sellerName: 'OmniGaze ApS', timeZone: 'Europe/Copenhagen' });
    const text = pdfPages(buf).join('\n');
    for (const s of ['Nordlys AS · week of 23 Nov 2026 · sent 28 Nov 2026', '12 Oct – 18 Oct 2026', 'Awaiting acceptance', '8 Dec 2026 (+2 d)', '25 % · $10,500.00', 'High', 'Medium', 'No KPIs tracked yet', 'OmniGaze ApS · page 1 of']) {
      expect(text, s).toContain(s);
    }
    expect(text).not.toMatch(/submitted|2026-1\d-\d\d/);
  });
});
