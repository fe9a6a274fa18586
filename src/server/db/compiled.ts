// Hot list statements built once per shape instead of on every request.
//
// Building a drizzle select (walking its columns, joins and conditions into text) and mapping each result row back
// through the columns' decoders (a Date per timestamp, which JSON.stringify then formats again) cost more CPU than
// PostgreSQL spends answering a 50-row page. A hot list names the shape of its statement (which filters are present,
// the page size, the kind of row scope) and builds the drizzle query once per shape with placeholders for the values;
// later requests only fill the parameters. Its timestamps come as text already formatted the way JSON.stringify
// formats a Date (`isoText`), so rows go from the driver to JSON without a Date per cell.
import { Column, fillPlaceholders, is, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { PgDialect, type PgColumn } from 'drizzle-orm/pg-core';
import type { Database } from './client';
import { markSingleStatement } from './statements';

// The application's drizzle handles use the default dialect (no casing option), so one compiles as they would.
const dialect = new PgDialect();
/** Shapes kept at most; past it the cache starts over (shapes are few: a handful per list). */
const MAX_SHAPES = 1_000;
const shapes = new Map<string, { sql: string; params: unknown[] }>();

/** The statement text and parameter slots of a shape, built with `build` the first time the key is seen. */
export function compiled(key: string, build: () => SQLWrapper): { sql: string; params: unknown[] } {
  let q = shapes.get(key);
  if (!q) {
    if (shapes.size >= MAX_SHAPES) shapes.clear();
    q = dialect.sqlToQuery(build().getSQL());
    markSingleStatement(q.sql); // prepared even when the shape has no parameters (statements.ts)
    shapes.set(key, q);
  }
  return q;
}

/** Runs a shape with its placeholder values on the ambient connection (inside a transaction, the transaction's). */
export function runCompiled<T>(database: Pick<Database, 'query'>, key: string, build: () => SQLWrapper, values: Record<string, unknown>): Promise<T[]> {
  const q = compiled(key, build);
  return database.query<T>(q.sql, fillPlaceholders(q.params, values));
}

/**
 * A column as the driver should hand it to JSON: what drizzle would have decoded it to, without the decoding. Dates
 * of days as their text (the drivers would make a Date of them), 53-bit bigints as numbers, timestamps as ISO text.
 */
export function wire(column: PgColumn | SQL): SQL {
  if (!is(column, Column)) return sql`${column}`;
  switch (column.columnType) {
    case 'PgTimestamp': return (column as unknown as { withTimezone: boolean }).withTimezone ? isoText(column)
      : sql`to_char(${column}, 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
    case 'PgDateString': return sql`${column}::text`;
    case 'PgBigInt53': return sql`${column}::float8`;
    default: return sql`${column}`;
  }
}

/** Fields under their API names (`expr AS "key"`, in order), each through `wire`: a select list for `compiled`. */
export function wireList(fields: Record<string, PgColumn | SQL>): SQL {
  return sql.join(Object.entries(fields).map(([key, col]) => sql`${wire(col)} as ${sql.identifier(key)}`), sql`, `);
}

/**
 * A timestamptz column as the text JSON.stringify gives its Date (ISO 8601, UTC, milliseconds; PostgreSQL truncates
 * the microseconds as the driver's Date does). NULL stays NULL.
 */
export function isoText(column: PgColumn | SQL): SQL<string | null> {
  return sql<string | null>`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
