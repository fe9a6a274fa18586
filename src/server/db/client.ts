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
import { lockDataDir } from './lock';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A drizzle handle: the database or an open transaction. Repositories accept either. */
export type Executor = Db | Tx;

/** pg-boss's adapter shape: run SQL with positional parameters. */
export interface SqlRunner {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
}

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Raw parameterised SQL outside any transaction (set-based jobs, benchmarks, maintenance). */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Multi-statement SQL without parameters (migrations, restores). */
  exec(text: string): Promise<void>;
  /** For pg-boss on PGlite; undefined on PostgreSQL where pg-boss opens its own pool. */
  runner: SqlRunner;
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
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => { /* idle client errors surface on the next query */ });
  await pool.query('select 1');
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    kind: 'postgres',
    db,
    pool,
    query: async (text, params) => (await pool.query(text, params as unknown[])).rows,
    exec: async (text) => { await pool.query(text); },
    runner: { executeSql: (text, values) => pool.query(text, values as unknown[]) },
    close: () => pool.end(),
  };
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
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    const exec = async (text: string) => {
      try { await pglite.exec(text); } catch (e) {
        // PGlite rule 3: a failed multi-statement command leaves the session aborted until ROLLBACK.
        await pglite.exec('ROLLBACK').catch(() => {});
        throw e;
      }
    };
    return {
      kind: 'pglite',
      db,
      pglite,
      query: async (text, params) => (await pglite.query<any>(text, params as unknown[])).rows,
      exec,
      runner: {
        // pg-boss sends its schema DDL as one multi-statement string without parameters.
        executeSql: async (text, values) => {
          if (values && values.length) return pglite.query(text, values as unknown[]);
          const results = await pglite.exec(text);
          return results[results.length - 1] ?? { rows: [] };
        },
      },
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
  const client = (tx as unknown as { session: { client: { query(t: string, v?: unknown[]): Promise<{ rows: any[] }> } } })
    .session.client;
  return { executeSql: (text, values) => client.query(text, values as unknown[]) };
}

/** Runs fn in one transaction. */
export function transaction<T>(database: Database, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return database.db.transaction(fn);
}
