// CPU profile of one hot list in-process, on the database `npm run bench` generated (vg_bench, 100k accounts):
//   npx tsx bench/profile-list.ts '/api/leads/inbox?limit=50' 2000 /tmp/inbox.cpuprofile
//   npx tsx bench/profile-summary.ts /tmp/inbox.cpuprofile
// Only the timed requests are profiled (the inspector's profiler runs around the loop, not start-up or warm-up);
// N = 0 prints the statements and the response size of one request and stops.
// Warms up (signed-in actor, playbook, prepared statements), then calls app.request() N times one after another.
import { writeFile } from 'node:fs/promises';
import { Session } from 'node:inspector/promises';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { makeLogger, openRuntime } from '../src/server/runtime';
import { captureWaves } from './capture';
import { pct } from './stats';

const [path = '/api/leads/inbox?limit=50', nArg = '2000', out] = process.argv.slice(2);
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const u = new URL(base); u.pathname = `/${process.env.BENCH_DB ?? 'vg_bench'}`;
const config = loadConfig({ DATABASE_URL: u.toString(), PORT: '0', LOG_LEVEL: 'silent', VALUEGRAPH_WORKERS: '0', DATABASE_POOL_SIZE: '20',
  VALUEGRAPH_RATE_LIMIT_BURST: '100000000', VALUEGRAPH_RATE_LIMIT_DAILY: '1000000000' });
const deps = await openRuntime(config, { log: makeLogger({ logLevel: 'silent' }) });
const app = buildApp(deps);
const login = await app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench-admin@bench.test', password: 'bench-password-123' }) });
const cookie = login.headers.get('set-cookie')!.split(';')[0];
const get = async () => {
  const r = await app.request(path, { headers: { cookie } });
  if (r.status !== 200) throw new Error(`${path} answered ${r.status}: ${(await r.text()).slice(0, 300)}`);
  return r.arrayBuffer();
};
for (let i = 0; i < 50; i++) await get();
// What one warm request sends and answers.
let bytes = 0;
const waves = await captureWaves(deps.database.pool!, async () => { bytes = (await get()).byteLength; });
console.log(`${path}: ${bytes.toLocaleString('en-US')} bytes; ${waves.flat().length} statements in ${waves.length} round trips`);
for (const q of waves.flat()) console.log(`  ${q.name ? `[${q.name}] ` : ''}${q.text.replace(/\s+/g, ' ').slice(0, 160)}`);
if (nArg === '0') process.exit(0);
const session = new Session();
if (out) { session.connect(); await session.post('Profiler.setSamplingInterval', { interval: 200 }); await session.post('Profiler.enable'); await session.post('Profiler.start'); }
const times: number[] = [];
const t0 = performance.now();
for (let i = 0; i < Number(nArg); i++) { const t = performance.now(); await get(); times.push(performance.now() - t); }
console.log(`${path}: ${nArg} requests in ${((performance.now() - t0) / 1000).toFixed(1)} s, p50 ${pct(times, 50).toFixed(2)} ms, p95 ${pct(times, 95).toFixed(2)} ms`);
if (out) await writeFile(out, JSON.stringify((await session.post('Profiler.stop')).profile));
process.exit(0);
