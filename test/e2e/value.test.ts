// Browser journey of the value graph: generate the business case, see ROI move while editing an assumption (before
// saving), save, download the proposal PDF; the deal-risk panel and a negotiation deal's commitment.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { apiGet, journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

const real = (problems: string[]) => realProblems(problems);

describe('value graph journeys', () => {
  it('generates the hypothesis, recalculates ROI live before saving, saves, and downloads the PDF', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    const { items } = await apiGet<{ items: { id: string; name: string }[] }>(page, '/api/opportunities?stage=discovery&limit=20');
    let target: { id: string; name: string } | undefined;
    for (const o of items) {
      const v = await apiGet<{ hypothesis: unknown }>(page, `/api/opportunities/${o.id}/value`);
      if (!v.hypothesis) { target = o; break; }
    }
    expect(target, 'a discovery opportunity without a hypothesis').toBeDefined();
    await page.goto(`/opportunities/${target!.id}/value`);
    await page.getByTestId('value-title').filter({ hasText: target!.name }).waitFor();
    await page.getByTestId('deal-risk').getByTestId('risk-level').waitFor();
    await screenshot(page, 'value-01-empty');

    // Tick two pains and generate.
    await page.getByRole('checkbox', { name: 'Manual CMDB upkeep' }).check();
    await page.getByRole('checkbox', { name: 'Licence waste' }).check();
    await page.getByTestId('generate-hypothesis').click();
    const roi = page.getByTestId('kpi-roi');
    await roi.waitFor();
    await expect.poll(() => page.getByTestId('pains-table').locator('tbody tr').count()).toBe(5);
    const saved = await apiGet<any>(page, `/api/opportunities/${target!.id}/value/hypothesis`);
    expect(saved.results.pains.filter((p: any) => p.selected).map((p: any) => p.id)).toEqual(['manual_cmdb_upkeep', 'license_waste']);
    const roiBefore = await roi.innerText();
    expect(roiBefore).toBe(saved.roiPercent === null ? 'n/a' : `${saved.roiPercent} %`);
    await expect.poll(() => page.getByTestId('value-chart').locator('svg path').count()).toBeGreaterThan(2);
    await page.waitForTimeout(400);
    await screenshot(page, 'value-02-generated');

    // Halve the subscription: ROI changes in the browser, and nothing is sent until Save.
    const patches: string[] = [];
    page.on('request', (r) => { if (r.method() === 'PATCH') patches.push(r.url()); });
    const sub = saved.model.assumptions.find((a: any) => a.id === 'annual_subscription');
    const newSub = Math.round(sub.value / 2 / 100); // whole dollars
    const input = page.getByRole('textbox', { name: 'Annual subscription', exact: true });
    await input.fill(String(newSub));
    await expect.poll(() => roi.innerText()).not.toBe(roiBefore);
    await page.getByTestId('unsaved-badge').waitFor();
    const roiLive = await roi.innerText();
    expect(parseFloat(roiLive)).toBeGreaterThan(parseFloat(roiBefore));
    expect(patches).toEqual([]);
    await input.scrollIntoViewIfNeeded();
    await screenshot(page, 'value-03-live-edit');
    await page.evaluate(() => window.scrollTo(0, 0));

    await page.getByTestId('save-hypothesis').click();
    await page.getByTestId('unsaved-badge').waitFor({ state: 'detached' });
    expect(patches).toHaveLength(1);
    const after = await apiGet<any>(page, `/api/opportunities/${target!.id}/value/hypothesis`);
    expect(after.version).toBe(saved.version + 1);
    expect(after.model.assumptions.find((a: any) => a.id === 'annual_subscription')).toMatchObject({ value: newSub * 100, source: 'user' });
    expect(`${after.roiPercent} %`).toBe(roiLive); // the server computed what the browser showed
    expect(await roi.innerText()).toBe(roiLive);

    // Download the proposal PDF.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    const pdf = await readFile((await download.path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(download.suggestedFilename()).toMatch(/^business-case-.*\.pdf$/);

    // The artifacts list shows the Architect's run; accept the hypothesis.
    await page.getByRole('button', { name: 'Accept', exact: true }).first().click();
    await expect.poll(async () => (await page.getByTestId('hypothesis-status').innerText()).toLowerCase()).toBe('accepted');
    await page.getByTestId('artifacts').getByText('Value Architect').first().click();
    await page.getByTestId('artifacts').getByText('INPUTS').waitFor();
    await page.getByTestId('artifacts').scrollIntoViewIfNeeded();
    await screenshot(page, 'value-04-artifacts');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('shows a negotiation deal with its risks and contracted KPIs', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    const { items } = await apiGet<{ items: { id: string }[] }>(page, '/api/opportunities?stage=negotiation&limit=5');
    expect(items.length).toBeGreaterThan(0);
    const v = await apiGet<any>(page, `/api/opportunities/${items[0].id}/value`);
    expect(v.hypothesis?.status).toBe('accepted');
    expect(v.commitment?.kpis.length).toBeGreaterThan(0);
    const risk = await apiGet<any>(page, `/api/opportunities/${items[0].id}/value/risk`);
    await page.goto(`/opportunities/${items[0].id}/value`);
    await page.getByTestId('value-hypothesis').waitFor();
    await page.getByTestId('deal-risk').getByTestId('risk-level').waitFor();
    expect((await page.getByTestId('risk-level').innerText()).toLowerCase()).toContain(risk.level === 'none' ? 'closed' : risk.level);
    await expect.poll(() => page.getByTestId('deal-risk').locator('[data-risk]').count()).toBe(risk.risks.length);
    await page.getByTestId('deal-risk').scrollIntoViewIfNeeded();
    await screenshot(page, 'value-05-risk');
    const kpis = page.getByTestId('commitment').locator('[data-kpi]');
    await expect.poll(() => kpis.count()).toBe(v.commitment.kpis.length);
    await page.getByTestId('commitment').scrollIntoViewIfNeeded();
    await screenshot(page, 'value-06-commitment');

    // The same panels in the opportunity page's side column: the editor stacks, ROI still recalculates live.
    await page.goto(`/opportunities/${items[0].id}`);
    const panel = page.getByTestId('value-hypothesis');
    await panel.getByTestId('kpi-roi').waitFor();
    await page.getByTestId('deal-risk').getByTestId('risk-level').waitFor();
    expect(await panel.getByRole('link', { name: 'Open the value graph' }).getAttribute('href')).toBe(`/opportunities/${items[0].id}/value`);
    const before = await panel.getByTestId('kpi-roi').innerText();
    await panel.getByRole('checkbox').first().click();
    await expect.poll(() => panel.getByTestId('kpi-roi').innerText()).not.toBe(before);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'value-07-opportunity-page');
    expect(real(problems)).toEqual([]);
    await context.close();
  });
});
