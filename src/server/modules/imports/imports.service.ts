// Import use cases: upload, mapping preview, start (as a durable job), progress, resume, per-row errors and
// mapping templates. The heavy lifting is in imports.runner.ts.
import { writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import type { Readable } from 'node:stream';
import type { z } from 'zod';
import {
  checkMapping, progressOf, type ImportKind, type ImportMapping, type ImportStart, type importTemplateCreateSchema,
} from '../../../core/imports';
import { AppError, notFound } from '../../../core/errors';
import { decodeCursor, encodeCursor } from '../../../core/pagination';
import { transaction } from '../../db/client';
import type { Ctx, Deps } from '../../http/env';
import { systemCtx } from '../../http/env';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { fileChecksum, readHead, saveUpload } from './imports.files';
import { assertMayImport } from './imports.policy';
import * as repo from './imports.repo';
import { analyse, preview, uploadMeta, type UploadMeta } from './imports.preview';
import { mappingOptions, ownerCandidates, runImport, type RunOptions } from './imports.runner';
import { runImportJob } from './imports.jobs';

export { preview };

/** Uploads may be large (HubSpot's cap is 1,048,576 rows); they stream to disk, never into memory. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

export function jobView(j: repo.ImportJobRow) {
  return {
    id: j.id, kind: j.kind, status: j.status, fileName: j.fileName, fileBytes: j.fileBytes, bytesDone: j.bytesDone,
    rowsDone: j.rowsDone, rowsInserted: j.rowsInserted, rowsUpdated: j.rowsUpdated, rowsFailed: j.rowsFailed, rowsTotal: j.rowsTotal,
    // Rows imported with something left out, and how many per field ({ amount: 2089, owner: 12 }).
    rowsWarned: j.rowsWarned, warnings: j.warnings as Record<string, number>,
    ...progressOf(j), templateId: j.templateId, mapping: j.mapping, error: j.error,
    startedAt: j.startedAt, finishedAt: j.finishedAt, createdAt: j.createdAt, heartbeatAt: j.heartbeatAt,
  };
}

export async function upload(ctx: Ctx, fileName: string, body: ReadableStream<Uint8Array> | Readable, kind?: ImportKind) {
  const saved = await saveUpload(ctx.deps.config, body, MAX_UPLOAD_BYTES);
  const meta: UploadMeta = { id: saved.id, fileName, bytes: saved.bytes, checksum: saved.checksum };
  await writeFile(`${saved.path}.json`, JSON.stringify(meta));
  const result = { uploadId: saved.id, fileName, bytes: saved.bytes, checksum: saved.checksum };
  if (!kind) {
    const head = await readHead(saved.path, 10);
    return { ...result, headers: head.headers, delimiter: head.delimiter };
  }
  return { ...result, ...(await preview(ctx, { uploadId: saved.id, kind })) };
}

async function createJob(ctx: Ctx, input: {
  kind: ImportKind; path: string; fileName: string; bytes: number; checksum: string; mapping?: ImportMapping; templateId?: string; saveAsTemplate?: string;
}, enqueue: boolean) {
  const { head, mapping, mappingErrors } = await analyse(ctx, input.path, input.kind, input.mapping, input.templateId);
  if (mappingErrors.length) {
    throw new AppError('validation_failed', 'The column mapping is not complete.', {
      errors: mappingErrors.map((e) => ({ path: `mapping.${e.field ?? 'columns'}`, message: e.message })),
    });
  }
  return transaction(ctx.deps.database, async (tx) => {
    let templateId = input.templateId ?? null;
    if (input.saveAsTemplate) {
      const existing = await repo.findTemplateByName(tx, input.kind, input.saveAsTemplate);
      const t = existing
        ? await repo.updateTemplateMapping(tx, existing.id, mapping)
        : await repo.insertTemplate(tx, { name: input.saveAsTemplate, kind: input.kind, mapping, createdBy: actorId(ctx) });
      await audit(ctx, tx, { action: existing ? 'import_template.update' : 'import_template.create', entityType: 'import_template', entityId: t.id, after: t });
      templateId = t.id;
    }
    const job = await repo.insertJob(tx, {
      kind: input.kind, fileName: input.fileName, filePath: input.path, fileBytes: input.bytes, checksum: input.checksum,
      delimiter: head.delimiter, headers: head.headers, mapping, templateId, bytesDone: head.dataOffset, linesDone: 1, createdBy: actorId(ctx),
    });
    await audit(ctx, tx, { action: 'import.start', entityType: 'import_job', entityId: job.id, after: { kind: job.kind, fileName: job.fileName, fileBytes: job.fileBytes } });
    if (enqueue) await ctx.deps.jobs.send(tx, runImportJob, { jobId: job.id });
    return job;
  });
}

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);

export async function startImport(ctx: Ctx, input: ImportStart) {
  const up = await uploadMeta(ctx, input.uploadId);
  const job = await createJob(ctx, { ...input, path: up.path, fileName: up.fileName, bytes: up.bytes, checksum: up.checksum }, true);
  return jobView(job);
}

export async function getJob(ctx: Ctx, id: string) {
  const j = await repo.findJob(ctx.deps.database.db, id);
  if (!j) throw notFound('Import');
  return jobView(j);
}

export async function listJobs(ctx: Ctx, q: { kind?: string; limit: number }) {
  return { items: (await repo.listJobs(ctx.deps.database.db, q)).map(jobView), nextCursor: null };
}

/** Starts the job again from its last committed batch (after a crash, a failure or an interruption). */
export async function resumeJob(ctx: Ctx, id: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const j = await repo.findJob(tx, id, { lock: true });
    if (!j) throw notFound('Import');
    assertMayImport(ctx.actor, j.kind as ImportKind);
    if (j.status === 'completed') throw new AppError('conflict', 'This import has completed; there is nothing to resume.');
    if (!existsSync(j.filePath)) throw new AppError('conflict', 'The file of this import is gone; upload it again and start a new import.');
    const row = await repo.updateJob(tx, id, { status: 'queued', error: null });
    await audit(ctx, tx, { action: 'import.resume', entityType: 'import_job', entityId: id, after: { bytesDone: j.bytesDone, rowsDone: j.rowsDone } });
    await ctx.deps.jobs.send(tx, runImportJob, { jobId: id });
    return jobView(row);
  });
}

