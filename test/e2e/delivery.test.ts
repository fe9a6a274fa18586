// Browser journeys of delivery-to-cash: (a) the customer rejects then accepts "Design approved", the milestone invoice
// for its share of the net services fee is issued Net 30, finance records the payment (more than the balance is
// refused on the field) and receivables and DSO move; (b) a KPI measurement 12 % behind its trajectory, sent by an
// integration with an API token, raises an alert the Delivery Command and the project's KPI tab show, with the
// course-correction task one click away. Plus the Gantt and the Delivery Command at a glance.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/billing/invoice';
import { daysBetween } from '../../src/core/billing/dates';
import { apiGet, journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

interface Milestone { id: string; key: string; name: string; status: string; amount: number; paymentPercent: number }
interface Invoice { id: string; number: string; milestoneId: string | null; total: number; balance: number; issueDate: string; dueDate: string; status: string; accountId: string }
interface Summary { arTotal: number; dso: { days: number | null } }
interface Kpi { id: string; key: string; name: string; projectId: string | null; betterWhen: 'higher' | 'lower'; expectedNow: number; openAlert: unknown; lastMeasuredAt: string | null }

/** A JSON POST with the session cookie and the CSRF token of the signed-in page. */
async function apiPost<T>(page: Page, path: string, data: unknown): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
  const res = await page.request.post(path, { data, headers: { 'x-csrf-token': csrfToken } });
  expect(res.ok(), `${path} → ${res.status()} ${await res.text()}`).toBe(true);
  return (await res.json()) as T;
}

/** The number shown in a text like "$2,415,316" or "39.7 d". */
const num = (s: string) => Number(s.replace(/[^0-9.-]/g, ''));

