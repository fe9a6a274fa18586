// Finance aging + DSO at 1M invoices on PostgreSQL (budget: p95 ≤ 50 ms). Prints figures; asserts nothing.
//   npx tsx bench/billing.ts            1,000,000 invoices over five years (BENCH_DATABASE_URL, database vg_bench_billing)
//   npx tsx bench/billing.ts --smoke    20,000 invoices, short runs
//   npx tsx bench/billing.ts --reuse    keep the database of an earlier run
import pg from 'pg';
import { buildApp } from '../src/server/app';
import { financeSummaryQuerySchema, seriesFrom } from '../src/core/billing';
import { loadConfig } from '../src/server/config';
import { loadDemo } from '../src/server/demo/demo';
import { systemCtx } from '../src/server/http/env';
import { dailyFrom, directDaily, rebuildDaily } from '../src/server/modules/billing/billing.repo';
import { financeSummary } from '../src/server/modules/billing/finance.service';
import { createUser } from '../src/server/modules/platform/users.service';
import { makeLogger, openRuntime, startServer } from '../src/server/runtime';
import { lineWriter, p50p95, pct, timeIt } from './stats';

const smoke = process.argv.includes('--smoke');
const N = smoke ? 20_000 : 1_000_000;
const ITER = smoke ? 100 : 1_000;
const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = smoke ? 'vg_bench_billing_smoke' : 'vg_bench_billing';

const fmt = p50p95;
const line = lineWriter(66);

/**
 * N invoices over the demo accounts in one statement (seeded random()), issued evenly over the last five years, Net 30:
 * payment after 12–32 days (55 %), 33–50 (30 %), 51–85 (12 %), 86–200 (2 %) or never (1 %); one in ten first pays
 * half 20 days after issue; one in 300 carries a 10 % credit note. Paid only when the payment date is past. One payment
 * row per invoice with money received (its date: settlement, or the partial payment's) and a credit-note row per credit
 * are written by the same statement (data-modifying CTEs); open invoices 30+ days late are escalated.
 */
