// KPI measurement ingestion: POST /api/kpis/measurements/bulk over HTTP with an API token, on PostgreSQL and on the
// embedded PGlite, against the raw SQL it runs (the same INSERT … SELECT FROM unnest straight on the driver).
// Budget: ≥ 20,000 measurements/s in bulk on PostgreSQL. Prints figures; asserts nothing.
//   npx tsx bench/kpis.ts            20 requests × 10,000 measurements across 1,000 KPIs (PGlite: 10 requests)
//   npx tsx bench/kpis.ts --smoke    4 requests × 2,000 measurements across 200 KPIs
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import { systemCtx } from '../src/server/http/env';
import { createToken, createUser } from '../src/server/modules/platform/users.service';
import { makeLogger, openRuntime, startServer } from '../src/server/runtime';
import { lineWriter } from './stats';

const smoke = process.argv.includes('--smoke');
const KPIS = smoke ? 200 : 1_000;
const PER_REQUEST = smoke ? 2_000 : 10_000;
const REQUESTS = smoke ? 4 : 20;
const REQUESTS_PGLITE = smoke ? 4 : 10;
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_DB names the database (two runs on one server must not share it).
const dbName = process.env.BENCH_DB ?? (smoke ? 'vg_bench_kpis_smoke' : 'vg_bench_kpis');
const DAY = 86_400_000;
const line = lineWriter(66);
const rate = (n: number, ms: number) => `${Math.round((n / ms) * 1000).toLocaleString('en-US')} measurements/s`;

/** 1,000 KPIs over 100 accounts, each on a trajectory from 60 to 98 (CMDB accuracy) that started 800 days ago. */
async function seed(database: Database) {
  await database.query(`INSERT INTO accounts (name, lifecycle_stage) SELECT 'Bench ' || g, 'adoption' FROM generate_series(1, 100) g`);
  await database.query(`INSERT INTO value_kpis (account_id, key, name, unit, better_when, baseline, target, start_date, deadline)
    SELECT a.id, 'kpi_' || g, 'CMDB accuracy ' || g, 'percent', 'higher', 60, 98, current_date - 800, current_date + 365
    FROM generate_series(1, $1::int) g JOIN LATERAL (SELECT id FROM accounts ORDER BY id OFFSET (g % 100) LIMIT 1) a ON true`, [KPIS]);
  return (await database.query<{ id: string }>('SELECT id FROM value_kpis ORDER BY id')).map((r) => r.id);
}

