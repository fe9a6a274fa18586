// The list filters the persona workspaces stand on: the project overview of one manager (the delivery workspace's
// "my projects"), and the account search that finds a company by the exact email of one of its contacts (support),
// row-scoped for partners.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, eventually, type Client, type TestApp } from '../helpers';

let t: TestApp;
let sales: Client;
let exec: Client;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp({ workers: true });
  [sales, exec, admin] = [await t.login('sales'), await t.login('executive'), await t.login('admin')];
});
afterAll(async () => { await t?.close(); });

async function projectOf(accountId: string) {
  const o = await sales.post('/api/opportunities', { accountId, name: 'Discovery', amount: 90_000_00, closeDate: '2030-03-15' });
  expect((await exec.post(`/api/opportunities/${o.body.id}/close-won`, { overrideReason: 'workspace test', servicesFee: 40_000_00, startDate: '2030-04-01' })).status).toBe(200);
  const [p] = await eventually(async () => {
    const r = await admin.get(`/api/accounts/${accountId}/projects`);
    return r.body.items?.length ? r.body.items : null;
  });
  return p as { id: string; version: number };
}

describe('workspace list filters', () => {
  it('the project overview keeps one manager\'s projects with managerId', async () => {
    const [mine, theirs] = [await t.login('delivery'), await t.login('delivery')];
    const a = await projectOf((await t.account({ name: 'Overview Mine AS' })).id);
    const b = await projectOf((await t.account({ name: 'Overview Theirs AS' })).id);
    expect((await admin.patch(`/api/projects/${a.id}`, { version: a.version, managerId: mine.user.id })).status).toBe(200);
    expect((await admin.patch(`/api/projects/${b.id}`, { version: b.version, managerId: theirs.user.id })).status).toBe(200);

    const projectsOf = (body: { risks: { projectId: string }[] }) => [...new Set(body.risks.map((r) => r.projectId))].sort();
    const all = await mine.get('/api/projects/overview?days=30');
    expect(projectsOf(all.body)).toEqual([a.id, b.id].sort());
    const own = await mine.get(`/api/projects/overview?days=30&managerId=${mine.user.id}`);
    expect(own.status).toBe(200);
    expect(projectsOf(own.body)).toEqual([a.id]);
    expect(own.body.risks.length).toBeGreaterThan(3); // the 003 common risks preloaded on the project
    expect((await mine.get('/api/projects/overview?managerId=nobody')).status).toBe(422);
  });

  it('an account search by a contact\'s exact email finds its account, within the caller\'s rows', async () => {
    const partnerId = await t.partner('Search Partner');
    const acc = await t.account({ name: 'Quiet Harbour Ltd', domain: 'quietharbour.example', partnerId });
    const other = await t.account({ name: 'Other Harbour Ltd' });
    expect((await admin.post(`/api/accounts/${acc.id}/contacts`, { firstName: 'Liv', lastName: 'Dahl', email: 'Liv.Dahl@Caller.example' })).status).toBe(201);
    expect((await admin.post(`/api/accounts/${other.id}/contacts`, { firstName: 'Ola', lastName: 'Nord', email: 'ola@other.example' })).status).toBe(201);

    const support = await t.login('support');
    const names = async (c: Client, q: string) => (await c.get(`/api/accounts?q=${encodeURIComponent(q)}`)).body.items.map((a: { name: string }) => a.name);
    expect(await names(support, 'liv.dahl@caller.example')).toEqual(['Quiet Harbour Ltd']);
    expect(await names(support, 'dahl@caller.example')).toEqual([]); // exact address only, not a substring
    expect(await names(support, 'ola@other.example')).toEqual(['Other Harbour Ltd']);
    // A partner user finds its own account by the address, never another's.
    const partner = await t.login('partner', { partnerId });
    expect(await names(partner, 'liv.dahl@caller.example')).toEqual(['Quiet Harbour Ltd']);
    expect(await names(partner, 'ola@other.example')).toEqual([]);
  });
});
