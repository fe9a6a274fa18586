// Benchmarks for the foundation budgets. Prints figures and ratios; asserts nothing.
//   npm run bench                      100k accounts on PostgreSQL (BENCH_DATABASE_URL, default local vg_bench)
//   npm run bench -- --smoke           2k accounts, short runs (CI)
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { loadDemo } from '../src/server/demo/demo';
import { listAccountsQuery } from '../src/server/modules/accounts/accounts.repo';
import { makeLogger, openRuntime, startServer } from '../src/server/runtime';
import { systemCtx } from '../src/server/http/env';
import { createUser } from '../src/server/modules/platform/users.service';
import { accountListQuerySchema } from '../src/core/accounts/schemas';

const smoke = process.argv.includes('--smoke');
const N_ACCOUNTS = smoke ? 2_000 : 100_000;
const ITER = smoke ? 200 : 2_000;
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const pct = (xs: number[], p: number) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]; };
const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const line = (label: string, value: string) => console.log(`${label.padEnd(58)} ${value}`);

async function timeIt(n: number, fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(50, n); i++) await fn(); // warm-up
  const out: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await fn(); out.push(performance.now() - t0); }
  return out;
}

async function accountsList() {
  const dbName = 'vg_bench';
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(base); u.pathname = `/${dbName}`;
  const config = loadConfig({ DATABASE_URL: u.toString(), PORT: '0', LOG_LEVEL: 'silent', VALUEGRAPH_WORKERS: '0', DATABASE_POOL_SIZE: '20' });
  const deps = await openRuntime(config, { log: makeLogger({ logLevel: 'silent' }) });
  const t0 = performance.now();
  const demo = await loadDemo(deps.database, { accounts: N_ACCOUNTS, contactsPerAccount: 0, activitiesPerAccount: 0 });
  line(`PostgreSQL: generated ${demo.accounts.toLocaleString()} accounts`, `${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await createUser(systemCtx(deps), { email: 'bench@bench.test', name: 'Bench', role: 'sales', password: 'bench-password-123' });
  const server = await startServer(deps);
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.test', password: 'bench-password-123' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const path = '/api/accounts?limit=50&segment=strategic';
  const url = `${server.url}${path}`;

  // The exact SQL the endpoint runs, with the same parameters, straight on the driver.
  const q = accountListQuerySchema.parse({ limit: '50', segment: 'strategic' });
  const { sql, params } = listAccountsQuery(deps.database.db, { kind: 'all' }, q).toSQL();
  const pool = deps.database.pool!;
  const raw = await timeIt(ITER, () => pool.query(sql, params));
  const http = await timeIt(ITER, async () => { const r = await fetch(url, { headers: { cookie } }); await r.arrayBuffer(); });
  // The same request through the app without a socket: routing, auth lookup, validation, query, JSON.
  const app = buildApp(deps);
  const inproc = await timeIt(ITER, async () => { const r = await app.request(path, { headers: { cookie } }); await r.arrayBuffer(); });
  line('raw SQL of the list (p50 / p95)', `${fmt(pct(raw, 50))} / ${fmt(pct(raw, 95))}`);
  line(`GET ${path}, 1 connection (p50 / p95)`, `${fmt(pct(http, 50))} / ${fmt(pct(http, 95))}`);
  line('same request in-process, no socket (p50 / p95)', `${fmt(pct(inproc, 50))} / ${fmt(pct(inproc, 95))}`);
  line('endpoint ÷ raw SQL (p50): over HTTP / in-process', `${(pct(http, 50) / pct(raw, 50)).toFixed(2)}× / ${(pct(inproc, 50) / pct(raw, 50)).toFixed(2)}×`);
  line('endpoint − raw SQL (p50, HTTP + auth + JSON overhead)', fmt(pct(http, 50) - pct(raw, 50)));

  const result = await autocannon({ url, connections: 50, duration: smoke ? 3 : 10, headers: { cookie } });
  line('autocannon, 50 connections: requests/s (mean)', `${Math.round(result.requests.average).toLocaleString()}`);
  line('autocannon, 50 connections: latency p50 / p97.5 / p99', `${result.latency.p50} / ${result.latency.p97_5} / ${result.latency.p99} ms`);
  line('autocannon: non-2xx responses', String(result.non2xx));
  await server.close();
}

async function embeddedStart() {
  const dir = await mkdtemp(join(tmpdir(), 'vg-bench-'));
  const env = { ...process.env, VALUEGRAPH_DATA_DIR: dir, LOG_LEVEL: 'warn', DATABASE_URL: '' };
  const run = async (): Promise<{ readyMs: number; out: string }> => {
    const port = 3900 + Math.floor(Math.random() * 90);
    const t0 = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], { env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/health`).then((r) => r.ok, () => false);
      if (ok) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const readyMs = performance.now() - t0;
    child.kill('SIGTERM');
    await new Promise((r) => child.on('exit', r));
    return { readyMs, out };
  };
  const first = await run();
  const demoLine = first.out.match(/Loaded demo data: .* in ([\d.]+) s/);
  line('embedded: first start (fresh data dir + demo), to ready', `${(first.readyMs / 1000).toFixed(2)} s`);
  if (demoLine) line('embedded: demo load', `${demoLine[1]} s`);
  const again = [];
  for (let i = 0; i < 3; i++) again.push((await run()).readyMs);
  line('embedded: start on existing data dir, to ready (best / worst of 3)', `${(Math.min(...again) / 1000).toFixed(2)} s / ${(Math.max(...again) / 1000).toFixed(2)} s`);
  await rm(dir, { recursive: true, force: true });
}

console.log(`Valuegraph benchmarks (${smoke ? 'smoke' : 'full'}) — ${new Date().toISOString()}`);
await accountsList();
await embeddedStart();
process.exit(0);
