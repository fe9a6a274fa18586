// The row parser of one file, built from its mapping: typed values (dates as { date, ms }, money in minor units,
// owners as user ids), the rules across fields of each kind, and the warnings of rows imported with something left
// out (a blank amount on an open deal, an owner or country nobody knows).
import { CONTROL_CHAR_MESSAGE, hasControlChar, visibleControlChars } from '../control-chars';
import { fieldsOf, normalizeHeader, type FieldDef, type ImportKind } from './fields';
import { rowKey, valueLookups, type ImportMapping, type MappingOptions, type RowError, type RowMapper, type ImportRow } from './mapping';
import { ownerResolver } from './owners';
import {
  countryCode, parseCurrency, parseDate, parseDomain, parseEmail, parseInteger, parseMoney, type Parsed,
} from './values';

/** Territories in one cell: "EMEA; Nordics", "EMEA|DACH", "EMEA, Nordics". */
const splitList = (s: string) => [...new Set(s.split(/[;|,]/).map((x) => x.trim()).filter(Boolean))].slice(0, 50);

/**
 * Builds the row parser of one file: column indexes resolved once, value lookups built once, so parsing a
 * million rows is a tight loop.
 */
export function compileMapping(kind: ImportKind, mapping: ImportMapping, headers: string[], opts: MappingOptions): RowMapper {
  const index = new Map(headers.map((h, i) => [h, i] as const));
  const lookups = valueLookups(mapping, opts);
  const stageKind = new Map(opts.stages.map((s) => [s.id, s.kind ?? 'open']));
  const owner = ownerResolver(mapping.owners, opts.users ?? []);
  const countries = new Map(Object.entries(mapping.values.country ?? {}).map(([from, to]) => [from.trim().toLowerCase(), to]));
  const active = fieldsOf(kind)
    .map((f) => ({ f, i: mapping.columns[f.id] ? index.get(mapping.columns[f.id]!) : undefined }))
    .filter((x): x is { f: FieldDef; i: number } => x.i !== undefined);
  const requiredUnmapped = fieldsOf(kind).filter((f) => f.required && !active.some((a) => a.f.id === f.id));
  const order = mapping.dateOrder;
  // The record id as the file writes it: its id column, for users the e-mail.
  const refColumn = mapping.columns.externalId ?? (kind === 'users' ? mapping.columns.email : null);
  const refIndex = refColumn ? index.get(refColumn) : undefined;
  const ref = (record: string[]) => {
    const v = refIndex === undefined ? '' : (record[refIndex] ?? '').trim();
    return v ? visibleControlChars(v.slice(0, 300)) : null; // errors carry it: never a NUL the database cannot store
  };

  const parse = (f: FieldDef, raw: string): Parsed<unknown> => {
    switch (f.type) {
      case 'text': { const s = raw.trim(); return { ok: true, value: s ? s.slice(0, 2000) : null }; }
      case 'email': return parseEmail(raw);
      case 'domain': return parseDomain(raw);
      case 'date': case 'datetime': return parseDate(raw, order);
      case 'money': return parseMoney(raw, mapping.scale[f.id] ?? 1);
      case 'int': { const r = parseInteger(raw); return r.ok && r.value !== null && r.value < 0 ? { ok: false, error: `${f.label} must not be negative` } : r; }
      case 'country': {
        const s = raw.trim();
        if (!s) return { ok: true, value: null };
        const code = countries.get(s.toLowerCase()) ?? countryCode(s);
        return code ? { ok: true, value: code } : { ok: true, value: null, warning: `Unknown country "${s}": imported without a country (map it to a country code in the mapping)` };
      }
      case 'currency': return parseCurrency(raw);
      case 'owner': {
        const m = owner(raw);
        return m.how === 'unmatched'
          ? { ok: true, value: null, warning: `Owner "${raw.trim()}" matches no user: imported without an owner (map it to a user in the owner mapping)` }
          : { ok: true, value: m.userId };
      }
      case 'stage': case 'source': case 'status': case 'role': {
        const s = raw.trim();
        if (!s) return { ok: true, value: null };
        const v = lookups[f.type].get(normalizeHeader(s));
        return v ? { ok: true, value: v } : { ok: false, error: `Unknown ${f.type} "${s}" (map it to one of ours in the value mapping)` };
      }
    }
  };
  // Coded values, owners, domains, countries, currencies and dates repeat across a file: each distinct cell is parsed
  // once (results are never mutated; each memo is bounded). Resolved per field up front: the row loop does no
  // lookups to find them.
  const MEMO_TYPES = new Set(['stage', 'source', 'status', 'role', 'owner', 'domain', 'country', 'currency', 'date']);
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
    o.ref = null;
    return o;
  };
  const noWarnings: RowError[] = [];

  const mapper = (record: string[]) => {
    const errors: RowError[] = requiredUnmapped.length
      ? requiredUnmapped.map((f) => ({ field: f.id, column: null, value: null, message: `${f.label} is not mapped` })) : [];
    let warnings = noWarnings;
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
      if (r.warning) {
        if (warnings === noWarnings) warnings = [];
        warnings.push({ field: c.f.id, column: mapping.columns[c.f.id]!, value: raw.trim(), message: r.warning });
      }
      if (r.value === null && c.f.required) {
        errors.push({ field: c.f.id, column: mapping.columns[c.f.id]!, value: raw, message: `${c.f.label} is blank` });
        continue;
      }
      out[c.f.id] = r.value;
    }
    const rowRef = ref(record);
    const warn = (w: RowError) => { if (warnings === noWarnings) warnings = []; warnings.push(w); };
    finish(kind, out, errors, warn, { stageKind, mapping, opts });
    if (errors.length) return { ok: false as const, errors, ref: rowRef };
    out.externalId = out.externalId ?? null;
    out.ref = rowRef;
    out.key = rowKey(kind, out);
    return { ok: true as const, row: out as ImportRow, warnings, ref: rowRef };
  };
  return Object.assign(mapper, { ref });
}

