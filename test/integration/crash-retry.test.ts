// Crash in the middle of idempotent writes: 500 parallel POSTs with an Idempotency-Key each, the `valuegraph serve`
// process killed with SIGKILL after 150 answers, restarted on the same database (PGlite: the same data directory),
// and every request sent again with its key. Each must take effect exactly once and every retry must answer 201 with
// the first answer (same id); a third round is answered entirely from stored responses (Idempotent-Replayed).
// Runs for new accounts and for KPI measurements, on the backend of the run (PGlite, or PostgreSQL).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { loadConfig } from '../../src/server/config';
import { openDatabase, type Database } from '../../src/server/db/client';
import { systemCtx } from '../../src/server/http/env';
import { createAccount } from '../../src/server/modules/accounts/accounts.service';
import { createUser } from '../../src/server/modules/platform/users.service';
import { closeRuntime, makeLogger, openRuntime } from '../../src/server/runtime';
import { templateUrl } from '../global-setup';
import { backend, eventually, PASSWORD } from '../helpers';

const N = 500;
const KILL_AFTER = 150;
const EMAIL = 'crash@retry.test';

interface Req { key: string; path: string; body: Record<string, unknown> }
interface Reply { status: number; body: any; replayed: boolean }

let env: Record<string, string>;
let dir: string | undefined;
let pgName: string | undefined;
let server: ChildProcess | undefined;
let base = '';
let headers: Record<string, string> = {};
let kpiId = '';
let userId = '';

async function admin(fn: (c: pg.Client) => Promise<unknown>): Promise<void> {
  const c = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await c.connect();
  try { await fn(c); } finally { await c.end(); }
}

/** Opens the test's database in this process (closed again before a server opens it: PGlite rule 1). */
async function open(): Promise<Database> {
  if (dir) return openDatabase({ dataDir: dir });
  return openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 });
}

/** Starts `valuegraph serve` on a free port (PORT=0; the port is read from its ready line). */
async function startServer(): Promise<void> {
  let stdout = '';
  let stderr = '';
  server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', 'serve'], {
    env: { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'error', VALUEGRAPH_DEMO: '0', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d) => { stdout += d; });
  server.stderr!.on('data', (d) => { stderr += d; });
  const port = await eventually(async () => {
    if (server!.exitCode !== null) throw new Error(`valuegraph serve exited: ${stderr}`);
    return stdout.match(/ready at http:\/\/localhost:(\d+)/)?.[1];
  }, 90_000, 100);
  base = `http://127.0.0.1:${port}`;
}

async function stopServer(signal: NodeJS.Signals): Promise<void> {
  const p = server;
  server = undefined;
  if (!p || p.exitCode !== null || p.signalCode !== null) return; // already gone
  const exited = new Promise((r) => p.once('exit', r));
  p.kill(signal);
  await exited;
}

/**
 * One request; after the crash (`attempts` > 1) a request that got no answer at all — a keep-alive socket the server
 * had just closed, on a loaded machine — is sent again, as any client would: the key makes that safe.
 */
async function send(r: Req, attempts = 1): Promise<Reply | null> {
  for (let i = 1; ; i++) {
    const reply = await sendOnce(r);
    if (reply || i >= attempts) return reply;
  }
}

