// Browser journey: the playbook edited through forms generated from its schema (units, seed badges, live sums,
// row editing, JSON view per section), saved as a new version, with the server's 422 paths marking the fields.
// Screenshots go to test-results/playbook-*.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

interface PlaybookDoc { version: number; note: string | null; playbook: Record<string, any> }

async function openSection(page: Page, label: string, key: string) {
  await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
  const section = page.getByTestId('playbook-sections').locator(`[data-section="${key}"]`);
  await section.locator('[data-path]').first().waitFor();
  return section;
}

describe('playbook editor', () => {
  it('edits the lead first-response SLA in hours through the form and saves it as a new version', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    const before = await apiGet<PlaybookDoc>(page, '/api/playbook');
    expect(before.playbook.leads.sla.firstResponseHours).toBe(24);
    await page.goto('/admin/playbook');
    await page.getByTestId('playbook-version').filter({ hasText: `Version ${before.version}` }).waitFor();
    // Name and currency are plain fields, not JSON.
    expect(await page.getByRole('textbox', { name: 'Currency' }).inputValue()).toBe('USD');

    const leads = await openSection(page, 'Lead management', 'leads');
    const field = leads.locator('[data-path="leads.sla.firstResponseHours"]');
    const input = leads.getByRole('textbox', { name: 'First response', exact: true });
    expect(await input.inputValue()).toBe('24');
    // The unit is shown beside the number and the seed sections beside the title, with the seed's wording on hover.
    expect(await field.innerText()).toContain('h');
    expect(await field.locator('[data-seed]').evaluateAll((els) => els.map((e) => e.getAttribute('data-seed')))).toEqual(['000 §1 stage 1', '004 Success Metrics']);
    expect(await leads.locator('[data-path="leads.sla.firstResponseTargetBusinessHours"]').innerText()).toContain('business h');
    // Hover again while lists above it finish rendering and move it (they skip rendering until near the viewport).
    const badge = field.locator('[data-seed="000 §1 stage 1"]');
    await expect.poll(async () => {
      await badge.hover();
      return page.getByRole('tooltip').textContent({ timeout: 1000 }).catch(() => '');
    }).toContain('SLA: 24-hour response time');
    await screenshot(page, 'playbook-leads-sla');

    await input.fill('36');
    await expect.poll(() => page.getByTestId('playbook-dirty').innerText()).toBe('1 section edited.');
    await page.getByLabel('Change note').fill('First response within 36 hours');
    await page.getByRole('button', { name: `Save as v${before.version + 1}` }).click();
    await page.getByTestId('playbook-version').filter({ hasText: `Version ${before.version + 1}` }).waitFor();

    const after = await apiGet<PlaybookDoc>(page, '/api/playbook');
    expect(after.version).toBe(before.version + 1);
    expect(after.note).toBe('First response within 36 hours');
    expect(after.playbook.leads.sla.firstResponseHours).toBe(36);
    // Only that value changed.
    expect({ ...after.playbook, leads: { ...after.playbook.leads, sla: { ...after.playbook.leads.sla, firstResponseHours: 24 } } }).toEqual(before.playbook);
    await expect.poll(() => page.getByTestId('playbook-history').innerText()).toContain('First response within 36 hours');
    // The form shows the saved value and nothing left to save.
    expect(await page.getByTestId('playbook-sections').locator('[data-section="leads"]').getByRole('textbox', { name: 'First response', exact: true }).inputValue()).toBe('36');
    expect(await page.getByTestId('playbook-dirty').innerText()).toBe('No changes yet.');
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('shows a live sum of the health weights, and the server\'s errors on the fields and rows they name', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    const before = await apiGet<PlaybookDoc>(page, '/api/playbook');
    await page.goto('/admin/playbook');
    const health = await openSection(page, 'Health score', 'health');
    const weights = health.locator('[data-path="health.weights"]');
    const sum = weights.getByTestId('sum-badge');
    expect(await sum.innerText()).toBe('Sum 100');
    await weights.getByRole('textbox', { name: 'Usage', exact: true }).fill('45');
    await expect.poll(() => sum.innerText()).toBe('Sum 115 of 100');
    expect(await sum.getAttribute('data-ok')).toBe('false');
    // Yellow above green: the band scale flags it at once, the server names the field.
    await health.locator('[data-path="health.bands.yellow.min"]').getByRole('textbox').fill('85');
    expect(await health.getByTestId('band-scale').innerText()).toContain('out of order');

    await page.getByRole('button', { name: `Save as v${before.version + 1}` }).click();
    const errors = page.getByTestId('playbook-errors');
    await errors.waitFor();
    expect(await errors.innerText()).toContain('playbook.health.weights: Health weights must sum to 100 (got 115)');
    expect(await errors.innerText()).toContain('playbook.health.bands.yellow.min');
    expect(await weights.getAttribute('data-invalid')).toBe('true');
    expect(await weights.getByRole('alert').innerText()).toContain('must sum to 100');
    const yellow = health.locator('[data-path="health.bands.yellow.min"]').getByRole('textbox');
    expect(await yellow.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('playbook-sections').locator('[data-section="health"][data-invalid]').count()).toBe(1);
    await weights.scrollIntoViewIfNeeded();
    await screenshot(page, 'playbook-health-errors');
    expect((await apiGet<PlaybookDoc>(page, '/api/playbook')).version).toBe(before.version);

    // A row the server names opens by itself and is marked.
    await weights.getByRole('textbox', { name: 'Usage', exact: true }).fill('30');
    await yellow.fill('60');
    await expect.poll(() => sum.innerText()).toBe('Sum 100');
    const pipeline = await openSection(page, 'Sales pipeline', 'pipeline');
    await pipeline.getByRole('button', { name: 'POC', exact: true }).click();
    await pipeline.locator('[data-path="pipeline.stages.2.probability"]').getByRole('textbox').fill('10');
    await page.getByRole('button', { name: `Save as v${before.version + 1}` }).click();
    await expect.poll(() => errors.innerText()).toContain('playbook.pipeline.stages.2.probability');
    expect(await pipeline.locator('[data-path="pipeline.stages.2"]').getAttribute('data-invalid')).toBe('true');
    expect(await pipeline.locator('[data-path="pipeline.stages.2.probability"]').getByRole('textbox').getAttribute('aria-invalid')).toBe('true');
    await pipeline.locator('[data-path="pipeline.stages.2"]').scrollIntoViewIfNeeded();
    await screenshot(page, 'playbook-pipeline-stage-error');
    expect(await page.getByTestId('playbook-sections').locator('[data-section="health"][data-invalid]').count()).toBe(0);
    expect(realProblems(problems, [422])).toEqual([]);
    await context.close();
  });

  it('adds, moves and removes rows of a list, and shows a section as JSON', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    const before = await apiGet<PlaybookDoc>(page, '/api/playbook');
    await page.goto('/admin/playbook');
    const pipeline = await openSection(page, 'Sales pipeline', 'pipeline');
    const losses = pipeline.locator('[data-path="pipeline.lossReasons"]');
    const count = before.playbook.pipeline.lossReasons.length;
    await losses.getByRole('button', { name: 'Add row' }).click();
    await losses.getByRole('textbox', { name: `Id ${count + 1}` }).fill('chose_to_build');
    await losses.getByRole('textbox', { name: `Label ${count + 1}` }).fill('Built it in-house');
    await losses.getByRole('button', { name: `Move row ${count + 1} up`, exact: true }).click();
    await losses.getByRole('button', { name: 'Remove row 1', exact: true }).click();
    await screenshot(page, 'playbook-pipeline-lists');

    const health = await openSection(page, 'Health score', 'health');
    await health.getByText('JSON', { exact: true }).click();
    const json = page.getByRole('textbox', { name: 'Health score (JSON)' });
    expect(JSON.parse(await json.inputValue()).weights).toEqual({ usage: 30, businessValue: 30, relationship: 20, growth: 20 });
    await json.fill((await json.inputValue()).replace('"dropAlertPoints": 10', '"dropAlertPoints": 12'));
    await health.getByText('Form', { exact: true }).click();
    expect(await health.locator('[data-path="health.dropAlertPoints"]').getByRole('textbox').inputValue()).toBe('12');

    await page.getByRole('button', { name: `Save as v${before.version + 1}` }).click();
    await page.getByTestId('playbook-version').filter({ hasText: `Version ${before.version + 1}` }).waitFor();
    const after = await apiGet<PlaybookDoc>(page, '/api/playbook');
    const ids = after.playbook.pipeline.lossReasons.map((r: { id: string }) => r.id);
    const expected = before.playbook.pipeline.lossReasons.map((r: { id: string }) => r.id).slice(1);
    expected.splice(count - 2, 0, 'chose_to_build');
    expect(ids).toEqual(expected);
    expect(after.playbook.health.dropAlertPoints).toBe(12);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });

  it('renders every section as a form (screenshots)', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    await page.goto('/admin/playbook');
    for (const [label, key] of [['Customer success', 'customerSuccess'], ['Value realization', 'valueRealization'], ['Metric targets', 'metricTargets'],
      ['Business hours', 'calendar'], ['Company', 'company'], ['Roles', 'roles'], ['Delivery projects', 'delivery'], ['Billing', 'billing'],
      ['Support', 'support'], ['Partners', 'partners'], ['Product development', 'productDevelopment']] as const) {
      const section = await openSection(page, label, key);
      // No field falls back to raw JSON.
      expect(await section.getByText(/Unsupported field/).count()).toBe(0);
      await section.scrollIntoViewIfNeeded();
      if (['customerSuccess', 'metricTargets', 'calendar'].includes(key)) await screenshot(page, `playbook-${key}`);
      if (key === 'delivery') {
        const milestones = section.locator('[data-path="delivery.milestones"]');
        expect(await milestones.getByTestId('sum-badge').innerText()).toBe('Sum 100');
        await milestones.scrollIntoViewIfNeeded();
        await screenshot(page, 'playbook-delivery-milestones');
      }
      if (key === 'valueRealization') {
        // A union row: the kind select shows the fields of that kind (money as an amount and a currency).
        await section.getByRole('button', { name: 'Loaded IT staff cost', exact: true }).click();
        const row = section.locator('[data-path="valueRealization.benchmarks.1"]');
        expect(await row.getByRole('textbox', { name: 'Amount amount' }).inputValue()).toBe('85');
        await row.scrollIntoViewIfNeeded();
        await screenshot(page, 'playbook-value-benchmark');
      }
      await page.getByRole('button', { name: new RegExp(`^${label}`) }).click();
    }
    const leads = await openSection(page, 'Lead management', 'leads');
    const fit = leads.locator('[data-path="leads.scoring.fitRules"]');
    // Fit rules are wider than the editor, so they are cards (no table scrolling sideways): open the sixth.
    const sixth = fit.locator('[data-path="leads.scoring.fitRules.5"]');
    await sixth.locator('.mantine-Accordion-control').first().click();
    expect(await sixth.getByRole('combobox', { name: /^Test/ }).first().inputValue()).toBe('gte');
    expect(await page.evaluate(() => [...document.querySelectorAll('.mantine-Table-scrollContainer')].filter((e) => e.scrollWidth > e.clientWidth + 2).length)).toBe(0);
    await fit.scrollIntoViewIfNeeded();
    await screenshot(page, 'playbook-leads-scoring');
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });
});
