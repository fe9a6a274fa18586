// Every route declares who may call it, and an anonymous call to any non-public route is a 401.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import { policyRegistry } from '../../src/server/http/route';
import { createTestApp, type TestApp } from '../helpers';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

// Served outside the API modules on purpose: the reference page and its static assets.
const STATIC_PUBLIC = ['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs/init.js', 'GET /api/docs/assets/:file'];

describe('route policies', () => {
  it('every API route has a policy declaration and the OpenAPI document states its security', async () => {
    const routes = buildApp(t.deps).routes
      .filter((r) => r.path.startsWith('/api/') && r.method !== 'ALL' && !r.path.endsWith('*'))
      .map((r) => `${r.method} ${r.path}`);
    const unique = [...new Set(routes)];
    expect(unique.length).toBeGreaterThan(25);
    const missing = unique.filter((k) => !policyRegistry.has(k) && !STATIC_PUBLIC.includes(k));
    expect(missing).toEqual([]);

    const doc = (await (await t.request('/api/openapi.json')).json()) as any;
    expect(doc.openapi).toBe('3.1.0');
    for (const [path, ops] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(ops)) {
        expect(op.security, `${method} ${path}`).toBeDefined();
        const key = `${method.toUpperCase()} /api${path.replace(/\{(\w+)\}/g, ':$1')}`;
        const policy = policyRegistry.get(key)!;
        expect(op.security.length === 0, key).toBe(!!(policy as any).public);
      }
    }
  });

  it('answers anonymous calls to every non-public route with 401 problem JSON', async () => {
    const failures: string[] = [];
    for (const [key, policy] of policyRegistry) {
      if ((policy as any).public) continue;
      const [method, path] = key.split(' ');
      const url = path.replace(/:(\w+)/g, '00000000-0000-4000-8000-000000000000');
      const res = await t.request(url, { method, headers: { 'content-type': 'application/json' }, body: method === 'GET' ? undefined : '{}' });
      if (res.status !== 401 || !res.headers.get('content-type')?.includes('application/problem+json')) failures.push(`${key} → ${res.status}`);
    }
    expect(failures).toEqual([]);
  });

  it('serves health, openapi and the API reference page without credentials', async () => {
    expect((await t.request('/api/health')).status).toBe(200);
    const docs = await t.request('/api/docs');
    expect(docs.status).toBe(200);
    expect(await docs.text()).toContain('/api/docs/assets/swagger-ui-bundle.js');
    const asset = await t.request('/api/docs/assets/swagger-ui-bundle.js');
    expect(asset.status).toBe(200);
    expect((await t.request('/api/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('refuses roles outside the policy with 403 and token scopes that do not cover the permission', async () => {
    const finance = await t.login('finance');
    expect((await finance.post('/api/accounts', { name: 'x' })).status).toBe(403);
    expect((await finance.get('/api/users')).status).toBe(403);
    const admin = await t.login('admin');
    const tok = await admin.post('/api/tokens', { name: 'read only', scopes: ['accounts:read'] });
    const reader = t.client({ authorization: `Bearer ${tok.body.token}` });
    expect((await reader.get('/api/accounts')).status).toBe(200);
    expect((await reader.get('/api/users')).status).toBe(403);
    expect((await reader.post('/api/accounts', { name: 'x' })).status).toBe(403);
  });
});
