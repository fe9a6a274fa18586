// CSV exports in the shapes the importer reads back (HubSpot property names as headers): streamed page by page
// (keyset on id, 5,000 rows per query) through csv-stringify, so an export of a million rows uses flat memory.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { sql } from 'drizzle-orm';
import { guardFormula } from '../../../core/csv/formula-guard';
import { fieldsOf, type ExportKind } from '../../../core/imports';
import type { Executor } from '../../db/client';
import { rowsOf } from './imports.repo';

const PAGE = 5000;
const money = (minor: number | null) => (minor === null || minor === undefined ? '' : (minor / 100).toFixed(2));
const isoTs = (v: unknown) => (v ? new Date(v as string).toISOString() : '');

/** One query per kind; each returns the export columns in field order, after a keyset position. */
const QUERIES: Record<ExportKind, (after: string) => ReturnType<typeof sql>> = {
  deals: (after) => sql`
    SELECT o.id, o.external_id, o.name, o.stage, o.amount, o.currency, o.close_date::text AS close_date, o.created_at, o.pipeline,
      u.email AS owner, a.name AS company, a.domain AS company_domain, o.loss_reason
    FROM opportunities o JOIN accounts a ON a.id = o.account_id LEFT JOIN users u ON u.id = o.owner_id
    WHERE o.deleted_at IS NULL AND o.id > ${after}::uuid ORDER BY o.id LIMIT ${PAGE}`,
  companies: (after) => sql`
    SELECT id, name, domain, industry, employees, annual_revenue, country, description, created_at
    FROM accounts WHERE deleted_at IS NULL AND id > ${after}::uuid ORDER BY id LIMIT ${PAGE}`,
  contacts: (after) => sql`
    SELECT c.id, c.first_name, c.last_name, c.email, c.phone, c.title, a.name AS company, a.domain AS company_domain, c.created_at
    FROM contacts c JOIN accounts a ON a.id = c.account_id WHERE c.deleted_at IS NULL AND c.id > ${after}::uuid ORDER BY c.id LIMIT ${PAGE}`,
  leads: (after) => sql`
    SELECT l.id, l.first_name, l.last_name, l.email, l.phone, l.title, l.company_name, l.domain, l.country, l.industry, l.employees,
      l.source, l.status, u.email AS owner, l.created_at
    FROM leads l LEFT JOIN users u ON u.id = l.owner_id WHERE l.deleted_at IS NULL AND l.id > ${after}::uuid ORDER BY l.id LIMIT ${PAGE}`,
};

function toRecord(kind: ExportKind, r: Record<string, any>): unknown[] {
  switch (kind) {
    case 'deals': return [r.external_id ?? r.id, r.name, r.stage, money(r.amount === null ? null : Number(r.amount)), r.currency, r.close_date ?? '', isoTs(r.created_at),
      r.pipeline, r.owner ?? '', r.company, r.company_domain ?? '', r.loss_reason ?? ''];
    case 'companies': return [r.id, r.name, r.domain ?? '', r.industry ?? '', r.employees ?? '', money(r.annual_revenue === null ? null : Number(r.annual_revenue)),
      r.country ?? '', r.description ?? '', isoTs(r.created_at)];
    case 'contacts': return [r.id, r.first_name, r.last_name, r.email ?? '', r.phone ?? '', r.title ?? '', r.company, r.company_domain ?? '', isoTs(r.created_at)];
    case 'leads': return [r.id, r.first_name ?? '', r.last_name ?? '', r.email ?? '', r.phone ?? '', r.title ?? '', r.company_name ?? '', r.domain ?? '',
      r.country ?? '', r.industry ?? '', r.employees ?? '', r.source, r.status, r.owner ?? '', isoTs(r.created_at)];
  }
}

async function* records(db: Executor, kind: ExportKind) {
  yield fieldsOf(kind).map((f) => f.exportHeader);
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const rows = await rowsOf<Record<string, any>>(db, QUERIES[kind](after));
    for (const r of rows) yield toRecord(kind, r);
    if (rows.length < PAGE) return;
    after = rows[rows.length - 1].id;
  }
}

/** A Node stream of CSV text. */
export function exportStream(db: Executor, kind: ExportKind): Readable {
  return Readable.from(records(db, kind)).pipe(csvWriter());
}

/** Any rows as CSV (the error report). */
export function csvStream(rows: AsyncIterable<unknown[]>, header: string[]): Readable {
  async function* all() { yield header; yield* rows; }
  return Readable.from(all()).pipe(csvWriter());
}

/** Every CSV we write: text cells a spreadsheet would run as formulas are quoted (the importer removes the quote). */
function csvWriter() {
  return stringify({ cast: { string: (value) => guardFormula(value) } });
}
