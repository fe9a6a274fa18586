// Sign-in throttling: counted atomically per account and per client IP, a trusted device exempt from both for its
// own account, and X-Forwarded-For believed only from configured proxies.
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app';
import type { Config } from '../../src/server/config';
import { resolveClientIp } from '../../src/server/http/client-ip';
import { systemCtx, type AppEnv } from '../../src/server/http/env';
import { createUser } from '../../src/server/modules/platform/users.service';
import { createTestApp, PASSWORD, type TestApp } from '../helpers';

let t: TestApp;
let app: Hono<AppEnv>;
beforeAll(async () => {
  t = await createTestApp();
  app = buildApp(t.deps);
});
afterAll(async () => { await t?.close(); });

let seq = 0;
async function user(): Promise<string> {
  const email = `throttle.${++seq}@test.valuegraph.dev`;
  await createUser(systemCtx(t.deps, 'test'), { email, name: `User ${seq}`, role: 'sales', password: PASSWORD });
  return email;
}

/** The same database, other settings: a second app over it. */
const appWith = (config: Partial<Config>) => buildApp({ ...t.deps, config: { ...t.deps.config, ...config } });

interface Attempt { peer?: string; xff?: string; device?: string; via?: Hono<AppEnv> }
async function signIn(email: string, password: string, o: Attempt = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (o.xff) headers['x-forwarded-for'] = o.xff;
  if (o.device) headers.cookie = `vg_device=${o.device}`;
  // @hono/node-server's getConnInfo reads the socket from the env bindings; app.request lets a test supply one.
  const env = o.peer ? { incoming: { socket: { remoteAddress: o.peer } } } : undefined;
  const res = await (o.via ?? app).request('/api/auth/login', { method: 'POST', headers, body: JSON.stringify({ email, password }) }, env);
  const device = res.headers.getSetCookie().find((c) => c.startsWith('vg_device='))?.split(';')[0].slice('vg_device='.length);
  return { status: res.status, retryAfter: res.headers.get('retry-after'), device };
}
const statuses = (rs: { status: number }[]) => rs.reduce<Record<number, number>>((m, r) => ({ ...m, [r.status]: (m[r.status] ?? 0) + 1 }), {});

