// Import benchmark: a HubSpot-style deals CSV of 1,048,576 rows (HubSpot's per-file cap), generated to a temp file
// and imported on PostgreSQL (time, rate, peak RSS sampled through the run); the rate on PGlite (100k rows); the
// insert forms compared; and a kill test: the import runs in a child process that is SIGKILLed midway, then
// resumed, and the row count must equal the file's rows exactly.
//   npx tsx bench/imports.ts [--smoke]        BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres)
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { loadConfig } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import { arrayLiteral } from '../src/server/db/columns';
import { closeRuntime, makeLogger, openRuntime } from '../src/server/runtime';
import { importFile } from '../src/server/modules/imports/imports.service';
import { fmtN, secs } from './stats';

const BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const smoke = process.argv.includes('--smoke');
// --only pg|forms|pglite|kill runs one part (the full run does all); --no-reimport skips the second PostgreSQL run;
// BENCH_IMPORT_ROWS sets the PostgreSQL file's rows and BENCH_BATCH the rows per batch.
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : null;
const part = (name: string) => only === null || only === name;
const ROWS_PG = Number(process.env.BENCH_IMPORT_ROWS ?? (smoke ? 20_000 : 1_048_576));
const ROWS_PGLITE = smoke ? 10_000 : 100_000;
const ROWS_KILL = smoke ? 30_000 : 300_000;
const HEADER = 'Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Pipeline,Deal owner,Associated Company,Company Domain\n';
const STAGES = ['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost'];
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
// BENCH_DB names the databases (two runs on one server must not share them).
const DB = process.env.BENCH_DB ?? 'vg_bench_imports';
const dbUrl = (name: string) => { const u = new URL(BASE); u.pathname = `/${name}`; return u.toString(); };

/** Streams `rows` deals to a file with backpressure; ~20k companies; a fixed seed makes runs comparable. */
async function generate(path: string, rows: number) {
  let s = 42;
  const rnd = () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
  const out = createWriteStream(path);
  const write = (chunk: string) => new Promise<void>((resolve) => (out.write(chunk) ? resolve() : out.once('drain', resolve)));
  await write(HEADER);
  const pad = (n: number) => String(n).padStart(2, '0');
  let buf: string[] = [];
  for (let i = 1; i <= rows; i++) {
    const stage = STAGES[Math.floor(rnd() * STAGES.length)];
    const created = new Date(Date.UTC(2023, 0, 1) + Math.floor(rnd() * 700) * 86_400_000 + Math.floor(rnd() * 86_400) * 1000);
    const close = new Date(created.getTime() + Math.floor(rnd() * 200) * 86_400_000);
    const c = Math.floor(rnd() * 20_000);
    const amount = (Math.floor(rnd() * 50_000_000) / 100).toFixed(2);
    const closeTxt = `${pad(close.getUTCMonth() + 1)}/${pad(close.getUTCDate())}/${close.getUTCFullYear()}`;
    const createdTxt = `${created.getUTCFullYear()}-${pad(created.getUTCMonth() + 1)}-${pad(created.getUTCDate())} ${pad(created.getUTCHours())}:${pad(created.getUTCMinutes())}`;
    buf.push(`${1_000_000 + i},Deal ${i} for Company ${c},${stage},${amount},${closeTxt},${createdTxt},default,,Company ${c},company${c}.example`);
    if (buf.length === 10_000) { await write(buf.join('\n') + '\n'); buf = []; }
  }
  if (buf.length) await write(buf.join('\n') + '\n');
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
}

async function freshPg(name: string) {
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  return dbUrl(name);
}
async function dropPg(name: string) {
  const admin = new pg.Client({ connectionString: BASE });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}

async function runtime(dir: string, database?: Database, databaseUrl?: string) {
  const config = loadConfig({ NODE_ENV: 'production', VALUEGRAPH_DATA_DIR: dir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) }, { workers: false });
  return openRuntime(config, { log: makeLogger({ logLevel: 'warn' }), database });
}

/** Imports a file and samples RSS every 100 ms. */
async function timedImport(deps: Awaited<ReturnType<typeof runtime>>, path: string) {
  const rss: number[] = [];
  const sample = setInterval(() => rss.push(process.memoryUsage().rss), 100);
  const started = performance.now();
  const cpu = process.cpuUsage();
  const job = await importFile(deps, { kind: 'deals', path }, { batchRows: process.env.BENCH_BATCH ? Number(process.env.BENCH_BATCH) : undefined });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sample);
  const tenth = Math.floor(rss.length / 10);
  return { job, seconds, cpuSeconds: (used.user + used.system) / 1e6, peak: Math.max(...rss), early: rss[tenth] ?? rss[0], late: rss[rss.length - 1 - tenth] ?? rss[rss.length - 1] };
}

