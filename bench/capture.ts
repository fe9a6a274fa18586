// The SQL one request sends, captured from the pool while the request runs: each statement as the driver got it
// (text, parameters, statement name, row mode), grouped in waves — statements a request starts before any earlier one
// has finished (Promise.all in a service) form one wave, so the raw replay runs them side by side as the endpoint does.
import type pg from 'pg';

/** A statement as sent to the driver (functions such as drizzle's type parsers are replaced by `stringTypes`). */
export interface Captured { text: string; values: unknown[]; name?: string; rowMode?: 'array'; stringTypes?: boolean }
export type Wave = Captured[];

/** Runs `fn` with every query on `pool` recorded; the pool is restored afterwards. */
export async function captureWaves(pool: pg.Pool, fn: () => Promise<unknown>): Promise<Wave[]> {
  const waves: Wave[] = [];
  let finished = 0;
  let finishedAtWave = -1;
  const original = pool.query;
  (pool as { query: unknown }).query = (cfg: string | pg.QueryConfig & { rowMode?: 'array'; types?: unknown }, values?: unknown[]) => {
    const q: Captured = typeof cfg === 'string'
      ? { text: cfg, values: values ?? [] }
      : { text: cfg.text, values: (values ?? cfg.values ?? []) as unknown[], ...(cfg.name ? { name: cfg.name } : {}), ...(cfg.rowMode ? { rowMode: cfg.rowMode } : {}), ...(cfg.types ? { stringTypes: true } : {}) };
    // A new wave once any statement of the current one has finished.
    if (!waves.length || finished > finishedAtWave) { waves.push([]); finishedAtWave = finished; }
    waves[waves.length - 1].push(q);
    const out = (original as (...a: unknown[]) => Promise<unknown>).call(pool, cfg, values);
    return out.finally(() => { finished++; });
  };
  try {
    await fn();
  } finally {
    (pool as { query: unknown }).query = original;
  }
  return waves;
}

// drizzle's node-postgres session reads dates, timestamps and intervals as their text (see its session.js).
const STRING_TYPES = new Set([1082, 1114, 1184, 1186, 1115, 1182, 1185, 1187, 1231]);

/** The driver config to replay a captured statement with, as the application sent it. */
export function replayConfig(q: Captured, types: typeof pg.types): pg.QueryConfig {
  return {
    text: q.text, values: q.values, ...(q.name ? { name: q.name } : {}), ...(q.rowMode ? { rowMode: q.rowMode } : {}),
    ...(q.stringTypes ? { types: { getTypeParser: (oid: number, format?: string) => (STRING_TYPES.has(oid) ? (v: string) => v : types.getTypeParser(oid, format as never)) } } : {}),
  } as pg.QueryConfig;
}