describe('sign-in throttling', () => {
  it('evaluates exactly 5 of 30 parallel wrong passwords for one address; the other 25 get 429 with Retry-After', async () => {
    const email = await user();
    const results = await Promise.all(Array.from({ length: 30 }, () => signIn(email, 'wrong-password', { peer: '198.51.100.10' })));
    expect(statuses(results)).toEqual({ 401: 5, 429: 25 });
    for (const r of results.filter((x) => x.status === 429)) {
      expect(Number(r.retryAfter)).toBeGreaterThan(0);
      expect(Number(r.retryAfter)).toBeLessThanOrEqual(15 * 60);
    }
    // Locked for everyone without a trusted device, the right password included.
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.11' })).status).toBe(429);
  });

  it('does not lock out an office: 25 failures over 6 accounts from one IP leave a 7th user\'s sign-in alone', async () => {
    const office = '203.0.113.50';
    const typos = await Promise.all(Array.from({ length: 6 }, () => user()));
    const results = [];
    for (let i = 0; i < 25; i++) results.push(await signIn(typos[i % 6], 'typo', { peer: office }));
    expect(statuses(results)).toEqual({ 401: 25 });
    const seventh = await user();
    const ok = await signIn(seventh, PASSWORD, { peer: office });
    expect(ok.status).toBe(200);
    expect(ok.device).toBeTruthy();
  });

  it('still limits one IP: past its limit every account from it waits, other networks and trusted devices do not', async () => {
    const strict = appWith({ loginThrottle: { perAccount: 5, perIp: 4, minutes: 15 } });
    const known = await user();
    const device = (await signIn(known, PASSWORD, { peer: '192.0.2.200', via: strict })).device!;
    const victims = await Promise.all(Array.from({ length: 4 }, () => user()));
    for (const v of victims) expect((await signIn(v, 'spray', { peer: '192.0.2.66', via: strict })).status).toBe(401);
    const fresh = await user();
    expect((await signIn(fresh, PASSWORD, { peer: '192.0.2.66', via: strict })).status).toBe(429);
    expect((await signIn(fresh, PASSWORD, { peer: '192.0.2.67', via: strict })).status).toBe(200);
    expect((await signIn(known, PASSWORD, { peer: '192.0.2.66', via: strict, device })).status).toBe(200);
  });

  it('lets a trusted device sign in to its own account while that account is locked for everyone else', async () => {
    const email = await user();
    const other = await user();
    const first = await signIn(email, PASSWORD, { peer: '198.51.100.20' });
    expect(first.status).toBe(200);
    const device = first.device!;
    expect(device.split('.')).toHaveLength(4);
    const otherDevice = (await signIn(other, PASSWORD, { peer: '198.51.100.21' })).device!;

    for (let i = 0; i < 5; i++) expect((await signIn(email, 'guess', { peer: '198.51.100.99' })).status).toBe(401);
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.99' })).status).toBe(429);
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.20' })).status).toBe(429); // same network, no cookie

    const trusted = await signIn(email, PASSWORD, { peer: '198.51.100.20', device });
    expect(trusted.status).toBe(200);
    expect(trusted.device).toBeUndefined(); // the device keeps its identity
    // Only for the account it signed in to; a forged or altered cookie is no cookie.
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.21', device: otherDevice })).status).toBe(429);
    const forged = device.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'));
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.20', device: forged })).status).toBe(429);
    // The owner's own sign-in did not reset the attacker's lock.
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.99' })).status).toBe(429);

    // A stolen cookie gets no more guesses than the account does.
    const guesses = await Promise.all(Array.from({ length: 8 }, () => signIn(email, 'stolen', { peer: '198.51.100.98', device })));
    expect(statuses(guesses)).toEqual({ 401: 5, 429: 3 });
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.20', device })).status).toBe(429);
  });

  it('forgets trusted devices when the password changes', async () => {
    const email = await user();
    const device = (await signIn(email, PASSWORD, { peer: '198.51.100.40' })).device!;
    for (let i = 0; i < 5; i++) expect((await signIn(email, 'guess', { peer: '198.51.100.41' })).status).toBe(401);
    expect((await signIn(email, PASSWORD, { peer: '198.51.100.40', device })).status).toBe(200);
    const admin = await t.login('admin');
    const [u] = (await admin.get(`/api/users?q=${encodeURIComponent(email)}`)).body.items;
    expect((await admin.patch(`/api/users/${u.id}`, { version: u.version, password: 'a-brand-new-password' })).status).toBe(200);
    expect((await signIn(email, 'a-brand-new-password', { peer: '198.51.100.40', device })).status).toBe(429);
  });

  it('ignores X-Forwarded-For unless the peer is a trusted proxy, and then keys on the right-most untrusted hop', async () => {
    const direct = appWith({ loginThrottle: { perAccount: 5, perIp: 3, minutes: 15 } });
    const accounts = await Promise.all(Array.from({ length: 6 }, () => user()));
    // No trusted proxies: a client rotating forged headers is still one address.
    for (let i = 0; i < 3; i++) {
      expect((await signIn(accounts[i], 'x', { peer: '198.51.100.30', xff: `10.9.9.${i}`, via: direct })).status).toBe(401);
    }
    expect((await signIn(accounts[3], PASSWORD, { peer: '198.51.100.30', xff: '10.9.9.200', via: direct })).status).toBe(429);

    const proxied = appWith({ loginThrottle: { perAccount: 5, perIp: 3, minutes: 15 }, trustedProxies: ['10.0.0.0/8', '2001:db8::1'] });
    // Behind the proxy, the client is the hop the proxy appended; whatever the client wrote to its left is noise.
    for (let i = 0; i < 3; i++) {
      const xff = `6.6.6.${i}, 203.0.113.9, 10.0.0.7`;
      expect((await signIn(accounts[i], 'x', { peer: '10.0.0.5', xff, via: proxied })).status).toBe(401);
    }
    expect((await signIn(accounts[3], PASSWORD, { peer: '10.0.0.5', xff: '7.7.7.7, 203.0.113.9', via: proxied })).status).toBe(429);
    expect((await signIn(accounts[3], PASSWORD, { peer: '::ffff:10.0.0.6', xff: '203.0.113.10', via: proxied })).status).toBe(200);
    // A peer outside the list does not get its header believed, even with the trusted list set.
    expect((await signIn(accounts[4], PASSWORD, { peer: '203.0.113.9', xff: '203.0.113.11', via: proxied })).status).toBe(429);
  });

  it('keys the public web form limit on the same client address', async () => {
    const admin = await t.login('admin');
    const form = await admin.post('/api/lead-forms', { name: 'Behind the proxy', source: 'website', rateLimitPerHour: 1 });
    expect(form.status).toBe(201);
    const proxied = appWith({ trustedProxies: ['10.0.0.0/8'] });
    const submit = (peer: string, xff: string) => proxied.request(`/api/forms/${form.body.id}/submit`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': xff }, body: JSON.stringify({ email: 'p@proxy.io' }),
    }, { incoming: { socket: { remoteAddress: peer } } });
    expect((await submit('10.0.0.5', '203.0.113.70')).status).toBe(202);
    expect((await submit('10.0.0.6', '1.1.1.1, 203.0.113.70')).status).toBe(429); // same client, forged left part
    expect((await submit('10.0.0.5', '203.0.113.71')).status).toBe(202); // another client behind the same proxy
  });

  it('resolves the client address from peer, header and trusted list', () => {
    const trusted = ['10.0.0.0/8', '2001:db8::/32'];
    expect(resolveClientIp(undefined, '1.2.3.4', trusted)).toBe('unknown');
    expect(resolveClientIp('198.51.100.1', '1.2.3.4', [])).toBe('198.51.100.1');
    expect(resolveClientIp('198.51.100.1', '1.2.3.4', trusted)).toBe('198.51.100.1');
    expect(resolveClientIp('10.1.1.1', undefined, trusted)).toBe('10.1.1.1');
    expect(resolveClientIp('10.1.1.1', '1.1.1.1, 203.0.113.5, 10.2.2.2', trusted)).toBe('203.0.113.5');
    expect(resolveClientIp('::ffff:10.1.1.1', '203.0.113.5:4711', trusted)).toBe('203.0.113.5');
    expect(resolveClientIp('2001:db8::9', '[2001:db9::5]:443', trusted)).toBe('2001:db9::5');
    expect(resolveClientIp('10.1.1.1', '10.3.3.3, 10.2.2.2', trusted)).toBe('10.3.3.3'); // every hop is ours
    expect(resolveClientIp('10.1.1.1', 'garbage, 10.2.2.2', trusted)).toBe('10.2.2.2');
  });
});
