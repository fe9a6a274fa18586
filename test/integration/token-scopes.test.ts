// API token scopes: one grammar (core) that the routes' permissions, the token check and its errors share.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERMISSIONS } from '../../src/core/access/scopes';
import { buildApi } from '../../src/server/app';
import { policyRegistry } from '../../src/server/http/route';
import { createTestApp, type Client, type TestApp } from '../helpers';

let t: TestApp;
let admin: Client;
let sales: Client;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  sales = await t.login('sales');
});
afterAll(async () => { await t?.close(); });

async function tokenClient(scopes: string[], userId?: string) {
  const res = await admin.post('/api/tokens', { name: `scopes ${scopes.join(' ')}`, scopes, userId });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  expect(res.body.scopes).toEqual(scopes);
  return t.client({ authorization: `Bearer ${res.body.token}` });
}

async function qualifiedLead() {
  const { body: lead } = await sales.post('/api/leads', {
    source: 'website', firstName: 'Mette', lastName: 'Holm', email: 'mette.holm@vestkraft.dk', title: 'CIO',
    companyName: 'Vestkraft A/S', industry: 'Energy', employees: 5200, servers: 4000, region: 'EMEA', country: 'DK',
  });
  await sales.post(`/api/leads/${lead.id}/status`, { version: 1, status: 'working' });
  await sales.put(`/api/leads/${lead.id}/bant`, { version: 2, bant: { budget: true, authority: true, need: true, timelineMonths: 9 } });
  const q = await sales.post(`/api/leads/${lead.id}/status`, { version: 3, status: 'qualified' });
  expect(q.status).toBe(200);
  return q.body as { id: string; version: number };
}

describe('token scope grammar', () => {
  it('lists exactly the permissions the routes use', () => {
    buildApi();
    const used = new Set<string>();
    for (const policy of policyRegistry.values()) if (!policy.public) used.add(policy.permission);
    expect([...used].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('grants *:read alone: every read, no write', async () => {
    const reader = await tokenClient(['*:read']);
    expect((await reader.get('/api/accounts')).status).toBe(200);
    expect((await reader.get('/api/leads')).status).toBe(200);
    expect((await reader.get('/api/audit')).status).toBe(200);
    expect((await reader.post('/api/accounts', { name: 'Not allowed' })).status).toBe(403);
  });

  it('grants leads:convert alone: converts a qualified lead and reads nothing', async () => {
    const converter = await tokenClient(['leads:convert'], sales.user.id);
    const lead = await qualifiedLead();
    const res = await converter.post(`/api/leads/${lead.id}/convert`, {
      version: lead.version, amount: 5_000_000, closeDate: '2030-09-30',
      requirements: 'Discover 4,000 servers across AWS and on-prem.',
      meeting: { at: '2030-05-06T09:00:00+02:00', attendees: 'CIO', agenda: 'CMDB process' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.lead.status).toBe('converted');
    expect((await converter.get(`/api/leads/${lead.id}`)).status).toBe(403);
    expect((await converter.post('/api/leads', { source: 'website', email: 'x@y.dk' })).status).toBe(403);
  });

  it('grants leads:admin alone: manages web forms, cannot read leads', async () => {
    const formsAdmin = await tokenClient(['leads:admin']);
    const created = await formsAdmin.post('/api/lead-forms', { name: 'Contact us', source: 'website' });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect((await formsAdmin.get('/api/lead-forms')).status).toBe(403); // leads:read
    expect((await formsAdmin.get('/api/leads')).status).toBe(403);
  });

  it('refuses unknown scopes with 422 naming each one, and stores nothing', async () => {
    const before = await t.count('api_tokens');
    for (const bad of ['accounts:convert', '*:bogus', 'bogus:*', 'leads', 'leads:read:all']) {
      const res = await admin.post('/api/tokens', { name: 'bad', scopes: ['accounts:read', bad] });
      expect(res.status, bad).toBe(422);
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors[0].path).toBe('scopes.1');
      expect(res.body.errors[0].message).toContain(`unknown scope "${bad}"`);
      // The message offers the wildcard forms it accepts.
      expect(res.body.errors[0].message).toContain('*:<action>');
    }
    expect(await t.count('api_tokens')).toBe(before);
  });

  it('refuses an expiry in the past with 422 and no row; a future one is stored', async () => {
    const before = await t.count('api_tokens');
    const past = await admin.post('/api/tokens', { name: 'stale', scopes: ['accounts:read'], expiresAt: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(422);
    expect(past.body.errors).toEqual([{ path: 'expiresAt', message: 'must be in the future' }]);
    expect(await t.count('api_tokens')).toBe(before);
    const future = await admin.post('/api/tokens', { name: 'fresh', scopes: ['*:read'], expiresAt: new Date(Date.now() + 86400_000).toISOString() });
    expect(future.status).toBe(201);
    expect(await t.count('api_tokens')).toBe(before + 1);
  });
});
