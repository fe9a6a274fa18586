// SQL for import jobs, their per-row errors and mapping templates.
import { and, desc, eq, gt, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { RowError } from '../../../core/imports';
import type { Executor } from '../../db/client';
import { importErrors, importJobs, importTemplates } from '../../db/schema';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type ImportTemplateRow = typeof importTemplates.$inferSelect;
/** A row's error (not imported) or warning (imported with something left out), with its report key. */
export interface LineError extends RowError { line: number; key: string | null; level?: 'error' | 'warning' }

/** Rows of a raw statement, the same on PGlite and PostgreSQL. */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export async function insertJob(db: Executor, values: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
  const [row] = await db.insert(importJobs).values(values).returning();
  return row;
}

export async function findJob(db: Executor, id: string, opts: { lock?: boolean } = {}): Promise<ImportJobRow | null> {
  const q = db.select().from(importJobs).where(and(eq(importJobs.id, id), isNull(importJobs.deletedAt)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function listJobs(db: Executor, q: { kind?: string; limit: number }) {
  return db.select().from(importJobs)
    .where(and(isNull(importJobs.deletedAt), q.kind ? eq(importJobs.kind, q.kind) : undefined))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id)).limit(q.limit);
}

/** The latest unfinished job of this file and kind (CLI --resume). */
export async function findResumable(db: Executor, checksum: string, kind: string) {
  const [row] = await db.select().from(importJobs)
    .where(and(eq(importJobs.checksum, checksum), eq(importJobs.kind, kind), sql`${importJobs.status} <> 'completed'`, isNull(importJobs.deletedAt)))
    .orderBy(desc(importJobs.createdAt)).limit(1);
  return row ?? null;
}

export async function updateJob(db: Executor, id: string, patch: Partial<typeof importJobs.$inferInsert>) {
  const [row] = await db.update(importJobs).set({ ...patch, updatedAt: new Date(), version: sql`${importJobs.version} + 1` })
    .where(eq(importJobs.id, id)).returning();
  return row;
}

/**
 * Commits a batch's resume point and counts; only when nobody else advanced the job (returns false then). The
 * warnings by field add up into the job's summary ({ amount: 2089 }).
 */
export async function advanceJob(db: Executor, id: string, fromBytes: number, d: {
  bytesDone: number; linesDone: number; rows: number; inserted: number; updated: number; failed: number; warned: number;
  warnings: Record<string, number>;
}): Promise<boolean> {
  const warnings = Object.keys(d.warnings).length ? sql`(
      SELECT coalesce(jsonb_object_agg(k, n), '{}'::jsonb) FROM (
        SELECT k, sum(n)::int AS n FROM (
          SELECT key AS k, value::int AS n FROM jsonb_each_text(import_jobs.warnings)
          UNION ALL SELECT key, value::int FROM jsonb_each_text(${JSON.stringify(d.warnings)}::jsonb)) u GROUP BY k) s)` : sql`warnings`;
  const rows = await rowsOf<{ id: string }>(db, sql`
    UPDATE import_jobs SET bytes_done = ${d.bytesDone}, lines_done = ${d.linesDone}, rows_done = rows_done + ${d.rows},
      rows_inserted = rows_inserted + ${d.inserted}, rows_updated = rows_updated + ${d.updated}, rows_failed = rows_failed + ${d.failed},
      rows_warned = rows_warned + ${d.warned}, warnings = ${warnings}, heartbeat_at = now(), updated_at = now()
    WHERE id = ${id} AND bytes_done = ${fromBytes} RETURNING id`);
  return rows.length === 1;
}

export async function insertErrors(db: Executor, jobId: string, errors: LineError[]) {
  if (!errors.length) return;
  const payload = JSON.stringify(errors.map((e) => ({
    line: e.line, key: e.key, level: e.level ?? 'error', field: e.field, column_name: e.column, value: e.value?.slice(0, 500) ?? null, message: e.message.slice(0, 1000),
  })));
  await db.execute(sql`
    INSERT INTO import_errors (job_id, line, key, level, field, column_name, value, message)
    SELECT ${jobId}, x.line, x.key, x.level, x.field, x.column_name, x.value, x.message
    FROM json_to_recordset(${payload}::json) AS x(line int, key text, level text, field text, column_name text, value text, message text)`);
}

/** Errors (or warnings) of a job by line; keyset on (line, id). */
export async function listErrors(db: Executor, jobId: string, level: 'error' | 'warning', after: [number, number] | null, limit: number) {
  return db.select().from(importErrors)
    .where(and(eq(importErrors.jobId, jobId), eq(importErrors.level, level), after
      ? or(gt(importErrors.line, after[0]), and(eq(importErrors.line, after[0]), gt(importErrors.id, after[1])))
      : undefined))
    .orderBy(importErrors.line, importErrors.id).limit(limit);
}

// ---------------------------------------------------------------- templates

export async function listTemplates(db: Executor, kind?: string) {
  return db.select().from(importTemplates)
    .where(and(isNull(importTemplates.deletedAt), kind ? eq(importTemplates.kind, kind) : undefined))
    .orderBy(importTemplates.name);
}

export async function findTemplate(db: Executor, id: string) {
  const [row] = await db.select().from(importTemplates).where(and(eq(importTemplates.id, id), isNull(importTemplates.deletedAt)));
  return row ?? null;
}

export async function findTemplateByName(db: Executor, kind: string, name: string) {
  const [row] = await db.select().from(importTemplates)
    .where(and(eq(importTemplates.kind, kind), sql`lower(${importTemplates.name}) = lower(${name})`, isNull(importTemplates.deletedAt)));
  return row ?? null;
}

export async function insertTemplate(db: Executor, values: typeof importTemplates.$inferInsert) {
  const [row] = await db.insert(importTemplates).values(values).returning();
  return row;
}

export async function updateTemplateMapping(db: Executor, id: string, mapping: unknown) {
  const [row] = await db.update(importTemplates)
    .set({ mapping, updatedAt: new Date(), version: sql`${importTemplates.version} + 1` })
    .where(eq(importTemplates.id, id)).returning();
  return row;
}

export async function deleteTemplate(db: Executor, id: string) {
  const [row] = await db.update(importTemplates).set({ deletedAt: new Date(), updatedAt: new Date() })
    .where(and(eq(importTemplates.id, id), isNull(importTemplates.deletedAt))).returning();
  return row ?? null;
}
