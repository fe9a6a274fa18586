// The web's page table (core/access/pages.ts) against the server: every page and account panel names API operations
// the route registry guards, a role may open a page exactly when those operations answer it, and every navigation
// link of every role leads to a page the role may open, whose APIs then do not refuse that role's session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_PANELS, mayFollow, mayUse, PAGES, pageOf, type Access } from '../../src/core/access/pages';
import { allows } from '../../src/core/access/policies';
import { ROLES, type Role } from '../../src/core/access/roles';
import { policyRegistry } from '../../src/server/http/route';
import { homeOf, navFor } from '../../src/web/features/shell/nav';
import type { SessionUser } from '../../src/web/lib/types';
import { createTestApp, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const entries: [string, Access][] = [
  ...Object.entries(PAGES).map(([id, p]) => [`page ${id}`, p] as [string, Access]),
  ...Object.entries(ACCOUNT_PANELS).map(([id, p]) => [`panel ${id}`, p] as [string, Access]),
];

describe('page table against the route registry', () => {
  it('names only registered operations, and opens for a role exactly when the server lets it call them all', () => {
    const unknown = entries.flatMap(([name, a]) => a.api.filter((k) => !policyRegistry.has(k)).map((k) => `${name}: ${k}`));
    expect(unknown).toEqual([]);
    const disagreements: string[] = [];
    for (const [name, a] of entries) {
      for (const role of ROLES) {
        const server = (!a.only || a.only.includes(role)) && a.api.every((k) => {
          const policy = policyRegistry.get(k)!;
          return !!policy.public || allows(policy, role);
        });
        if (server !== mayUse(role, a)) disagreements.push(`${name} for ${role}: table ${mayUse(role, a)}, server ${server}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe('navigation of every role', () => {
  const sessionUser = (role: Role, id: string, accountId: string | null): SessionUser =>
    ({ id, email: `${role}@x.test`, name: `${role} user`, role, partnerId: null, accountId }) as SessionUser;

  it('shows only links to pages the role may open, whose list APIs do not refuse the role', async () => {
    const account = await t.account({ name: 'Nav Check Ltd' });
    const counts: Record<string, number> = {};
    const refused: string[] = [];
    for (const role of ROLES) {
      const client = await t.login(role, role === 'customer' ? { accountId: account.id } : {});
      const user = sessionUser(role, client.user.id, role === 'customer' ? account.id : null);
      const links = navFor(user).flatMap((s) => s.items.map((i) => i.to));
      counts[role] = links.length;
      expect(mayFollow(role, homeOf(user)), `${role} home ${homeOf(user)}`).toBe(true);
      for (const link of [...links, homeOf(user)]) {
        const page = pageOf(link);
        if (!page || !mayFollow(role, link)) { refused.push(`${role}: ${link}`); continue; }
        // Call each list API of the page (the ones without a path parameter, or whose parameter the link carries).
        const params = link.split('?')[0].split('/');
        const pattern = PAGES[page].path.split('/');
        for (const key of PAGES[page].api.filter((k) => k.startsWith('GET '))) {
          const path = key.slice(4).replace(/:(\w+)/g, (_, name) => params[pattern.indexOf(`:${name}`)] ?? `:${name}`);
          if (path.includes(':')) continue;
          // Without its filter a list may answer 422 (GET /api/kpis needs one); access is what is checked here.
          const res = await client.get(path);
          if (res.status === 401 || res.status === 403 || res.status >= 500) refused.push(`${role}: ${link} → ${key} ${res.status}`);
        }
      }
    }
    expect(refused).toEqual([]);
    // Each role gets a menu of its own size: nothing it cannot open, nothing dropped that it can.
    expect(counts).toEqual({
      admin: 30, executive: 17, sales: 16, sdr: 15, delivery: 13, finance: 16, csm: 13, support: 13, partner: 6, customer: 5,
    });
    // Before the table, an SDR's menu offered the forecast, finance and other workspaces the API refuses it.
    const sdr = navFor(sessionUser('sdr', 'x', null)).flatMap((s) => s.items.map((i) => i.label));
    expect(sdr).toEqual([
      'Dashboard', 'All accounts', 'SDR workspace', 'Sales dashboard', 'Lead inbox', 'Pipeline', 'Content library', 'Import & export',
      'Pre-sale accounts', 'Delivery Command', 'Projects', 'In implementation', 'Accounts by ARR', 'Renewals', 'Partners',
    ]);
  });
});
