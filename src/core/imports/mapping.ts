// Column mapping: which CSV column feeds which field, how coded values translate, and the per-row parser built
// from it. Detection recognises HubSpot exports and our own exports without any mapping.
import { z } from 'zod';
import { CONTROL_CHAR_MESSAGE, hasControlChar, visibleControlChars } from '../control-chars';
import { fieldsOf, normalizeHeader, type FieldDef, type ImportKind } from './fields';
import { valueLookup, type ValueKind } from './value-maps';
import {
  countryCode, parseCurrency, parseDate, parseDomain, parseEmail, parseInteger, parseMoney, type DateOrder, type Parsed,
} from './values';

const valueMap = z.record(z.string().max(200), z.string().max(100));

export const importMappingSchema = z.object({
  /** Field id → CSV header (null or absent: not imported). */
  columns: z.record(z.string().max(60), z.string().max(300).nullable()),
  /** CSV value → our value, per coded field. */
  values: z.object({ stage: valueMap, source: valueMap, status: valueMap }).partial().default({}),
  dateOrder: z.enum(['mdy', 'dmy']).default('mdy'),
  defaults: z.object({
    currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
    source: z.string().max(60),
    pipeline: z.string().trim().min(1).max(100),
  }).partial().default({}),
}).strict();
export type ImportMapping = z.infer<typeof importMappingSchema>;

export interface RowError { field: string | null; column: string | null; value: string | null; message: string }
export type ImportRow = { key: string; externalId: string | null } & Record<string, any>;
export type RowResult = { ok: true; row: ImportRow } | { ok: false; errors: RowError[] };

/** Allowed coded values, read from the playbook by the caller. */
export interface MappingOptions {
  stages: { id: string; label?: string; kind?: 'open' | 'won' | 'lost' }[];
  sources: { id: string; label?: string }[];
  statuses: { id: string; label?: string }[];
  currency: string;
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
  return { columns: detectMapping(kind, headers).columns, values: {}, dateOrder, defaults: {} };
}

/** Problems with the mapping itself (not with rows): unknown fields or headers, required fields unmapped, bad targets. */
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
  const allowed: Record<ValueKind, Set<string>> = {
    stage: new Set(opts.stages.map((s) => s.id)), source: new Set(opts.sources.map((s) => s.id)), status: new Set(opts.statuses.map((s) => s.id)),
  };
  for (const kindOfValue of ['stage', 'source', 'status'] as const) {
    for (const [from, to] of Object.entries(mapping.values[kindOfValue] ?? {})) {
      if (!allowed[kindOfValue].has(to)) errors.push({ field: kindOfValue, column: null, value: from, message: `"${to}" is not a ${kindOfValue} (use one of ${[...allowed[kindOfValue]].join(', ')})` });
    }
  }
  if (mapping.defaults.source && !allowed.source.has(mapping.defaults.source)) {
    errors.push({ field: 'source', column: null, value: mapping.defaults.source, message: `"${mapping.defaults.source}" is not a lead source` });
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
    default: return r.email ? `email:${r.email}` : `name:${lower(r.firstName)} ${lower(r.lastName)}|${lower(r.companyName ?? r.domain)}`;
  }
}

const own = (list: { id: string; label?: string }[]) =>
  Object.fromEntries(list.flatMap((s) => [[normalizeHeader(s.id), s.id], ...(s.label ? [[normalizeHeader(s.label), s.id]] : [])]));

/** CSV value (normalised) → our value, for each coded field: explicit mapping, our ids and labels, HubSpot defaults. */
export function valueLookups(mapping: ImportMapping, opts: MappingOptions): Record<ValueKind, Map<string, string>> {
  return {
    stage: valueLookup('stage', own(opts.stages), mapping.values.stage),
    source: valueLookup('source', own(opts.sources), mapping.values.source),
    status: valueLookup('status', own(opts.statuses), mapping.values.status),
  };
}

/**
 * Builds the row parser of one file: column indexes resolved once, value lookups built once, so parsing a
 * million rows is a tight loop. Returns typed values (dates as { date, ms }, money in minor units).
 */
