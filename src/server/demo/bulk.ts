// Bulk inserts for the demo loaders: each chunk of rows goes as one array literal per column (db/columns.ts), so a
// statement has one parameter per column whatever the row count, and no statement grows with the dataset (a
// multi-row VALUES of 100k rows overflows the query builder's stack; thousands of bind parameters are slow to plan).
// A sink writes its rows while the loader is still producing them, so a 100k-account dataset never holds all its
// rows in memory at once (a large live heap made garbage collection the biggest cost of generating it). Rows of
// several tables that reference each other (a deal, its stage history, its contract) go in one statement per chunk:
// foreign keys are checked at the end of the statement, so no chunk waits for another.
import { sql, type SQL } from 'drizzle-orm';
import { arrayLiteral, unnestRows, type Cell, type Column, type ColumnType } from '../db/columns';
import type { Executor } from '../db/client';

/** The SQL type of a column. Types the column-array form has no element form for travel as text and are cast back. */
export type Kind = ColumnType | 'jsonb' | 'text[]' | 'float8' | 'real';
/** Field (camelCase, the column is its snake_case name) → kind, or [kind, SQL expression for a null]. */
export type Spec = Record<string, Kind | readonly [Kind, string]>;

const CHUNK = 2000;
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

type Row = object;
interface Target { head: SQL; columns: Column<Row>[] }

/** INSERT INTO `table` (…) SELECT … FROM, for the spec's fields; fields missing from a row are null (or the default). */
function target(table: string, spec: Spec): Target {
  const fields = Object.entries(spec).map(([key, s]) => {
    const [kind, fallback] = typeof s === 'string' ? [s, null] : s;
    const name = snake(key);
    const convert = CELL[kind];
    const column: Column<Row> = { name, type: PASS[kind] ? kind as ColumnType : 'text', value: (row) => convert((row as Record<string, unknown>)[key]) };
    const read = PASS[kind] ? `x.${name}` : `x.${name}::${kind}`;
    return { name, column, select: fallback ? `coalesce(${read}, ${fallback})` : read };
  });
  const head = sql`INSERT INTO ${sql.raw(table)} (${sql.raw(fields.map((f) => f.name).join(', '))}) SELECT ${sql.raw(fields.map((f) => f.select).join(', '))} FROM `;
  return { head, columns: fields.map((f) => f.column) };
}

/** Rows of related tables, written together. `add` resolves when the rows' chunk, once full, is on its way. */
export interface RowGroup<K extends string> {
  add(table: K, row: Row): Promise<void> | void;
  /** Writes what is queued and waits for every chunk. Returns the rows written per table. */
  end(): Promise<Record<K, number>>;
}

/**
 * Sinks for the tables of `specs`: the first table's rows, then rows of the others that reference them (a deal, then
 * its stage history and contract) or rows already written. A chunk holds `chunk` rows of the first table and the
 * rows added after each of them, and is one statement; at most two are in flight (the next one is produced while the
 * database writes the last: on a pool on two connections, on PGlite queued).
 */
export function rowGroup<K extends string>(db: Executor, specs: Record<K, Spec>, chunk = CHUNK): RowGroup<K> {
  const keys = Object.keys(specs) as K[];
  const targets = new Map(keys.map((k) => [k, target(k, specs[k])]));
  let buffers = new Map(keys.map((k) => [k, [] as Row[]]));
  const written = Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const inflight: Promise<void>[] = [];
  const flush = async () => {
    const parts = keys.filter((k) => buffers.get(k)!.length).map((k) => {
      const rows = buffers.get(k)!;
      written[k] += rows.length;
      const t = targets.get(k)!;
      return sql`${t.head}${unnestRows(t.columns, rows)}`;
    });
    buffers = new Map(keys.map((k) => [k, [] as Row[]]));
    if (!parts.length) return;
    const last = parts.pop()!;
    const statement = parts.length ? sql`WITH ${sql.join(parts.map((p, i) => sql`${sql.raw(`w${i}`)} AS (${p})`), sql`, `)} ${last}` : last;
    if (inflight.length >= 2) await inflight.shift();
    // Drizzle runs a query each time it is awaited: one `then` makes it a plain promise that runs it once.
    const done = db.execute(statement).then(() => undefined);
    done.catch(() => {}); // awaited in `end`; this only keeps a failure from being reported as unhandled meanwhile
    inflight.push(done);
  };
  return {
    add(table, row) {
      // A full chunk goes before the next row of the first table, so a chunk holds the rows that reference its rows.
      const full = table === keys[0] && buffers.get(table)!.length >= chunk;
      if (!full) { buffers.get(table)!.push(row); return; }
      return flush().then(() => { buffers.get(table)!.push(row); });
    },
    async end() {
      await flush();
      await Promise.all(inflight.splice(0));
      return written;
    },
  };
}

/** INSERT INTO `table` the rows, a chunk per statement. */
export async function insertRows<T extends object>(db: Executor, table: string, spec: Spec, rows: readonly T[], chunk = CHUNK): Promise<number> {
  if (!rows.length) return 0;
  const sink = rowGroup(db, { [table]: spec } as Record<string, Spec>, chunk);
  for (const row of rows) await sink.add(table, row);
  return (await sink.end())[table];
}
