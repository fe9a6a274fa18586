// The import engine: streams the file from the job's resume offset (imports.csv.ts), maps and validates each
// row in core, and commits batches of rows, their errors and the new resume offset in one transaction. A crash
// loses at most the batch in flight; the next run starts after the last committed batch. Parsing of the next
// batch overlaps the database write of the previous one; commits stay strictly in file order.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { sql } from 'drizzle-orm';
import {
  compileMapping, IMPORT_BATCH_ROWS, importMappingSchema, reportKey, type ImportKind, type ImportRow, type MappingOptions, type UserRef,
} from '../../../core/imports';
import type { Playbook } from '../../../core/playbook';
import { transaction } from '../../db/client';
import type { Ctx, Deps } from '../../http/env';
import { systemCtx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { bulkClocksJob } from '../leads/leads.jobs';
import { readCsv } from './imports.csv';
import { fileChecksum, isUpload } from './imports.files';
import * as repo from './imports.repo';
import { accountsKnown, resolveAccounts } from './imports.accounts';
import type { BatchRow, WriterContext } from './imports.batch';
import { writers } from './imports.writers';

export class ImportSuperseded extends Error {}

export interface RunOptions {
  /** Stop (as a crash would) after this many committed batches: tests and the kill benchmark. */
  stopAfterBatches?: number;
  batchRows?: number;
  onProgress?: (job: repo.ImportJobRow) => void;
  ctx?: Ctx;
}

export function mappingOptions(pb: Playbook, users: UserRef[]): MappingOptions {
  return {
    stages: pb.pipeline.stages.map((s) => ({ id: s.id, label: s.name, kind: s.kind })),
    sources: pb.leads.sources.map((s) => ({ id: s.id, label: s.label })),
    statuses: pb.leads.statuses.map((s) => ({ id: s.id, label: s.label })),
    currency: pb.currency,
    users,
  };
}

/** The users owner cells resolve to: every user (also inactive ones, as imported sales reps are until activated). */
export async function ownerCandidates(db: Deps['database']['db']): Promise<UserRef[]> {
  return repo.rowsOf<UserRef>(db, sql`SELECT id, email, name FROM users WHERE deleted_at IS NULL ORDER BY name, id`);
}

function writerContext(deps: Deps, ctx: Ctx, jobId: string, pb: Playbook): WriterContext {
  return {
    jobId, ctx, accounts: new Map(), playbook: pb,
    startClocks: async (tx, ids) => {
      for (let i = 0; i < ids.length; i += 1000) await deps.jobs.send(tx, bulkClocksJob, { ids: ids.slice(i, i + 1000) });
    },
    stages: new Map(pb.pipeline.stages.map((s) => [s.id, { probability: s.probability, forecastCategory: s.forecastCategory, kind: s.kind }])),
  };
}

/** Rows with a warning, and rows by field warned about (a row counts once per field). */
function warningSummary(warnings: repo.LineError[]): { warned: number; warnings: Record<string, number> } {
  const lines = new Set<number>();
  const byField = new Map<string, Set<number>>();
  for (const x of warnings) {
    lines.add(x.line);
    const f = x.field ?? 'row';
    let s = byField.get(f);
    if (!s) byField.set(f, s = new Set());
    s.add(x.line);
  }
  return { warned: lines.size, warnings: Object.fromEntries([...byField].map(([f, s]) => [f, s.size])) };
}

/** Runs (or resumes) an import job to the end of its file. Safe to call twice: the second runner stops at its first commit. */
export async function runImport(deps: Deps, jobId: string, opts: RunOptions = {}): Promise<repo.ImportJobRow> {
  const ctx = opts.ctx ?? systemCtx(deps, `import:${jobId}`);
  const db = deps.database.db;
  let job = await repo.findJob(db, jobId);
  if (!job) throw new Error(`Import job ${jobId} not found`);
  if (job.status === 'completed') return job;
  if (!existsSync(job.filePath)) {
    return repo.updateJob(db, jobId, { status: 'failed', error: 'The uploaded file is gone; upload it again.' });
  }
  if (job.bytesDone > 0 && job.status !== 'queued') {
    const { checksum } = await fileChecksum(job.filePath);
    if (checksum !== job.checksum) return repo.updateJob(db, jobId, { status: 'failed', error: 'The file changed since the import started; start a new import.' });
  }
  const { playbook } = await currentPlaybook(db);
  const kind = job.kind as ImportKind;
  const mapping = importMappingSchema.parse(job.mapping);
  const headers = job.headers as string[];
  const mapper = compileMapping(kind, mapping, headers, mappingOptions(playbook, await ownerCandidates(db)));
  const w = writerContext(deps, ctx, jobId, playbook);
  job = await repo.updateJob(db, jobId, {
    status: 'running', error: null, runStartedAt: new Date(), runRowsAtStart: job.rowsDone, startedAt: job.startedAt ?? new Date(), heartbeatAt: new Date(),
  });
  opts.onProgress?.(job);

  const batchRows = opts.batchRows ?? IMPORT_BATCH_ROWS;
  // On PostgreSQL a second batch writes while the first commits (deals, contacts and leads touch disjoint rows:
  // each batch's own keys). Commit order stays the file's: the second batch's resume-point update waits on the
  // first one's row lock and applies only on top of it. Companies may update one account from two rows, so they
  // (and PGlite, one connection) write one batch at a time.
  const parallel = deps.database.kind === 'postgres' && kind !== 'companies' ? 2 : 1;

  type Prepared = { good: BatchRow[]; errors: repo.LineError[]; warnings: repo.LineError[]; rows: number; keys: Map<string, number> };
  /**
   * Maps and validates a batch in memory (CPU only); duplicates against this batch and the one still in flight.
   * Every error and warning carries the row's report key (its record id, else its line).
   */
  const prepare = (records: { record: string[]; line: number }[], previous: Map<string, number> | null): Prepared => {
    const good: BatchRow[] = [];
    const errors: repo.LineError[] = [];
    const warnings: repo.LineError[] = [];
    const keys = new Map<string, number>();
    for (const { record, line } of records) {
      if (record.length !== headers.length) {
        errors.push({ line, key: reportKey(mapper.ref(record), line), field: null, column: null, value: null, message: `Expected ${headers.length} columns, found ${record.length}` });
        continue;
      }
      const r = mapper(record);
      const key = reportKey(r.ref, line);
      if (!r.ok) { for (const e of r.errors) errors.push({ ...e, line, key }); continue; }
      const first = keys.get(r.row.key) ?? previous?.get(r.row.key);
      if (first !== undefined) {
        errors.push({ line, key, field: null, column: null, value: null, message: `Duplicate: the same record (${r.row.key}) is on line ${first} of this file` });
        continue;
      }
      keys.set(r.row.key, line);
      good.push({ line, row: r.row });
      for (const w of r.warnings) warnings.push({ ...w, line, key, level: 'warning' });
    }
    return { good, errors, warnings, rows: records.length, keys };
  };

  /** The latest transaction creating companies: batches that reference cached companies wait for it. */
  let accountsCommitted: Promise<void> = Promise.resolve();
  const write = async (b: Prepared, fromBytes: number, toBytes: number, toLines: number, previous?: { done: Promise<void>; failure?: unknown }) => {
    const refs = kind === 'deals' || kind === 'contacts' ? b.good.map((r) => r.row as ImportRow & { companyName: string | null; companyDomain: string | null }) : [];
    if (refs.length && !accountsKnown(w, refs)) {
      // New companies commit on their own first, so the next batch (already writing on another connection) can
      // reference them; a crash leaves at most companies that the resumed run finds by domain or name.
      const created = accountsCommitted.then(() => transaction(deps.database, (tx) => resolveAccounts(tx, w, refs)));
      accountsCommitted = created.then(() => undefined, () => undefined);
      await created;
    } else if (refs.length) {
      // The run's cache names companies as soon as they are inserted: one still uncommitted (another batch's) is
      // invisible to this batch's foreign key check, so wait for it to commit.
      await accountsCommitted;
    }
    await transaction(deps.database, async (tx) => {
      // The batch and its resume point commit together, so a commit lost in a database crash only moves the
      // resume point back with it: no need to wait for the disk at every batch.
      await tx.execute(sql.raw('SET LOCAL synchronous_commit = off'));
      const res = b.good.length ? await writers[kind](tx, w, b.good) : { inserted: 0, updated: 0, errors: [] };
      const all = [...b.errors, ...res.errors];
      const failed = new Set(all.map((e) => e.line));
      // Warnings of rows that failed in the end (a duplicate found by the database) say nothing about imported data.
      const warnings = [...b.warnings, ...(res.warnings ?? [])].filter((x) => !failed.has(x.line));
      await repo.insertErrors(tx, jobId, [...all, ...warnings]);
      const failedLines = failed.size;
      const summary = warningSummary(warnings);
      // The resume point moves in file order: wait for the batch before this one to commit (or fail).
      if (previous) {
        await previous.done;
        if (previous.failure !== undefined) throw new Error('An earlier batch failed.');
      }
      const ok = await repo.advanceJob(tx, jobId, fromBytes, {
        bytesDone: toBytes, linesDone: toLines, rows: b.rows, inserted: res.inserted, updated: res.updated, failed: failedLines, ...summary,
      });
      if (!ok) throw new ImportSuperseded('Another run of this import advanced it; this run stops.');
    });
    if (opts.onProgress) opts.onProgress((await repo.findJob(db, jobId))!);
  };

  const startBytes = job.bytesDone, startLines = job.linesDone;
  const reader = readCsv(job.filePath, { start: startBytes, lines: startLines, delimiter: job.delimiter });
  let batch: { record: string[]; line: number }[] = [];
  const inFlight: { done: Promise<void>; keys: Map<string, number>; failure?: unknown }[] = [];
  let launched = 0;
  let bytes = startBytes;
  let stopped = false;
  const firstFailure = () => inFlight.find((f) => f.failure !== undefined)?.failure;
  const flush = async (records: typeof batch, toBytes: number, toLines: number) => {
    if (opts.stopAfterBatches !== undefined && launched >= opts.stopAfterBatches) { stopped = true; return; }
    const prepared = prepare(records, parallel > 1 ? inFlight[inFlight.length - 1]?.keys ?? null : null);
    while (inFlight.length >= parallel) {
      await inFlight[0].done;
      const f = inFlight[0].failure;
      if (f !== undefined) throw f;
      inFlight.shift();
    }
    const entry: (typeof inFlight)[number] = { done: Promise.resolve(), keys: prepared.keys };
    entry.done = write(prepared, bytes, toBytes, toLines, inFlight[inFlight.length - 1]).catch((e) => { entry.failure = e; });
    inFlight.push(entry);
    bytes = toBytes;
    launched++;
  };
  try {
    let lastBytes = startBytes, lastLines = startLines;
    read: for await (const chunk of reader) {
      for (const { record, line, end } of chunk) {
        lastBytes = end;
        lastLines = line;
        batch.push({ record, line });
        if (batch.length >= batchRows) {
          const full = batch;
          batch = [];
          await flush(full, lastBytes, lastLines);
          if (stopped) break read;
        }
      }
    }
    if (!stopped && batch.length) await flush(batch, lastBytes, lastLines);
    await Promise.all(inFlight.map((f) => f.done));
    if (firstFailure() !== undefined) throw firstFailure();
  } catch (e) {
    await reader.return(undefined);
    await Promise.all(inFlight.map((f) => f.done));
    // The earliest failing batch tells what happened; a later batch fails only because an earlier one did.
    const cause = firstFailure() ?? e;
    if (cause instanceof ImportSuperseded) return (await repo.findJob(db, jobId))!;
    await repo.updateJob(db, jobId, { status: 'failed', error: String((cause as Error)?.message ?? cause).slice(0, 1000) });
    throw cause;
  }
  await reader.return(undefined);
  if (stopped) return repo.updateJob(db, jobId, { status: 'interrupted', heartbeatAt: new Date() });

  const done = await transaction(deps.database, async (tx) => {
    const [row] = await repo.rowsOf<{ id: string }>(tx, sql`
      UPDATE import_jobs SET status = 'completed', rows_total = rows_done, finished_at = now(), heartbeat_at = now(), updated_at = now(),
        version = version + 1 WHERE id = ${jobId} AND status <> 'completed' AND bytes_done = ${bytes} RETURNING id`);
    const after = (await repo.findJob(tx, jobId))!;
    if (!row) return after;
    const counts = { rows: after.rowsDone, inserted: after.rowsInserted, updated: after.rowsUpdated, failed: after.rowsFailed, warned: after.rowsWarned };
    await audit(ctx, tx, { action: 'import.complete', entityType: 'import_job', entityId: jobId, after: { kind, fileName: after.fileName, ...counts } });
    await emit(ctx, tx, { type: 'import.completed', entityType: 'import_job', entityId: jobId, payload: { kind, ...counts } });
    return after;
  });
  if (isUpload(deps.config, done.filePath)) {
    await rm(done.filePath, { force: true });
    await rm(`${done.filePath}.counts.json`, { force: true });
  }
  opts.onProgress?.(done);
  return done;
}
