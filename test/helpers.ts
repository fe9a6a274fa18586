// Test app factory: a real database (PGlite copy of the migrated template, or a PostgreSQL clone), the real app,
// and clients that sign in over HTTP like a browser (cookie + CSRF) or an integration (bearer token).
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { inject } from 'vitest';
import { createApiClient, type ApiClient } from '../src/client';
import type { Role } from '../src/core/access/roles';
import { buildApp } from '../src/server/app';
import { loadConfig, type Config } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import type { Deps } from '../src/server/http/env';
import { systemCtx } from '../src/server/http/env';
import { closeRuntime, makeLogger, openRuntime } from '../src/server/runtime';
import { createAccount } from '../src/server/modules/accounts/accounts.service';
import { createUser } from '../src/server/modules/platform/users.service';
import { partners } from '../src/server/db/schema';
import type { AccountCreate } from '../src/core/accounts/schemas';
import { templateUrl } from './global-setup';

export const backend = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';
export const PASSWORD = 'correct-horse-battery';

/** A fresh database for one test file. */
export async function freshDatabase(): Promise<{ database: Database; url?: string }> {
  const template = inject('dbTemplate');
  const base = process.env.TEST_DATABASE_URL;
  if (base) {
    // Under the run's prefix (the template's name without `tpl`), so the run's cleanup finds it and no other run's does.
    const name = `${template.replace(/tpl$/, '')}${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    await admin.end();
    const url = templateUrl(base, name);
    return { database: await openDatabase({ databaseUrl: url, poolSize: 5 }), url };
  }
  const buf = await readFile(template);
  return { database: await openDatabase({ memory: true, loadDataDir: new Blob([buf]) }) };
}

export interface TestApp {
  deps: Deps;
  request(path: string, init?: RequestInit): Promise<Response>;
  login(role: Role, extra?: { partnerId?: string; accountId?: string }): Promise<Client>;
  /** The typed client (the web's, generated from openapi.json) of a new signed-in user of this role. */
  typed(role: Role, extra?: { partnerId?: string; accountId?: string }): Promise<ApiClient>;
  client(headers: Record<string, string>): Client;
  account(input?: Partial<AccountCreate>): Promise<{ id: string; version: number; name: string; partnerId: string | null }>;
  partner(name?: string): Promise<string>;
  count(table: string): Promise<number>;
  close(): Promise<void>;
}

export interface Client {
  get(path: string): Promise<Res>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Res>;
  patch(path: string, body?: unknown): Promise<Res>;
  put(path: string, body?: unknown): Promise<Res>;
  del(path: string): Promise<Res>;
  raw(path: string, init: RequestInit): Promise<Res>;
  user: { id: string; email: string; role: Role };
  /**
   * The same caller through the typed client the web uses (src/client): paths, parameters, bodies and answers typed
   * from openapi.json, e.g. `await ok(c.api.GET('/invoices/{id}', { params: { path: { id } } }))`.
   */
  api: ApiClient;
}
export interface Res { status: number; body: any; headers: Headers }

let seq = 0;

export async function createTestApp(opts: { workers?: boolean; config?: Partial<Config> } = {}): Promise<TestApp> {
  const { database, url } = await freshDatabase();
  const config = loadConfig({ NODE_ENV: 'test', ...(url ? { DATABASE_URL: url } : {}) }, { workers: !!opts.workers, ...opts.config });
  const deps = await openRuntime(config, { log: makeLogger({ logLevel: process.env.TEST_LOG ?? 'silent' }), database, migrate: false });
  if (opts.workers) await deps.jobs.work(deps);
  const app = buildApp(deps);
  const request = async (path: string, init?: RequestInit) => app.request(path, init);

  const send = async (path: string, init: RequestInit, headers: Record<string, string>): Promise<Res> => {
    const res = await request(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string>) } });
    const text = await res.text();
    let body: unknown = text;
    try { body = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
    return { status: res.status, body, headers: res.headers };
  };
  // The generated client needs an absolute URL; its requests go to the app in-process, never over the network.
  const typedClient = (headers: Record<string, string>): ApiClient =>
    createApiClient({ baseUrl: 'http://valuegraph.test/api', headers, fetch: (req) => Promise.resolve(app.request(req)) });
  const client = (headers: Record<string, string>, user = { id: '', email: '', role: 'admin' as Role }): Client => {
    const json = (method: string) => (path: string, body?: unknown, extra: Record<string, string> = {}) =>
      send(path, { method, body: body === undefined ? undefined : JSON.stringify(body), headers: { 'content-type': 'application/json', ...extra } }, headers);
    return {
      get: (path) => send(path, { method: 'GET' }, headers), post: json('POST'), patch: json('PATCH'), put: json('PUT'),
      del: (path) => send(path, { method: 'DELETE' }, headers), raw: (path, init) => send(path, init, headers), user,
      api: typedClient(headers),
    };
  };
  const partner = async (name = `Partner ${++seq}`) => {
    const [row] = await deps.database.db.insert(partners).values({ name }).returning({ id: partners.id });
    return row.id;
  };
  const login = async (role: Role, extra: { partnerId?: string; accountId?: string } = {}) => {
    const email = `${role}.${process.pid}.${++seq}@test.valuegraph.dev`;
    const partnerId = role === 'partner' ? (extra.partnerId ?? await partner()) : undefined;
    const accountId = role === 'customer' ? (extra.accountId ?? (await account()).id) : undefined;
    const u = await createUser(systemCtx(deps, 'test'), { email, name: `${role} user`, role, password: PASSWORD, partnerId, accountId });
    const res = await request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
    const cookie = res.headers.get('set-cookie')!.split(';')[0];
    const { csrfToken } = await res.json() as { csrfToken: string };
    return client({ cookie, 'x-csrf-token': csrfToken }, { id: u.id, email, role });
  };
  const account = async (input: Partial<AccountCreate> = {}) => {
    const row = await createAccount(systemCtx(deps, 'test'), { name: `Account ${++seq}`, ...input } as AccountCreate);
    return { id: row.id, version: row.version, name: row.name, partnerId: row.partnerId };
  };
  return {
    deps, request, login, client: (h) => client(h), account, partner,
    typed: async (role, extra) => (await login(role, extra)).api,
    count: async (table) => (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n,
    close: () => closeRuntime(deps),
  };
}

/** Polls until fn returns a truthy value (jobs and timers run asynchronously). */
export async function eventually<T>(fn: () => Promise<T>, timeoutMs = 15_000, everyMs = 100): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
