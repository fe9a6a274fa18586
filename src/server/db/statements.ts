// Server-side prepared statements for the statements the application repeats (PostgreSQL only; PGlite runs in
// process and has no round trip or protocol cost to save).
//
// An unnamed statement is parsed, analysed and planned on every execution; a list page spends more time in the
// planner than executing (1.5 ms planning for 0.5 ms of execution on the 100k-account accounts list). A named
// statement is parsed once per connection, and after five executions PostgreSQL keeps a generic plan when it costs
// no more than the custom ones, so planning disappears too. As in pgjdbc (prepareThreshold), a statement text is named
// the second time it is seen: one-off texts (values inlined by sql.raw, varying IN lists) never take a name, and the
// number of names is capped, so each connection holds a bounded set of prepared statements.
import { sql } from 'drizzle-orm';
import pg from 'pg';

/** Statement texts named at most; later new texts run unnamed. */
const MAX_NAMES = 500;
/** Texts seen once are counted up to this many; the count starts over beyond it (names stay). */
const MAX_SEEN = 5_000;

const names = new Map<string, string>();
let seen = new Set<string>();

/** The statement name of a parameterised text, or undefined while it has been seen only once (or the cap is reached). */
export function statementName(text: string): string | undefined {
  const name = names.get(text);
  if (name !== undefined) return name;
  if (!seen.has(text)) {
    if (seen.size >= MAX_SEEN) seen = new Set();
    seen.add(text);
    return undefined;
  }
  if (names.size >= MAX_NAMES) return undefined;
  seen.delete(text);
  const fresh = `vg_${names.size + 1}`;
  names.set(text, fresh);
  return fresh;
}

/**
 * Texts known to be a single command (statements the application compiles, db/compiled.ts): these are named even
 * without parameters. A parameterless text otherwise goes by the simple protocol, parsed and planned on every run.
 */
const single = new Set<string>();
export function markSingleStatement(text: string): void {
  if (single.size < MAX_NAMES) single.add(text);
}

type QueryArgs = [unknown, unknown?, unknown?];

/**
 * A pg Client that names repeated parameterised statements. Only plain queries with parameters (already sent with
 * the extended protocol) are named; statements without parameters may hold several commands and stay unnamed (unless
 * marked as one command by markSingleStatement), as do submittables (cursors, streams) and queries that carry their own name.
 */
export class NamingClient extends pg.Client {
  override query(...args: QueryArgs): any {
    const [first, second] = args;
    if (typeof first === 'string' && ((Array.isArray(second) && second.length) || single.has(first))) {
      const name = statementName(first);
      if (name) args[0] = { text: first, name };
    } else if (first && typeof first === 'object' && !('submit' in first)) {
      const cfg = first as pg.QueryConfig;
      const values = Array.isArray(second) ? second : cfg.values;
      if (!cfg.name && typeof cfg.text === 'string' && (values?.length || single.has(cfg.text))) {
        const name = statementName(cfg.text);
        if (name) args[0] = { ...cfg, name };
      }
    }
    return (super.query as (...a: QueryArgs) => unknown)(...args);
  }
}

/**
 * A page size written into the statement text instead of sent as a parameter. With `LIMIT $n` the planner cannot
 * cost a generic plan (it assumes a tenth of the rows), so a prepared list statement would be planned afresh on every
 * execution; with the number in the text the generic plan wins and planning stops. Page sizes are validated small
 * integers, so each list has a handful of texts. Usable wherever drizzle takes a limit (`.limit(pageLimit(n))`) or in
 * a `sql` template.
 */
export function pageLimit(n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`Not a page size: ${n}`);
  return sql.raw(String(n)) as unknown as number;
}
