// Scale-out on PostgreSQL: two `valuegraph serve` processes and two `valuegraph worker` processes share one database.
// 1,000 account creations spread over both servers produce 1,000 events whose webhook deliveries (jobs) must each
// run exactly once, and 200 timers must each fire exactly once.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { systemCtx } from '../../src/server/http/env';
import { createUser } from '../../src/server/modules/platform/users.service';
import { createWebhook } from '../../src/server/modules/platform/webhooks.service';
import { closeRuntime, makeLogger, openRuntime } from '../../src/server/runtime';
import { backend, eventually, freshDatabase, PASSWORD } from '../helpers';

const procs: ChildProcess[] = [];
afterAll(() => { for (const p of procs) p.kill('SIGTERM'); });

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

function start(args: string[], env: Record<string, string>) {
  const p = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...args], {
    // The webhook receiver is on 127.0.0.1, which webhooks reach only when private addresses are allowed.
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', VALUEGRAPH_DEMO: '0', VALUEGRAPH_WEBHOOK_ALLOW_PRIVATE: '1', ...env }, stdio: ['ignore', 'ignore', 'inherit'],
  });
  procs.push(p);
  return p;
}

// Only meaningful on PostgreSQL: the embedded database is one process by design (DESIGN.md, PGlite rule 1).
describe.skipIf(backend !== 'postgres')('two servers and two workers on one PostgreSQL', () => {
  it('run every job exactly once and fire every timer exactly once', async () => {
    const { database, url } = await freshDatabase();
    await database.close();
    const deps = await openRuntime(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url, VALUEGRAPH_WEBHOOK_ALLOW_PRIVATE: '1' }), { log: makeLogger({ logLevel: 'silent' }) });
    const seen = new Map<string, number>();
    const receiver = createServer((req, res) => {
      const id = String(req.headers['valuegraph-delivery']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      req.resume();
      req.on('end', () => res.writeHead(204).end());
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    try {
      await createUser(systemCtx(deps), { email: 'ops@cluster.test', name: 'Ops', role: 'admin', password: PASSWORD });
      await createWebhook(systemCtx(deps), { url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, events: ['account.created'] });
      await closeRuntime(deps);

      const ports = [await freePort(), await freePort()];
      for (const port of ports) start(['serve'], { DATABASE_URL: url!, PORT: String(port) });
      for (let i = 0; i < 2; i++) start(['worker'], { DATABASE_URL: url! });
      const clients: { base: string; headers: Record<string, string> }[] = [];
      for (const port of ports) {
        const base = `http://127.0.0.1:${port}`;
        await eventually(async () => (await fetch(`${base}/api/health`).catch(() => null))?.ok, 60_000, 250);
        const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'ops@cluster.test', password: PASSWORD }) });
        const { csrfToken } = await res.json() as { csrfToken: string };
        clients.push({ base, headers: { cookie: res.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': csrfToken, 'content-type': 'application/json' } });
      }

      const due = new Date(Date.now() + 4000).toISOString();
      const ids: string[] = [];
      for (let batch = 0; batch < 50; batch++) {
        await Promise.all(Array.from({ length: 20 }, async (_, k) => {
          const n = batch * 20 + k;
          const c = clients[n % 2];
          const res = await fetch(`${c.base}/api/accounts`, { method: 'POST', headers: c.headers, body: JSON.stringify({ name: `Cluster ${n}` }) });
          expect(res.status).toBe(201);
          const { id } = await res.json() as { id: string };
          ids.push(id);
          if (n % 5 === 0) {
            const r = await fetch(`${c.base}/api/accounts/${id}/reminders`, { method: 'POST', headers: c.headers, body: JSON.stringify({ at: due, note: `n${n}` }) });
            expect(r.status).toBe(201);
          }
        }));
      }
      expect(new Set(ids).size).toBe(1000);

      const check = await openRuntime(loadConfig({ NODE_ENV: 'test', DATABASE_URL: url }), { log: makeLogger({ logLevel: 'silent' }), migrate: false });
      try {
        await eventually(async () => seen.size >= 1000, 120_000, 500);
        const fired = async () => (await check.database.query<{ n: number }>("SELECT count(*)::int AS n FROM activities WHERE subject LIKE 'Reminder:%'"))[0].n;
        await eventually(async () => (await fired()) >= 200, 60_000, 500);
        await new Promise((r) => setTimeout(r, 3000)); // room for any duplicate to show up
        expect(seen.size).toBe(1000);
        expect([...seen.values()].every((n) => n === 1)).toBe(true);
        expect(await fired()).toBe(200);
        const [jobs] = await check.database.query<{ n: number; done: number }>(
          "SELECT count(*)::int AS n, count(*) FILTER (WHERE state = 'completed')::int AS done FROM pgboss.job WHERE name = 'webhook.deliver'");
        expect(jobs).toEqual({ n: 1000, done: 1000 });
        const [perTimer] = await check.database.query<{ max: number }>(
          "SELECT max(c)::int AS max FROM (SELECT count(*) AS c FROM activities WHERE subject LIKE 'Reminder:%' GROUP BY account_id) x");
        expect(perTimer.max).toBe(1);
      } finally {
        await closeRuntime(check);
      }
    } finally {
      receiver.close();
    }
  }, 300_000);
});
