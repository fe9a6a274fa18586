// What an import will do before it runs: the mapping (given, from a template, or detected), its problems, the first
// rows parsed with it (with their errors and warnings), and over the whole file the coded values, the owners and
// the unknown countries with their row counts, each with what it becomes, so the user maps them before starting.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { z } from 'zod';
import {
  checkMapping, compileMapping, countryCode, defaultMapping, detectDateOrder, fieldsOf, importableRoles, importMappingSchema, normalizeHeader, ownerReport,
  ownerResolver, valueLookups, type ImportKind, type ImportMapping, type importPreviewSchema, type ValueKind,
} from '../../../core/imports';
import { notFound } from '../../../core/errors';
import type { Ctx } from '../../http/env';
import { currentPlaybook } from '../platform/playbook.service';
import { readHead, uploadPath, type FileHead } from './imports.files';
import { assertMayImport } from './imports.policy';
import * as repo from './imports.repo';
import { mappingOptions, ownerCandidates } from './imports.runner';
import { columnCounts } from './imports.scan';

export interface UploadMeta { id: string; fileName: string; bytes: number; checksum: string }

export async function uploadMeta(ctx: Ctx, uploadId: string): Promise<UploadMeta & { path: string }> {
  const path = uploadPath(ctx.deps.config, uploadId);
  const meta = await readFile(`${path}.json`, 'utf8').catch(() => null);
  if (!meta || !existsSync(path)) throw notFound('Upload');
  return { ...(JSON.parse(meta) as UploadMeta), path };
}

/** The effective mapping of a file and its problems; without one, detection from the headers and first rows. */
export async function analyse(ctx: Ctx, path: string, kind: ImportKind, mapping: ImportMapping | undefined, templateId: string | undefined) {
  assertMayImport(ctx.actor, kind);
  const head = await readHead(path, 1000);
  let effective = mapping;
  if (!effective && templateId) {
    const t = await repo.findTemplate(ctx.deps.database.db, templateId);
    if (!t || t.kind !== kind) throw notFound('Import template');
    effective = importMappingSchema.parse(t.mapping);
  }
  if (!effective) {
    const detected = defaultMapping(kind, head.headers);
    const dateCols = fieldsOf(kind).filter((f) => f.type === 'date' || f.type === 'datetime').map((f) => detected.columns[f.id]).filter(Boolean);
    const idx = dateCols.map((c) => head.headers.indexOf(c!));
    detected.dateOrder = detectDateOrder(head.rows.flatMap((r) => idx.map((i) => r.record[i] ?? '')));
    effective = detected;
  }
  const { playbook } = await currentPlaybook(ctx.deps.database.db);
  const opts = mappingOptions(playbook, await ownerCandidates(ctx.deps.database.db));
  const mappingErrors = checkMapping(kind, effective, head.headers, opts);
  return { head, mapping: effective, mappingErrors, opts };
}

export async function preview(ctx: Ctx, input: z.infer<typeof importPreviewSchema>) {
  const { path } = await uploadMeta(ctx, input.uploadId);
  const { head, mapping, mappingErrors, opts } = await analyse(ctx, path, input.kind, input.mapping, input.templateId);
  const structural = mappingErrors.filter((e) => e.column && e.message.startsWith('The file has no column'));
  const mapper = structural.length ? null : compileMapping(input.kind, mapping, head.headers, opts);
  const rows = head.rows.slice(0, 10).map(({ line, record }) => {
    const r = mapper?.(record);
    return {
      line, key: r?.ref ?? null, cells: Object.fromEntries(head.headers.map((h, i) => [h, record[i] ?? ''])),
      ok: r?.ok ?? false, values: r?.ok ? r.row : null, errors: r && !r.ok ? r.errors : [], warnings: r?.ok ? r.warnings : [],
    };
  });
  const reports = mapper ? await valueReports(path, head, input.kind, mapping, opts) : { coded: {}, owners: [], countries: [] };
  return {
    kind: input.kind, headers: head.headers, delimiter: head.delimiter, mapping, mappingErrors, rows, ...reports,
    fields: fieldsOf(input.kind).map((f) => ({ id: f.id, label: f.label, type: f.type, required: !!f.required })),
    options: {
      stages: opts.stages, sources: opts.sources, statuses: opts.statuses, roles: importableRoles(),
      // Owner mapping targets: internal users (imported reps are inactive until an admin activates them).
      users: (opts.users ?? []).map((u) => ({ id: u.id, name: u.name, email: u.email })),
    },
  };
}

/**
 * Over the whole file: each coded column's distinct values with their row counts and what each maps to (null:
 * unknown, map it before starting); each owner cell with what it resolves to; the country names nobody knows.
 */
async function valueReports(path: string, head: FileHead, kind: ImportKind, mapping: ImportMapping, opts: ReturnType<typeof mappingOptions>) {
  const fields = fieldsOf(kind).filter((f) => ['stage', 'source', 'status', 'role', 'owner', 'country'].includes(f.type) && mapping.columns[f.id]);
  const counts = await columnCounts(path, head, fields.map((f) => mapping.columns[f.id]!));
  const lookups = valueLookups(mapping, opts);
  const coded: Record<string, { value: string; count: number; mappedTo: string | null }[]> = {};
  let owners: ReturnType<typeof ownerReport> = [];
  let countries: { value: string; count: number; mappedTo: string | null }[] = [];
  for (const f of fields) {
    const values = counts[mapping.columns[f.id]!]?.values ?? [];
    if (f.type === 'owner') owners = ownerReport(values, ownerResolver(mapping.owners, opts.users ?? []));
    else if (f.type === 'country') {
      const explicit = new Map(Object.entries(mapping.values.country ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
      countries = values.filter(([v]) => explicit.has(v.toLowerCase()) || !countryCode(v))
        .map(([value, count]) => ({ value, count, mappedTo: explicit.get(value.toLowerCase()) ?? null }));
    } else {
      const lookup = lookups[f.type as ValueKind];
      coded[f.id] = values.map(([value, count]) => ({ value, count, mappedTo: lookup.get(normalizeHeader(value)) ?? null }));
    }
  }
  return { coded, owners, countries };
}
