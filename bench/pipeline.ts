// Pipeline board and forecast at 1M opportunities on PostgreSQL. Prints figures; asserts nothing.
//   npx tsx bench/pipeline.ts            1,000,000 opportunities (BENCH_DATABASE_URL, database vg_bench_pipeline)
//   npx tsx bench/pipeline.ts --smoke    20,000 opportunities, short runs
//   npx tsx bench/pipeline.ts --reuse    keep the database of an earlier run
import pg from 'pg';
import { rowScopeFor } from '../src/core/access/roles';
import { boardQuerySchema } from '../src/core/pipeline/schemas';
import { loadConfig } from '../src/server/config';
import { loadDemo } from '../src/server/demo/demo';
import { systemCtx } from '../src/server/http/env';
import { boardColumnQuery, boardColumnsQuery, boardTotalsQuery } from '../src/server/modules/pipeline/opportunities.repo';
import { rebuildTotals, rollupTotalsQuery } from '../src/server/modules/pipeline/totals';
import { createUser } from '../src/server/modules/platform/users.service';
import { makeLogger, openRuntime, startServer } from '../src/server/runtime';
import { lineWriter, p50p95, timeIt } from './stats';

const smoke = process.argv.includes('--smoke');
const N = smoke ? 20_000 : 1_000_000;
const ITER = smoke ? 100 : 1_000;
const OWNERS = 60;
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_DB names the database (two runs on one server must not share it).
const dbName = process.env.BENCH_DB ?? (smoke ? 'vg_bench_pipeline_smoke' : 'vg_bench_pipeline');

const fmt = p50p95;
const line = lineWriter(64);

/**
 * 1M opportunities over the demo accounts in one INSERT … SELECT generate_series (seeded random()): 20 % open (10 % discovery, 5 %
 * proposal, 3 % POC, 2 % negotiation), 25 % won, 55 % lost; open deals close within a year, closed ones in the past
 * three; owners spread over 60 AEs, partner deals on the accounts' partners.
 */
const GENERATE = `
WITH a AS (SELECT id, partner_id, (row_number() OVER (ORDER BY id)) - 1 AS k FROM accounts WHERE deleted_at IS NULL),
     n AS (SELECT count(*) AS c FROM a),
     u AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE email LIKE 'bench-ae-%'),
     g AS (SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5 FROM generate_series(1, $1::int) AS g)
INSERT INTO opportunities (account_id, partner_id, owner_id, name, stage, amount, currency, close_date, probability,
  forecast_category, stage_entered_at, closed_at, loss_reason, created_at, source)
SELECT a.id, a.partner_id, u.ids[1 + floor(g.r1 * array_length(u.ids, 1))::int], 'Bench deal ' || g.g, s.stage,
  (10000 + floor(g.r2 * 490000)::bigint) * 100, 'USD',
  CASE WHEN s.open THEN current_date + floor(g.r3 * 365)::int ELSE current_date - floor(g.r3 * 1095)::int END,
  s.p, s.fc, now() - floor(g.r5 * 40) * interval '1 day',
  CASE WHEN s.open THEN NULL ELSE now() - floor(g.r3 * 1095) * interval '1 day' END,
  CASE WHEN s.stage = 'closed_lost' THEN 'no_decision' END, now() - floor(g.r5 * 1400) * interval '1 day', 'bench'
FROM g CROSS JOIN n CROSS JOIN u
JOIN a ON a.k = floor(g.r4 * n.c)::bigint
CROSS JOIN LATERAL (SELECT CASE
    WHEN g.g % 100 < 10 THEN 'discovery' WHEN g.g % 100 < 15 THEN 'proposal' WHEN g.g % 100 < 18 THEN 'poc'
    WHEN g.g % 100 < 20 THEN 'negotiation' WHEN g.g % 100 < 45 THEN 'closed_won' ELSE 'closed_lost' END AS stage) st
CROSS JOIN LATERAL (SELECT st.stage AS stage, st.stage NOT IN ('closed_won', 'closed_lost') AS open,
    CASE st.stage WHEN 'discovery' THEN 20 WHEN 'proposal' THEN 40 WHEN 'poc' THEN 60 WHEN 'negotiation' THEN 80 WHEN 'closed_won' THEN 100 ELSE 0 END AS p,
    CASE st.stage WHEN 'poc' THEN 'best_case' WHEN 'negotiation' THEN 'commit' WHEN 'closed_won' THEN 'closed' WHEN 'closed_lost' THEN 'omitted' ELSE 'pipeline' END AS fc) s`;