describe('delivery-to-cash journeys', () => {
  it('customer rejects then accepts "Design approved"; the 25 % invoice is issued Net 30; finance records the payment; AR and DSO move', async () => {
    const customer = await newPage(env.browser, env.server.url);
    const delivery = await newPage(env.browser, env.server.url);
    const finance = await newPage(env.browser, env.server.url);
    await signIn(customer.page, 'customer');
    await signIn(delivery.page, 'delivery');
    await signIn(finance.page, 'finance');

    // The customer's own project (the API scopes the list to their account) and its "Design approved" milestone.
    const { items: mine } = await apiGet<{ items: { id: string; name: string; opportunityId: string; accountId: string }[] }>(customer.page, '/api/projects');
    expect(mine.length).toBeGreaterThan(0);
    const project = mine[0];
    const milestones = await apiGet<Milestone[]>(delivery.page, `/api/projects/${project.id}/milestones`);
    const design = milestones.find((m) => m.key === 'design_approved')!;
    expect(design.status).not.toBe('accepted');

    // Its home is the portal. When the demo already sent the milestone, the customer first rejects it: a comment is required.
    await expect.poll(() => customer.page.url()).toMatch(/\/portal$/);
    if (design.status === 'submitted') {
      const row = customer.page.getByTestId('accept-row-design_approved');
      await row.getByTestId('portal-reject').click();
      const dialog = customer.page.getByRole('dialog', { name: /Reject/ });
      await dialog.getByTestId('confirm-decision').click();
      await dialog.getByText('Say what is missing').waitFor();
      await dialog.getByTestId('decision-comment').fill('The integration specification lacks the CMDB field mapping.');
      await dialog.getByTestId('confirm-decision').click();
      await dialog.waitFor({ state: 'hidden' });
      await row.waitFor({ state: 'detached' });
      await expect.poll(async () => (await apiGet<Milestone[]>(delivery.page, `/api/projects/${project.id}/milestones`)).find((m) => m.key === 'design_approved')!.status).toBe('rejected');
    }

    // Delivery submits it for acceptance from the project's Milestones tab; the rejection is in its history.
    await delivery.page.goto(`/projects/${project.id}?tab=milestones`);
    const card = delivery.page.getByTestId('milestone-design_approved');
    if (design.status === 'submitted') await card.getByTestId('milestone-decisions').getByText('CMDB field mapping').waitFor();
    await card.getByTestId('submit-milestone').click();
    await expect.poll(() => card.getAttribute('data-status')).toBe('submitted');
    await screenshot(delivery.page, 'delivery-01-milestones');

    // Receivables before the invoice.
    const before = await apiGet<Summary>(finance.page, '/api/finance/summary');

    // The customer accepts it on their portal.
    await customer.page.goto('/portal');
    const row = customer.page.getByTestId('accept-row-design_approved');
    await row.waitFor();
    await screenshot(customer.page, 'delivery-02-portal');
    await row.getByTestId('portal-accept').click();
    const dialog = customer.page.getByRole('dialog', { name: /Accept/ });
    await dialog.getByTestId('decision-comment').fill('Design signed off by our architecture board.');
    await dialog.getByTestId('confirm-decision').click();
    await dialog.waitFor({ state: 'hidden' });
    await row.waitFor({ state: 'detached' });

    // Billing issues the invoice: exactly the milestone's 25 % share of the services fee net of the POC credit, Net 30.
    const invoice = await (async () => {
      let found: Invoice | undefined;
      await expect.poll(async () => {
        const { items } = await apiGet<{ items: Invoice[] }>(finance.page, `/api/invoices?projectId=${project.id}&kind=milestone&limit=50`);
        found = items.find((i) => i.milestoneId === design.id && i.status !== 'void');
        return !!found;
      }, { timeout: 15_000 }).toBe(true);
      return found!;
    })();
    // The customer's portal shows it without a reload: the invoice card refreshes once billing has issued it.
    await expect.poll(() => customer.page.getByTestId('portal-invoices').innerText(), { timeout: 15_000 }).toContain(invoice.number);
    const opp = await apiGet<{ contract: { servicesFee: number; pocFeeCredit: number; paymentSchedule: { milestoneId: string; percent: number }[] } }>(finance.page, `/api/opportunities/${project.opportunityId}`);
    const c = opp.contract;
    const net = c.servicesFee - c.pocFeeCredit;
    const idx = c.paymentSchedule.findIndex((l) => l.milestoneId === 'design_approved');
    expect(c.paymentSchedule[idx].percent).toBe(25);
    expect(invoice.total).toBe(allocate(net, c.paymentSchedule.map((l) => l.percent))[idx]);
    expect(Math.abs(invoice.total - net * 0.25)).toBeLessThanOrEqual(1);
    const { playbook } = await apiGet<{ playbook: { billing: { paymentTermsDays: number } } }>(finance.page, '/api/playbook');
    expect(playbook.billing.paymentTermsDays).toBe(30);
    expect(daysBetween(invoice.issueDate, invoice.dueDate)).toBe(30);

    // Aging & DSO once the invoice is out.
    await finance.page.goto('/finance/aging');
    await finance.page.getByTestId('dso-chart').waitFor();
    const issued = await apiGet<Summary>(finance.page, '/api/finance/summary');
    expect(issued.arTotal - before.arTotal).toBe(invoice.total);
    await expect.poll(async () => num(await finance.page.getByTestId('ar-total').innerText())).toBe(Math.round(issued.arTotal / 100));
    const dsoIssued = num(await finance.page.getByTestId('dso-days').innerText());

    // Finance finds it in the account's invoices (due in 30 days) and records the payment: more than due is refused on the field.
    await finance.page.goto(`/invoices?accountId=${project.accountId}&status=open`);
    const line = finance.page.getByTestId(`invoice-row-${invoice.id}`);
    await line.getByText('in 30 d').waitFor();
    await screenshot(finance.page, 'delivery-03-invoices');
    await line.getByRole('link', { name: invoice.number }).click();
    await finance.page.getByTestId('invoice-number').filter({ hasText: invoice.number }).waitFor();
    await finance.page.getByTestId('invoice-lines').getByText(/Design approved \(25 % of the services fee\)/).waitFor();
    await finance.page.getByTestId('record-payment').click();
    const pay = finance.page.getByRole('dialog', { name: `Record a payment on ${invoice.number}` });
    const amount = pay.getByTestId('payment-amount');
    await amount.fill(String(invoice.balance / 100 + 500));
    await pay.getByTestId('save-payment').click();
    await expect.poll(() => amount.getAttribute('aria-invalid')).toBe('true');
    await pay.getByText(/exceeds the balance due/).waitFor();
    await screenshot(finance.page, 'delivery-04-overpayment');
    await amount.fill(String(invoice.balance / 100));
    await pay.getByLabel('Reference').fill('WIRE-DA-0001');
    await pay.getByTestId('save-payment').click();
    await pay.waitFor({ state: 'hidden' });
    await expect.poll(() => finance.page.getByTestId('invoice-status').first().innerText()).toMatch(/paid/i);
    expect(await finance.page.getByTestId('invoice-balance').innerText()).toBe('$0');
    await finance.page.getByTestId('invoice-payments').getByText('WIRE-DA-0001').waitFor();
    await screenshot(finance.page, 'delivery-05-paid');

    // Receivables fall by the payment and DSO with them.
    const paid = await apiGet<Summary>(finance.page, '/api/finance/summary');
    expect(issued.arTotal - paid.arTotal).toBe(invoice.total);
    await finance.page.goto('/finance/aging');
    await expect.poll(async () => num(await finance.page.getByTestId('ar-total').innerText())).toBe(Math.round(paid.arTotal / 100));
    await expect.poll(async () => num(await finance.page.getByTestId('dso-days').innerText())).toBeLessThan(dsoIssued);
    await finance.page.waitForTimeout(400);
    await screenshot(finance.page, 'delivery-06-aging');

    for (const x of [customer, delivery, finance]) {
      expect(realProblems(x.problems, [422])).toEqual([]);
      await x.context.close();
    }
  });

  it('a KPI measurement 12 % behind, sent with an API token, raises an alert with its course-correction task', async () => {
    const admin = await newPage(env.browser, env.server.url);
    const { page, context, problems } = await newPage(env.browser, env.server.url);
    await signIn(admin.page, 'admin');
    await signIn(page, 'delivery');
    const { token } = await apiPost<{ token: string }>(admin.page, '/api/tokens', { name: 'KPI feed (e2e)', scopes: ['kpis:read', 'kpis:write'] });

    // A KPI of an open project, without an unresolved alert, whose trajectory is above zero now.
    const { items: projects } = await apiGet<{ items: { id: string }[] }>(page, '/api/projects?status=open&limit=50');
    let kpi: Kpi | undefined;
    for (const p of projects) {
      const { items } = await apiGet<{ items: Kpi[] }>(page, `/api/kpis?projectId=${p.id}&measurements=0`);
      kpi = items.find((k) => !k.openAlert && k.expectedNow > 0 && (!k.lastMeasuredAt || Date.parse(k.lastMeasuredAt) < Date.now()));
      if (kpi) break;
    }
    expect(kpi, 'a project KPI without an open alert').toBeDefined();
    const k = kpi!;
    const value = Math.round(k.expectedNow * (k.betterWhen === 'higher' ? 0.88 : 1.12) * 1000) / 1000;

    const res = await fetch(`${env.server.url}/api/kpis/measurements/bulk`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ measurements: [{ kpiId: k.id, measuredAt: new Date().toISOString(), value }] }),
    });
    expect(res.status).toBe(200);
    const ingest = await res.json() as { inserted: number; alertsRaised: { alertId: string; taskId: string | null; variancePercent: number }[] };
    expect(ingest.inserted).toBe(1);
    expect(ingest.alertsRaised).toHaveLength(1);
    const alertId = ingest.alertsRaised[0].alertId;
    expect(ingest.alertsRaised[0].taskId).toBeTruthy();
    expect(Math.round(ingest.alertsRaised[0].variancePercent)).toBe(-12);

    // The Delivery Command lists it (newest first) with the course-correction task.
    await page.goto('/delivery');
    const row = page.getByTestId(`alert-${alertId}`);
    await row.waitFor();
    expect(await row.innerText()).toContain(k.name);
    expect(await row.innerText()).toMatch(/-12(\.\d)? %/);
    await page.getByTestId('portfolio').waitFor();
    await page.getByTestId('resource-load').waitFor();
    await page.waitForTimeout(500);
    await screenshot(page, 'delivery-07-command');
    await row.getByTestId('alert-task-link').click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`/projects/${k.projectId}\\?tab=tasks&task=`));
    const task = page.getByRole('dialog', { name: 'Edit task' });
    await task.waitFor();
    expect(await task.getByLabel('Title').inputValue()).toMatch(new RegExp(k.name, 'i'));
    await screenshot(page, 'delivery-08-task');
    await task.getByRole('button', { name: 'Cancel' }).click();

    // The project's KPI tab: the tracker is red with the alert, and the open alert is listed above the trackers.
    await page.goto(`/projects/${k.projectId}?tab=kpis`);
    const tracker = page.getByTestId(`kpi-${k.key}`).filter({ hasText: k.name }).first();
    await tracker.waitFor();
    await expect.poll(() => tracker.getAttribute('data-status')).toBe('alert');
    await tracker.getByTestId('kpi-alert').waitFor();
    await page.getByTestId('project-alerts').getByTestId(`alert-${alertId}`).waitFor();
    await expect.poll(() => tracker.getByTestId(`kpi-chart-${k.key}`).locator('svg path').count()).toBeGreaterThan(2);
    await screenshot(page, 'delivery-09-kpis');

    expect(realProblems(problems)).toEqual([]);
    expect(realProblems(admin.problems)).toEqual([]);
    await context.close();
    await admin.context.close();
  });

  it('a won deal becomes a planned project; kickoff lists the missing entry criteria until they are ticked; a stale task edit shows the conflict', async () => {
    const exec = await newPage(env.browser, env.server.url);
    const { page, context, problems } = await newPage(env.browser, env.server.url);
    await signIn(exec.page, 'executive');
    await signIn(page, 'delivery');
    const { items: open } = await apiGet<{ items: { id: string; accountId: string }[] }>(exec.page, '/api/opportunities?stage=negotiation&limit=5');
    const opp = open[0];
    await apiPost(exec.page, `/api/opportunities/${opp.id}/close-won`, { overrideReason: 'Signed at the executive briefing', servicesFee: 4_800_000, termMonths: 12 });

    // The signed contract starts a planned project (delivery reacts to contract.signed).
    let projectId = '';
    await expect.poll(async () => {
      const { items } = await apiGet<{ items: { id: string; opportunityId: string; status: string }[] }>(page, `/api/projects?accountId=${opp.accountId}&limit=50`);
      projectId = items.find((p) => p.opportunityId === opp.id)?.id ?? '';
      return projectId;
    }, { timeout: 15_000 }).not.toBe('');
    const project = await apiGet<{ status: string; checklists: { entry: { items: { id: string; label: string; done: boolean }[] } } }>(page, `/api/projects/${projectId}`);
    expect(project.status).toBe('planned');
    const entry = project.checklists.entry.items;

    await page.goto(`/projects/${projectId}`);
    await expect.poll(() => page.getByTestId('project-status').innerText()).toMatch(/planned/i);
    await page.getByTestId('kickoff-button').click();
    const dialog = page.getByRole('dialog', { name: 'Kick off the project' });
    await dialog.getByTestId('confirm-kickoff').click();
    const missing = dialog.getByTestId('kickoff-missing');
    await missing.waitFor();
    for (const i of entry.filter((x) => !x.done)) expect(await missing.innerText()).toContain(i.label);
    await screenshot(page, 'delivery-11-kickoff-refused');
    for (const i of entry.filter((x) => !x.done)) {
      await dialog.getByLabel(i.label).check();
      await expect.poll(() => dialog.getByLabel(i.label).isChecked()).toBe(true);
    }
    await expect.poll(async () => (await apiGet<typeof project>(page, `/api/projects/${projectId}`)).checklists.entry.items.every((x) => x.done)).toBe(true);
    await dialog.getByTestId('confirm-kickoff').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('project-status').innerText()).toMatch(/active/i);

    // Someone else saves the task while it is open here: saving shows the conflict; loading the latest keeps the edit.
    const { items: tasks } = await apiGet<{ items: { id: string; title: string; version: number }[] }>(page, `/api/projects/${projectId}/tasks`);
    const t = tasks[0];
    await page.goto(`/projects/${projectId}?tab=tasks&task=${t.id}`);
    const edit = page.getByRole('dialog', { name: 'Edit task' });
    await edit.getByLabel('Estimate (h)').fill('37');
    const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/api/auth/me');
    const other = await page.request.patch(`/api/tasks/${t.id}`, { data: { version: t.version, status: 'in_progress' }, headers: { 'x-csrf-token': csrfToken } });
    expect(other.ok(), `${other.status()}`).toBe(true);
    await edit.getByTestId('save-task').click();
    await edit.getByTestId('task-conflict').waitFor();
    await screenshot(page, 'delivery-12-task-conflict');
    await edit.getByRole('button', { name: 'Load latest' }).click();
    await edit.getByTestId('task-conflict').waitFor({ state: 'detached' });
    expect(await edit.getByLabel('Estimate (h)').inputValue()).toBe('37');
    await edit.getByTestId('save-task').click();
    await edit.waitFor({ state: 'hidden' });
    const saved = await apiGet<{ estimateHours: number; status: string }>(page, `/api/tasks/${t.id}`);
    expect(saved).toMatchObject({ estimateHours: 37, status: 'in_progress' });

    expect(realProblems(problems, [409, 422])).toEqual([]);
    expect(realProblems(exec.problems)).toEqual([]);
    await context.close();
    await exec.context.close();
  });

  it('shows the plan as a Gantt with phases, tasks, dependencies, milestones and the today line', async () => {
    const { page, context, problems } = await newPage(env.browser, env.server.url);
    await signIn(page, 'delivery');
    const { items } = await apiGet<{ items: { id: string }[] }>(page, '/api/projects?status=active&limit=5');
    const id = items[0].id;
    const gantt = await apiGet<{ phases: { id: string }[]; tasks: unknown[]; milestones: { key: string }[]; dependencies: unknown[] }>(page, `/api/projects/${id}/gantt`);
    await page.goto(`/projects/${id}`);
    const chart = page.getByTestId('gantt');
    await chart.waitFor();
    await expect.poll(() => chart.locator('[data-testid^="gantt-task-"]').count()).toBe(gantt.tasks.length);
    for (const ph of gantt.phases) await chart.getByTestId(`gantt-phase-${ph.id}`).waitFor();
    for (const m of gantt.milestones) await chart.getByTestId(`gantt-milestone-${m.key}`).waitFor();
    expect(await chart.getByTestId('gantt-dependencies').locator('path').count()).toBeGreaterThan(0);
    await chart.getByTestId('gantt-today').waitFor();
    await screenshot(page, 'delivery-10-gantt');
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });
});
