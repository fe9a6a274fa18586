// Each hot list endpoint against its own raw SQL, in the same run: the statements one request sends are captured
// from the pool (bench/capture.ts) and replayed straight on the driver.
// - 1 connection: p50 / p95 of the raw SQL, of the request in-process (app.request: routing, auth, validation, query,
//   JSON; no socket) and over HTTP; ratios endpoint ÷ raw SQL at p50.
// - 50 connections: requests/s of the endpoint (autocannon, its own process) against the same statements replayed by
//   50 driver clients (bench/sql-load.ts, its own process); ratio endpoint ÷ raw SQL.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { captureWaves, replayConfig, type Wave } from './capture';
import { pct, timeIt } from './stats';

export interface HotList { label: string; path: string }
export interface ListFigures {
  label: string; path: string; statements: number;
  raw: [number, number]; inproc: [number, number]; http: [number, number];
  endpointRps: number; rawRps: number; non2xx: number; load: number;
}

interface Env {
  /** The app (in-process requests), the server's base URL and a signed-in session cookie. */
  app: { request(path: string, init?: RequestInit): Response | Promise<Response> };
  baseUrl: string; cookie: string; pool: pg.Pool; databaseUrl: string;
  iterations: number; seconds: number; clients: number;
  line: (label: string, value: string) => void;
}

const ms = (x: number) => `${x.toFixed(2)} ms`;

function child(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => { out += d; });
    p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`${args.join(' ')} exited ${code}`))));
  });
}

/** The endpoint at `clients` connections (autocannon in its own process so it does not steal the server's loop). */
async function endpointLoad(env: Env, path: string) {
  const out = await child(['node_modules/autocannon/autocannon.js', '--json', '-c', String(env.clients), '-d', String(env.seconds), '-H', `cookie=${env.cookie}`, `${env.baseUrl}${path}`]);
  const r = JSON.parse(out) as { requests: { average: number }; non2xx: number; errors: number };
  return { rps: r.requests.average, non2xx: r.non2xx + r.errors };
}

/** The captured statements replayed by `clients` driver clients for the same time. */
async function rawLoad(env: Env, waves: Wave[]) {
  const dir = await mkdtemp(join(tmpdir(), 'vg-bench-sql-'));
  const file = join(dir, 'waves.json');
  await writeFile(file, JSON.stringify(waves));
  // The replay prepares statements when the server's pool does (its Client class names them).
  const named = (env.pool as unknown as { options: { Client?: { name?: string } } }).options.Client?.name === 'NamingClient' ? ['named'] : [];
  const out = await child(['--import', 'tsx', 'bench/sql-load.ts', file, env.databaseUrl, String(env.clients), String(env.seconds), ...named]);
  return (JSON.parse(out) as { perSecond: number }).perSecond;
}

const replay = (pool: pg.Pool, waves: Wave[]) => async () => {
  for (const wave of waves) await Promise.all(wave.map((q) => pool.query(replayConfig(q, pg.types))));
};

export async function benchList(env: Env, list: HotList): Promise<ListFigures> {
  const { app, cookie, line } = env;
  const get = async () => {
    const r = await app.request(list.path, { headers: { cookie } });
    if (r.status !== 200) throw new Error(`${list.path} answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
    await r.arrayBuffer();
  };
  for (let i = 0; i < 10; i++) await get(); // warm caches (the signed-in actor, the playbook) as a busy server has them
  // The fewest statements of three requests: a request that happens to take the rate limiter's next lease sends one
  // statement more, which the replay would otherwise repeat every time.
  let waves = await captureWaves(env.pool, get);
  for (let i = 0; i < 2; i++) {
    const again = await captureWaves(env.pool, get);
    if (again.flat().length < waves.flat().length) waves = again;
  }
  const statements = waves.reduce((n, w) => n + w.length, 0);
  const raw = await timeIt(env.iterations, replay(env.pool, waves));
  const inproc = await timeIt(env.iterations, get);
  const http = await timeIt(env.iterations, async () => { const r = await fetch(`${env.baseUrl}${list.path}`, { headers: { cookie } }); await r.arrayBuffer(); });
  const load = loadavg()[0];
  const endpoint = env.clients ? await endpointLoad(env, list.path) : { rps: NaN, non2xx: 0 };
  const rawRps = env.clients ? await rawLoad(env, waves) : NaN;
  const f: ListFigures = {
    label: list.label, path: list.path, statements,
    raw: [pct(raw, 50), pct(raw, 95)], inproc: [pct(inproc, 50), pct(inproc, 95)], http: [pct(http, 50), pct(http, 95)],
    endpointRps: endpoint.rps, rawRps, non2xx: endpoint.non2xx, load: Math.max(load, loadavg()[0]),
  };
  line(`GET ${list.path}`, `${statements} statement${statements === 1 ? '' : 's'} in ${waves.length} round trip${waves.length === 1 ? '' : 's'} · load average ${f.load.toFixed(1)}`);
  line('  raw SQL / in-process / HTTP, p50', `${ms(f.raw[0])} / ${ms(f.inproc[0])} / ${ms(f.http[0])}`);
  line('  raw SQL / in-process / HTTP, p95', `${ms(f.raw[1])} / ${ms(f.inproc[1])} / ${ms(f.http[1])}`);
  line('  endpoint ÷ raw SQL, p50: in-process / HTTP', `${(f.inproc[0] / f.raw[0]).toFixed(2)}× / ${(f.http[0] / f.raw[0]).toFixed(2)}×`);
  line(`  ${env.clients} connections: endpoint / raw SQL req/s`, `${Math.round(f.endpointRps).toLocaleString('en-US')} / ${Math.round(f.rawRps).toLocaleString('en-US')} = ${(f.endpointRps / f.rawRps).toFixed(2)}×${f.non2xx ? ` (${f.non2xx} non-2xx or errors)` : ''}`);
  return f;
}

/** The figures as a Markdown table (docs/benchmarks.md keeps them). */
export function table(rows: ListFigures[], clients: number): string {
  const x = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
  return [
    `| endpoint | raw SQL p50 / p95 | in-process p50 / p95 | HTTP p50 / p95 | in-process ÷ raw | HTTP ÷ raw | ${clients} conn. endpoint / raw req/s | ratio | load |`,
    '|---|---|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.path.replace(/^\/api/, '')}\` | ${r.raw.map((v) => v.toFixed(2)).join(' / ')} | ${r.inproc.map((v) => v.toFixed(2)).join(' / ')} | ${r.http.map((v) => v.toFixed(2)).join(' / ')} | ${x(r.inproc[0], r.raw[0])} | ${x(r.http[0], r.raw[0])} | ${Math.round(r.endpointRps)} / ${Math.round(r.rawRps)} | ${x(r.endpointRps, r.rawRps)} | ${r.load.toFixed(1)} |`),
  ].join('\n');
}
