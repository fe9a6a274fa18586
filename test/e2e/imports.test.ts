// Browser journey: import a HubSpot deals CSV through the wizard (one bad row), watch the progress reach 100 %,
// see the bad row reported with its line, find the imported deals; then the sales dashboard and content library.
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

const FIXTURE = fileURLToPath(new URL('../fixtures/hubspot-deals.csv', import.meta.url));

const real = (problems: string[]) => realProblems(problems);

async function apiText(page: Page, path: string) {
  const res = await page.request.get(path);
  expect(res.ok(), `${path} → ${res.status()}`).toBe(true);
  return res.text();
}

describe('imports journey', () => {
  it('imports a deals CSV through the wizard, reports the bad row and lands the good ones', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    await page.goto('/imports');
    await page.getByRole('heading', { name: 'Import & export' }).waitFor();
    await page.getByTestId('import-wizard').locator('input[type=file]').setInputFiles(FIXTURE);
    await page.getByRole('button', { name: 'Upload and preview' }).click();

    // Mapping step: HubSpot headers detected, stage values mapped, the first rows parsed with the bad one flagged.
    const preview = page.getByTestId('preview-rows');
    await preview.waitFor();
    await expect.poll(() => preview.locator('tbody tr').count()).toBe(10);
    expect(await page.getByTestId('column-mapping').getByLabel(/^Deal name/).inputValue()).toBe('Deal Name');
    expect(await page.getByTestId('column-mapping').getByLabel(/^Deal stage/).inputValue()).toBe('Deal Stage');
    const stageMap = page.getByTestId('value-mapping-stage');
    expect(await stageMap.locator('tbody tr').count()).toBe(7);
    expect(await stageMap.getByLabel('stage for closedwon').inputValue()).toBe('Closed won');
    const badRow = preview.locator('tbody tr').nth(7);
    expect(await badRow.innerText()).toMatch(/error[\s\S]*31\/02\/2025/i);
    await screenshot(page, 'imports-1-mapping');

    await page.getByRole('button', { name: 'Start import' }).click();
    await page.getByTestId('import-progress').waitFor();
    await expect.poll(() => page.getByTestId('import-progress').getAttribute('aria-valuenow'), { timeout: 30_000 }).toBe('100');
    await page.getByTestId('result-rows').waitFor();
    expect(await page.getByTestId('import-status').innerText()).toBe('Completed');
    expect(await page.getByTestId('result-rows').innerText()).toContain('10');
    expect(await page.getByTestId('result-inserted').innerText()).toContain('9');
    expect(await page.getByTestId('result-failed').innerText()).toContain('1');
    const errors = page.getByTestId('import-errors').locator('tbody tr');
    await expect.poll(() => errors.count()).toBe(1);
    expect(await errors.first().innerText()).toMatch(/^9\s+70008\s+Close Date\s+31\/02\/2025\s+.*month\/day\/year/);
    await screenshot(page, 'imports-2-result');

    // The good rows are deals now; the bad one is not.
    const exported = await apiText(page, '/api/exports/deals.csv');
    for (const name of ['Fjordline Logistics CMDB rollout', 'Granite Telecom expansion', 'Summit Transit asset inventory']) expect(exported).toContain(name);
    expect(exported).not.toContain('Pioneer Foods bad close date');
    expect(exported).toMatch(/70001,Fjordline Logistics CMDB rollout,closed_won,184000\.00,USD,2025-04-18,2025-01-06T09:12:00\.000Z,default,sales@demo\.valuegraph\.dev/);
    const report = await apiText(page, (await page.getByRole('link', { name: 'Download the error report (CSV)' }).getAttribute('href'))!);
    expect(report.split('\n')[1]).toMatch(/^9,70008,closeDate,Close Date,31\/02\/2025,/);

    // The recent imports list shows the run.
    await page.getByRole('button', { name: 'Import another file' }).click();
    const recent = page.getByTestId('recent-imports').locator('tbody tr').first();
    await expect.poll(() => recent.innerText()).toMatch(/hubspot-deals\.csv\s+deals\s+completed\s+10\s+9\s+0\s+0\s+1/i);
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('the sales dashboard shows the imported period with KPIs against targets and its charts', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    const metrics = JSON.parse(await apiText(page, '/api/metrics/sales?from=2025-01-01&to=2025-06-30'));
    const won = metrics.funnel.find((f: any) => f.label === 'Won').count;
    await page.goto('/sales/dashboard?from=2025-01-01&to=2025-06-30');
    await page.getByRole('heading', { name: 'Sales dashboard' }).waitFor();
    for (const id of ['kpi-win_rate', 'kpi-average_deal_size', 'kpi-median_days_to_close', 'kpi-lead_to_opportunity']) await page.getByTestId(id).waitFor();
    const winRate = metrics.metrics.find((m: any) => m.id === 'win_rate');
    expect(await page.getByTestId('kpi-win_rate').innerText()).toContain(`${winRate.value.toFixed(1)} %`);
    expect(await page.getByTestId('kpi-median_days_to_close').innerText()).toContain('Target ≤ 72 days');
    expect(await page.getByTestId('kpi-lead_to_opportunity').innerText()).toContain('Target > 30 %');
    expect(await page.getByTestId('chart-funnel').getAttribute('aria-label')).toMatch(new RegExp(`Won (is )?${won}\\b`));
    await expect.poll(() => page.getByTestId('chart-pipeline').locator('svg path').count()).toBeGreaterThan(3);
    await expect.poll(() => page.getByTestId('chart-funnel').locator('svg path').count()).toBeGreaterThan(6);
    expect(await page.getByTestId('metrics-table').locator('tbody tr').count()).toBe(metrics.metrics.length);
    await page.waitForTimeout(500);
    await screenshot(page, 'imports-3-sales-dashboard-imported-period');
    // The default period (the last 365 days) has the demo's leads too.
    const current = JSON.parse(await apiText(page, '/api/metrics/sales'));
    expect(current.leadVolume.length).toBeGreaterThan(2);
    await page.goto('/sales/dashboard');
    await page.getByTestId('kpi-win_rate').waitFor();
    await expect.poll(() => page.getByTestId('chart-lead-volume').locator('svg path').count()).toBeGreaterThan(2);
    await page.waitForTimeout(500);
    await screenshot(page, 'imports-3-sales-dashboard');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('the content library searches and filters, and links from a query string', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    await page.goto('/content?industry=Financial%20Services');
    const items = page.getByTestId('content-items').getByTestId('content-item');
    await expect.poll(() => items.count()).toBeGreaterThan(3);
    const texts = await items.allInnerTexts();
    expect(texts.some((t) => t.includes('Talk track: banks under DORA'))).toBe(true);
    expect(texts.some((t) => t.includes('hospitals'))).toBe(false);
    await screenshot(page, 'imports-4-content-industry');
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill('budget allocated');
    await page.waitForURL((u) => u.searchParams.get('q') === 'budget allocated');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().innerText()).toContain("We don't have budget allocated");
    await screenshot(page, 'imports-4-content');
    expect(real(problems)).toEqual([]);
    await context.close();
  });
});
