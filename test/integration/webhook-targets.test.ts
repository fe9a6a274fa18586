// Webhooks reach only public addresses by default: internal URLs are refused when subscribed and again when
// delivered (a name is resolved at delivery), and the delivery log gives no network detail.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as repo from '../../src/server/modules/platform/platform.repo';
import { createTestApp, eventually, type Client, type TestApp } from '../helpers';

let t: TestApp;
let admin: Client;
let receiver: Server;
let port: number;
let received = 0;

beforeAll(async () => {
  t = await createTestApp({ workers: true });
  admin = await t.login('admin');
  receiver = createServer((req, res) => { received++; req.resume(); req.on('end', () => res.writeHead(204).end()); });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  port = (receiver.address() as AddressInfo).port;
  // Retries in a second, so a retried refusal would show within the test.
  await t.deps.database.query("UPDATE pgboss.queue SET retry_delay = 1, retry_backoff = false WHERE name = 'webhook.deliver'");
});
afterAll(async () => {
  receiver?.close();
  await t?.close();
});

const deliveries = async (id: string) => (await admin.get(`/api/webhooks/${id}/deliveries`)).body.items as { attempt: number; ok: boolean; error: string | null; responseStatus: number | null }[];

describe('webhook destinations', () => {
  it('refuses internal addresses in every spelling when subscribing or changing the URL (422 on url)', async () => {
    const internal = [
      'http://127.0.0.1/hook', 'http://localhost:8080/hook', 'http://[::1]/hook', 'http://0.0.0.0/', 'http://2130706433/',
      'http://0x7f.1/', 'http://017700000001/', 'http://169.254.169.254/latest/meta-data/', 'http://10.0.0.1/', 'http://192.168.1.10/',
      'http://172.16.5.4/', 'http://100.64.0.1/', 'http://[fd00::1]/', 'http://[fe80::1]/', 'http://[::ffff:127.0.0.1]/',
      'http://224.0.0.1/', 'https://api.localhost/',
    ];
    const before = await t.count('webhooks');
    for (const url of internal) {
      const res = await admin.post('/api/webhooks', { url, events: ['account.created'] });
      expect(res.status, url).toBe(422);
      expect(res.body.errors, url).toEqual([{ path: 'url', message: expect.stringContaining('VALUEGRAPH_WEBHOOK_ALLOW_PRIVATE') }]);
    }
    expect(await t.count('webhooks')).toBe(before);

    // Public literals and names that do not resolve yet are accepted (no network here: resolution fails).
    const ok = await admin.post('/api/webhooks', { url: 'http://8.8.8.8/hook', events: ['user.created'] });
    expect(ok.status).toBe(201);
    expect((await admin.post('/api/webhooks', { url: 'https://hooks.example.com/in', events: ['user.created'] })).status).toBe(201);
    const moved = await admin.patch(`/api/webhooks/${ok.body.id}`, { version: ok.body.version, url: 'http://169.254.169.254/' });
    expect(moved.status).toBe(422);
    expect(moved.body.errors[0].path).toBe('url');
  });

  it('refuses at delivery a name that resolves to loopback, logs "refused" once and sends nothing', async () => {
    // As if the name had resolved elsewhere when it was subscribed: the row is written past the subscription check.
    const hook = await repo.insertWebhook(t.deps.database.db, {
      url: `http://localhost:${port}/hook`, events: ['account.created'], secret: 'whsec_test', createdBy: admin.user.id,
    });
    await admin.post('/api/accounts', { name: 'Rebound Ltd' });
    const log = (await eventually(async () => { const d = await deliveries(hook.id); return d.length ? d : null; }))!;
    await new Promise((r) => setTimeout(r, 2500)); // a retry would have run by now
    expect(await deliveries(hook.id)).toEqual([expect.objectContaining({ attempt: 1, ok: false, responseStatus: null })]);
    expect(log[0].error).toMatch(/^refused/);
    expect(log[0].error).not.toMatch(new RegExp(`${port}|127\\.0\\.0\\.1|localhost|ECONN`));
    expect(received).toBe(0);
    expect((await admin.del(`/api/webhooks/${hook.id}`)).status).toBe(204);
  });

  it('with private addresses allowed, a failed connection is logged as "delivery failed" without its network error', async () => {
    // The admin setting, switched on for this case (the job handler reads the same config object).
    t.deps.config.webhookAllowPrivate = true;
    try {
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
      const closedPort = (closed.address() as AddressInfo).port;
      await new Promise((r) => closed.close(r)); // nothing listens there any more: the connection is refused
      const hook = await admin.post('/api/webhooks', { url: `http://127.0.0.1:${closedPort}/`, events: ['account.created'] });
      expect(hook.status).toBe(201);
      const open = await admin.post('/api/webhooks', { url: `http://localhost:${port}/ok`, events: ['account.created'] });
      await admin.post('/api/accounts', { name: 'Closed Port Inc' });
      const log = (await eventually(async () => { const d = await deliveries(hook.body.id); return d.length ? d : null; }))!;
      expect(log[0]).toMatchObject({ attempt: 1, ok: false, responseStatus: null, error: 'delivery failed' });
      await eventually(async () => (await deliveries(open.body.id)).some((d) => d.ok && d.responseStatus === 204));
      expect(received).toBe(1);
    } finally {
      t.deps.config.webhookAllowPrivate = false;
    }
  });
});
