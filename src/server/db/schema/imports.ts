// Imports and exports: reusable column mappings, resumable import jobs with their per-row errors, and the
// register of imported keys that guarantees no row is imported twice.
import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const IMPORT_JOB_STATUSES = ['queued', 'running', 'completed', 'failed', 'interrupted'] as const;

export const importTemplates = pgTable('import_templates', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  kind: text('kind').notNull(), // companies | contacts | leads | deals | users
  /** core/imports ImportMapping: columns, value maps, date order, defaults. */
  mapping: jsonb('mapping').notNull(),
  createdBy: uuid('created_by').references(() => users.id),
  ...stamps,
}, (t) => [uniqueIndex('import_templates_name_uq').on(t.kind, sql`lower(${t.name})`).where(sql`deleted_at IS NULL`)]);

export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kind: text('kind').notNull(),
  status: text('status', { enum: IMPORT_JOB_STATUSES }).notNull().default('queued'),
  fileName: text('file_name').notNull(),
  /** Server-local path of the file (an upload under the data directory, or the CLI's file). */
  filePath: text('file_path').notNull(),
  fileBytes: bigint('file_bytes', { mode: 'number' }).notNull(),
  /** sha256 of the file: a resume refuses a file that changed. */
  checksum: text('checksum').notNull(),
  delimiter: text('delimiter').notNull().default(','),
  headers: jsonb('headers').notNull(),
  mapping: jsonb('mapping').notNull(),
  templateId: uuid('template_id').references(() => importTemplates.id),
  // Resume point: committed in the same transaction as the batch it follows.
  bytesDone: bigint('bytes_done', { mode: 'number' }).notNull().default(0),
  linesDone: integer('lines_done').notNull().default(1),
  rowsDone: integer('rows_done').notNull().default(0),
  rowsInserted: integer('rows_inserted').notNull().default(0),
  rowsUpdated: integer('rows_updated').notNull().default(0),
  rowsFailed: integer('rows_failed').notNull().default(0),
  /** Rows imported with a warning (a blank amount on an open deal, an owner matching no user, an unknown country). */
  rowsWarned: integer('rows_warned').notNull().default(0),
  /** Warnings by field: { amount: 2089, owner: 12 }, added up batch by batch. */
  warnings: jsonb('warnings').notNull().default({}),
  /** Known once the whole file is read. */
  rowsTotal: integer('rows_total'),
  /** Start of the current run and the rows done before it (for the rate). */
  runStartedAt: ts('run_started_at'),
  runRowsAtStart: integer('run_rows_at_start').notNull().default(0),
  startedAt: ts('started_at'),
  finishedAt: ts('finished_at'),
  heartbeatAt: ts('heartbeat_at'),
  error: text('error'),
  createdBy: uuid('created_by').references(() => users.id),
  ...stamps,
}, (t) => [
  index('import_jobs_created_idx').on(t.createdAt, t.id),
  index('import_jobs_checksum_idx').on(t.checksum, t.kind),
]);

export const importErrors = pgTable('import_errors', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  jobId: uuid('job_id').notNull().references(() => importJobs.id),
  line: integer('line').notNull(),
  /** The row's record id in the source file (its id column), else "line N": what the user fixes and re-imports by. */
  key: text('key'),
  /** error: the row was not imported; warning: it was, with something left out or unknown. */
  level: text('level', { enum: ['error', 'warning'] }).notNull().default('error'),
  field: text('field'),
  columnName: text('column_name'),
  value: text('value'),
  message: text('message').notNull(),
}, (t) => [index('import_errors_job_level_idx').on(t.jobId, t.level, t.line, t.id)]);

/** One row per imported record (kind + natural key): the claim that makes a re-import update, never duplicate. */
export const importRecords = pgTable('import_records', {
  kind: text('kind').notNull(),
  key: text('key').notNull(),
  entityId: uuid('entity_id').notNull(),
  jobId: uuid('job_id').notNull(),
  line: integer('line').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.kind, t.key] })]);
