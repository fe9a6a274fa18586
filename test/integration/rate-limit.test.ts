// API rate limits over HTTP: RateLimit-* headers on every answer, a 429 problem with Retry-After past the burst or
// the daily quota, each token, user and anonymous address counted on its own, and one count shared by several
// server processes on one database (two apps over the same database stand for two processes).
import { createHash } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Config } from '../../src/server/config';
import { systemCtx, type AppEnv } from '../../src/server/http/env';
import { createUser } from '../../src/server/modules/platform/users.service';
import { createTestApp, PASSWORD, type TestApp } from '../helpers';

let t: TestApp;
let seq = 0;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

type Limits = Partial<Config['rateLimits']>;
/** Another server process over the same database, with its own limits and its own leases. */
// Windows are aligned to the clock: tests that count within one window use an hour-long one, so none ends mid-test.
const processWith = (limits: Limits) => buildApp({ ...t.deps, config: { ...t.deps.config, rateLimits: { ...t.deps.config.rateLimits, burstSeconds: 3600, ...limits } } });

async function get(app: Hono<AppEnv>, path: string, headers: Record<string, string> = {}, peer?: string) {
  const env = peer ? { incoming: { socket: { remoteAddress: peer } } } : undefined;
  const res = await app.request(path, { headers }, env);
  const body = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  const h = (name: string) => res.headers.get(name);
  return {
    status: res.status, body, retryAfter: h('retry-after'), policy: h('ratelimit-policy'),
    limit: Number(h('ratelimit-limit')), remaining: Number(h('ratelimit-remaining')), reset: Number(h('ratelimit-reset')),
  };
}

/** A new user signed in (through the unlimited test app, so only the requests under test count). */
async function session(): Promise<Record<string, string>> {
  const email = `limits.${++seq}@test.valuegraph.dev`;
  await createUser(systemCtx(t.deps, 'test'), { email, name: `Limits ${seq}`, role: 'admin', password: PASSWORD });
  const res = await t.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
  return { cookie: res.headers.get('set-cookie')!.split(';')[0] };
}
async function token(): Promise<Record<string, string>> {
  const admin = await t.login('admin');
  const res = await admin.post('/api/tokens', { name: `limits ${++seq}`, scopes: ['accounts:read'] });
  expect(res.status).toBe(201);
  return { authorization: `Bearer ${res.body.token}` };
}