/** Rules across fields of one kind, and defaults. */
function finish(kind: ImportKind, r: Record<string, any>, errors: RowError[], warn: (w: RowError) => void, c: {
  stageKind: Map<string, string>; mapping: ImportMapping; opts: MappingOptions;
}) {
  const need = (message: string) => errors.push({ field: null, column: null, value: null, message });
  const column = (field: string) => c.mapping.columns[field] ?? null;
  if (kind === 'deals') {
    const sk = r.stage ? c.stageKind.get(r.stage) : undefined;
    if (r.amount) { r.currency ??= r.amount.currency; r.amount = r.amount.minor; }
    if (typeof r.amount === 'number' && r.amount < 0) errors.push({ field: 'amount', column: column('amount'), value: String(r.amount / 100), message: 'Amount must not be negative' });
    if (r.amount === null && !errors.some((e) => e.field === 'amount')) {
      // Revenue figures (won amounts, average deal size, the account's ARR) count a won deal's amount; an open or
      // lost deal without one is still pipeline history worth having.
      if (sk === 'won') errors.push({ field: 'amount', column: column('amount'), value: null, message: 'A won deal needs an amount (revenue figures count it)' });
      else if (sk) warn({ field: 'amount', column: column('amount'), value: null, message: 'No amount: imported without one' });
    }
    r.currency ??= c.mapping.defaults.currency ?? c.opts.currency;
    r.pipeline ??= c.mapping.defaults.pipeline ?? 'default';
    if ((sk === 'won' || sk === 'lost') && !r.closeDate && !errors.some((e) => e.field === 'closeDate')) errors.push({ field: 'closeDate', column: column('closeDate'), value: null, message: 'A closed deal needs a close date' });
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
  } else if (kind === 'users') {
    r.role ??= c.mapping.defaults.role ?? 'sales';
    r.territory = r.territory ? splitList(r.territory) : null;
    const self = [r.email, String(r.name ?? '').toLowerCase()];
    if (r.manager && self.includes(String(r.manager).toLowerCase())) {
      warn({ field: 'manager', column: column('manager'), value: r.manager, message: 'A user cannot be their own manager: imported without one' });
      r.manager = null;
    }
  }
}
