// What the API rate limiter costs on the hottest list: GET /api/accounts?limit=50 with the limiter counting (limits
// set high so nothing is refused) against the limiter off, alternated to even out a shared machine's noise.
//   npx tsx bench/rate-limit-cost.ts [--micro]   (BENCH_DATABASE_URL, default local PostgreSQL; its own database)
import { spawn } from 'node:child_process';
import pg from 'pg';
import { Hono } from 'hono';
import { buildApp } from '../src/server/app';
import { rateLimit } from '../src/server/http/rate-limit';
import { loadConfig, type Config } from '../src/server/config';
import { loadDemo } from '../src/server/demo/demo';
import { systemCtx, type AppEnv, type Deps } from '../src/server/http/env';
import { createUser } from '../src/server/modules/platform/users.service';
import { makeLogger, openRuntime } from '../src/server/runtime';
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { pct, timeIt } from './stats';

const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = 'vg_bench_rate_limit';
// --micro: only the limiter alone (a quick check), not the list under autocannon.
const ROUNDS = process.argv.includes('--micro') ? 0 : 3;
const SECONDS = 8;

function autocannon(url: string, cookie: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/autocannon/autocannon.js', '--json', '-c', '50', '-d', String(SECONDS), '-H', `cookie=${cookie}`, url], { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}`));
      const r = JSON.parse(out) as { requests: { average: number }; non2xx: number };
      if (r.non2xx) return reject(new Error(`${r.non2xx} non-2xx answers`));
      resolve(r.requests.average);
    });
  });
}

const admin = new pg.Client({ connectionString: base });
await admin.connect();
const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
if (!exists) await admin.query(`CREATE DATABASE ${dbName}`);
await admin.end();
const u = new URL(base); u.pathname = `/${dbName}`;
const config = loadConfig({
  DATABASE_URL: u.toString(), PORT: '0', LOG_LEVEL: 'silent', VALUEGRAPH_WORKERS: '0', DATABASE_POOL_SIZE: '20',
  VALUEGRAPH_RATE_LIMIT_BURST: '100000000', VALUEGRAPH_RATE_LIMIT_DAILY: '1000000000',
});
const deps = await openRuntime(config, { log: makeLogger({ logLevel: process.env.BENCH_LOG ?? 'silent' }) });
if (!exists) {
  await loadDemo(deps.database, { accounts: 20_000, contactsPerAccount: 0, activitiesPerAccount: 0 });
  await createUser(systemCtx(deps), { email: 'bench@bench.test', name: 'Bench', role: 'sales', password: 'bench-password-123' });
}
const path = '/api/accounts?limit=50&segment=strategic';
const variant = (on: boolean): Deps => ({ ...deps, config: { ...config, rateLimits: { ...config.rateLimits, enabled: on } } as Config });

const results: Record<'on' | 'off', { rps: number[]; p50: number[] }> = { on: { rps: [], p50: [] }, off: { rps: [], p50: [] } };
for (let round = 0; round < ROUNDS; round++) {
  for (const mode of round % 2 ? (['on', 'off'] as const) : (['off', 'on'] as const)) {
    const d = variant(mode === 'on');
    // The HTTP server alone (the runtime's startServer would close the database with it).
    const http = await new Promise<ReturnType<typeof serve>>((resolve) => { const s = serve({ fetch: buildApp(d).fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s)); });
    const server = { url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, close: () => new Promise((r) => http.close(r)) };
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.test', password: 'bench-password-123' }) });
    if (!login.ok) throw new Error(`sign-in: ${login.status} ${await login.text()}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const app = buildApp(d);
    const inproc = await timeIt(1500, async () => { const r = await app.request(path, { headers: { cookie } }); await r.arrayBuffer(); });
    results[mode].p50.push(pct(inproc, 50));
    results[mode].rps.push(await autocannon(`${server.url}${path}`, cookie));
    await server.close();
  }
}
// The limiter alone, without the list around it: the same trivial route with and without it, one signed-in user,
// in-process. Its CPU per request, and how many statements it ran (a lease per 25 requests when far from the limit).
{
  const [user] = await deps.database.query<{ id: string }>("SELECT id FROM users WHERE email = 'bench@bench.test'");
  const actor = { id: user.id, email: 'bench@bench.test', name: 'Bench', role: 'sales' as const, partnerId: null, accountId: null, via: 'session' as const, scopes: null };
  const tiny = (on: boolean) => {
    const app = new Hono<AppEnv>();
    app.use('*', async (c, next) => { c.set('deps', deps); c.set('log', deps.log); c.set('actor', actor); await next(); });
    if (on) app.use('*', rateLimit(variant(true)));
    app.get('/api/x', (c) => c.text('ok'));
    return app;
  };
  const N = 20_000;
  const before = (await deps.database.query<{ used: number }>("SELECT coalesce(sum(used), 0)::int AS used FROM rate_limit_windows WHERE key LIKE 'd:%'"))[0].used;
  const times: Record<string, number[]> = { off: [], on: [] };
  for (let round = 0; round < 4; round++) {
    for (const mode of ['off', 'on'] as const) {
      const app = tiny(mode === 'on');
      const t0 = performance.now();
      for (let i = 0; i < N; i++) await (await app.request('/api/x')).text();
      times[mode].push(((performance.now() - t0) / N) * 1000);
    }
  }
  const after = (await deps.database.query<{ used: number }>("SELECT coalesce(sum(used), 0)::int AS used FROM rate_limit_windows WHERE key LIKE 'd:%'"))[0].used;
  const best = (xs: number[]) => Math.min(...xs);
  console.log(`limiter alone: ${best(times.off).toFixed(1)} µs/request without, ${best(times.on).toFixed(1)} µs with (best of 4 × ${N.toLocaleString('en-US')}); `
    + `+${(best(times.on) - best(times.off)).toFixed(1)} µs; leased ${after - before} requests for ${4 * N} served`);
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
for (const mode of ROUNDS ? (['off', 'on'] as const) : []) {
  console.log(`limiter ${mode.padEnd(3)}  autocannon 50 conn req/s: ${results[mode].rps.map((x) => Math.round(x)).join(' / ')} (mean ${Math.round(mean(results[mode].rps))})  in-process p50 ms: ${results[mode].p50.map((x) => x.toFixed(3)).join(' / ')}`);
}
if (ROUNDS) console.log(`throughput cost: ${((1 - mean(results.on.rps) / mean(results.off.rps)) * 100).toFixed(1)} %; in-process p50 cost: ${((mean(results.on.p50) / mean(results.off.p50) - 1) * 100).toFixed(1)} %`);
process.exit(0);
