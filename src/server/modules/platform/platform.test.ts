import { createServer, type IncomingMessage } from 'node:http';
import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../../../core/playbook';
import { createTestApp, eventually, PASSWORD, type TestApp } from '../../../../test/helpers';
import { purge } from './maintenance.jobs';

let t: TestApp;
// The webhook receiver below listens on 127.0.0.1: private addresses are allowed for this app (the refusal is tested
// in test/integration/webhook-targets.test.ts).
beforeAll(async () => { t = await createTestApp({ workers: true, config: { webhookAllowPrivate: true } }); });
afterAll(async () => { await t?.close(); });

const loginReq = (email: string, password: string) => t.request('/api/auth/login', {
  method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }),
});

describe('sign-in and sessions', () => {
  it('sets an HttpOnly SameSite cookie, requires CSRF on cookie writes, and signs out', async () => {
    const admin = await t.login('admin');
    const res = await loginReq(admin.user.email, PASSWORD);
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const session = cookie.split(';')[0];
    const { csrfToken } = await res.json() as any;
    const noCsrf = await t.request('/api/accounts', { method: 'POST', headers: { cookie: session, 'content-type': 'application/json' }, body: '{"name":"x"}' });
    expect(noCsrf.status).toBe(403);
    const withCsrf = await t.request('/api/accounts', { method: 'POST', headers: { cookie: session, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: '{"name":"x"}' });
    expect(withCsrf.status).toBe(201);
    expect((await t.request('/api/auth/me', { headers: { cookie: session } })).status).toBe(200);
    await t.request('/api/auth/logout', { method: 'POST', headers: { cookie: session, 'x-csrf-token': csrfToken } });
    expect((await t.request('/api/auth/me', { headers: { cookie: session } })).status).toBe(401);
  });

  it('throttles repeated failed sign-ins with 429 and Retry-After', async () => {
    const u = await t.login('sdr');
    for (let i = 0; i < 5; i++) expect((await loginReq(u.user.email, 'wrong-password')).status).toBe(401);
    const locked = await loginReq(u.user.email, PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('revoked tokens and deactivated users lose access at once', async () => {
    const admin = await t.login('admin');
    const victim = await t.login('sales');
    const tok = await admin.post('/api/tokens', { name: 'ci', scopes: ['*'], userId: victim.user.id });
    expect(tok.status).toBe(201);
    expect(tok.body.token).toMatch(/^vg_/);
    const bearer = t.client({ authorization: `Bearer ${tok.body.token}` });
    expect((await bearer.get('/api/accounts')).status).toBe(200);
    const stored = await t.deps.database.query<{ token_hash: string }>('SELECT token_hash FROM api_tokens WHERE id = $1', [tok.body.id]);
    expect(stored[0].token_hash).not.toContain(tok.body.token); // hashed at rest
    expect((await admin.del(`/api/tokens/${tok.body.id}`)).status).toBe(200);
    expect((await bearer.get('/api/accounts')).status).toBe(401);

    const users = await admin.get(`/api/users?q=${encodeURIComponent(victim.user.email)}`);
    const v = users.body.items[0];
    expect((await admin.patch(`/api/users/${v.id}`, { version: v.version, active: false })).status).toBe(200);
    expect((await victim.get('/api/accounts')).status).toBe(401);
  });
});

describe('playbook', () => {
  it('stores versions, refuses invalid playbooks with every failing path, and guards lost updates', async () => {
    const admin = await t.login('admin');
    const current = await admin.get('/api/playbook');
    expect(current.body.version).toBe(1);
    expect(current.body.playbook).toEqual(JSON.parse(JSON.stringify(defaultPlaybook)));

    const broken = structuredClone(current.body.playbook);
    broken.health.weights.usage = 45; // 45/30/20/20 no longer sums to 100
    broken.bogus = true;
    const bad = await admin.put('/api/playbook', { baseVersion: 1, playbook: broken });
    expect(bad.status).toBe(422);
    const paths = bad.body.errors.map((e: any) => e.path);
    expect(paths).toContain('playbook.bogus');
    expect(paths.some((p: string) => p.startsWith('playbook.health.weights'))).toBe(true);
    expect((await admin.get('/api/playbook')).body.version).toBe(1);

    const changed = structuredClone(current.body.playbook);
    changed.health.weights.usage = 35;
    changed.health.weights.businessValue = 25;
    const ok = await admin.put('/api/playbook', { baseVersion: 1, note: 'Usage matters more', playbook: changed });
    expect(ok.status).toBe(200);
    expect(ok.body.version).toBe(2);
    expect((await admin.put('/api/playbook', { baseVersion: 1, playbook: changed })).status).toBe(409);
    expect((await admin.get('/api/playbook/versions')).body.items.map((v: any) => v.version)).toEqual([2, 1]);
    expect((await (await t.login('sales')).put('/api/playbook', { baseVersion: 2, playbook: changed })).status).toBe(403);
  });
});

describe('webhooks', () => {
  it('delivers signed events, retries failures with backoff and logs every attempt', async () => {
    const received: { headers: IncomingMessage['headers']; body: string }[] = [];
    let failFirst = true;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        if (failFirst) { failFirst = false; res.writeHead(500).end(); return; }
        received.push({ headers: req.headers, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
    try {
      const admin = await t.login('admin');
      const hook = await admin.post('/api/webhooks', { url, events: ['account.created'] });
      expect(hook.status).toBe(201);
      const secret = hook.body.secret as string;
      // Shorten the backoff so the retry lands within the test.
      await t.deps.database.query("UPDATE pgboss.queue SET retry_delay = 1, retry_backoff = false WHERE name = 'webhook.deliver'");
      const acct = await admin.post('/api/accounts', { name: 'Hooked Holdings' });
      await eventually(async () => received.length > 0, 30_000);
      const { headers, body } = received[0];
      const [tPart, v1] = String(headers['valuegraph-signature']).split(',');
      const ts = tPart.slice(2);
      expect(v1.slice(3)).toBe(createHmac('sha256', secret).update(`${ts}.${body}`).digest('hex'));
      expect(headers['valuegraph-event']).toBe('account.created');
      expect(JSON.parse(body)).toMatchObject({ type: 'account.created', entity: { type: 'account', id: acct.body.id } });
      const log = await admin.get(`/api/webhooks/${hook.body.id}/deliveries`);
      expect(log.body.items.map((d: any) => [d.attempt, d.ok])).toEqual([[2, true], [1, false]]);
    } finally {
      server.close();
    }
  });
});

describe('retention', () => {
  it('restores within the window, purges after it, keeps audit for the retention period', async () => {
    const admin = await t.login('admin');
    const old = await t.account({ name: 'Long gone' });
    const recent = await t.account({ name: 'Recently deleted' });
    await admin.post(`/api/accounts/${old.id}/contacts`, { firstName: 'A', lastName: 'B' });
    await admin.del(`/api/accounts/${old.id}`);
    await admin.del(`/api/accounts/${recent.id}`);
    await t.deps.database.query(`UPDATE accounts SET deleted_at = now() - interval '91 days' WHERE id = $1`, [old.id]);
    expect((await admin.post(`/api/accounts/${old.id}/restore`)).status).toBe(409);
    const counts = await purge(t.deps);
    expect(counts.accounts).toBe(1);
    expect(counts.contacts).toBeGreaterThanOrEqual(1);
    expect((await t.deps.database.query('SELECT id FROM accounts WHERE id = $1', [old.id]))).toHaveLength(0);
    expect((await admin.post(`/api/accounts/${recent.id}/restore`)).status).toBe(200);
    const audit = await admin.get(`/api/audit?entityId=${old.id}`);
    expect(audit.body.items.map((e: any) => e.action)).toContain('account.delete');
  });
});
