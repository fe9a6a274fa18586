// Browser journey: capture → qualify (BANT) → convert, ending on the new account's 360 page. Screenshots go to
// test-results/leads-*.png.
import { describe, expect, it } from 'vitest';
import { journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

const real = (problems: string[]) => realProblems(problems);

describe('lead journey', () => {
  it('the inbox shows live SLA countdowns sorted by time left, with breached leads in red', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sdr');
    await page.goto('/leads');
    const rows = page.getByTestId('leads-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(5);
    const first = await page.getByTestId('sla-countdown').first().innerText();
    await page.waitForTimeout(1500);
    const breached = page.locator('[data-testid="sla-countdown"][data-breached="true"]');
    expect(await breached.count()).toBeGreaterThan(0); // the demo has breached leads, and they sort first
    expect(await rows.first().getAttribute('data-breached')).toBe('true');
    expect(first).toMatch(/(left|late)$/i);
    await screenshot(page, 'leads-inbox');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('captures a lead, qualifies it with BANT and converts it into account + contact + opportunity', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    await page.goto('/leads');
    await page.getByRole('button', { name: 'New lead' }).click();
    const modal = page.getByRole('dialog');
    await modal.getByLabel('First name').fill('Astrid');
    await modal.getByLabel('Last name').fill('Lindqvist');
    await modal.getByLabel('Email').fill('astrid.lindqvist@fjordkraft-e2e.no');
    await modal.getByLabel('Company').fill('Fjordkraft E2E ASA');
    await modal.getByLabel('Job title').fill('Head of IT Operations');
    await modal.getByLabel('Employees').fill('6200');
    await screenshot(page, 'leads-new');
    await modal.getByRole('button', { name: 'Capture lead' }).click();
    await page.getByTestId('lead-name').filter({ hasText: 'Astrid Lindqvist' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/leads\/[0-9a-f-]{36}$/);
    await expect.poll(() => page.getByTestId('lead-status').innerText()).toBe('NEW');

    // Enrichment re-scores with every point explained.
    await page.getByTestId('enrichment-form').getByLabel('Technology stack').fill('ServiceNow');
    await page.getByTestId('enrichment-form').getByLabel('Technology stack').press('Enter');
    await page.getByTestId('enrichment-form').getByLabel('Servers').fill('3000');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.getByTestId('score-points').innerText()).toContain('+15 ServiceNow in stack');
    await expect.poll(() => page.getByTestId('score-points').innerText()).toContain('+10 1,000+ servers');

    await page.getByRole('button', { name: 'Start working' }).click();
    await expect.poll(() => page.getByTestId('lead-status').innerText()).toBe('WORKING');

    // BANT with the playbook's questions.
    const bant = page.getByTestId('bant-form');
    for (const c of ['Budget', 'Authority', 'Need']) await bant.getByRole('radiogroup', { name: `${c} met?` }).getByText('Yes').click();
    await bant.getByLabel('Months until the initiative').fill('6');
    await bant.getByLabel('What challenges are you facing with IT asset visibility?').fill('Three clouds, no single inventory');
    await bant.getByLabel('Do you currently have a CMDB? How accurate is it?').fill('ServiceNow CMDB, about 60 % accurate');
    await bant.getByRole('button', { name: 'Save BANT' }).click();
    await expect.poll(() => bant.innerText()).toContain('4 of 4 met');
    await expect.poll(() => page.getByTestId('score-points').innerText()).toContain('+15 Budget identified');
    await page.getByTestId('score-card').scrollIntoViewIfNeeded();
    await screenshot(page, 'leads-lead-page');

    await page.getByRole('button', { name: 'Qualify', exact: true }).click();
    await expect.poll(() => page.getByTestId('lead-status').innerText()).toBe('QUALIFIED');
    await page.getByRole('button', { name: 'Convert…' }).click();
    const convert = page.getByRole('dialog');
    await expect.poll(() => convert.getByTestId('convert-preview').innerText()).toContain('Account Fjordkraft E2E ASA');
    expect(await convert.getByTestId('convert-preview').innerText()).toContain('Contact Astrid Lindqvist');
    await convert.getByLabel('Initial requirements').fill('Discover 3,000 servers across two data centres; feed the ServiceNow CMDB.');
    await convert.getByLabel('Discovery meeting').fill('2030-05-06T10:00');
    await convert.getByLabel('Attendees').fill('Astrid Lindqvist, CIO');
    await screenshot(page, 'leads-convert');
    await convert.getByRole('button', { name: 'Convert lead' }).click();

    await page.getByTestId('account-name').filter({ hasText: 'Fjordkraft E2E ASA' }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/accounts\/[0-9a-f-]{36}$/);
    const timeline = page.getByTestId('timeline');
    await expect.poll(() => timeline.innerText()).toContain('Handoff package: Astrid Lindqvist (qualified lead)');
    expect(await timeline.innerText()).toContain('Opportunity opened: Fjordkraft E2E ASA: new business');
    await screenshot(page, 'leads-account-360');

    const accountId = new URL(page.url()).pathname.split('/')[2];
    const contacts = await (await page.request.get(`/api/accounts/${accountId}/contacts`)).json();
    expect(contacts.items.map((c: any) => c.email)).toEqual(['astrid.lindqvist@fjordkraft-e2e.no']);
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('admins see the web forms with their embed URLs', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    await page.goto('/leads/forms');
    const table = page.getByTestId('forms-table');
    await expect.poll(() => table.innerText()).toContain('Website: talk to sales');
    expect(await table.innerText()).toMatch(/\/api\/forms\/[0-9a-f]{8}…\/page/);
    await screenshot(page, 'leads-forms');
    expect(real(problems)).toEqual([]);
    await context.close();
  });
});