async function insertForms(database: Database, label: string) {
  const N = 100_000, B = 5000;
  await database.exec(`DROP TABLE IF EXISTS bench_forms; CREATE TABLE bench_forms (id uuid primary key, account_id uuid not null, name text not null,
    stage text not null, amount bigint not null, close_date date, created_at timestamptz, external_id text)`);
  const rows = Array.from({ length: N }, (_, i) => ({ id: randomUUID(), account_id: randomUUID(), name: `Deal ${i}`, stage: 'closed_won', amount: i * 100,
    close_date: '2024-03-01', created_at: '2024-01-01T10:00:00Z', external_id: String(i) }));
  const cols = ['id', 'account_id', 'name', 'stage', 'amount', 'close_date', 'created_at', 'external_id'] as const;
  const forms: [string, (chunk: typeof rows) => Promise<unknown>][] = [
    ['json_to_recordset (1 parameter)', (chunk) => database.query(`INSERT INTO bench_forms SELECT * FROM json_to_recordset($1::json) AS x(id uuid, account_id uuid,
      name text, stage text, amount bigint, close_date date, created_at timestamptz, external_id text)`, [JSON.stringify(chunk)])],
    ['unnest (one array per column)', (chunk) => database.query(`INSERT INTO bench_forms SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[],
      $5::bigint[], $6::date[], $7::timestamptz[], $8::text[])`, cols.map((c) => chunk.map((r) => r[c])))],
    ['unnest of array literals (db/columns.ts)', (chunk) => database.query(`INSERT INTO bench_forms SELECT * FROM unnest($1::uuid[], $2::uuid[],
      $3::text[], $4::text[], $5::bigint[], $6::date[], $7::timestamptz[], $8::text[])`, cols.map((c) => arrayLiteral(chunk.map((r) => r[c]), c === 'name' || c === 'stage' || c === 'external_id')))],
    ['multi-row VALUES (8 params/row)', (chunk) => {
      const params: unknown[] = [];
      const values = chunk.map((r) => `(${cols.map((c) => { params.push(r[c]); return `$${params.length}`; }).join(',')})`);
      return database.query(`INSERT INTO bench_forms VALUES ${values.join(',')}`, params);
    }],
  ];
  for (const [name, insert] of forms) {
    await database.exec('TRUNCATE bench_forms');
    const t = performance.now();
    for (let i = 0; i < N; i += B) await insert(rows.slice(i, i + B));
    console.log(`  ${label.padEnd(10)} ${name.padEnd(34)} ${((performance.now() - t) / 1000).toFixed(2)} s per 100k rows`);
  }
  await database.exec('DROP TABLE bench_forms');
}

async function child(url: string, path: string, dir: string) {
  const deps = await runtime(dir, undefined, url);
  await importFile(deps, { kind: 'deals', path });
  await closeRuntime(deps);
}


/** The insert forms, measured on both backends. */
async function forms() {
  console.log('Insert forms (5,000 rows per statement):');
  const pgForms = await openDatabase({ databaseUrl: await freshPg(DB) });
  await insertForms(pgForms, 'PostgreSQL');
  await pgForms.close();
  const liteForms = await openDatabase({ memory: true });
  await insertForms(liteForms, 'PGlite');
  await liteForms.close();
}

/** The full file on PostgreSQL (time, rate, CPU, memory), then the same file again (every row an update). */
async function onPostgres(dir: string, file: string) {
  const url = await freshPg(DB);
  const deps = await runtime(dir, undefined, url);
  const rssBefore = process.memoryUsage().rss;
  const r = await timedImport(deps, file);
  const [{ n }] = await deps.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM opportunities`);
  console.log(`PostgreSQL: ${fmtN(r.job.rowsDone)} rows (${fmtN(r.job.rowsInserted)} inserted, ${r.job.rowsFailed} errors) in ${r.seconds.toFixed(1)} s`
    + ` = ${fmtN(Math.round(r.job.rowsDone / r.seconds))} rows/s (budget ≤ 30 s); ${fmtN(n)} opportunities`);
  console.log(`  CPU of this process (parse, map, send): ${r.cpuSeconds.toFixed(1)} s = ${((r.cpuSeconds / r.seconds) * 100).toFixed(0)} % of one core`);
  console.log(`  RSS: before ${mb(rssBefore)}, at 10 % ${mb(r.early)}, at 90 % ${mb(r.late)}, peak ${mb(r.peak)} (flat = streaming)`);
  if (!process.argv.includes('--no-reimport')) {
    const t = performance.now();
    const again = await importFile(deps, { kind: 'deals', path: file });
    const [{ n: n2 }] = await deps.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM opportunities`);
    console.log(`  re-import of the same file: ${fmtN(again.rowsUpdated)} updated, ${again.rowsInserted} inserted in ${secs(t)} s; opportunities still ${fmtN(n2)}`);
  }
  await closeRuntime(deps);
  await dropPg(DB);
}

