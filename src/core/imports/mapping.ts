// Column mapping: which CSV column feeds which field, how coded values, owners and countries translate, and the
// checks of a mapping before any row is read. Detection recognises HubSpot, Salesforce and Pipedrive exports and our
// own exports without any mapping. The row parser built from a mapping is in rows.ts.
import { z } from 'zod';
import { fieldsOf, normalizeHeader, type ImportKind } from './fields';
import { userIndex } from './owners';
import { importableRoles, valueLookup, type ValueKind } from './value-maps';
import { isCountryCode, type DateOrder } from './values';

const valueMap = z.record(z.string().max(200), z.string().max(100));

export const importMappingSchema = z.object({
  /** Field id → CSV header (null or absent: not imported). */
  columns: z.record(z.string().max(60), z.string().max(300).nullable()),
  /** CSV value → our value, per coded field; country: name as written → ISO code (for names we do not know). */
  values: z.object({ stage: valueMap, source: valueMap, status: valueMap, role: valueMap, country: valueMap }).partial().default({}),
  /**
   * Owner cell as written → one of our users (e-mail, name or id), or null to import those rows unowned without a
   * warning. Cells not listed match a user by e-mail, name or id; the rest are imported unowned with a warning.
   */
  owners: z.record(z.string().max(300), z.string().max(320).nullable()).default({}),
  /** Money field → multiplier of the figures written: { "annualRevenue": 1000000 } for a column in millions. */
  scale: z.record(z.string().max(60), z.number().positive().max(1e9)).default({}),
  dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
  defaults: z.object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
    source: z.string().max(60),
    pipeline: z.string().trim().min(1).max(100),
    /** Role of imported users whose row has none. */
    role: z.string().max(30),
  }).partial().default({}),
}).strict();
export type ImportMapping = z.infer<typeof importMappingSchema>;

export interface RowError { field: string | null; column: string | null; value: string | null; message: string }
/** `ref` is the row's record id as the source file writes it (its id column; e-mail for users), null without one. */
export type ImportRow = { key: string; externalId: string | null; ref: string | null } & Record<string, any>;
/** A good row may carry warnings (imported, with something left out); a bad one its errors. */
export type RowResult =
  | { ok: true; row: ImportRow; warnings: RowError[]; ref: string | null }
  | { ok: false; errors: RowError[]; ref: string | null };
export type RowMapper = ((record: string[]) => RowResult) & { ref: (record: string[]) => string | null };

/** The key column of the error report: the source's record id, else the line, so a user can fix and re-import. */
export const reportKey = (ref: string | null, line: number) => ref ?? `line ${line}`;

/** Allowed coded values, read from the playbook (and the user table) by the caller. */
export interface MappingOptions {
  stages: { id: string; label?: string; kind?: 'open' | 'won' | 'lost' }[];
  sources: { id: string; label?: string }[];
  statuses: { id: string; label?: string }[];
  currency: string;
  /** Users that owner cells and owner mappings resolve to (none given: every owner is unmatched). */
  users?: { id: string; email: string; name: string }[];
}

/** Field id → the first header that is one of its aliases. */
export function detectMapping(kind: ImportKind, headers: string[]): { columns: Record<string, string | null>; unmapped: string[]; recognised: number } {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normalizeHeader(h))) byNorm.set(normalizeHeader(h), h);
  const used = new Set<string>();
  const columns: Record<string, string | null> = {};
  for (const field of fieldsOf(kind)) {
    const hit = field.aliases.map((a) => byNorm.get(a)).find((h) => h !== undefined && !used.has(h));
    columns[field.id] = hit ?? null;
    if (hit) used.add(hit);
  }
  return { columns, unmapped: headers.filter((h) => !used.has(h)), recognised: used.size };
}

/** The delimiter of a header line: the one of , ; tab | that splits it most (outside quotes). */
export function detectDelimiter(firstLine: string): ',' | ';' | '\t' | '|' {
  const counts = { ',': 0, ';': 0, '\t': 0, '|': 0 };
  let quoted = false;
  for (const ch of firstLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch in counts) counts[ch as keyof typeof counts]++;
  }
  const [best, n] = Object.entries(counts).sort((a, b) => b[1] - a[1])[0];
  return (n > 0 ? best : ',') as ',' | ';' | '\t' | '|';
}

export function defaultMapping(kind: ImportKind, headers: string[], dateOrder: DateOrder = 'mdy'): ImportMapping {
  return { columns: detectMapping(kind, headers).columns, values: {}, owners: {}, scale: {}, dateOrder, defaults: {} };
}

