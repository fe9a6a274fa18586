// What the imports API answers: uploads, mapping previews, import jobs with their progress, per-row errors and
// mapping templates. Plain zod shared by the server (documents and checks its answers) and the web (reads the same
// shapes through the generated client).
import { z } from 'zod';
import { freeForm, isoTime, page } from '../api/shapes';
import { IMPORT_KINDS } from './fields';
import { importMappingSchema } from './mapping';

const d = (description: string) => ({ description });
const kind = z.enum(IMPORT_KINDS);
const count = (what: string) => z.number().int().min(0).meta(d(what));
const JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'interrupted'] as const;

/** A problem of a mapping or of one row: the field, the CSV column and the value it is about (null when none). */
export const rowErrorSchema = z.object({
  field: z.string().nullable(), column: z.string().nullable(), value: z.string().nullable(), message: z.string(),
}).meta({ id: 'ImportRowError' });

const valueCount = z.object({
  value: z.string().meta(d('The value as written in the file.')),
  count: count('Rows with this value.'),
  mappedTo: z.string().nullable().meta(d('What it becomes; null: unknown, map it before starting.')),
});

/** What an import will do before it runs. */
export const importPreviewResultSchema = z.object({
  kind,
  headers: z.array(z.string()),
  delimiter: z.string(),
  mapping: importMappingSchema.meta(d('The effective mapping: the one sent, the template\'s, or the one detected from the headers.')),
  mappingErrors: z.array(rowErrorSchema),
  rows: z.array(z.object({
    line: z.number().int().min(1).meta(d('Line in the file (1 is the header).')),
    key: z.string().nullable().meta(d('The record id of the row in the file (its id column), if any.')),
    cells: z.record(z.string(), z.string()).meta(d('Header → cell as written.')),
    ok: z.boolean(),
    values: freeForm('the row as it would be imported, by field id; null when it has errors.').nullable(),
    errors: z.array(rowErrorSchema),
    warnings: z.array(rowErrorSchema),
  })).meta(d('The first 10 rows parsed with the mapping.')),
  coded: z.record(z.string(), z.array(valueCount))
    .meta(d('Field id → the distinct values of its coded column over the whole file (stages, sources, statuses, roles).')),
  owners: z.array(z.object({
    value: z.string(), count: count('Rows with this owner cell.'),
    userId: z.uuid().nullable(), how: z.enum(['user', 'mapped', 'unowned', 'unmatched']),
  })).meta(d('Each owner cell and the user it resolves to.')),
  countries: z.array(valueCount).meta(d('Country names the importer does not know (or mapped explicitly).')),
  fields: z.array(z.object({ id: z.string(), label: z.string(), type: z.string(), required: z.boolean() })),
  options: z.object({
    stages: z.array(z.object({ id: z.string(), label: z.string().optional(), kind: z.enum(['open', 'won', 'lost']).optional() })),
    sources: z.array(z.object({ id: z.string(), label: z.string().optional() })),
    statuses: z.array(z.object({ id: z.string(), label: z.string().optional() })),
    roles: z.array(z.object({ id: z.string(), label: z.string() })),
    users: z.array(z.object({ id: z.uuid(), name: z.string(), email: z.string() })),
  }).meta(d('The values coded columns and owners may be mapped to.')),
}).meta({ id: 'ImportPreview' });

const uploaded = {
  uploadId: z.uuid(),
  fileName: z.string(),
  bytes: count('Size of the file.'),
  checksum: z.string().meta(d('sha256 of the file, hex.')),
};

/** An upload: with `kind`, also the mapping preview (every field of ImportPreview). */
export const importUploadSchema = z.object({
  ...uploaded,
  ...importPreviewResultSchema.partial().shape,
  headers: z.array(z.string()),
  delimiter: z.string(),
}).meta({ id: 'ImportUpload' });

/** An import job with its progress. */
export const importJobSchema = z.object({
  id: z.uuid(),
  kind,
  status: z.enum(JOB_STATUSES),
  fileName: z.string(),
  fileBytes: count('Size of the file.'),
  bytesDone: count('Bytes of the file committed.'),
  rowsDone: count('Rows read and committed (imported, updated or failed).'),
  rowsInserted: count('Records created.'),
  rowsUpdated: count('Records already imported and updated.'),
  rowsFailed: count('Rows not imported (see the errors).'),
  rowsTotal: z.number().int().nullable().meta(d('Rows of the file, once the whole file is read.')),
  rowsWarned: count('Rows imported with something left out.'),
  warnings: z.record(z.string(), z.number().int()).meta(d('Warnings by field, e.g. { "amount": 2089, "owner": 12 }.')),
  percent: z.number().meta(d('Share of the file committed, 0–100, one decimal.')),
  estimatedTotalRows: z.number().int().nullable().meta(d('Rows of the file, extrapolated from the share read; exact once read.')),
  rowsPerSecond: z.number().int().meta(d('Rate of the current run.')),
  templateId: z.uuid().nullable(),
  mapping: importMappingSchema,
  error: z.string().nullable().meta(d('Why the job failed.')),
  startedAt: isoTime.nullable(),
  finishedAt: isoTime.nullable(),
  createdAt: isoTime,
  heartbeatAt: isoTime.nullable(),
}).meta({ id: 'ImportJob' });
export const importJobListSchema = page(importJobSchema).meta(d('Newest first, up to `limit`; one page (nextCursor null).'));

export const importErrorSchema = z.object({
  line: z.number().int().min(1),
  key: z.string().nullable().meta(d('The record id of the row in the file, else null (the CSV report writes "line N").')),
  field: z.string().nullable(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  message: z.string(),
}).meta({ id: 'ImportError' });
export const importErrorPageSchema = page(importErrorSchema);

export const importTemplateSchema = z.object({
  id: z.uuid(), name: z.string(), kind, mapping: importMappingSchema,
  version: z.number().int(), createdAt: isoTime, updatedAt: isoTime,
}).meta({ id: 'ImportTemplate' });
export const importTemplateListSchema = page(importTemplateSchema).meta(d('One page (nextCursor null).'));