/** The rate on embedded PGlite. */
async function onPglite(dir: string) {
  const liteFile = join(dir, 'deals-pglite.csv');
  await generate(liteFile, ROWS_PGLITE);
  const lite = await runtime(join(dir, 'pglite'), await openDatabase({ memory: true }));
  const l = await timedImport(lite, liteFile);
  console.log(`PGlite: ${fmtN(l.job.rowsDone)} rows in ${l.seconds.toFixed(1)} s = ${fmtN(Math.round(l.job.rowsDone / l.seconds))} rows/s; peak RSS ${mb(l.peak)}`);
  await closeRuntime(lite);
}

/** SIGKILL a child process midway, resume, and count: every row exactly once. */
async function killTest(dir: string) {
  const killFile = join(dir, 'deals-kill.csv');
  await generate(killFile, ROWS_KILL);
  const killUrl = await freshPg(`${DB}_kill`);
  const me = fileURLToPath(import.meta.url);
  const proc = spawn(process.execPath, ['--import', 'tsx', me, '--child', killUrl, killFile, dir], { stdio: 'inherit' });
  const watch = new pg.Client({ connectionString: killUrl });
  await watch.connect();
  let killedAt = 0;
  for (;;) {
    await new Promise((res) => setTimeout(res, 100));
    if (proc.exitCode !== null) break;
    const row = await watch.query(`SELECT rows_done FROM import_jobs LIMIT 1`).then((x) => x.rows[0] as { rows_done: number } | undefined).catch(() => undefined);
    if (row && row.rows_done >= ROWS_KILL * 0.4) { killedAt = row.rows_done; proc.kill('SIGKILL'); break; }
  }
  await new Promise((res) => proc.once('exit', res));
  await watch.end();
  const resumeDeps = await runtime(dir, undefined, killUrl);
  const [{ n: before }] = await resumeDeps.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM opportunities`);
  const t = performance.now();
  const resumed = await importFile(resumeDeps, { kind: 'deals', path: killFile, resume: true });
  const [{ n: after, d }] = await resumeDeps.database.query<{ n: number; d: number }>(`SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS d FROM opportunities`);
  console.log(`Kill test: child SIGKILLed after ${fmtN(killedAt)} committed rows (${fmtN(before)} opportunities); `
    + `resumed in ${secs(t)} s from row ${fmtN(resumed.runRowsAtStart)} → ${fmtN(after)} opportunities, `
    + `${fmtN(d)} distinct record ids, file has ${fmtN(ROWS_KILL)} rows: ${after === ROWS_KILL && d === ROWS_KILL ? 'exact, no duplicates' : 'MISMATCH'}`);
  await closeRuntime(resumeDeps);
  await dropPg(`${DB}_kill`);
}

async function main() {
  if (process.argv[2] === '--child') return child(process.argv[3], process.argv[4], process.argv[5]);
  const dir = await mkdtemp(join(tmpdir(), 'vg-bench-imports-'));
  try {
    console.log(`Import benchmark${smoke ? ' (smoke)' : ''}: ${fmtN(ROWS_PG)} deals on PostgreSQL, ${fmtN(ROWS_PGLITE)} on PGlite, kill test on ${fmtN(ROWS_KILL)}`);
    if (part('forms')) await forms();
    if (part('pg')) {
      const file = join(dir, 'deals.csv');
      const t = performance.now();
      await generate(file, ROWS_PG);
      console.log(`  generated ${file}: ${mb((await stat(file)).size)} in ${secs(t)} s`);
      await onPostgres(dir, file);
    }
    if (part('pglite')) await onPglite(dir);
    if (part('kill')) await killTest(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
