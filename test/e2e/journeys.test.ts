// Browser journeys: a real server (PGlite + demo data) and headless Chromium. Screenshots go to test-results/.
import { describe, expect, it } from 'vitest';
import { apiGet, journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

interface AccountRow { id: string; name: string; partnerId: string | null; employees: number | null }

const real = (problems: string[]) => realProblems(problems);

describe('browser journeys', () => {
  it('1. an admin signs in and sees the executive dashboard with its charts', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await page.goto('/');
    await expect.poll(() => page.title()).toBe('Valuegraph');
    await page.getByTestId('demo-hint').getByText('@demo.valuegraph.dev').waitFor();
    await screenshot(page, '01-login');
    await signIn(page, 'admin');
    await page.getByRole('heading', { name: 'Executive dashboard' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    for (const id of ['kpi-customers', 'kpi-arr', 'kpi-strategic']) await page.getByTestId(id).waitFor();
    expect(await page.getByTestId('kpi-customers').innerText()).toMatch(/\d/);
    // Both charts rendered SVG with content (bars / donut sectors).
    await expect.poll(() => page.getByTestId('chart-stages').locator('svg path').count()).toBeGreaterThan(14); // 7 stages × 2 segments
    await expect.poll(() => page.getByTestId('chart-segments').locator('svg path').count()).toBeGreaterThan(1);
    expect(await page.getByTestId('chart-stages').getAttribute('aria-label')).toContain('Pre-sale');
    expect(await page.getByTestId('stage-table').innerText()).toMatch(/value realization/i);
    // Admin sees the admin section; the menu shows name and role.
    await page.getByRole('link', { name: 'Playbook' }).waitFor();
    await page.waitForTimeout(500); // let chart animations settle for the screenshot
    await screenshot(page, '01-dashboard');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('2. finds an account with the search box and opens its 360 page with contacts and timeline', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'sales');
    const { items } = await apiGet<{ items: AccountRow[] }>(page, '/api/accounts?lifecycleStage=adoption&limit=1');
    const target = items[0];
    await page.goto('/accounts');
    await page.getByTestId('accounts-table').waitFor();
    await page.getByRole('textbox', { name: 'Search', exact: true }).fill(target.name);
    await page.waitForURL((u) => u.searchParams.get('q') === target.name); // debounced into the URL
    const rows = page.getByTestId('accounts-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await expect.poll(async () => (await rows.allInnerTexts()).every((t) => t.toLowerCase().includes(target.name.toLowerCase()))).toBe(true);
    await screenshot(page, '02-search');
    await page.getByTestId('accounts-table').getByRole('link', { name: target.name, exact: true }).click();
    await page.getByTestId('account-name').filter({ hasText: target.name }).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/accounts/${target.id}`);
    await page.getByTestId('profile-card').waitFor();
    const contacts = page.getByTestId('contacts').locator('tbody tr');
    await expect.poll(() => contacts.count()).toBeGreaterThan(0);
    await screenshot(page, '02-account-contacts');
    await page.getByRole('tab', { name: 'Timeline' }).click();
    const entries = page.getByTestId('timeline').locator('[data-kind]');
    await expect.poll(() => entries.count()).toBeGreaterThan(0);
    // Log a note; it appears at the top of the timeline.
    await page.getByRole('textbox', { name: 'Subject' }).fill('E2E follow-up call notes');
    await page.getByRole('button', { name: 'Log note' }).click();
    await page.getByTestId('timeline').locator('[data-kind="note"]').first().getByText('E2E follow-up call notes').waitFor();
    await screenshot(page, '02-account-timeline');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it('3. edits the account and sees the audit entry with before → after', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    const { items } = await apiGet<{ items: AccountRow[] }>(page, '/api/accounts?lifecycleStage=renewal&limit=1');
    const target = items[0];
    const next = (target.employees ?? 100) + 1234;
    await page.goto(`/accounts/${target.id}`);
    await page.getByRole('button', { name: 'Edit', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: 'Employees' }).fill(String(next));
    await screenshot(page, '03-edit-form');
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByTestId('profile-card').getByText(next.toLocaleString('en-US')).waitFor();
    await page.getByRole('tab', { name: 'Audit' }).click();
    const entry = page.getByTestId('audit-entry').first();
    await entry.getByText('Account updated').waitFor();
    const text = await entry.innerText();
    expect(text).toContain('Employees');
    expect(text).toContain((target.employees ?? 0).toLocaleString('en-US'));
    expect(text).toContain(next.toLocaleString('en-US'));
    await expect.poll(async () => entry.locator('del').first().innerText()).toBe((target.employees ?? 0).toLocaleString('en-US'));
    expect(await entry.locator('ins').first().innerText()).toBe(next.toLocaleString('en-US'));
    await screenshot(page, '03-audit');
    expect(real(problems)).toEqual([]);
    await context.close();
  });

  it("4. a partner user sees only its partner's accounts and gets not-found for another partner's account", async () => {
    const admin = await newPage(env.browser, env.server.url);
    await signIn(admin.page, 'admin');
    const all = await apiGet<{ items: AccountRow[] }>(admin.page, '/api/accounts?limit=500');
    await admin.context.close();

    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'partner');
    const me = await apiGet<{ user: { partnerId: string } }>(page, '/api/auth/me');
    const own = all.items.filter((a) => a.partnerId === me.user.partnerId);
    const foreign = all.items.find((a) => a.partnerId !== me.user.partnerId)!;
    expect(own.length).toBeGreaterThan(0);
    expect(new URL(page.url()).pathname).toBe('/partners'); // the partner portal is the partner's home
    await page.getByRole('heading', { name: 'Partner dashboard' }).waitFor();
    // Navigation offers no internal or admin sections.
    expect(await page.getByRole('link', { name: 'Playbook' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Dashboard', exact: true }).count()).toBe(0);
    await screenshot(page, '04-partner-home');

    await page.getByRole('link', { name: 'Our accounts' }).click();
    await page.getByTestId('accounts-table').waitFor();
    await page.getByRole('combobox', { name: 'Rows per page' }).click();
    await page.getByRole('option', { name: '100' }).click();
    const rows = page.getByTestId('accounts-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(Math.min(own.length, 100));
    const names = await page.getByTestId('accounts-table').locator('tbody tr td:first-child a').allInnerTexts();
    const ownNames = new Set(own.map((a) => a.name));
    expect(names.every((n) => ownNames.has(n))).toBe(true);
    await screenshot(page, '04-partner-accounts');

    await page.goto(`/accounts/${foreign.id}`);
    await page.getByTestId('not-found').waitFor();
    expect(await page.getByTestId('not-found').innerText()).toContain('Account not found');
    await screenshot(page, '04-partner-not-found');
    expect(real(problems).filter((p) => !/status of 404/.test(p))).toEqual([]);
    await context.close();
  });

  it('5. an invalid playbook value shows the validation message with its path, and nothing is saved', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'admin');
    const before = await apiGet<{ version: number }>(page, '/api/playbook');
    await page.goto('/admin/playbook');
    await page.getByTestId('playbook-version').filter({ hasText: `Version ${before.version}` }).waitFor();
    await page.getByRole('button', { name: /Health score/ }).click();
    await page.locator('[data-section="health"]').getByText('JSON', { exact: true }).click();
    const editor = page.getByRole('textbox', { name: 'Health score (JSON)' });
    const json = await editor.inputValue();
    const broken = json.replace(/("weights":\s*\{\s*"usage":\s*)30/, '$145');
    expect(broken).not.toBe(json);
    await editor.fill(broken);
    await page.getByRole('button', { name: `Save as v${before.version + 1}` }).click();
    const errors = page.getByTestId('playbook-errors');
    await errors.waitFor();
    const text = await errors.innerText();
    expect(text).toContain('playbook.health.weights');
    expect(text).toMatch(/must sum to 100/);
    expect(text).toContain('nothing was saved');
    expect(await page.locator('[data-section="health"][data-invalid]').count()).toBe(1);
    await screenshot(page, '05-playbook-invalid');
    const after = await apiGet<{ version: number }>(page, '/api/playbook');
    expect(after.version).toBe(before.version);
    expect(real(problems).filter((p) => !/status of 422/.test(p))).toEqual([]);
    await context.close();
  });
});