async function sendOnce(r: Req): Promise<Reply | null> {
  try {
    const res = await fetch(`${base}${r.path}`, {
      method: 'POST', headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': r.key }, body: JSON.stringify(r.body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, replayed: res.headers.get('idempotent-replayed') === 'true' };
  } catch (e) {
    transportErrors.push(String((e as Error).cause ?? e));
    return null; // the server died before answering
  }
}
const transportErrors: string[] = [];

/**
 * Sends every request at once and kills the server with SIGKILL once `killAfter` answers have arrived — half an
 * answer interval later, so that the kill lands inside a request even where the server runs them one at a time (PGlite).
 */
async function sendAll(reqs: Req[], killAfter?: number): Promise<(Reply | null)[]> {
  const answeredAt: number[] = [];
  return Promise.all(reqs.map(async (r) => {
    const reply = await send(r, killAfter ? 1 : 3);
    if (reply && answeredAt.push(performance.now()) === killAfter) {
      const recent = answeredAt.slice(-21);
      const gap = (recent[recent.length - 1] - recent[0]) / (recent.length - 1);
      const victim = server;
      setTimeout(() => victim?.kill('SIGKILL'), gap / 2);
    }
    return reply;
  }));
}

/**
 * The kill-and-retry run for one endpoint; `identity` names what a reply created. Returns the replies of each round
 * and the figures.
 */
async function crashAndRetry(reqs: Req[], identity: (body: any) => string) {
  if (!server) await startServer();
  const first = await sendAll(reqs, KILL_AFTER);
  await stopServer('SIGKILL');
  await startServer();
  const second = await sendAll(reqs);
  const third = await sendAll(reqs);
  const answered = first.filter((r) => r !== null);
  const figures = {
    answeredBeforeKill: answered.length,
    unanswered: N - answered.length,
    replayedAfterRestart: second.filter((r) => r?.replayed).length,
    retriesNot201: second.filter((r) => r?.status !== 201).length + third.filter((r) => r?.status !== 201).length,
    changedIdentity: reqs.filter((_, i) => {
      const ids = [first[i], second[i], third[i]].filter((r) => r?.status === 201).map((r) => identity(r!.body));
      return new Set(ids).size !== 1;
    }).length,
    thirdRoundReplayed: third.filter((r) => r?.replayed).length,
    distinct: new Set(second.filter((r) => r?.status === 201).map((r) => identity(r!.body))).size,
    oddAnswers: [...second, ...third].filter((r) => r?.status !== 201).map((r) => (r ? `${r.status} ${JSON.stringify(r.body).slice(0, 200)}` : 'no answer')),
    transportErrors: [...new Set(transportErrors.splice(0))],
  };
  return { first, second, third, figures };
}

beforeAll(async () => {
  if (backend === 'postgres') {
    // A clone of the template under a name of its own: the run's cleanup of per-file databases (vg_test_*), started
    // by a concurrent run, would drop it under the server's feet.
    pgName = `vg_crash_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin((c) => c.query(`CREATE DATABASE "${pgName}" TEMPLATE "${inject('dbTemplate')}"`));
    env = { DATABASE_URL: templateUrl(process.env.TEST_DATABASE_URL!, pgName) };
  } else {
    dir = await mkdtemp(join(tmpdir(), 'vg-crash-'));
    env = { VALUEGRAPH_DATA_DIR: dir, DATABASE_URL: '' };
    // The migrated template copied into the data directory (a fresh PGlite would migrate for seconds).
    const seeded = await openDatabase({ dataDir: dir, loadDataDir: new Blob([await readFile(inject('dbTemplate'))]) });
    await seeded.close();
  }
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const deps = await openRuntime(config, { database: await open(), migrate: false, log: makeLogger({ logLevel: 'silent' }) });
  try {
    const ctx = systemCtx(deps, 'test');
    userId = (await createUser(ctx, { email: EMAIL, name: 'Crash Tester', role: 'admin', password: PASSWORD })).id;
    const account = await createAccount(ctx, { name: 'Measured Co' } as never);
    [{ id: kpiId }] = await deps.database.query<{ id: string }>(`INSERT INTO value_kpis
      (account_id, key, name, unit, better_when, baseline, target, start_date, deadline)
      VALUES ($1, 'uptime', 'Uptime', 'percent', 'higher', 0, 1000, current_date - 100, current_date + 100) RETURNING id`, [account.id]);
  } finally {
    await closeRuntime(deps);
  }
  await startServer();
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: EMAIL, password: PASSWORD }),
  });
  expect(res.status).toBe(200);
  const { csrfToken } = await res.json() as { csrfToken: string };
  headers = { cookie: res.headers.get('set-cookie')!.split(';')[0], 'x-csrf-token': csrfToken };
}, 180_000);

afterAll(async () => {
  await stopServer('SIGKILL');
  if (pgName) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${pgName}" WITH (FORCE)`));
  if (dir) await rm(dir, { recursive: true, force: true }).then(() => rm(`${dir}.lock`, { force: true }));
});

/** Counts in the database with the server stopped (on PGlite only one process may open the directory; the next run starts it). */
async function counted<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  await stopServer('SIGTERM');
  const db = await open();
  try { return await fn(db); } finally { await db.close(); }
}
const one = async (db: Database, text: string, params: unknown[]) => (await db.query<{ n: number }>(text, params))[0].n;

