// Browser journey through a stage gate: open an opportunity, try to advance, the gate dialog lists the missing exit
// criteria, tick them, the move succeeds and the board shows the deal in the next column. Also the board's drag and
// drop, the POC tab and the forecast chart.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { apiGet, journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

const real = (problems: string[]) => realProblems(problems, [422]);

/** Narrows the board to one close date (a column shows its first 12 cards by close date, then "Load more"). */
async function filterByCloseDate(page: Page, date: string) {
  await page.getByLabel('Closing from').fill(date);
  await page.getByLabel('Closing to').fill(date);
}

interface Opp { id: string; name: string; stage: string; closeDate: string; stages: { id: string; criteria: { id: string; label: string; checked: boolean }[] }[] }

describe('pipeline journeys', () => {
  it('advances an opportunity through the stage gate and sees it in the next column', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    const list = await apiGet<{ items: { id: string }[] }>(page, '/api/opportunities?stage=discovery&limit=50');
    const details = await Promise.all(list.items.map((i) => apiGet<Opp>(page, `/api/opportunities/${i.id}`)));
    const target = details.find((o) => o.stages[0].criteria.some((c) => !c.checked))!;
    const missing = target.stages[0].criteria.filter((c) => !c.checked);
    expect(missing.length).toBeGreaterThan(0);

    await page.goto(`/opportunities/${target.id}`);
    await page.getByTestId('opportunity-name').waitFor();
    expect(await page.getByTestId('stage-badge').textContent()).toBe('Discovery');
    await page.getByTestId('advance-button').click();
    const dialog = page.getByRole('dialog', { name: 'Exit criteria before Proposal' });
    await dialog.waitFor();
    const boxes = dialog.getByRole('checkbox');
    await expect.poll(() => boxes.count()).toBe(missing.length);
    for (const m of missing) await dialog.getByText(`Discovery: ${m.label}`).waitFor();
    const move = dialog.getByRole('button', { name: 'Move to Proposal' });
    expect(await move.isDisabled()).toBe(true);
    await screenshot(page, 'pipeline-gate-dialog');

    for (const m of missing) {
      await dialog.getByLabel(`Discovery: ${m.label}`).check();
      await expect.poll(() => dialog.getByLabel(`Discovery: ${m.label}`).isChecked()).toBe(true);
    }
    await expect.poll(() => move.isDisabled()).toBe(false);
    await move.click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('stage-badge').textContent()).toBe('Proposal');
    await page.getByRole('tab', { name: 'Stage history' }).click();
    await page.getByTestId('stage-history').getByText('Discovery → Proposal').waitFor();
    await screenshot(page, 'pipeline-opportunity');

    const after = await apiGet<Opp>(page, `/api/opportunities/${target.id}`);
    expect(after.stage).toBe('proposal');
    expect(after.stages[0].criteria.every((c) => c.checked)).toBe(true);

    await page.goto('/pipeline');
    await page.getByTestId('pipeline-board').waitFor();
    await page.getByTestId('count-proposal').waitFor();
    await screenshot(page, 'pipeline-board');
    await filterByCloseDate(page, target.closeDate);
    await page.getByTestId('column-proposal').getByTestId(`card-${target.id}`).waitFor();
    expect(await page.getByTestId('column-discovery').getByTestId(`card-${target.id}`).count()).toBe(0);
    await screenshot(page, 'pipeline-board-filtered');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('dragging a card forward opens the gate dialog; an executive overrides with a reason', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'executive');
    const board = await apiGet<{ columns: { stage: string; items: { id: string; name: string; closeDate: string }[] }[] }>(page, '/api/pipeline/board');
    const card = board.columns.find((c) => c.stage === 'discovery')!.items[0];
    await page.goto('/pipeline');
    // Short columns first: a drag that has to scroll the page loses track of its source in Chromium.
    await filterByCloseDate(page, card.closeDate);
    await page.getByTestId('column-discovery').getByTestId(`card-${card.id}`).waitFor();
    await page.getByTestId(`card-${card.id}`).dragTo(page.getByTestId('column-proposal'));
    const dialog = page.getByRole('dialog', { name: 'Exit criteria before Proposal' });
    await dialog.waitFor();
    await dialog.getByText(card.name).waitFor();
    await dialog.getByLabel('Reason for the override').fill('Discovery held in the executive briefing');
    await screenshot(page, 'pipeline-override');
    await dialog.getByRole('button', { name: 'Override and move' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('column-proposal').getByTestId(`card-${card.id}`).waitFor();
    const o = await apiGet<{ history: { toStage: string; overrideReason: string | null; missingCriteria: unknown[] | null }[] }>(page, `/api/opportunities/${card.id}`);
    const last = o.history[o.history.length - 1];
    expect(last).toMatchObject({ toStage: 'proposal', overrideReason: 'Discovery held in the executive briefing' });
    expect(last.missingCriteria!.length).toBeGreaterThan(0);
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('shows the POC with its criteria and plan, and the forecast chart with the owner table', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    const list = await apiGet<{ items: { id: string }[] }>(page, '/api/opportunities?stage=poc&limit=1');
    await page.goto(`/opportunities/${list.items[0].id}?tab=poc`);
    await page.getByTestId('poc-criteria').waitFor();
    await page.getByTestId('poc-plan').waitFor();
    expect(await page.getByTestId('poc-plan').locator('tbody tr').count()).toBe(4);
    await screenshot(page, 'pipeline-poc');
    await page.goto('/forecast');
    await expect.poll(() => page.getByTestId('forecast-chart').locator('svg path').count()).toBeGreaterThan(4);
    await page.getByTestId('forecast-table').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'pipeline-forecast');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('pages a board column with "Load more" and edits an opportunity\'s amount and probability', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    const board = await apiGet<{ columns: { stage: string; count: number; items: { id: string }[] }[] }>(page, '/api/pipeline/board?limit=12');
    const long = board.columns.find((c) => c.count > 12)!;
    await page.goto('/pipeline');
    const column = page.getByTestId(`column-${long.stage}`);
    await expect.poll(() => column.locator('[data-testid^="card-"]').count()).toBe(12);
    await page.getByTestId(`more-${long.stage}`).click();
    await expect.poll(() => column.locator('[data-testid^="card-"]').count()).toBe(Math.min(long.count, 36));

    const id = long.items[0].id;
    await page.goto(`/opportunities/${id}`);
    await page.getByTestId('edit-opportunity').click();
    const dialog = page.getByRole('dialog', { name: 'Edit opportunity' });
    await dialog.getByLabel(/^Amount/).fill('250000');
    await dialog.getByLabel('Probability (%)').fill('35');
    await dialog.getByTestId('save-opportunity').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => (await apiGet<{ amount: number; probability: number; probabilityManual: boolean }>(page, `/api/opportunities/${id}`)))
      .toMatchObject({ amount: 25_000_000, probability: 35, probabilityManual: true });
    await page.getByText('35 % (manual)').waitFor();
    expect(real(problems)).toEqual([]);
    await context.close();
  });
});
