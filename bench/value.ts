// The value graph on PostgreSQL: the pure business-case core, and the API (generate, edit, risk, PDF) over HTTP
// with many opportunities and hypotheses in the database. Prints figures; asserts nothing.
//   npx tsx bench/value.ts            100,000 extra opportunities, 20,000 stored hypotheses (database vg_bench_value)
//   npx tsx bench/value.ts --smoke    5,000 opportunities, 1,000 hypotheses, short runs
import pg from 'pg';
import { defaultPlaybook } from '../src/core/playbook';
import { applyHypothesisEdit, buildHypothesis, computeHypothesis } from '../src/core/value';
import { loadConfig } from '../src/server/config';
import { loadDemo } from '../src/server/demo/demo';
import { systemCtx } from '../src/server/http/env';
import { createUser } from '../src/server/modules/platform/users.service';
import { renderProposalPdf } from '../src/server/modules/value/proposal-pdf';
import { makeLogger, openRuntime, startServer } from '../src/server/runtime';
import { lineWriter, pct, timeIt as timeWithWarmup } from './stats';

const smoke = process.argv.includes('--smoke');
const N = smoke ? 5_000 : 100_000;
const H = smoke ? 1_000 : 20_000;
const ITER = smoke ? 50 : 300;
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = smoke ? 'vg_bench_value_smoke' : 'vg_bench_value';

