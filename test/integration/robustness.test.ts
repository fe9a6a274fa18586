// Bad input always gets a 4xx problem document and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../helpers';

let t: TestApp;
let sales: Client;
beforeAll(async () => { t = await createTestApp(); sales = await t.login('sales'); });
afterAll(async () => { await t?.close(); });

const problem = (res: { status: number; headers: Headers; body: any }, status: number) => {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body).toMatchObject({ status, type: expect.stringContaining('https://'), title: expect.any(String), detail: expect.any(String) });
};

describe('bad input', () => {
  it('never writes and never answers 5xx', async () => {
    const before = { accounts: await t.count('accounts'), audit: await t.count('audit_log') };
    const cases: [string, RequestInit, number][] = [
      ['malformed JSON', { method: 'POST', body: '{"name": ', headers: { 'content-type': 'application/json' } }, 400],
      ['wrong type', { method: 'POST', body: JSON.stringify({ name: 42 }), headers: { 'content-type': 'application/json' } }, 422],
      ['unknown field', { method: 'POST', body: JSON.stringify({ name: 'A', colour: 'red' }), headers: { 'content-type': 'application/json' } }, 422],
      ['bad enum', { method: 'POST', body: JSON.stringify({ name: 'A', segment: 'gold' }), headers: { 'content-type': 'application/json' } }, 422],
      ['negative count', { method: 'POST', body: JSON.stringify({ name: 'A', servers: -1 }), headers: { 'content-type': 'application/json' } }, 422],
      ['bad domain', { method: 'POST', body: JSON.stringify({ name: 'A', domain: 'not a domain' }), headers: { 'content-type': 'application/json' } }, 422],
      ['unknown owner', { method: 'POST', body: JSON.stringify({ name: 'A', aeId: '00000000-0000-4000-8000-000000000000' }), headers: { 'content-type': 'application/json' } }, 422],
      ['array body', { method: 'POST', body: '[]', headers: { 'content-type': 'application/json' } }, 422],
      ['no content type', { method: 'POST', body: JSON.stringify({ name: 'A' }) }, 415],
      ['oversized', { method: 'POST', body: JSON.stringify({ name: 'A', description: 'x'.repeat(1_100_000) }), headers: { 'content-type': 'application/json' } }, 413],
    ];
    for (const [name, init, status] of cases) {
      const res = await sales.raw('/api/accounts', init);
      expect(res.status, name).toBe(status);
      problem(res, status);
    }
    const bad = await sales.post('/api/accounts', { name: '', servers: 'many' });
    expect(bad.body.errors.map((e: any) => e.path).sort()).toEqual(['name', 'servers']);
    expect(await t.count('accounts')).toBe(before.accounts);
    expect(await t.count('audit_log')).toBe(before.audit);
  });

  it('rejects bad cursors, ids and query values with 4xx', async () => {
    problem(await sales.get('/api/accounts?cursor=garbage'), 400);
    problem(await sales.get(`/api/accounts?cursor=${Buffer.from('{"a":1}').toString('base64url')}`), 400);
    problem(await sales.get(`/api/accounts?sort=updatedAt&cursor=${Buffer.from('["yesterday","x"]').toString('base64url')}`), 400);
    problem(await sales.get('/api/accounts?limit=501'), 422);
    problem(await sales.get('/api/accounts?limit=abc'), 422);
    problem(await sales.get('/api/accounts?bogus=1'), 422);
    problem(await sales.get('/api/accounts/not-a-uuid'), 422);
    problem(await sales.get('/api/accounts/00000000-0000-4000-8000-000000000000'), 404);
    problem(await sales.get('/api/nope'), 404);
  });

  it('honours Idempotency-Key: one row for retries, refusal for a different body under the same key', async () => {
    const before = await t.count('accounts');
    const body = { name: 'Idempotent Industries' };
    const first = await sales.post('/api/accounts', body, { 'idempotency-key': 'create-ii-1' });
    const retry = await sales.post('/api/accounts', body, { 'idempotency-key': 'create-ii-1' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body.id).toBe(first.body.id);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await t.count('accounts')).toBe(before + 1);
    problem(await sales.post('/api/accounts', { name: 'Other' }, { 'idempotency-key': 'create-ii-1' }), 422);
    expect(await t.count('accounts')).toBe(before + 1);
  });

  it('sets request ids and security headers', async () => {
    const res = await t.request('/api/health', { headers: { 'x-request-id': 'trace-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-123');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-frame-options')).toBeTruthy();
  });
});
