// Leads budgets on PostgreSQL: the lead inbox at 1M leads (p95 ≤ 20 ms) and re-scoring every lead after a
// playbook change (≤ 10 s). Prints figures, asserts nothing.
//   npx tsx bench/leads.ts            1,000,000 leads (generated set-based with generate_series)
//   npx tsx bench/leads.ts --smoke    20,000 leads
//   npx tsx bench/leads.ts --reuse    keep the generated database of an earlier run (--inbox-only: skip the rest)
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { makeLogger, openRuntime, closeRuntime } from '../src/server/runtime';
import { systemCtx } from '../src/server/http/env';
import { inboxQuery } from '../src/server/modules/leads/leads.repo';
import { bulkCapture } from '../src/server/modules/leads/leads.service';
import { rescoreAll } from '../src/server/modules/leads/scoring.service';
import { currentPlaybook } from '../src/server/modules/platform/playbook.service';
import { inboxQuerySchema } from '../src/core/leads/schemas';
import { scoreRelationSql } from '../src/core/leads/scoring-sql';
import { lineWriter, pct } from './stats';

const smoke = process.argv.includes('--smoke');
const N = smoke ? 20_000 : 1_000_000;
const ITER = smoke ? 200 : 1_000;
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
// BENCH_DB names the database (two runs on one server must not share it).
const dbName = process.env.BENCH_DB ?? (smoke ? 'vg_bench_leads_smoke' : 'vg_bench_leads');

