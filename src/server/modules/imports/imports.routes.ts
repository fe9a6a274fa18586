// Thin routes: policy → validate → service → JSON (or a CSV stream).
import { Readable } from 'node:stream';
import { type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  exportKindSchema, importErrorsQuerySchema, importKindSchema, importListQuerySchema, importPreviewSchema, importStartSchema, importTemplateCreateSchema,
} from '../../../core/imports';
import { AppError } from '../../../core/errors';
import type { AppEnv } from '../../http/env';
import {
  importErrorPageSchema, importJobListSchema, importJobSchema, importPreviewResultSchema, importTemplateListSchema, importTemplateSchema, importUploadSchema,
} from '../../../core/imports/responses';
import { idParam, json, jsonBody } from '../../http/openapi';
import { ctxOf, guard } from '../../http/route';
import { csvStream, exportStream } from './exports';
import { uploadTooLarge } from './imports.files';
import { policies as p } from './imports.policy';
import * as imports from './imports.service';

const tags = ['imports'];
const CSV_TYPES = ['text/csv', 'application/csv', 'text/plain', 'application/octet-stream', 'application/vnd.ms-excel'];
const csv = (description: string) => ({ description, content: { 'text/csv': { schema: z.string() } } });
const csvResponse = (stream: Readable, fileName: string) => new Response(Readable.toWeb(stream) as ReadableStream, {
  status: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${fileName}"` },
});