describe(`kill -9 during 500 idempotent POSTs, then retry every one (${backend})`, () => {
  it('POST /api/accounts: 500 accounts, each created once, every retry answered with the first id', async () => {
    const reqs = Array.from({ length: N }, (_, i) => ({ key: `crash-account-${i}`, path: '/api/accounts', body: { name: `Crash ${String(i).padStart(3, '0')}` } }));
    const { first, second, figures } = await crashAndRetry(reqs, (b) => b.id);
    const db = await counted(async (d) => ({
      rows: await one(d, "SELECT count(*)::int AS n FROM accounts WHERE name LIKE 'Crash %'", []),
      events: await one(d, "SELECT count(*)::int AS n FROM domain_events e JOIN accounts a ON a.id::text = e.entity_id WHERE e.type = 'account.created' AND a.name LIKE 'Crash %'", []),
      unfinishedKeys: await one(d, 'SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = $1 AND status IS NULL', [userId]),
    }));
    console.log(`[crash-retry ${backend}] accounts: ${JSON.stringify({ ...figures, rows: db.rows, lost: Math.max(0, N - db.rows), doubled: Math.max(0, db.rows - N) })}`);
    expect(figures.unanswered).toBeGreaterThan(0); // the kill hit requests in flight
    expect(first.filter((r) => r && r.status !== 201)).toEqual([]);
    expect(second.every((r) => r?.status === 201)).toBe(true);
    expect(figures).toMatchObject({ retriesNot201: 0, changedIdentity: 0, thirdRoundReplayed: N, distinct: N });
    expect(db).toEqual({ rows: N, events: N, unfinishedKeys: 0 });
  }, 600_000);

  it('POST /api/kpis/{id}/measurements: 500 measurements, each inserted once, every retry answered "inserted"', async () => {
    const start = Date.now() - 2 * 86_400_000;
    const reqs = Array.from({ length: N }, (_, i) => ({
      key: `crash-measure-${i}`, path: `/api/kpis/${kpiId}/measurements`,
      body: { measuredAt: new Date(start + i * 60_000).toISOString(), value: 500 + i },
    }));
    const { second, third, figures } = await crashAndRetry(reqs, (b) => `${b.measuredAt} ${b.outcome}`);
    const db = await counted(async (d) => ({
      rows: await one(d, 'SELECT count(*)::int AS n FROM kpi_measurements WHERE kpi_id = $1', [kpiId]),
      audited: await one(d, "SELECT count(*)::int AS n FROM audit_log WHERE action = 'kpi_measurement.create' AND entity_id = $1", [kpiId]),
      unfinishedKeys: await one(d, 'SELECT count(*)::int AS n FROM idempotency_keys WHERE user_id = $1 AND status IS NULL', [userId]),
    }));
    console.log(`[crash-retry ${backend}] measurements: ${JSON.stringify({ ...figures, rows: db.rows, lost: Math.max(0, N - db.rows), audited: db.audited })}`);
    expect(figures.unanswered).toBeGreaterThan(0);
    // A request run twice would answer "unchanged" the second time: every answer is the first run's "inserted".
    expect([...second, ...third].every((r) => r?.status === 201 && r.body.outcome === 'inserted')).toBe(true);
    expect(figures).toMatchObject({ retriesNot201: 0, changedIdentity: 0, thirdRoundReplayed: N, distinct: N });
    expect(db).toEqual({ rows: N, audited: N, unfinishedKeys: 0 });
  }, 600_000);
});