export function compileMapping(kind: ImportKind, mapping: ImportMapping, headers: string[], opts: MappingOptions): (record: string[]) => RowResult {
  const index = new Map(headers.map((h, i) => [h, i] as const));
  const lookups = valueLookups(mapping, opts);
  const stageKind = new Map(opts.stages.map((s) => [s.id, s.kind ?? 'open']));
  const active = fieldsOf(kind)
    .map((f) => ({ f, i: mapping.columns[f.id] ? index.get(mapping.columns[f.id]!) : undefined }))
    .filter((x): x is { f: FieldDef; i: number } => x.i !== undefined);
  const requiredUnmapped = fieldsOf(kind).filter((f) => f.required && !active.some((a) => a.f.id === f.id));
  const order = mapping.dateOrder;

  const parse = (f: FieldDef, raw: string): Parsed<unknown> => {
    switch (f.type) {
      case 'text': { const s = raw.trim(); return { ok: true, value: s ? s.slice(0, 2000) : null }; }
      case 'email': return parseEmail(raw);
      case 'domain': return parseDomain(raw);
      case 'date': case 'datetime': return parseDate(raw, order);
      case 'money': return parseMoney(raw);
      case 'int': { const r = parseInteger(raw); return r.ok && r.value !== null && r.value < 0 ? { ok: false, error: `${f.label} must not be negative` } : r; }
      case 'country': return { ok: true, value: countryCode(raw) };
      case 'currency': return parseCurrency(raw);
      case 'stage': case 'source': case 'status': {
        const s = raw.trim();
        if (!s) return { ok: true, value: null };
        const v = lookups[f.type].get(normalizeHeader(s));
        return v ? { ok: true, value: v } : { ok: false, error: `Unknown ${f.type} "${s}" (map it to one of ours in the value mapping)` };
      }
    }
  };
  // Coded values, domains, countries, currencies and dates repeat across a file: each distinct cell is parsed once
  // (results are never mutated; each memo is bounded). Resolved per field up front: the row loop does no lookups
  // to find them.
  const MEMO_TYPES = new Set(['stage', 'source', 'status', 'domain', 'country', 'currency', 'date']);
  const cells = active.map(({ f, i }) => ({ f, i, memo: MEMO_TYPES.has(f.type) ? new Map<string, Parsed<unknown>>() : null }));
  const parseCell = (c: (typeof cells)[number], raw: string): Parsed<unknown> => {
    const m = c.memo;
    if (m === null) return parse(c.f, raw);
    let r = m.get(raw);
    if (r === undefined) {
      r = parse(c.f, raw);
      if (m.size >= 50_000) m.clear();
      m.set(raw, r);
    }
    return r;
  };
  // Every row object gets all fields in one order, so rows share one shape (fast property access downstream).
  const fieldIds = fieldsOf(kind).map((f) => f.id);
  const blank = (): Record<string, any> => {
    const o: Record<string, any> = {};
    for (const id of fieldIds) o[id] = null;
    o.key = '';
    return o;
  };

  return (record) => {
    const errors: RowError[] = requiredUnmapped.length
      ? requiredUnmapped.map((f) => ({ field: f.id, column: null, value: null, message: `${f.label} is not mapped` })) : [];
    const out = blank();
    for (const c of cells) {
      const raw = record[c.i] ?? '';
      // A control character (a NUL cannot even be stored) makes the row bad, not the import; the value is echoed visibly.
      if (hasControlChar(raw)) { errors.push({ field: c.f.id, column: mapping.columns[c.f.id]!, value: visibleControlChars(raw), message: CONTROL_CHAR_MESSAGE }); continue; }
      if (c.f.type === 'text') {
        // The commonest cell, parsed inline (no result object per cell).
        const s = raw.trim();
        if (s) out[c.f.id] = s.length > 2000 ? s.slice(0, 2000) : s;
        else if (c.f.required) errors.push({ field: c.f.id, column: mapping.columns[c.f.id]!, value: raw, message: `${c.f.label} is blank` });
        continue;
      }
      const r = parseCell(c, raw);
      if (!r.ok) { errors.push({ field: c.f.id, column: mapping.columns[c.f.id]!, value: raw, message: r.error }); continue; }
      if (r.value === null && c.f.required) {
        errors.push({ field: c.f.id, column: mapping.columns[c.f.id]!, value: raw, message: `${c.f.label} is blank` });
        continue;
      }
      out[c.f.id] = r.value;
    }
    finish(kind, out, errors, { stageKind, mapping, opts });
    if (errors.length) return { ok: false, errors };
    out.externalId = out.externalId ?? null;
    out.key = rowKey(kind, out);
    return { ok: true, row: out as ImportRow };
  };
}

/** Rules across fields of one kind, and defaults. */
function finish(kind: ImportKind, r: Record<string, any>, errors: RowError[], c: {
  stageKind: Map<string, string>; mapping: ImportMapping; opts: MappingOptions;
}) {
  const need = (message: string) => errors.push({ field: null, column: null, value: null, message });
  if (kind === 'deals') {
    const sk = r.stage ? c.stageKind.get(r.stage) : undefined;
    if (r.amount) { r.currency ??= r.amount.currency; r.amount = r.amount.minor; }
    if (typeof r.amount === 'number' && r.amount < 0) errors.push({ field: 'amount', column: c.mapping.columns.amount ?? null, value: String(r.amount / 100), message: 'Amount must not be negative' });
    r.currency ??= c.mapping.defaults.currency ?? c.opts.currency;
    r.pipeline ??= c.mapping.defaults.pipeline ?? 'default';
    if ((sk === 'won' || sk === 'lost') && !r.closeDate && !errors.some((e) => e.field === 'closeDate')) errors.push({ field: 'closeDate', column: c.mapping.columns.closeDate ?? null, value: null, message: 'A closed deal needs a close date' });
    if (!r.companyName && !r.companyDomain) need('The deal has no associated company (name or domain)');
  } else if (kind === 'companies') {
    if (r.annualRevenue) { r.currency = r.annualRevenue.currency ?? c.mapping.defaults.currency ?? c.opts.currency; r.annualRevenue = r.annualRevenue.minor; }
  } else if (kind === 'contacts') {
    if (!r.email && !r.firstName && !r.lastName) need('The contact has no name and no e-mail');
    if (!r.companyName && !r.companyDomain && r.email) r.companyDomain = r.email.split('@')[1];
    if (!r.companyName && !r.companyDomain) need('The contact has no company (name, domain or e-mail domain)');
  } else if (kind === 'leads') {
    if (!r.email && !r.companyName) need('The lead has neither an e-mail nor a company');
    r.source ??= c.mapping.defaults.source ?? 'website';
    r.status ??= 'new';
  }
}
