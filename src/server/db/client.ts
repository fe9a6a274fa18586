// One Database for both backends: embedded PGlite (default) or PostgreSQL when DATABASE_URL is set.
// Everything above this file sees a drizzle handle and a raw `query`, never the driver.
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { Ambient, clientOf, type DeferredTransaction, type DriverClient } from './ambient';
import { lockDataDir } from './lock';
import { NamingClient } from './statements';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A drizzle handle: the database or an open transaction. Repositories accept either. */
export type Executor = Db | Tx;

/** pg-boss's adapter shape: run SQL with positional parameters. */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

/**
 * `db`, `query`, `runner` and `transaction` are ambient (db/ambient.ts): inside a transaction they go through it, so
 * a service's own `transaction()` inside a request-wide one is a savepoint, and nothing inside a transaction can take
 * PGlite's one connection from under it (rule 2).
 */
export interface Database {
  kind: 'pglite' | 'postgres';
  /** Drizzle; `db.transaction` is `transaction` below. */
  db: Db;
  /** Raw parameterised SQL (set-based jobs, benchmarks, maintenance). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Multi-statement SQL without parameters outside any transaction (migrations, restores). */
  exec(text: string): Promise<void>;
  /** pg-boss's adapter (its own queue on PGlite; on PostgreSQL the jobs a request enqueues). */
  runner: SqlRunner;
  /** Runs fn in one transaction; inside another transaction of this database, in a savepoint of it. */
  transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** A transaction that begins at the first database access inside it (idempotent requests). */
  deferred(begin: (tx: Tx) => Promise<void>): DeferredTransaction;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
}

// int8 (count(*), bigint ids, money) as JS numbers: every amount we store is far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string;
  dataDir?: string;
  poolSize?: number;
  /** Load an existing PGlite dump (tests). */
  loadDataDir?: Blob | File;
  /** In-memory PGlite without a lock (tests, tools). */
  memory?: boolean;
}

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgres(opts.databaseUrl, opts.poolSize ?? 10);
  return openPglite(opts);
}

async function openPostgres(url: string, max: number): Promise<Database> {
  // Repeated statements become prepared statements of each connection (db/statements.ts).
  const pool = new pg.Pool({ connectionString: url, max, Client: NamingClient });
  pool.on('error', () => { /* idle client errors surface on the next query */ });
  await pool.query('select 1');
  const ambient = ambientOf(pool, drizzlePg(pool, { schema }) as unknown as Db);
  const client = async () => (await ambient.txClient()) ?? pool;
  return {
    kind: 'postgres',
    db: ambientDb(ambient, drizzlePg({ client: ambient.client as pg.Pool, schema }) as unknown as Db),
    pool,
    query: async (text, params) => (await (await client()).query(text, params as unknown[])).rows,
    exec: async (text) => { await pool.query(text); },
    runner: { executeSql: async (text, values) => (await client()).query(text, values as unknown[]) },
    transaction: (fn) => ambient.transaction(fn),
    deferred: (begin) => ambient.deferred(begin),
    close: () => pool.end(),
  };
}

function ambientOf(owner: DriverClient, base: Db): Ambient {
  return new Ambient(owner, (fn, config) => base.transaction(fn as (tx: Tx) => Promise<never>, config));
}

/** The drizzle handle over the ambient client, its `transaction` the ambient one (drizzle's would BEGIN on it). */
function ambientDb(ambient: Ambient, db: Db): Db {
  (db as { transaction: unknown }).transaction = ambient.transaction;
  return db;
}

async function openPglite(opts: OpenOptions): Promise<Database> {
  const release = opts.memory || !opts.dataDir ? () => {} : lockDataDir(opts.dataDir);
  try {
    const pglite = new PGlite({
      dataDir: opts.memory ? undefined : opts.dataDir,
      extensions: { pg_trgm },
      loadDataDir: opts.loadDataDir,
    });
    await pglite.waitReady;
    const ambient = ambientOf(pglite, drizzlePglite(pglite, { schema }) as unknown as Db);
    const client = async () => (await ambient.txClient()) ?? pglite;
    const exec = async (text: string) => {
      try { await pglite.exec(text); } catch (e) {
        // PGlite rule 3: a failed multi-statement command leaves the session aborted until ROLLBACK.
        await pglite.exec('ROLLBACK').catch(() => {});
        throw e;
      }
    };
    return {
      kind: 'pglite',
      db: ambientDb(ambient, drizzlePglite({ client: ambient.client as PGlite, schema }) as unknown as Db),
      pglite,
      query: async (text, params) => (await (await client()).query(text, params as unknown[])).rows,
      exec,
      runner: {
        // pg-boss sends its schema DDL as one multi-statement string without parameters.
        executeSql: async (text, values) => {
          const c = await client();
          if (values && values.length) return c.query(text, values as unknown[]);
          const results = await c.exec!(text);
          return results[results.length - 1] ?? { rows: [] };
        },
      },
      transaction: (fn) => ambient.transaction(fn),
      deferred: (begin) => ambient.deferred(begin),
      close: async () => { try { await pglite.close(); } finally { release(); } },
    };
  } catch (e) {
    release();
    throw e;
  }
}

/**
 * The driver-level client inside a drizzle transaction, so pg-boss jobs are enqueued through it and commit or
 * roll back with the change (PGlite rule 2: inside a transaction use only the transaction handle).
 */
export function txRunner(tx: Tx): SqlRunner {
  const client = clientOf(tx);
  return { executeSql: (text, values) => client.query(text, values as unknown[]) };
}

/** Runs fn in one transaction (a savepoint inside the caller's transaction). */
export function transaction<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.transaction(fn);
}