/** Request r: every KPI gets PER_REQUEST / KPIS daily points on its trajectory (±2 %), on days no other request uses. */
function body(kpis: string[], r: number) {
  const per = PER_REQUEST / kpis.length;
  const start = Date.parse(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`) - 800 * DAY;
  const measurements = [];
  for (let j = 0; j < per; j++) {
    const day = r * per + j;
    const at = new Date(start + day * DAY).toISOString();
    for (let k = 0; k < kpis.length; k++) measurements.push({ kpiId: kpis[k], measuredAt: at, value: Math.round((60 + 38 * (day / 1165)) * (1 + ((k * 7 + day) % 5 - 2) / 100) * 100) / 100 });
  }
  return JSON.stringify({ measurements });
}

async function run(label: string, database: Database, databaseUrl: string | undefined, requests: number) {
  const config = loadConfig({ PORT: '0', LOG_LEVEL: 'silent', VALUEGRAPH_WORKERS: '0', DATABASE_POOL_SIZE: '10', VALUEGRAPH_DATA_DIR: '/tmp/vg-bench-kpis', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
  const deps = await openRuntime(config, { log: makeLogger({ logLevel: 'silent' }), database });
  const kpis = await seed(deps.database);
  const user = await createUser(systemCtx(deps), { email: 'telemetry@bench.test', name: 'Telemetry', role: 'delivery', password: 'bench-password-123' });
  const { token } = await createToken(systemCtx(deps), { name: 'telemetry', userId: user.id, scopes: ['kpis:write'] });
  const server = await startServer(deps);
  try {
    const post = async (payload: string) => {
      const res = await fetch(`${server.url}/api/kpis/measurements/bulk`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: payload });
      const out = await res.json() as { inserted: number; unchanged: number; alertsRaised: unknown[] };
      if (!res.ok) throw new Error(`${res.status} ${JSON.stringify(out)}`);
      return out;
    };
    const bodies = Array.from({ length: requests + 2 }, (_, r) => body(kpis, r));
    await post(bodies[requests + 1]); // warm-up (routes, statements, token cache)
    console.log(`\n${label}: ${requests} requests × ${PER_REQUEST.toLocaleString('en-US')} measurements across ${kpis.length.toLocaleString('en-US')} KPIs (${(bodies[0].length / 1024 / 1024).toFixed(2)} MB per request)`);
    // Each request is followed by the raw SQL it runs (the same set-based INSERT on the driver: no HTTP, no validation,
    // no evaluation) on a fresh batch of the same shape, so both see the same machine load.
    const rawBodies = Array.from({ length: requests }, (_, r) => JSON.parse(body(kpis, requests + 6 + r)).measurements as { kpiId: string; measuredAt: string; value: number }[]);
    const rawInsert = async (ms: { kpiId: string; measuredAt: string; value: number }[]) => (await deps.database.query<{ n: number }>(`WITH w AS (
        INSERT INTO kpi_measurements (kpi_id, measured_at, value, source) SELECT k, at, v, 'api' FROM unnest($1::uuid[], $2::timestamptz[], $3::float8[]) AS u(k, at, v)
        ON CONFLICT (kpi_id, measured_at) DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM w`,
    [ms.map((m) => m.kpiId), ms.map((m) => m.measuredAt), ms.map((m) => m.value)]))[0].n;
    const times: number[] = [];
    let inserted = 0, alerts = 0, total = 0, rawN = 0, rawMs = 0;
    for (let r = 0; r < requests; r++) {
      let t = performance.now();
      const out = await post(bodies[r]);
      times.push(performance.now() - t);
      total += times[times.length - 1];
      inserted += out.inserted;
      alerts += out.alertsRaised.length;
      t = performance.now();
      rawN += await rawInsert(rawBodies[r]);
      rawMs += performance.now() - t;
    }
    times.sort((a, b) => a - b);
    line('bulk over HTTP, one client', `${rate(inserted, total)} · ${inserted.toLocaleString('en-US')} written in ${(total / 1000).toFixed(2)} s`);
    line('per request (median / worst)', `${times[Math.floor(times.length / 2)].toFixed(0)} / ${times[times.length - 1].toFixed(0)} ms · alerts raised ${alerts}`);
    line('raw SQL INSERT … FROM unnest on the driver, same batches', rate(rawN, rawMs));
    line('endpoint ÷ raw SQL (time per measurement)', `${((total / inserted) / (rawMs / rawN)).toFixed(2)}×`);
    const t1 = performance.now();
    const again = await post(bodies[0]);
    line('the same request re-sent (idempotent)', `${(performance.now() - t1).toFixed(0)} ms · inserted ${again.inserted}, unchanged ${again.unchanged.toLocaleString('en-US')}, alerts ${again.alertsRaised.length}`);

    // Four clients at once: the server's throughput when several integrations send together.
    const parallel = Array.from({ length: 4 }, (_, i) => body(kpis, requests + 2 + i));
    const t2 = performance.now();
    const outs = await Promise.all(parallel.map((b) => post(b)));
    line('bulk over HTTP, 4 clients at once', rate(outs.reduce((s, o) => s + o.inserted, 0), performance.now() - t2));
  } finally {
    await server.close(); // closes the runtime and its database
  }
}

async function main() {
  console.log(`KPI ingestion benchmark${smoke ? ' (smoke)' : ''} — ${new Date().toISOString()}`);
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${dbName}"`);
  await admin.end();
  const u = new URL(base); u.pathname = `/${dbName}`;
  try {
    await run('PostgreSQL', await openDatabase({ databaseUrl: u.toString(), poolSize: 10 }), u.toString(), REQUESTS);
  } finally {
    const a2 = new pg.Client({ connectionString: base });
    await a2.connect();
    await a2.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await a2.end();
  }
  await run('PGlite (embedded)', await openDatabase({ memory: true }), undefined, REQUESTS_PGLITE);
  process.exit(0);
}

main().catch((e) => { console.error(e); process.exit(1); });