const line = lineWriter(62);

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
  const config = loadConfig({ DATABASE_URL: u.toString(), PORT: '0', LOG_LEVEL: 'silent', VALUEGRAPH_WORKERS: '0', DATABASE_POOL_SIZE: '10' });
  const deps = await openRuntime(config, { log: makeLogger({ logLevel: 'silent' }) });
  const q = deps.database.query.bind(deps.database);
  console.log(`Leads benchmark on PostgreSQL, ${N.toLocaleString('en')} leads${reuse ? ' (reused)' : ''}`);

  if (!reuse) {
    const t0 = performance.now();
    await q(`INSERT INTO users (email, name, role) SELECT 'seller' || g || '@bench.dev', 'Seller ' || g, CASE WHEN g % 3 = 0 THEN 'sdr' ELSE 'sales' END FROM generate_series(1, 40) g`);
    // One INSERT … SELECT: sources, statuses, enrichment, BANT and engagement spread deterministically by row number.
    await q(`
      WITH s AS (SELECT array_agg(id ORDER BY email) AS ids FROM users)
      INSERT INTO leads (source, status, email, domain, company_name, industry, employees, servers, cloud_resources, network_devices,
        tech_stack, monitoring_tools, compliance_frameworks, has_cmdb, cmdb_accuracy_percent, bant, engagement, owner_id, region,
        created_at, updated_at, first_response_due_at, qualification_due_at, first_responded_at, sla_due_at)
      SELECT (ARRAY['website','email','phone','content','seo_sem','webinar','event','partner_referral','customer_referral','outbound'])[1 + g % 10],
        (ARRAY['new','new','working','working','working','qualified','disqualified','converted'])[1 + (g / 10) % 8],
        'lead' || g || '@company' || (g % 200000) || '.com', 'company' || (g % 200000) || '.com', 'Company ' || (g % 200000),
        (ARRAY['Financial Services','Energy','Retail','Healthcare','Public Sector'])[1 + g % 5],
        ((g::bigint * 7919) % 20000)::int, ((g::bigint * 104729) % 5000)::int, (g * 31) % 400, (g * 17) % 1200,
        CASE WHEN g % 3 = 0 THEN ARRAY['ServiceNow','AWS'] ELSE ARRAY['Jira'] END, CASE WHEN g % 4 = 0 THEN ARRAY['Datadog'] ELSE '{}'::text[] END,
        CASE WHEN g % 5 = 0 THEN ARRAY['SOX'] ELSE '{}'::text[] END, g % 2 = 0, g % 100,
        jsonb_build_object('budget', g % 3 = 0, 'authority', g % 4 = 0, 'need', g % 2 = 0, 'timelineMonths', g % 24),
        jsonb_build_object('websiteVisits', g % 6, 'meetingAccepted', g % 9 / 8, 'webinarAttended', g % 7 / 6),
        s.ids[1 + g % 40], (ARRAY['EMEA','NA','APAC','LATAM'])[1 + g % 4],
        ts, ts, ts + interval '1 day', ts + interval '2 days',
        CASE WHEN (g / 10) % 8 >= 2 THEN ts + interval '1 hour' END,
        CASE WHEN (g / 10) % 8 < 2 THEN ts + interval '1 day' WHEN (g / 10) % 8 < 5 THEN ts + interval '2 days' END
      FROM s, generate_series(1, ${N}) g,
        LATERAL (SELECT date_trunc('milliseconds', now() - interval '60 days' + (g::float8 / ${N}) * interval '60 days') AS ts) t`);
    // Placeholder scores (the first re-scoring below replaces them), spread by the row number in the e-mail.
    await q(`INSERT INTO lead_scores (lead_id, score, priority)
      SELECT id, g % 100, (ARRAY['hot','warm','cold','cold'])[1 + g % 4] FROM (SELECT id, split_part(substr(email, 5), '@', 1)::int AS g FROM leads) x`);
    await q('ANALYZE');
    line('generate leads (INSERT … SELECT generate_series)', `${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  const [{ n }] = await q<{ n: number }>('SELECT count(*)::int AS n FROM leads WHERE deleted_at IS NULL');
  const [{ open }] = await q<{ open: number }>('SELECT count(*)::int AS open FROM leads WHERE deleted_at IS NULL AND sla_due_at IS NOT NULL');
  line('leads / with a running SLA clock', `${n.toLocaleString('en')} / ${open.toLocaleString('en')}`);

  // ---- inbox
  const db = deps.database.db;
  const owners = (await q<{ id: string }>(`SELECT id FROM users ORDER BY email`)).map((r) => r.id);
  const scopes = [{ kind: 'all' as const }];
  // Combinations taken from the data, so every variant returns rows (an empty result walks a whole index range).
  const [sample] = await q<{ owner_id: string; source: string; priority: string }>(
    `SELECT owner_id, source, priority FROM leads JOIN lead_scores ON lead_id = id WHERE deleted_at IS NULL AND sla_due_at IS NOT NULL AND owner_id = $1 LIMIT 1`, [owners[7]]);
  const variants: [string, Record<string, string>][] = [
    ['no filter', {}], ['owner', { ownerId: owners[3] }], ['status=new', { status: 'new' }], ['source=website', { source: 'website' }],
    ['priority=hot', { priority: 'hot' }], ['owner + status=working', { ownerId: owners[5], status: 'working' }],
    ['owner + source + priority', { ownerId: sample.owner_id, source: sample.source, priority: sample.priority }],
  ];
  // A filter combination no lead has walks the owner's whole inbox: reported apart (fewer runs), not a typical page.
  const empty: [string, Record<string, string>] = ['(no match: owner + a source they have none of)', { ownerId: sample.owner_id, source: sample.source === 'event' ? 'phone' : 'event' }];
  const all: number[] = [];
  for (const [label, filters] of [...variants, empty]) {
    const first = await inboxQuery(deps.database, scopes[0], inboxQuerySchema.parse({ limit: 50, ...filters }));
    const last = first[49];
    const cursor = last ? Buffer.from(JSON.stringify([last.slaDueAt!, last.id])).toString('base64url') : undefined;
    const times: number[] = [];
    const runs = filters === empty[1] ? 50 : ITER;
    for (let i = 0; i < runs + 20; i++) {
      const t0 = performance.now();
      await inboxQuery(deps.database, scopes[0], inboxQuerySchema.parse({ limit: 50, ...filters, ...(i % 2 && cursor ? { cursor } : {}) }));
      if (i >= 20) times.push(performance.now() - t0);
    }
    if (filters !== empty[1]) all.push(...times);
    line(`inbox (50/page, pages 1–2) ${label}`, `p50 ${pct(times, 50).toFixed(2)} ms  p95 ${pct(times, 95).toFixed(2)} ms`);
  }
  line('inbox, all typical variants', `p95 ${pct(all, 95).toFixed(2)} ms  (budget ≤ 20 ms)`);

  if (process.argv.includes('--inbox-only')) { await closeRuntime(deps); return; }
  if (process.argv.includes('--skip-rescore')) { await bulk(deps); await closeRuntime(deps); return; }
  // ---- re-scoring every lead after a playbook change (as the handler runs it: a fresh lead_scores table swapped in)
  const { playbook, version } = await currentPlaybook(db);
  const t0 = performance.now();
  await q(`SELECT count(*), sum(s.sc) FROM (${scoreRelationSql(playbook.leads.scoring, 'l.deleted_at IS NULL')}) s`);
  line('score every lead in SQL, no writes (CPU part)', `${((performance.now() - t0) / 1000).toFixed(2)} s`);
  const scenarios: [string, (p: typeof playbook) => void][] = [
    ['first scoring of generated rows', () => {}],
    ['one rule changed (ServiceNow +15 → +25)', (p) => { p.leads.scoring.fitRules[0].points = 25; }],
    ['no score changes (explanation text edited)', (p) => { p.leads.scoring.fitRules[0].explanation = 'ServiceNow shop'; }],
    ['weights changed (every row changes)', (p) => { p.leads.scoring.combineWeights = { fit: 50, engagement: 50 }; }],
  ];
  const changed = structuredClone(playbook);
  for (const [i, [label, change]] of scenarios.entries()) {
    change(changed);
    const t1 = performance.now();
    const rows = await db.transaction((tx) => rescoreAll(tx, changed, version + 1 + i)); // as the event handler runs it
    line(`re-score all leads: ${label}`, `${((performance.now() - t1) / 1000).toFixed(2)} s  (${rows.toLocaleString('en')} rows written)`);
  }
  const [check] = await q<{ hot: number }>(`SELECT count(*) FILTER (WHERE priority = 'hot')::int AS hot FROM lead_scores`);
  line('  after: hot leads', check.hot.toLocaleString('en'));

  await bulk(deps);
  await closeRuntime(deps);
}

async function bulk(deps: Awaited<ReturnType<typeof openRuntime>>) {
  // A 5,000-row event list through the API service (set-based insert, per-row checks)
  const rowsIn = Array.from({ length: 5000 }, (_, i) => ({ email: `att${i}@summit${i % 400}.io`, firstName: `A${i}`, companyName: `Summit ${i % 400}`, region: 'EMEA', employees: i * 3 }));
  const t2 = performance.now();
  const res = await bulkCapture(systemCtx(deps, 'bench'), { source: 'event', campaign: 'Bench summit', rows: rowsIn });
  line(`bulk capture of an event list (${res.created} rows)`, `${((performance.now() - t2) / 1000).toFixed(2)} s`);
}

main().catch((e) => { console.error(e); process.exit(1); });
