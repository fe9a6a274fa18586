// Bulk inserts for the demo loaders: each chunk of rows goes as one array literal per column (db/columns.ts), so a
// statement has one parameter per column whatever the row count, and no statement grows with the dataset (a
// multi-row VALUES of 100k rows overflows the query builder's stack; thousands of bind parameters are slow to plan).
// A sink writes its rows while the loader is still producing them, so a 100k-account dataset never holds all its
// rows in memory at once (a large live heap made garbage collection the biggest cost of generating it).
import { sql, type SQL } from 'drizzle-orm';
import { arrayLiteral, unnestRows, type Cell, type Column, type ColumnType } from '../db/columns';
import type { Executor } from '../db/client';

/** The SQL type of a column. Types the column-array form has no element form for travel as text and are cast back. */
export type Kind = ColumnType | 'jsonb' | 'text[]' | 'float8' | 'real';
/** Field (camelCase, the column is its snake_case name) → kind, or [kind, SQL expression for a null]. */
export type Spec = Record<string, Kind | readonly [Kind, string]>;

const CHUNK = 5000;
const snake = (k: string) => k.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
const PASS: Record<string, true> = { uuid: true, text: true, int: true, bigint: true, bool: true, date: true, timestamptz: true };

const iso = (v: unknown): Cell => (v instanceof Date ? v.toISOString() : v as Cell);
/** The cell of a value, one converter per kind (chosen once per column, not per value). */
const CELL: Record<Kind, (v: unknown) => Cell> = {
  uuid: (v) => v as Cell, text: (v) => v as Cell, int: (v) => v as Cell, bigint: (v) => v as Cell, bool: (v) => v as Cell, date: iso, timestamptz: iso,
  jsonb: (v) => (v === null || v === undefined ? null : JSON.stringify(v)),
  'text[]': (v) => (v === null || v === undefined ? null : arrayLiteral(v as Cell[], true)),
  float8: (v) => (v === null || v === undefined ? null : String(v)),
  real: (v) => (v === null || v === undefined ? null : String(v)),
};

export interface RowSink<T> {
  /** Queues a row; resolves once the row's chunk, when full, is on its way (at most two chunks are in flight). */
  add(row: T): Promise<void> | void;
  /** Writes what is queued and waits until every chunk is in the database. */
  drain(): Promise<void>;
  /** Drains. Returns the number of rows written. */
  end(): Promise<number>;
}

/**
 * A sink of rows for `table`, written `chunk` at a time. Fields missing from a row are null (or the spec's default).
 * `after`: sinks of the rows these reference (foreign keys); they are drained before each chunk of this one.
 */
export function rowSink<T extends object>(db: Executor, table: string, spec: Spec, opts: { chunk?: number; after?: RowSink<never>[] } = {}): RowSink<T> {
  const chunk = opts.chunk ?? CHUNK;
  const fields = Object.entries(spec).map(([key, s]) => {
    const [kind, fallback] = typeof s === 'string' ? [s, null] : s;
    const name = snake(key);
    const convert = CELL[kind];
    const column: Column<T> = { name, type: PASS[kind] ? kind as ColumnType : 'text', value: (row) => convert((row as Record<string, unknown>)[key]) };
    const read = PASS[kind] ? `x.${name}` : `x.${name}::${kind}`;
    return { name, column, select: fallback ? `coalesce(${read}, ${fallback})` : read };
  });
  const head: SQL = sql`INSERT INTO ${sql.raw(table)} (${sql.raw(fields.map((f) => f.name).join(', '))}) SELECT ${sql.raw(fields.map((f) => f.select).join(', '))} FROM `;
  const columns = fields.map((f) => f.column);
  let buffer: T[] = [];
  let written = 0;
  // Two chunks in flight: the next chunk is produced while the database writes the previous one (on a pool they go
  // on two connections; PGlite's single connection queues them).
  const inflight: Promise<void>[] = [];
  const flush = async () => {
    if (!buffer.length) return;
    const rows = buffer;
    buffer = [];
    written += rows.length;
    for (const parent of opts.after ?? []) await parent.drain();
    if (inflight.length >= 2) await inflight.shift();
    // Drizzle runs a query each time it is awaited: one `then` makes it a plain promise that runs it once.
    const done = db.execute(sql`${head}${unnestRows(columns, rows)}`).then(() => undefined);
    done.catch(() => {}); // awaited in `end`; this only keeps a failure from being reported as unhandled meanwhile
    inflight.push(done);
  };
  const drain = async () => {
    await flush();
    await Promise.all(inflight.splice(0));
  };
  return {
    add(row) {
      buffer.push(row);
      if (buffer.length >= chunk) return flush();
    },
    drain,
    async end() {
      await drain();
      return written;
    },
  };
}

/** INSERT INTO `table` the rows, CHUNK at a time. */
export async function insertRows<T extends object>(db: Executor, table: string, spec: Spec, rows: readonly T[], chunk = CHUNK): Promise<number> {
  if (!rows.length) return 0;
  const sink = rowSink<T>(db, table, spec, { chunk });
  for (const row of rows) await sink.add(row);
  return sink.end();
}
