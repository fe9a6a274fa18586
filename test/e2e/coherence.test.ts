// Every role of the demo, end to end: it lands on its own home, every link of its menu opens a page that loads
// without a console error, a failed API request or a "not available" page, and so does one detail page of each kind
// it may open (account with each of its tabs, lead, opportunity, value graph, project, invoice). Screenshots of each
// landing page go to test-results/coherence-<role>-home.png.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { mayFollow } from '../../src/core/access/pages';
import type { Role } from '../../src/core/access/roles';
import { apiGet, journeySetup, newPage, realProblems, screenshot, signIn } from './harness';

const env = journeySetup();

const HOME: Record<Role, string> = {
  admin: '/dashboard', executive: '/dashboard', sales: '/workspace/sales', sdr: '/workspace/sdr', delivery: '/workspace/delivery',
  finance: '/workspace/finance', csm: '/workspace/success', support: '/workspace/support', partner: '/partners', customer: '/portal',
};
const HOME_MARK: Record<Role, string | RegExp> = {
  admin: 'stage-table', executive: 'stage-table', sales: 'workspace-sales', sdr: 'workspace-sdr', delivery: 'workspace-delivery',
  finance: 'workspace-finance', csm: 'workspace-success', support: 'workspace-support', partner: 'stage-table', customer: /^(milestones-to-accept|nothing-to-accept)$/,
};
const ACCOUNT_TABS = ['timeline', 'opportunities', 'projects', 'invoices', 'value', 'audit'];

/**
 * Failed API answers seen by the page (the signed-out session probe before sign-in is expected), and the number of
 * requests in flight (a client-side navigation has no load event to wait for).
 */
function watchRequests(page: Page): { failed: string[]; inflight: () => number } {
  const failed: string[] = [];
  let inflight = 0;
  page.on('request', () => { inflight++; });
  page.on('requestfinished', () => { inflight--; });
  page.on('requestfailed', () => { inflight--; });
  page.on('response', (r) => {
    const url = new URL(r.url());
    if (r.status() >= 400 && url.pathname.startsWith('/api/') && !(r.status() === 401 && url.pathname === '/api/auth/me')) {
      failed.push(`${r.request().method()} ${url.pathname}${url.search} → ${r.status()}`);
    }
  });
  // A query cancelled by leaving its page is aborted on purpose; anything else failing is a problem.
  page.on('requestfailed', (r) => { if (r.failure()?.errorText !== 'net::ERR_ABORTED') failed.push(`${r.url()} failed: ${r.failure()?.errorText}`); });
  return { failed, inflight: () => inflight };
}

/**
 * Opens a page the way the menu does (a client-side navigation) and waits until it has loaded: no request in flight
 * for a moment, no skeleton or loader left.
 */
async function open(page: Page, inflight: () => number, link: string) {
  await page.evaluate((to) => { window.history.pushState({}, '', to); window.dispatchEvent(new PopStateEvent('popstate')); }, link);
  const settled = async () => {
    await page.waitForTimeout(inflight() > 0 ? 100 : 200);
    if (inflight() > 0) return false;
    return inflight() === 0 && await page.locator('[aria-busy="true"], .mantine-Loader-root').count() === 0;
  };
  const deadline = Date.now() + 20_000;
  while (!await settled()) if (Date.now() > deadline) return `${link}: still loading after 20 s (${inflight()} requests in flight)`;
  const refused = await page.getByTestId('not-found').count();
  const crashed = await page.getByText('This page failed to load').count();
  return refused || crashed ? `${link}: ${refused ? await page.getByTestId('not-found').innerText() : 'crashed'}` : null;
}

async function firstId(page: Page, path: string): Promise<string | null> {
  const res = await page.request.get(path);
  if (!res.ok()) return null;
  const body = (await res.json()) as { items: { id: string }[] };
  return body.items[0]?.id ?? null;
}

/** One detail page of each kind the role may open, with ids from the API as that role sees it. */
async function detailLinks(page: Page, role: Role): Promise<string[]> {
  const me = await apiGet<{ user: { accountId: string | null } }>(page, '/api/auth/me');
  const may = (path: string) => mayFollow(role, path);
  const project = may('/projects/x') ? (await page.request.get('/api/projects?limit=1').then((r) => r.json()) as { items: { id: string; accountId: string }[] }).items[0] : undefined;
  const accountId = role === 'customer' ? me.user.accountId : project?.accountId ?? await firstId(page, '/api/accounts?limit=1');
  const links: string[] = [];
  if (accountId) links.push(`/accounts/${accountId}`, ...ACCOUNT_TABS.map((t) => `/accounts/${accountId}?tab=${t}`));
  if (project) links.push(`/projects/${project.id}`);
  const lead = may('/leads/x') ? await firstId(page, '/api/leads?limit=1') : null;
  if (lead) links.push(`/leads/${lead}`);
  const opportunity = may('/opportunities/x') ? await firstId(page, '/api/opportunities?status=won&limit=1') : null;
  if (opportunity) links.push(`/opportunities/${opportunity}`);
  if (opportunity && may(`/opportunities/${opportunity}/value`)) links.push(`/opportunities/${opportunity}/value`);
  const invoice = may('/invoices/x') ? await firstId(page, '/api/invoices?limit=1') : null;
  if (invoice) links.push(`/invoices/${invoice}`);
  return links;
}

describe('every role, every menu link, one page of every kind', () => {
  for (const role of Object.keys(HOME) as Role[]) {
    it(`${role}: lands on its own home and opens every link it is shown`, async () => {
      const { context, page, problems } = await newPage(env.browser, env.server.url);
      const { failed, inflight } = watchRequests(page);
      await signIn(page, role);
      await page.getByTestId(HOME_MARK[role]).waitFor();
      expect(new URL(page.url()).pathname).toBe(HOME[role]);
      await page.waitForLoadState('networkidle');
      await page.waitForTimeout(400); // chart animations settle for the screenshot
      await screenshot(page, `coherence-${role}-home`);

      const menu = await page.locator('nav[aria-label="Sections"] a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
      expect(menu.length).toBeGreaterThan(4);
      const links = [...new Set([...menu, ...await detailLinks(page, role)])];
      const broken: string[] = [];
      for (const link of links) {
        const issue = await open(page, inflight, link);
        if (issue) broken.push(issue);
      }
      expect(broken).toEqual([]);
      expect(failed).toEqual([]);
      expect(realProblems(problems)).toEqual([]);
      await context.close();
    }, 300_000);
  }

  it('the playbook opens from the lead inbox (the two share one cached document)', async () => {
    const { context, page, problems } = await newPage(env.browser, env.server.url);
    const { failed } = watchRequests(page);
    await signIn(page, 'admin');
    await page.goto('/leads');
    await page.getByTestId('sla-countdown').first().waitFor();
    await page.getByRole('link', { name: 'Playbook' }).click();
    await page.getByTestId('playbook-version').waitFor();
    expect(await page.getByText('This page failed to load').count()).toBe(0);
    expect(failed).toEqual([]);
    expect(realProblems(problems)).toEqual([]);
    await context.close();
  });
});