export function registerImportRoutes(api: OpenAPIHono<AppEnv>) {
  api.openapi(guard(p.write, {
    method: 'post', path: '/imports/uploads', tags, summary: 'Upload a CSV file (streamed to disk)',
    description: 'Send the file as the raw request body (`Content-Type: text/csv`). With `kind`, the answer includes the detected '
      + 'mapping and the first 10 rows parsed with it. Files up to 1 GB.',
    request: {
      query: z.object({ fileName: z.string().trim().min(1).max(255).default('upload.csv'), kind: importKindSchema.optional() }),
      body: { required: true, content: { 'text/csv': { schema: z.string().openapi({ format: 'binary' }) } } },
    },
    responses: { 201: json(importUploadSchema, 'The upload, its headers and (with kind) the mapping preview') },
  }), async (c) => {
    const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (!CSV_TYPES.includes(type)) throw new AppError('unsupported_media_type', 'Send the CSV file as the request body with Content-Type: text/csv.');
    // A declared size over the limit is refused before a byte is stored.
    if (Number(c.req.header('content-length')) > imports.MAX_UPLOAD_BYTES) throw uploadTooLarge(imports.MAX_UPLOAD_BYTES);
    const body = c.req.raw.body;
    if (!body) throw new AppError('validation_failed', 'The file is empty.');
    const q = c.req.valid('query');
    return c.json(await imports.upload(ctxOf(c), q.fileName, body, q.kind), 201);
  });

  api.openapi(guard(p.write, {
    method: 'post', path: '/imports/preview', tags, summary: 'Preview a mapping on the first rows of an upload',
    request: { body: jsonBody(importPreviewSchema) },
    responses: { 200: json(importPreviewResultSchema, 'Mapping, its problems, parsed rows and coded values') },
  }), async (c) => c.json(await imports.preview(ctxOf(c), c.req.valid('json')), 200));

  api.openapi(guard(p.write, {
    method: 'post', path: '/imports', tags, summary: 'Start an import of an upload',
    description: 'Runs as a job: poll `GET /imports/{id}` for progress. Rows commit in batches of 5,000 with the resume point; '
      + 'a row already imported (same record id or natural key) updates instead of duplicating. Rows imported with something left '
      + 'out (an open deal without an amount, an owner matching no user, an unknown country) count in `rowsWarned` and `warnings` (by '
      + 'field). Kind `users` (admins only) creates users inactive and without a password.',
    request: { body: jsonBody(importStartSchema) },
    responses: { 202: json(importJobSchema, 'The import job') },
  }), async (c) => c.json(await imports.startImport(ctxOf(c), c.req.valid('json')), 202) as never);

  api.openapi(guard(p.read, {
    method: 'get', path: '/imports', tags, summary: 'Recent imports',
    request: { query: importListQuerySchema },
    responses: { 200: json(importJobListSchema, 'Import jobs, newest first') },
  }), async (c) => c.json(await imports.listJobs(ctxOf(c), c.req.valid('query')), 200) as never);

  api.openapi(guard(p.read, {
    method: 'get', path: '/imports/{id}', tags, summary: 'An import with its progress',
    description: '`percent` is the share of the file committed, `estimatedTotalRows` extrapolates from it, `rowsPerSecond` is the current run\'s rate.',
    request: { params: idParam },
    responses: { 200: json(importJobSchema, 'The import job') },
  }), async (c) => c.json(await imports.getJob(ctxOf(c), c.req.valid('param').id), 200) as never);

  api.openapi(guard(p.write, {
    method: 'post', path: '/imports/{id}/resume', tags, summary: 'Resume an interrupted or failed import after its last committed batch',
    request: { params: idParam },
    responses: { 202: json(importJobSchema, 'The import job') },
  }), async (c) => c.json(await imports.resumeJob(ctxOf(c), c.req.valid('param').id), 202) as never);

  api.openapi(guard(p.read, {
    method: 'get', path: '/imports/{id}/errors', tags, summary: 'Rows that were not imported (or, with level=warning, imported with a warning), with line, record id and reason',
    request: { params: idParam, query: importErrorsQuerySchema },
    responses: { 200: json(importErrorPageSchema, 'Errors by line') },
  }), async (c) => c.json(await imports.listErrors(ctxOf(c), c.req.valid('param').id, c.req.valid('query')), 200));

  api.openapi(guard(p.read, {
    method: 'get', path: '/imports/{id}/errors.csv', tags, summary: 'The error report as CSV (level=warning: the warnings)',
    description: '`key` is the record id of the row in the source file (its id column), else "line N": fix the rows and import them again.',
    request: { params: idParam, query: z.object({ level: z.enum(['error', 'warning']).default('error') }) },
    responses: { 200: csv('line, key, field, column, value, message') },
  }), async (c) => {
    const id = c.req.valid('param').id;
    const level = c.req.valid('query').level;
    await imports.getJob(ctxOf(c), id);
    return csvResponse(csvStream(imports.allErrors(ctxOf(c), id, level), ['line', 'key', 'field', 'column', 'value', 'message']),
      `import-${id}-${level === 'error' ? 'errors' : 'warnings'}.csv`);
  });

  api.openapi(guard(p.read, {
    method: 'get', path: '/import-templates', tags, summary: 'Saved column mappings',
    request: { query: z.object({ kind: importKindSchema.optional() }) },
    responses: { 200: json(importTemplateListSchema, 'Templates') },
  }), async (c) => c.json(await imports.listTemplates(ctxOf(c), c.req.valid('query').kind), 200) as never);

  api.openapi(guard(p.write, {
    method: 'post', path: '/import-templates', tags, summary: 'Save a column mapping as a reusable template',
    request: { body: jsonBody(importTemplateCreateSchema) },
    responses: { 201: json(importTemplateSchema, 'The template') },
  }), async (c) => c.json(await imports.createTemplate(ctxOf(c), c.req.valid('json')), 201) as never);

  api.openapi(guard(p.write, {
    method: 'delete', path: '/import-templates/{id}', tags, summary: 'Delete a template',
    request: { params: idParam },
    responses: { 204: { description: 'Deleted' } },
  }), async (c) => { await imports.deleteTemplate(ctxOf(c), c.req.valid('param').id); return c.body(null, 204); });

  api.openapi(guard(p.export, {
    method: 'get', path: '/exports/{file}', tags, summary: 'Export companies, contacts, leads or deals as CSV',
    description: '`file` is `companies.csv`, `contacts.csv`, `leads.csv` or `deals.csv`. Headers are the property names the importer '
      + 'recognises, so an export imports back without a mapping (and updates instead of duplicating).',
    request: { params: z.object({ file: z.enum(['companies.csv', 'contacts.csv', 'leads.csv', 'deals.csv']) }) },
    responses: { 200: csv('The CSV file') },
  }), async (c) => {
    const file = c.req.valid('param').file;
    const kind = exportKindSchema.parse(file.replace(/\.csv$/, ''));
    return csvResponse(exportStream(c.get('deps').database.db, kind), file);
  });
}
