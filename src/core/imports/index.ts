// Imports and exports at the edge: kinds, fields, mapping, value parsing and the API's request shapes.
import { z } from 'zod';
import { EXPORT_KINDS, IMPORT_KINDS } from './fields';
import { importMappingSchema } from './mapping';

export * from './fields';
export * from './mapping';
export * from './owners';
export * from './rows';
export * from './value-maps';
export * from './values';

/** Rows per transaction: each batch commits with the job's resume offset. */
export const IMPORT_BATCH_ROWS = 5000;

export const importKindSchema = z.enum(IMPORT_KINDS);
export const exportKindSchema = z.enum(EXPORT_KINDS);

export const importStartSchema = z.object({
  uploadId: z.uuid(),
  kind: importKindSchema,
  /** Explicit mapping; omitted → the template's, else the detected one. */
  mapping: importMappingSchema.optional(),
  templateId: z.uuid().optional(),
  /** Save the mapping used as a reusable template under this name. */
  saveAsTemplate: z.string().trim().min(1).max(120).optional(),
}).strict();
export type ImportStart = z.infer<typeof importStartSchema>;

export const importPreviewSchema = z.object({
  uploadId: z.uuid(),
  kind: importKindSchema,
  mapping: importMappingSchema.optional(),
  templateId: z.uuid().optional(),
}).strict();

export const importTemplateCreateSchema = z.object({
  name: z.string().trim().min(1).max(120),
  kind: importKindSchema,
  mapping: importMappingSchema,
}).strict();

export const importListQuerySchema = z.object({
  kind: importKindSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
}).strict();

export const importErrorsQuerySchema = z.object({
  /** error: rows not imported; warning: rows imported with something left out. */
  level: z.enum(['error', 'warning']).default('error'),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
}).strict();

/**
 * Progress of a job: the share of the file's bytes committed, the total row count estimated from it (exact once
 * the file is read), and the rate of the current run (a resumed run counts only its own rows).
 */
export function progressOf(j: {
  bytesDone: number; fileBytes: number; rowsDone: number; status: string; rowsTotal: number | null;
  runStartedAt: Date | null; runRowsAtStart: number; finishedAt: Date | null;
}, now = Date.now()) {
  const fraction = j.status === 'completed' ? 1 : j.fileBytes > 0 ? Math.min(1, j.bytesDone / j.fileBytes) : 0;
  const estimatedTotalRows = j.rowsTotal ?? (fraction > 0 && j.rowsDone > 0 ? Math.round(j.rowsDone / fraction) : null);
  const end = j.status === 'running' ? now : (j.finishedAt?.getTime() ?? now);
  const seconds = j.runStartedAt ? Math.max(0.001, (end - j.runStartedAt.getTime()) / 1000) : 0;
  return {
    percent: Math.floor(fraction * 1000) / 10,
    estimatedTotalRows,
    rowsPerSecond: seconds ? Math.round((j.rowsDone - j.runRowsAtStart) / seconds) : 0,
  };
}