describe('API rate limits', () => {
  it('counts down RateLimit-Remaining, then answers 429 with Retry-After and a rate_limited problem', async () => {
    const app = processWith({ burst: 5, daily: 1000 });
    const who = await session();
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push(await get(app, '/api/accounts?limit=1', who));
    expect(seen.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(seen.map((r) => r.remaining)).toEqual([4, 3, 2, 1, 0]);
    for (const r of seen) {
      expect(r.limit).toBe(5);
      expect(r.policy).toBe('5;w=3600, 1000;w=86400');
      expect(r.reset).toBeGreaterThanOrEqual(0);
      expect(r.reset).toBeLessThanOrEqual(3600);
    }
    const refused = await get(app, '/api/accounts?limit=1', who);
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(refused.body.detail).toContain('5 requests per 3600 seconds');
    expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(refused.retryAfter)).toBeLessThanOrEqual(3600);
    expect(Number(refused.retryAfter)).toBe(refused.reset);
    expect(refused.remaining).toBe(0);
    expect(refused.policy).toBe('5;w=3600, 1000;w=86400');
  });

  it('counts exactly while leasing many requests at a time: Remaining falls by one per request over several leases', async () => {
    const app = processWith({ burst: 400, daily: 100_000 });
    const who = await token();
    const remaining = [];
    for (let i = 0; i < 80; i++) remaining.push((await get(app, '/api/accounts?limit=1', who)).remaining);
    expect(remaining).toEqual(Array.from({ length: 80 }, (_, i) => 399 - i));
    // Leases run ahead of the requests, never more than one lease (at most 25) ahead.
    const key = `b:t:${createHash('sha256').update(who.authorization.slice('Bearer '.length)).digest('base64url').slice(0, 27)}`;
    const [row] = await t.deps.database.query<{ used: number }>('SELECT used FROM rate_limit_windows WHERE key = $1', [key]);
    expect(row.used).toBeGreaterThanOrEqual(80);
    expect(row.used).toBeLessThanOrEqual(80 + 25);
  });

  it('counts each API token, each user and each anonymous address on its own', async () => {
    const app = processWith({ burst: 3, daily: 1000, anonymousBurst: 2, anonymousDaily: 1000 });
    const [a, b, user] = [await token(), await token(), await session()];
    const statuses = async (headers: Record<string, string>, n: number, peer?: string) => {
      const out = [];
      for (let i = 0; i < n; i++) out.push((await get(app, '/api/accounts?limit=1', headers, peer)).status);
      return out;
    };
    expect(await statuses(a, 4)).toEqual([200, 200, 200, 429]);
    expect(await statuses(b, 3)).toEqual([200, 200, 200]);
    expect(await statuses(user, 3)).toEqual([200, 200, 200]);
    // Anonymous callers are counted per client IP, with the anonymous limits (401 here: the route needs a sign-in).
    expect(await statuses({}, 3, '198.51.100.7')).toEqual([401, 401, 429]);
    expect(await statuses({}, 2, '198.51.100.8')).toEqual([401, 401]);
    expect((await get(app, '/api/accounts?limit=1', {}, '198.51.100.8')).policy).toBe('2;w=3600, 1000;w=86400');
  });

  it('enforces the daily quota: RateLimit-* speak for the day once it is the tighter window', async () => {
    const app = processWith({ burst: 100, daily: 3 });
    const who = await token();
    const seen = [];
    for (let i = 0; i < 4; i++) seen.push(await get(app, '/api/accounts?limit=1', who));
    expect(seen.map((r) => r.status)).toEqual([200, 200, 200, 429]);
    expect(seen.map((r) => r.remaining)).toEqual([2, 1, 0, 0]);
    expect(seen[0].limit).toBe(3);
    expect(seen[0].reset).toBeGreaterThan(0);
    expect(seen[0].reset).toBeLessThanOrEqual(86_400);
    expect(seen[3].body.detail).toContain('3 requests per day');
    expect(Number(seen[3].retryAfter)).toBe(seen[3].reset);
  });

  it('starts a new burst window once the old one ends', async () => {
    const app = processWith({ burst: 2, burstSeconds: 5, daily: 1000 });
    const who = await token();
    // Windows are aligned to the clock: start just after one begins, so the three requests fall into it.
    await new Promise((r) => setTimeout(r, 5000 - (Date.now() % 5000) + 20));
    expect((await get(app, '/api/accounts?limit=1', who)).status).toBe(200);
    expect((await get(app, '/api/accounts?limit=1', who)).status).toBe(200);
    const refused = await get(app, '/api/accounts?limit=1', who);
    expect(refused.status).toBe(429);
    await new Promise((r) => setTimeout(r, Number(refused.retryAfter) * 1000 + 50));
    const again = await get(app, '/api/accounts?limit=1', who);
    expect(again.status).toBe(200);
    expect(again.remaining).toBe(1);
  });

  it('shares one count between server processes: 60 requests over two processes, at most the burst of 20 granted', async () => {
    const limits = { burst: 20, daily: 10_000 };
    const [one, two] = [processWith(limits), processWith(limits)];
    const who = await token();
    // In turns first (each process takes small leases), then all at once.
    const turns = [];
    for (let i = 0; i < 30; i++) turns.push((await get(i % 2 ? two : one, '/api/accounts?limit=1', who)).status);
    const ok = turns.filter((s) => s === 200).length;
    expect(ok).toBeLessThanOrEqual(20);
    // What a process leased and had not spent when the other ran out is all that may go unused.
    expect(ok).toBeGreaterThanOrEqual(17);
    expect(turns.slice(ok).every((s) => s === 429)).toBe(true);

    const other = await token();
    const burst = await Promise.all(Array.from({ length: 60 }, (_, i) => get(i % 2 ? two : one, '/api/accounts?limit=1', other)));
    const granted = burst.filter((r) => r.status === 200).length;
    expect(granted).toBeLessThanOrEqual(20);
    expect(granted).toBeGreaterThanOrEqual(17);
    expect(burst.filter((r) => r.status === 429).length).toBe(60 - granted);
  });

  it('leaves health probes alone and counts every other anonymous request per address', async () => {
    const app = processWith({ anonymousBurst: 1, anonymousDaily: 1000 });
    for (let i = 0; i < 3; i++) expect((await get(app, '/api/health', {}, '192.0.2.44')).status).toBe(200);
    const first = await get(app, '/api/openapi.json', {}, '192.0.2.44');
    expect(first.status).toBe(200);
    expect(first.remaining).toBe(0);
    expect(JSON.stringify(first.body)).toContain('RateLimit-Policy');
    expect((await get(app, '/api/openapi.json', {}, '192.0.2.44')).status).toBe(429);
  });
});
