// The batch every import writer shares: its rows and context, time-ordered ids for new rows, and the key register
// (import_records) that makes a row land once however often a file is imported or resumed.
import { randomFillSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { reportKey, type ImportKind, type ImportRow } from '../../../core/imports';
import type { Playbook } from '../../../core/playbook';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { arrayLiteral, unnestRows, type Column } from '../../db/columns';
import { rowsOf, type LineError } from './imports.repo';

export interface BatchRow { line: number; row: ImportRow }
/** `warnings` are rows written with something left out (a manager nobody matches). */
export interface BatchResult { inserted: number; updated: number; errors: LineError[]; warnings?: LineError[] }

/** What a writer needs besides the rows: the job, who runs it, the playbook's stage facts, caches that live for one run. */
export interface WriterContext {
  jobId: string;
  /** The run's actor: audit entries of created users name them. */
  ctx: Ctx;
  stages: Map<string, { probability: number; forecastCategory: string; kind: 'open' | 'won' | 'lost' }>;
  /** 'd:<domain>' / 'n:<lower name>' → account id; bounded, cleared when large. */
  accounts: Map<string, string>;
  /** Cell values as written, domain → name → account id: the lookup of a company seen before (bounded with accounts). */
  refs?: Map<string, Map<string, string>>;
  playbook: Playbook;
  /** Starts the SLA timers of new leads after the batch commits (a job, as for a large capture). */
  startClocks?: (tx: Tx, leadIds: string[]) => Promise<void>;
}

let lastMs = 0, seq = 0;
// Random tails come from a pool refilled every 4,096 ids, written as hex through a byte table.
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const pool = Buffer.alloc(8 * 4096);
let poolAt = pool.length;
/**
 * A time-ordered id (UUID version 7: milliseconds, a sequence, then random bits) for rows created by an import:
 * a million new keys land at the right edge of the primary key instead of on random pages all over it.
 */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) { lastMs = now; seq = 0; } else if (++seq > 0xfff) { lastMs++; seq = 0; }
  if (poolAt === pool.length) { randomFillSync(pool); poolAt = 0; }
  const b = poolAt;
  poolAt += 8;
  const ts = lastMs.toString(16).padStart(12, '0');
  // Variant bits 10xx in the first random byte.
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${seq.toString(16).padStart(3, '0')}-${HEX[(pool[b] & 0x3f) | 0x80]}${HEX[pool[b + 1]]}-`
    + `${HEX[pool[b + 2]]}${HEX[pool[b + 3]]}${HEX[pool[b + 4]]}${HEX[pool[b + 5]]}${HEX[pool[b + 6]]}${HEX[pool[b + 7]]}`;
}
export const iso = (d: { ms: number } | null | undefined) => (d ? new Date(d.ms).toISOString() : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Claims the key of each row of the relation `x` (key, id, line) for this job. New keys take the row's id; keys
 * imported before (by another job) return the entity they created, so a re-import updates it. A key this job
 * claimed already returns nothing: a duplicate row.
 */
export function claimSql(kind: ImportKind, jobId: string) {
  return sql`
    INSERT INTO import_records (kind, key, entity_id, job_id, line)
    SELECT ${kind}, x.key, x.id, ${jobId}::uuid, x.line FROM x
    ON CONFLICT (kind, key) DO UPDATE SET job_id = EXCLUDED.job_id, line = EXCLUDED.line
      WHERE import_records.job_id <> EXCLUDED.job_id
    RETURNING key, entity_id, (xmax = 0) AS inserted`;
}

/** Errors for rows whose key an earlier line of this job claimed, naming that line. */
export async function duplicateErrors(tx: Tx, kind: ImportKind, rows: BatchRow[]): Promise<LineError[]> {
  if (!rows.length) return [];
  const prior = await rowsOf<{ key: string; line: number }>(tx, sql`
    SELECT key, line FROM import_records WHERE kind = ${kind} AND key = ANY(${arrayLiteral(rows.map((r) => r.row.key), true)}::text[])`);
  const lineOf = new Map(prior.map((p) => [p.key, p.line]));
  return rows.map((r) => ({ line: r.line, key: reportKey(r.row.ref, r.line), field: null, column: null, value: null,
    message: `Duplicate: the same record (${r.row.key}) is on line ${lineOf.get(r.row.key) ?? '?'} of this file` }));
}

type Keyed = BatchRow & { id: string; fresh: boolean };
const keyColumns: Column<Keyed>[] = [
  { name: 'key', type: 'text', value: (r) => r.row.key }, { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'line', type: 'int', value: (r) => r.line },
];

/** Splits rows into inserts (fresh ids) and updates (existing entities), reporting in-job duplicates as errors. */
export async function route(tx: Tx, kind: ImportKind, jobId: string, rows: BatchRow[], natural: Map<string, string>) {
  const candidates: Keyed[] = rows.map((r) => {
    const match = natural.get(r.row.key);
    return { ...r, id: match ?? timeOrderedId(), fresh: !match };
  });
  const claimed = await rowsOf<{ key: string; entity_id: string; inserted: boolean }>(tx, sql`
    WITH x AS (SELECT * FROM ${unnestRows(keyColumns, candidates)}) ${claimSql(kind, jobId)}`);
  const byKey = new Map(claimed.map((c) => [c.key, c]));
  const inserts: (BatchRow & { id: string })[] = [];
  const updates: (BatchRow & { id: string })[] = [];
  const duplicates: BatchRow[] = [];
  for (const r of candidates) {
    const c = byKey.get(r.row.key);
    if (!c) duplicates.push(r);
    else (c.inserted && r.fresh ? inserts : updates).push({ line: r.line, row: r.row, id: c.entity_id });
  }
  return { inserts, updates, errors: await duplicateErrors(tx, kind, duplicates) };
}

/** Rows whose record id is one of our own ids (a file we exported): they update that entity. */
export async function ownIds(tx: Tx, table: 'accounts' | 'contacts' | 'leads' | 'opportunities', rows: BatchRow[], natural: Map<string, string>) {
  const ids = rows.map((r) => r.row.externalId).filter((x): x is string => !!x && UUID.test(x));
  if (!ids.length) return;
  const hits = await rowsOf<{ id: string }>(tx, sql`
    SELECT id FROM ${sql.raw(table)} WHERE deleted_at IS NULL AND id = ANY(${arrayLiteral(ids, false)}::uuid[])`);
  const found = new Set(hits.map((h) => h.id));
  for (const r of rows) if (r.row.externalId && found.has(r.row.externalId)) natural.set(r.row.key, r.row.externalId);
}