const GENERATE = `
WITH a AS (SELECT id, partner_id, (row_number() OVER (ORDER BY id)) - 1 AS k FROM accounts WHERE deleted_at IS NULL),
     n AS (SELECT count(*) AS c FROM a),
     g AS (SELECT g, random() AS r1, random() AS r2, random() AS r3, random() AS r4, random() AS r5, random() AS r6 FROM generate_series(1, $1::int) AS g),
     d AS (
       SELECT g.g, a.id AS account_id, a.partner_id, current_date - floor(g.r1 * 1826)::int AS issue_date,
         ((20 + floor(g.r2 * 480)::bigint) * 10000) AS total,
         CASE WHEN g.r3 < 0.55 THEN 12 + floor(g.r4 * 21)::int WHEN g.r3 < 0.85 THEN 33 + floor(g.r4 * 18)::int
              WHEN g.r3 < 0.97 THEN 51 + floor(g.r4 * 35)::int WHEN g.r3 < 0.99 THEN 86 + floor(g.r4 * 115)::int END AS delay,
         g.r5 < 0.1 AS partial, g.r6 < 0.0033 AS credited,
         CASE WHEN g.g % 10 < 7 THEN 'subscription' WHEN g.g % 10 < 9 THEN 'milestone' ELSE 'manual' END AS kind
       FROM g CROSS JOIN n JOIN a ON a.k = floor(g.r4 * n.c)::bigint),
     m AS (
       SELECT d.*, d.issue_date + 30 AS due_date,
         CASE WHEN d.credited THEN d.total / 10 ELSE 0 END AS credit,
         d.delay IS NOT NULL AND d.issue_date + d.delay <= current_date AS settled,
         d.partial AND d.issue_date + 20 <= current_date AS part_paid
       FROM d),
     v AS (
       SELECT m.*, CASE WHEN m.settled THEN m.total - m.credit WHEN m.part_paid THEN (m.total - m.credit) / 2 ELSE 0 END AS paid FROM m),
     ins AS (
       INSERT INTO invoices (number, account_id, partner_id, kind, status, currency, issue_date, due_date, lines, subtotal, total,
         amount_paid, amount_credited, balance, paid_at, dunning_step, escalated_at, created_at)
       SELECT 'BENCH-' || lpad(v.g::text, 7, '0'), v.account_id, v.partner_id, v.kind,
         CASE WHEN v.settled THEN 'paid' WHEN v.paid > 0 THEN 'partially_paid' ELSE 'issued' END, 'USD', v.issue_date, v.due_date,
         jsonb_build_array(jsonb_build_object('description', 'Bench ' || v.kind, 'quantity', 1, 'unitAmount', v.total, 'amount', v.total)),
         v.total, v.total, v.paid, v.credit, v.total - v.paid - v.credit,
         CASE WHEN v.settled THEN (v.issue_date + v.delay)::timestamptz END,
         CASE WHEN NOT v.settled AND v.due_date < current_date - 30 THEN 'escalation' END,
         CASE WHEN NOT v.settled AND v.due_date < current_date - 30 THEN (v.due_date + 30)::timestamptz END,
         v.issue_date::timestamptz
       FROM v
       RETURNING id, account_id, issue_date, total, amount_paid, amount_credited, paid_at, status),
     pay AS (
       INSERT INTO payments (invoice_id, account_id, amount, received_on, method, reference)
       SELECT id, account_id, amount_paid,
         CASE WHEN status = 'paid' THEN paid_at::date ELSE issue_date + 20 END, 'wire', 'BENCH-' || id
       FROM ins WHERE amount_paid > 0
       RETURNING 1),
     cn AS (
       INSERT INTO credit_notes (number, invoice_id, account_id, amount, reason, issued_on)
       SELECT 'BENCH-CN-' || id, id, account_id, amount_credited, 'Bench credit', issue_date + 5 FROM ins WHERE amount_credited > 0
       RETURNING 1)
SELECT (SELECT count(*) FROM ins)::int AS invoices, (SELECT count(*) FROM pay)::int AS payments, (SELECT count(*) FROM cn)::int AS credit_notes`;

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
    await createUser(systemCtx(deps), { email: 'bench@bench.test', name: 'Bench', role: 'finance', password: 'bench-password-123' });
    const t0 = performance.now();
    const client = await pool.connect(); // setseed and the INSERT on one connection: the same data every run
    let made;
    try { await client.query('SELECT setseed(0.42)'); made = (await client.query(GENERATE, [N])).rows[0]; } finally { client.release(); }
    line(`generated ${made.invoices.toLocaleString()} invoices, ${made.payments.toLocaleString()} payments, ${made.credit_notes.toLocaleString()} credit notes`, `${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const t1 = performance.now();
    await deps.database.db.transaction((tx) => rebuildDaily(tx));
    line('rebuilt the billing_daily rollup (set-based)', `${((performance.now() - t1) / 1000).toFixed(1)} s`);
    const t2 = performance.now();
    await pool.query('VACUUM ANALYZE invoices');
    await pool.query('VACUUM ANALYZE payments');
    await pool.query('VACUUM ANALYZE credit_notes');
    await pool.query('VACUUM ANALYZE billing_daily');
    line('VACUUM ANALYZE', `${((performance.now() - t2) / 1000).toFixed(1)} s`);
  }
  const [counts] = (await pool.query(`SELECT (SELECT count(*) FROM invoices)::int AS invoices,
    (SELECT count(*) FROM invoices WHERE status IN ('issued', 'partially_paid') AND deleted_at IS NULL)::int AS open,
    (SELECT count(*) FROM invoices WHERE issue_date > current_date - 455)::int AS recent, (SELECT count(*) FROM payments)::int AS payments`)).rows;
  line('invoices / open / issued in the DSO trend window (15 months) / payments',
    `${counts.invoices.toLocaleString()} / ${counts.open.toLocaleString()} / ${counts.recent.toLocaleString()} / ${counts.payments.toLocaleString()}`);

  // The exact SQL of the summary, captured from one call and replayed straight on the driver.
  const q = financeSummaryQuerySchema.parse({});
  const captured: { text: string; values: unknown[] }[] = [];
  const original = pool.query.bind(pool);
  (pool as any).query = (cfg: any, values?: unknown[]) => {
    captured.push(typeof cfg === 'string' ? { text: cfg, values: values ?? [] } : { text: cfg.text, values: cfg.values ?? values ?? [] });
    return original(cfg, values as never);
  };
  const sample = await financeSummary(deps.database, q);
  (pool as any).query = original;
  const queries = captured.filter((c) => !/playbooks/.test(c.text));
  line('summary: AR / DSO / open invoices', `${(sample.arTotal / 100).toLocaleString('en-US')} USD / ${sample.dso.days} days / ${sample.openInvoices.toLocaleString()}`);
  line('summary: aging (current, 1–30, 31–60, 61–90, 90+) in k USD', sample.aging.map((b) => Math.round(b.amount / 100_000).toLocaleString()).join(' · '));
  line('summary: DSO trend (last 12 month ends)', sample.dsoTrend.map((p) => p.dso).join(' · '));
  // The summary's reads are one statement (the playbook version check aside).
  const [snapshot] = queries;
  if (queries.length !== 1) line('note: captured statements', String(queries.length));
  // What the rollup saves: the same days computed from the invoices, payments and credit notes themselves.
  const from = seriesFrom(sample.asOf, q.dsoDays, 12);
  const key = (r: { day: string; billed: number; collected: number; credited: number }) => `${r.day}:${Number(r.billed)}:${Number(r.collected)}:${Number(r.credited)}`;
  const direct = (await directDaily(deps.database.db, from)).map(key).sort();
  const rollup = (await dailyFrom(deps.database.db, from)).filter((r) => Number(r.billed) || Number(r.collected) || Number(r.credited)).map(key).sort();
  line('rollup equals the per-day sums of the documents', JSON.stringify(direct) === JSON.stringify(rollup) ? 'yes' : 'NO');
  line('without the rollup: per-day sums from the documents (p50 / p95)', fmt(await timeIt(Math.ceil(ITER / 10), () => directDaily(deps.database.db, from))));
  const raw = await timeIt(ITER, () => pool.query(snapshot.text, snapshot.values));
  line('raw SQL of the summary: aging + rollup days + dunning queue (p50 / p95)', fmt(raw));
  const service = await timeIt(ITER, () => financeSummary(deps.database, q));
  line('financeSummary() service call (p50 / p95)', fmt(service));

  const server = await startServer(deps);
  const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'bench@bench.test', password: 'bench-password-123' }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const path = '/api/finance/summary';
  const app = buildApp(deps);
  const inproc = await timeIt(ITER, async () => { const r = await app.request(path, { headers: { cookie } }); if (r.status !== 200) throw new Error(String(r.status)); await r.arrayBuffer(); });
  line(`GET ${path} in-process, no socket (p50 / p95)`, fmt(inproc));
  const http = await timeIt(ITER, async () => { const r = await fetch(`${server.url}${path}`, { headers: { cookie } }); await r.arrayBuffer(); });
  line(`GET ${path} over HTTP, 1 connection (p50 / p95)`, fmt(http));
  line('endpoint ÷ raw SQL (p50): in-process / over HTTP', `${(pct(inproc, 50) / pct(raw, 50)).toFixed(2)}× / ${(pct(http, 50) / pct(raw, 50)).toFixed(2)}×`);
  line('budget: finance aging + DSO p95 ≤ 50 ms (in-process endpoint)', pct(inproc, 95) <= 50 ? 'within' : 'OVER');
  for (const p of ['/api/invoices?limit=50', '/api/invoices?status=open&limit=50', '/api/invoices?overdue=true&limit=50']) {
    const list = await timeIt(Math.ceil(ITER / 5), async () => { const r = await app.request(p, { headers: { cookie } }); if (r.status !== 200) throw new Error(String(r.status)); await r.arrayBuffer(); });
    line(`GET ${p} in-process (p50 / p95)`, fmt(list));
  }
  await server.close(); // closes the runtime too
}

console.log(`Billing benchmark (${smoke ? 'smoke' : 'full'}) — ${new Date().toISOString()}`);
await main();
process.exit(0);