/** Allowed targets of each coded field. */
function allowedValues(opts: MappingOptions): Record<ValueKind, Set<string>> {
  return {
    stage: new Set(opts.stages.map((s) => s.id)), source: new Set(opts.sources.map((s) => s.id)), status: new Set(opts.statuses.map((s) => s.id)),
    role: new Set(importableRoles().map((r) => r.id)),
  };
}

/**
 * Problems with the mapping itself (not with rows): unknown fields or headers, required fields unmapped, bad targets
 * of value maps, owner maps naming no user, scales on fields that are not money.
 */
export function checkMapping(kind: ImportKind, mapping: ImportMapping, headers: string[], opts: MappingOptions): RowError[] {
  const errors: RowError[] = [];
  const fields = new Map(fieldsOf(kind).map((f) => [f.id, f]));
  const headerSet = new Set(headers);
  for (const [fieldId, header] of Object.entries(mapping.columns)) {
    if (!fields.has(fieldId)) errors.push({ field: fieldId, column: header, value: null, message: `"${fieldId}" is not a ${kind} field` });
    else if (header !== null && !headerSet.has(header)) errors.push({ field: fieldId, column: header, value: null, message: `The file has no column "${header}"` });
  }
  for (const f of fields.values()) {
    if (f.required && !mapping.columns[f.id]) errors.push({ field: f.id, column: null, value: null, message: `Map a column to ${f.label} (required)` });
  }
  const allowed = allowedValues(opts);
  for (const kindOfValue of ['stage', 'source', 'status', 'role'] as const) {
    for (const [from, to] of Object.entries(mapping.values[kindOfValue] ?? {})) {
      if (!allowed[kindOfValue].has(to)) errors.push({ field: kindOfValue, column: null, value: from, message: `"${to}" is not a ${kindOfValue} (use one of ${[...allowed[kindOfValue]].join(', ')})` });
    }
  }
  for (const [from, to] of Object.entries(mapping.values.country ?? {})) {
    if (!isCountryCode(to)) errors.push({ field: 'country', column: null, value: from, message: `"${to}" is not an ISO 3166 country code (like NO, DE, US)` });
  }
  if (mapping.defaults.source && !allowed.source.has(mapping.defaults.source)) {
    errors.push({ field: 'source', column: null, value: mapping.defaults.source, message: `"${mapping.defaults.source}" is not a lead source` });
  }
  if (mapping.defaults.role && !allowed.role.has(mapping.defaults.role)) {
    errors.push({ field: 'role', column: null, value: mapping.defaults.role, message: `"${mapping.defaults.role}" is not a role you can import (use one of ${[...allowed.role].join(', ')})` });
  }
  if (opts.users) {
    const users = userIndex(opts.users);
    for (const [from, to] of Object.entries(mapping.owners)) {
      if (to !== null && !users.get(to.trim().toLowerCase())) errors.push({ field: 'owner', column: null, value: from, message: `"${to}" is not a user (give an e-mail, a name or an id, or null to leave them unowned)` });
    }
  }
  for (const fieldId of Object.keys(mapping.scale)) {
    if (fields.get(fieldId)?.type !== 'money') errors.push({ field: fieldId, column: null, value: null, message: `Only amounts can be scaled; "${fieldId}" is not a ${kind} amount` });
  }
  return errors;
}

const lower = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** The natural key that makes a row unique for its kind: the external id, else the best natural identifier. */
export function rowKey(kind: ImportKind, r: Record<string, any>): string {
  if (r.externalId) return `id:${r.externalId}`;
  switch (kind) {
    case 'companies': return r.domain ? `domain:${r.domain}` : `name:${lower(r.name)}`;
    case 'deals': return `name:${lower(r.name)}|${lower(r.companyDomain ?? r.companyName)}`;
    case 'users': return `email:${r.email}`;
    default: return r.email ? `email:${r.email}` : `name:${lower(r.firstName)} ${lower(r.lastName)}|${lower(r.companyName ?? r.domain)}`;
  }
}

const own = (list: { id: string; label?: string }[]) =>
  Object.fromEntries(list.flatMap((s) => [[normalizeHeader(s.id), s.id], ...(s.label ? [[normalizeHeader(s.label), s.id]] : [])]));

/** CSV value (normalised) → our value, for each coded field: explicit mapping, our ids and labels, CRM defaults. */
export function valueLookups(mapping: ImportMapping, opts: MappingOptions): Record<ValueKind, Map<string, string>> {
  return {
    stage: valueLookup('stage', own(opts.stages), mapping.values.stage),
    source: valueLookup('source', own(opts.sources), mapping.values.source),
    status: valueLookup('status', own(opts.statuses), mapping.values.status),
    role: valueLookup('role', own(importableRoles()), mapping.values.role),
  };
}