const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} ms · p95 ${pct(xs, 95).toFixed(2)} ms`;
const line = lineWriter(62);
const timeIt = (n: number, fn: (i: number) => Promise<unknown>) => timeWithWarmup(n, fn, 10);

async function main() {
  // ---- the pure core: what the browser runs on every keystroke
  const profile = { name: 'Bench', industry: null, employees: 5000, servers: 2000, cloudResources: 300, networkDevices: 400, complianceFrameworks: ['ISO 27001'], techStack: [] };
  const model = buildHypothesis({ account: profile, opportunity: { amount: 12_000_000, currency: 'USD' }, playbook: defaultPlaybook, discovery: {} });
  let t0 = performance.now();
  const K = 20_000;
  for (let i = 0; i < K; i++) computeHypothesis(applyHypothesisEdit(model, { assumptions: [{ id: 'servers', value: 1000 + i }] }));
  line('core: edit + recompute (5 pains, 3-year case)', `${((performance.now() - t0) * 1000 / K).toFixed(1)} µs each`);
  t0 = performance.now();
  for (let i = 0; i < K; i++) buildHypothesis({ account: { ...profile, servers: i }, opportunity: { amount: 1, currency: 'USD' }, playbook: defaultPlaybook, discovery: {} });
  line('core: Value Architect build', `${((performance.now() - t0) * 1000 / K).toFixed(1)} µs each`);

  // ---- a database with many opportunities and stored hypotheses
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  await admin.end();
  const u = new URL(base); u.pathname = `/${dbName}`;
  const config = loadConfig({ DATABASE_URL: u.toString(), PORT: '0', LOG_LEVEL: 'silent', VALUEGRAPH_WORKERS: '0', DATABASE_POOL_SIZE: '20' });
  const deps = await openRuntime(config, { log: makeLogger({ logLevel: 'silent' }) });
  const pool = deps.database.pool!;
  let serverOwnsRuntime = false;
  try {
    t0 = performance.now();
    await loadDemo(deps.database, {});
    line('demo dataset incl. value graphs', `${((performance.now() - t0) / 1000).toFixed(1)} s`);
    await pool.query(`INSERT INTO opportunities (account_id, name, stage, amount, close_date, source)
      SELECT a.id, 'Bench deal ' || g, (ARRAY['discovery','proposal','poc','negotiation'])[1 + g % 4], (20000 + g % 200000) * 100, current_date + (g % 300), 'bench'
      FROM generate_series(1, $1::int) g JOIN LATERAL (SELECT id FROM accounts ORDER BY id OFFSET (g % 240) LIMIT 1) a ON true`, [N]);
    // Stored hypotheses at scale: copy a real one onto H opportunities (set-based), plus their artifacts.
    const [tpl] = (await pool.query('SELECT model, results FROM value_hypotheses LIMIT 1')).rows;
    t0 = performance.now();
    await pool.query(`INSERT INTO value_graphs (account_id) SELECT DISTINCT account_id FROM opportunities WHERE source = 'bench' ON CONFLICT DO NOTHING`);
    await pool.query(`WITH o AS (SELECT id, account_id FROM opportunities WHERE source = 'bench' ORDER BY id LIMIT $1)
      INSERT INTO value_hypotheses (value_graph_id, account_id, opportunity_id, model, results)
      SELECT vg.id, o.account_id, o.id, $2, $3 FROM o JOIN value_graphs vg ON vg.account_id = o.account_id AND vg.deleted_at IS NULL`, [H, tpl.model, tpl.results]);
    await pool.query(`INSERT INTO agent_artifacts (agent, account_id, opportunity_id, entity_type, entity_id, inputs, outputs, narrative)
      SELECT 'architect', account_id, opportunity_id, 'value_hypothesis', id, '{}', results, 'bench' FROM value_hypotheses`);
    await pool.query('ANALYZE');
    line(`stored ${H.toLocaleString()} hypotheses + artifacts (INSERT … SELECT)`, `${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const counts = (await pool.query(`SELECT (SELECT count(*) FROM opportunities)::int o, (SELECT count(*) FROM value_hypotheses)::int h, (SELECT count(*) FROM agent_artifacts)::int a`)).rows[0];
    line('rows', `${counts.o.toLocaleString()} opportunities · ${counts.h.toLocaleString()} hypotheses · ${counts.a.toLocaleString()} artifacts`);

    // ---- the API over HTTP
    await createUser(systemCtx(deps), { email: 'bench@bench.test', name: 'Bench', role: 'sales', password: 'bench-password-123' });
    const server = await startServer(deps);
    serverOwnsRuntime = true; // closing the server closes the runtime and its pool
    try {
      const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.test', password: 'bench-password-123' }) });
      const cookie = login.headers.get('set-cookie')!.split(';')[0];
      const { csrfToken } = await login.json() as { csrfToken: string };
      const call = async (method: string, path: string, body?: unknown) => {
        const r = await fetch(`${server.url}/api${path}`, { method, headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
        if (!r.ok) throw new Error(`${method} ${path} → ${r.status} ${await r.text()}`);
        return r.headers.get('content-type')?.includes('json') ? r.json() : r.arrayBuffer();
      };
      const fresh = (await pool.query(`SELECT o.id FROM opportunities o LEFT JOIN value_hypotheses h ON h.opportunity_id = o.id
        WHERE o.source = 'bench' AND h.id IS NULL ORDER BY o.id LIMIT $1`, [ITER + 10])).rows.map((r) => r.id as string);
      line('POST …/value/hypothesis/generate (Architect + artifact + audit)', fmt(await timeIt(ITER, (i) => call('POST', `/opportunities/${fresh[i % fresh.length]}/value/hypothesis/generate`, {}))));
      const target = fresh[0];
      let version = (await call('GET', `/opportunities/${target}/value/hypothesis`) as { version: number }).version;
      line('PATCH …/value/hypothesis (edit an assumption, recompute)', fmt(await timeIt(ITER, async (i) => {
        const h = await call('PATCH', `/opportunities/${target}/value/hypothesis`, { version, assumptions: [{ id: 'servers', value: 1000 + i }] }) as { version: number };
        version = h.version;
      })));
      line('GET …/value (overview)', fmt(await timeIt(ITER, (i) => call('GET', `/opportunities/${fresh[i % fresh.length]}/value`))));
      line('GET …/value/risk', fmt(await timeIt(ITER, (i) => call('GET', `/opportunities/${fresh[i % fresh.length]}/value/risk`))));
      line('GET …/value/artifacts', fmt(await timeIt(ITER, (i) => call('GET', `/opportunities/${fresh[i % fresh.length]}/value/artifacts`))));
      const pdfTimes = await timeIt(Math.min(ITER, 40), () => call('GET', `/opportunities/${target}/value/proposal.pdf`));
      line('GET …/value/proposal.pdf (4 pages, embedded font)', fmt(pdfTimes));
      const r = computeHypothesis(model);
      t0 = performance.now();
      const pdf = await renderProposalPdf({ accountName: 'Bench', opportunityName: 'Bench', stage: 'Proposal', closeDate: null, date: new Date(), status: 'draft', model, results: r, narrative: 'Bench', kpis: [], successCriteria: [], seller: defaultPlaybook.company });
      line('PDF render alone', `${(performance.now() - t0).toFixed(1)} ms · ${(pdf.length / 1024).toFixed(0)} KiB`);
    } finally {
      await server.close();
    }
  } finally {
    if (!serverOwnsRuntime) { await deps.jobs.stop().catch(() => {}); await deps.database.close(); }
    const a2 = new pg.Client({ connectionString: base });
    await a2.connect();
    await a2.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await a2.end();
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