async function main() {
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  const reuse = process.argv.includes('--reuse') && (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
  if (!reuse) {
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${dbName}`);
  }
  await admin.end();
  const u = new URL(base); u.pathname = `/${dbName}`;
  const config = loadConfig({ DATABASE_URL: u.toString(), PORT: '0', LOG_LEVEL: 'silent', VALUEGRAPH_WORKERS: '0', DATABASE_POOL_SIZE: '20' });
  const deps = await openRuntime(config, { log: makeLogger({ logLevel: 'silent' }) });
  const pool = deps.database.pool!;
  if (!reuse) {
    await loadDemo(deps.database, {});
    await pool.query(`INSERT INTO users (email, name, role) SELECT 'bench-ae-' || lpad(g::text, 3, '0') || '@bench.test', 'Bench AE ' || g, 'sales' FROM generate_series(1, ${OWNERS}) g`);
    await createUser(systemCtx(deps), { email: 'bench@bench.test', name: 'Bench', role: 'sales', password: 'bench-password-123' });
    const t0 = performance.now();
    const client = await pool.connect(); // setseed and the INSERT on one connection: the same data every run
    try { await client.query('SELECT setseed(0.42)'); await client.query(GENERATE, [N]); } finally { client.release(); }
    const genMs = performance.now() - t0;
    line(`generated ${N.toLocaleString()} opportunities (INSERT … SELECT generate_series)`, `${(genMs / 1000).toFixed(1)} s`);
    await pool.query('VACUUM ANALYZE opportunities');
  }
  const t1 = performance.now();
  await rebuildTotals(deps.database);
  line('rebuilt the board totals rollup (set-based, 4 dimensions)', `${((performance.now() - t1) / 1000).toFixed(1)} s`);
  await pool.query('VACUUM ANALYZE pipeline_totals');
  const [{ total, open }] = (await pool.query(`SELECT count(*)::int AS total, (count(*) FILTER (WHERE stage NOT IN ('closed_won','closed_lost')))::int AS open FROM opportunities`)).rows;
  line('opportunities / open', `${total.toLocaleString()} / ${open.toLocaleString()}`);
  const [{ n: rollupRows }] = (await pool.query('SELECT count(*)::int AS n FROM pipeline_totals')).rows;
  line('board totals rollup rows (all, owner, partner, owner + partner)', rollupRows.toLocaleString());
  const [{ id: ownerId }] = (await pool.query("SELECT id FROM users WHERE email = 'bench-ae-007@bench.test'")).rows;
  const [{ partner_id: partnerId }] = (await pool.query('SELECT partner_id FROM opportunities WHERE partner_id IS NOT NULL LIMIT 1')).rows;

  const server = await startServer(deps);
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.test', password: 'bench-password-123' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const get = (path: string) => async () => { const r = await fetch(`${server.url}${path}`, { headers: { cookie } }); if (!r.ok) throw new Error(`${path} → ${r.status}`); await r.arrayBuffer(); };

  // The exact SQL of the board (totals, and one page per open stage joined by UNION ALL), run as the endpoint runs it.
  const stages = ['discovery', 'proposal', 'poc', 'negotiation'];
  const rawBoard = (query: Record<string, string>) => {
    const q = boardQuerySchema.parse(query);
    const scope = rowScopeFor({ role: 'sales', partnerId: null, accountId: null });
    const totals = (rollupTotalsQuery(deps.database.db, scope, q) ?? boardTotalsQuery(deps.database.db, scope, q)).toSQL();
    const page = boardColumnQuery(deps.database.db, scope, stages[0], q).toSQL();
    const columns = boardColumnsQuery(deps.database.db, scope, stages, q).toSQL();
    const run = (s: { sql: string; params: unknown[] }) => pool.query(s.sql, s.params);
    return { all: () => Promise.all([run(totals), run(columns)]), totals: () => run(totals), page: () => run(page) };
  };
  const cases: [string, Record<string, string>, string][] = [
    ['whole board', {}, '/api/pipeline/board'],
    ['owner filter', { ownerId }, `/api/pipeline/board?ownerId=${ownerId}`],
    ['partner filter', { partnerId }, `/api/pipeline/board?partnerId=${partnerId}`],
    ['owner + partner', { ownerId, partnerId }, `/api/pipeline/board?ownerId=${ownerId}&partnerId=${partnerId}`],
    ['close date next 90 days', { closeFrom: new Date().toISOString().slice(0, 10), closeTo: new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10) },
      `/api/pipeline/board?closeFrom=${new Date().toISOString().slice(0, 10)}&closeTo=${new Date(Date.now() + 90 * 86400_000).toISOString().slice(0, 10)}`],
  ];
  for (const [label, query, path] of cases) {
    const raw = rawBoard(query);
    line(`raw SQL, board ${label}: totals query (p50 / p95)`, fmt(await timeIt(ITER, raw.totals)));
    line(`raw SQL, board ${label}: one column page (p50 / p95)`, fmt(await timeIt(ITER, raw.page)));
    line(`raw SQL, board ${label}: totals + columns (UNION ALL), in parallel (p50 / p95)`, fmt(await timeIt(ITER, raw.all)));
    line(`GET ${path.replace(/=[0-9a-f-]{36}/g, '=…')} over HTTP (p50 / p95)`, fmt(await timeIt(ITER, get(path))));
  }
  line('GET /api/pipeline/forecast?period=quarter over HTTP (p50 / p95)', fmt(await timeIt(Math.ceil(ITER / 10), get('/api/pipeline/forecast?period=quarter'))));
  line(`GET /api/pipeline/forecast?period=month&owner=… over HTTP (p50 / p95)`, fmt(await timeIt(Math.ceil(ITER / 5), get(`/api/pipeline/forecast?period=month&owner=${ownerId}`))));
  await server.close(); // closes the runtime too
}

console.log(`Pipeline benchmark (${smoke ? 'smoke' : 'full'}) — ${new Date().toISOString()}`);
await main();
process.exit(0);