/** Rows not imported (level error) or imported with a warning, by line; each with its record id as the key. */
export async function listErrors(ctx: Ctx, id: string, q: { level: 'error' | 'warning'; cursor?: string; limit: number }) {
  await getJob(ctx, id);
  const after = q.cursor ? decodeCursor(q.cursor, { value: 'number', id: 'int' }) : null;
  const rows = await repo.listErrors(ctx.deps.database.db, id, q.level, after, q.limit + 1);
  const more = rows.length > q.limit;
  const items = rows.slice(0, q.limit).map((e) => ({ line: e.line, key: e.key, field: e.field, column: e.columnName, value: e.value, message: e.message }));
  const last = rows[q.limit - 1];
  return { items, nextCursor: more && last ? encodeCursor(last.line, last.id) : null };
}

/** All errors (or warnings) of a job, page by page (the CSV download streams these). */
export async function* allErrors(ctx: Ctx, id: string, level: 'error' | 'warning' = 'error') {
  await getJob(ctx, id);
  let after: [number, number] | null = null;
  for (;;) {
    const rows = await repo.listErrors(ctx.deps.database.db, id, level, after, 5000);
    for (const e of rows) yield [e.line, e.key ?? '', e.field ?? '', e.columnName ?? '', e.value ?? '', e.message];
    if (rows.length < 5000) return;
    after = [rows[rows.length - 1].line, rows[rows.length - 1].id];
  }
}

// ---------------------------------------------------------------- templates

const templateView = (t: repo.ImportTemplateRow) => ({ id: t.id, name: t.name, kind: t.kind, mapping: t.mapping, version: t.version, createdAt: t.createdAt, updatedAt: t.updatedAt });

export async function listTemplates(ctx: Ctx, kind?: string) {
  return { items: (await repo.listTemplates(ctx.deps.database.db, kind)).map(templateView), nextCursor: null };
}

export async function createTemplate(ctx: Ctx, input: z.infer<typeof importTemplateCreateSchema>) {
  const { playbook } = await currentPlaybook(ctx.deps.database.db);
  const opts = mappingOptions(playbook, await ownerCandidates(ctx.deps.database.db));
  const targetErrors = checkMapping(input.kind, input.mapping, Object.values(input.mapping.columns).filter((c): c is string => !!c), opts)
    .filter((e) => !e.message.startsWith('Map a column'));
  if (targetErrors.length) {
    throw new AppError('validation_failed', 'The mapping has errors.', { errors: targetErrors.map((e) => ({ path: `mapping.${e.field ?? 'columns'}`, message: e.message })) });
  }
  return transaction(ctx.deps.database, async (tx) => {
    if (await repo.findTemplateByName(tx, input.kind, input.name)) throw new AppError('conflict', `A ${input.kind} template named "${input.name}" exists.`);
    const t = await repo.insertTemplate(tx, { ...input, createdBy: actorId(ctx) });
    await audit(ctx, tx, { action: 'import_template.create', entityType: 'import_template', entityId: t.id, after: t });
    return templateView(t);
  });
}

export async function deleteTemplate(ctx: Ctx, id: string) {
  await transaction(ctx.deps.database, async (tx) => {
    const t = await repo.deleteTemplate(tx, id);
    if (!t) throw notFound('Import template');
    await audit(ctx, tx, { action: 'import_template.delete', entityType: 'import_template', entityId: id, before: { name: t.name } });
  });
}

// ---------------------------------------------------------------- CLI: a server-local file, run in this process

export async function importFile(deps: Deps, input: {
  kind: ImportKind; path: string; mapping?: ImportMapping; resume?: boolean; actor?: Ctx['actor'];
}, run: RunOptions = {}) {
  const ctx: Ctx = input.actor ? { deps, actor: input.actor, requestId: 'cli' } : systemCtx(deps, 'cli');
  const { checksum, bytes } = await fileChecksum(input.path);
  if (input.resume) {
    const j = await repo.findResumable(deps.database.db, checksum, input.kind);
    if (!j) throw new AppError('not_found', 'No unfinished import of this file to resume.');
    return runImport(deps, j.id, { ...run, ctx });
  }
  const job = await createJob(ctx, { kind: input.kind, path: input.path, fileName: input.path.split(/[\\/]/).pop()!, bytes, checksum, mapping: input.mapping }, false);
  return runImport(deps, job.id, { ...run, ctx });
}
