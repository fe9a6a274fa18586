// Set-based batch writers, one per import kind. A batch is a few thousand parsed rows written with a handful of
// statements, the rows sent as one array per column (db/columns.ts: the fastest form measured that runs on PGlite
// and PostgreSQL alike). Bulk loading writes the tables directly instead of calling other modules' per-row use
// cases: a million-row file would otherwise be a million transactions; the job itself is audited and emits one
// `import.completed` event for the other streams.
import { sql } from 'drizzle-orm';
import type { ImportKind, ImportRow } from '../../../core/imports';
import type { Tx } from '../../db/client';
import { arrayLiteral, unnestRows, type Cell, type Column } from '../../db/columns';
import { slaFieldsAt } from '../leads/sla.service';
import { scoreLeadsIn } from '../leads/scoring.service';
import { accountKeys, resolveAccounts, type AccountRef } from './imports.accounts';
import { claimSql, duplicateErrors, iso, ownIds, route, timeOrderedId, type BatchResult, type BatchRow, type WriterContext } from './imports.batch';
import { rowsOf } from './imports.repo';
import { writeUsers } from './imports.users';

// ---------------------------------------------------------------- deals → opportunities

type DealRow = BatchRow & { id: string; fresh: boolean; accountId: string };

/** The opportunity columns of a deal row; `fresh` rows take a new id, the others update the entity they match. */
function dealColumns(w: WriterContext): Column<DealRow>[] {
  const stage = (r: DealRow) => w.stages.get(r.row.stage)!;
  return [
    { name: 'key', type: 'text', value: (r) => r.row.key },
    { name: 'line', type: 'int', value: (r) => r.line },
    { name: 'id', type: 'uuid', value: (r) => r.id },
    { name: 'fresh', type: 'bool', value: (r) => r.fresh },
    { name: 'account_id', type: 'uuid', value: (r) => r.accountId },
    { name: 'name', type: 'text', value: (r) => r.row.name },
    { name: 'stage', type: 'text', value: (r) => r.row.stage },
    { name: 'pipeline', type: 'text', value: (r) => r.row.pipeline },
    { name: 'amount', type: 'bigint', value: (r) => r.row.amount },
    { name: 'currency', type: 'text', value: (r) => r.row.currency },
    { name: 'close_date', type: 'date', value: (r) => r.row.closeDate?.date },
    { name: 'probability', type: 'int', value: (r) => stage(r).probability },
    { name: 'forecast_category', type: 'text', value: (r) => stage(r).forecastCategory },
    // Resolved to a user id by the row parser (core/imports/owners.ts).
    { name: 'owner_id', type: 'uuid', value: (r) => r.row.owner },
    { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.row.createdAt) },
    { name: 'closed_at', type: 'timestamptz', value: (r) => (stage(r).kind !== 'open' && r.row.closeDate ? `${r.row.closeDate.date}T00:00:00.000Z` : null) },
    { name: 'loss_reason', type: 'text', value: (r) => (stage(r).kind === 'lost' ? r.row.lossReason : null) },
    { name: 'external_id', type: 'text', value: (r) => r.row.externalId },
  ];
}

/**
 * Deals in one statement per batch: the rows go up once as column arrays, claim their keys and insert the new
 * opportunities; only rows that are not plain inserts (re-imports, our own ids, duplicates) come back.
 */
async function writeDeals(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const accountIds = await resolveAccounts(tx, w, rows.map((r) => r.row as ImportRow & AccountRef));
  // Only imports write opportunities.external_id, and they claim every key in import_records; what import_records
  // cannot know is a file exported by us, which carries our own id as the record id.
  const natural = new Map<string, string>();
  await ownIds(tx, 'opportunities', rows, natural);
  const deals: DealRow[] = rows.map((r, i) => {
    const match = natural.get(r.row.key);
    // The batch's own row objects take the new fields (no copy of every row).
    const d = r as DealRow;
    d.id = match ?? timeOrderedId();
    d.fresh = !match;
    d.accountId = accountIds[i];
    return d;
  });
  const columns = dealColumns(w);
  const rest = await rowsOf<{ line: number; entity_id: string | null; inserted: boolean | null }>(tx, sql`
    WITH x AS MATERIALIZED (SELECT * FROM ${unnestRows(columns, deals)}),
    c AS (${claimSql('deals', w.jobId)}),
    ins AS (
      INSERT INTO opportunities (id, account_id, name, stage, pipeline, amount, currency, close_date, probability, forecast_category,
        owner_id, source, stage_entered_at, closed_at, loss_reason, external_id, created_at, updated_at)
      SELECT x.id, x.account_id, x.name, x.stage, x.pipeline, x.amount, x.currency, x.close_date, x.probability, x.forecast_category,
        x.owner_id, 'import', coalesce(x.created_at, now()), x.closed_at, x.loss_reason, x.external_id, coalesce(x.created_at, now()), now()
      FROM x JOIN c ON c.key = x.key WHERE c.inserted AND x.fresh
      -- In the order of most indexes' keys: each index page of the batch is visited once, not once per row.
      ORDER BY x.stage, x.close_date, x.id)
    SELECT x.line, c.entity_id, c.inserted FROM x LEFT JOIN c ON c.key = x.key WHERE c.key IS NULL OR NOT (c.inserted AND x.fresh)`);
  const byLine = rest.length ? new Map(deals.map((d) => [d.line, d])) : new Map<number, DealRow>();
  const updates: DealRow[] = [];
  const duplicates: BatchRow[] = [];
  for (const r of rest) {
    const d = byLine.get(r.line)!;
    if (r.entity_id === null) duplicates.push(d);
    else updates.push({ ...d, id: r.entity_id });
  }
  if (updates.length) {
    // A changed stage leaves a history entry, as a move on the board would, marked inferred: the file shows where the
    // deal is, not the stages it passed on the way. A blank amount keeps the one known.
    await tx.execute(sql`
      WITH x AS (SELECT * FROM ${unnestRows(columns, updates)}),
      -- No FOR UPDATE here: a row the UPDATE below changes in the same statement is skipped by a locking read, so
      -- no history was written; the UPDATE takes the row locks itself.
      old AS (SELECT o.id, o.stage FROM opportunities o JOIN x ON x.id = o.id),
      upd AS (
        UPDATE opportunities o SET account_id = x.account_id, name = x.name, stage = x.stage, pipeline = x.pipeline, amount = coalesce(x.amount, o.amount),
          currency = x.currency, close_date = x.close_date, probability = x.probability, forecast_category = x.forecast_category,
          owner_id = coalesce(x.owner_id, o.owner_id), closed_at = x.closed_at, loss_reason = coalesce(x.loss_reason, o.loss_reason),
          stage_entered_at = CASE WHEN o.stage <> x.stage THEN now() ELSE o.stage_entered_at END,
          created_at = coalesce(x.created_at, o.created_at), version = o.version + 1, updated_at = now()
        FROM x WHERE o.id = x.id RETURNING o.id, o.stage)
      INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, at, inferred)
      SELECT upd.id, old.stage, upd.stage, now(), true FROM upd JOIN old ON old.id = upd.id WHERE old.stage <> upd.stage`);
  }
  const errors = await duplicateErrors(tx, 'deals', duplicates);
  return { inserted: rows.length - rest.length, updated: updates.length, errors };
}

// ---------------------------------------------------------------- companies → accounts

async function writeCompanies(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const domains = rows.map((r) => r.row.domain).filter(Boolean);
  const names = rows.map((r) => String(r.row.name).toLowerCase());
  const hits = await rowsOf<{ id: string; d: string | null; n: string }>(tx, sql`
    SELECT id, lower(domain) AS d, lower(name) AS n FROM accounts WHERE deleted_at IS NULL AND (
      lower(domain) = ANY(${arrayLiteral(domains, true)}::text[]) OR lower(name) = ANY(${arrayLiteral(names, true)}::text[]))
    ORDER BY created_at DESC, id`);
  const byD = new Map<string, string>(), byN = new Map<string, string>();
  for (const h of hits) { if (h.d) byD.set(h.d, h.id); byN.set(h.n, h.id); }
  const natural = new Map<string, string>();
  for (const r of rows) {
    const m = (r.row.domain && byD.get(r.row.domain)) || byN.get(String(r.row.name).toLowerCase());
    if (m) natural.set(r.row.key, m);
  }
  await ownIds(tx, 'accounts', rows, natural);
  const { inserts, updates, errors } = await route(tx, 'companies', w.jobId, rows, natural);
  const cols: Column<BatchRow & { id: string }>[] = [
    { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'name', type: 'text', value: (r) => r.row.name },
    { name: 'domain', type: 'text', value: (r) => r.row.domain }, { name: 'industry', type: 'text', value: (r) => r.row.industry },
    { name: 'employees', type: 'int', value: (r) => r.row.employees }, { name: 'annual_revenue', type: 'bigint', value: (r) => r.row.annualRevenue },
    { name: 'currency', type: 'text', value: (r) => r.row.currency }, { name: 'country', type: 'text', value: (r) => r.row.country },
    { name: 'description', type: 'text', value: (r) => r.row.description }, { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.row.createdAt) },
  ];
  if (inserts.length) {
    await tx.execute(sql`
      INSERT INTO accounts (id, name, domain, industry, employees, annual_revenue, currency, country, description, created_at, updated_at)
      SELECT x.id, x.name, x.domain, x.industry, x.employees, x.annual_revenue, coalesce(x.currency, 'USD'), x.country, x.description, coalesce(x.created_at, now()), now()
      FROM ${unnestRows(cols, inserts)}`);
  }
  if (updates.length) {
    await tx.execute(sql`
      UPDATE accounts a SET name = x.name, domain = coalesce(x.domain, a.domain), industry = coalesce(x.industry, a.industry),
        employees = coalesce(x.employees, a.employees), annual_revenue = coalesce(x.annual_revenue, a.annual_revenue),
        country = coalesce(x.country, a.country), description = coalesce(x.description, a.description), version = a.version + 1, updated_at = now()
      FROM ${unnestRows(cols, updates)} WHERE a.id = x.id`);
  }
  for (const r of [...inserts, ...updates]) {
    const k = accountKeys(r.row.name, r.row.domain);
    if (k.d) w.accounts.set(k.d, r.id);
    if (k.n) w.accounts.set(k.n, r.id);
  }
  return { inserted: inserts.length, updated: updates.length, errors };
}

// ---------------------------------------------------------------- contacts

async function writeContacts(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const accountIds = await resolveAccounts(tx, w, rows.map((r) => r.row as ImportRow & AccountRef));
  const emails = rows.map((r) => r.row.email).filter(Boolean);
  const hits = await rowsOf<{ id: string; e: string }>(tx, sql`
    SELECT id, lower(email) AS e FROM contacts WHERE deleted_at IS NULL AND lower(email) = ANY(${arrayLiteral(emails, true)}::text[])`);
  const byEmail = new Map(hits.map((h) => [h.e, h.id]));
  const natural = new Map<string, string>();
  for (const r of rows) if (r.row.email && byEmail.has(r.row.email)) natural.set(r.row.key, byEmail.get(r.row.email)!);
  await ownIds(tx, 'contacts', rows, natural);
  const { inserts, updates, errors } = await route(tx, 'contacts', w.jobId, rows, natural);
  const accountOf = new Map(rows.map((r, i) => [r.line, accountIds[i]]));
  const cols: Column<BatchRow & { id: string }>[] = [
    { name: 'id', type: 'uuid', value: (r) => r.id }, { name: 'account_id', type: 'uuid', value: (r) => accountOf.get(r.line) },
    { name: 'first_name', type: 'text', value: (r) => r.row.firstName ?? '' }, { name: 'last_name', type: 'text', value: (r) => r.row.lastName ?? '' },
    { name: 'email', type: 'text', value: (r) => r.row.email }, { name: 'phone', type: 'text', value: (r) => r.row.phone },
    { name: 'title', type: 'text', value: (r) => r.row.title }, { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.row.createdAt) },
  ];
  if (inserts.length) {
    await tx.execute(sql`
      INSERT INTO contacts (id, account_id, first_name, last_name, email, phone, title, created_at, updated_at)
      SELECT x.id, x.account_id, x.first_name, x.last_name, x.email, x.phone, x.title, coalesce(x.created_at, now()), now()
      FROM ${unnestRows(cols, inserts)}`);
  }
  if (updates.length) {
    await tx.execute(sql`
      UPDATE contacts c SET first_name = CASE WHEN x.first_name = '' THEN c.first_name ELSE x.first_name END,
        last_name = CASE WHEN x.last_name = '' THEN c.last_name ELSE x.last_name END, email = coalesce(x.email, c.email),
        phone = coalesce(x.phone, c.phone), title = coalesce(x.title, c.title), version = c.version + 1, updated_at = now()
      FROM ${unnestRows(cols, updates)} WHERE c.id = x.id`);
  }
  return { inserted: inserts.length, updated: updates.length, errors };
}

// ---------------------------------------------------------------- leads

async function writeLeads(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const emails = rows.map((r) => r.row.email).filter(Boolean);
  const hits = await rowsOf<{ id: string; e: string }>(tx, sql`
    SELECT id, lower(email) AS e FROM leads WHERE deleted_at IS NULL AND lower(email) = ANY(${arrayLiteral(emails, true)}::text[])`);
  const byEmail = new Map(hits.map((h) => [h.e, h.id]));
  const natural = new Map<string, string>();
  for (const r of rows) if (r.row.email && byEmail.has(r.row.email)) natural.set(r.row.key, byEmail.get(r.row.email)!);
  await ownIds(tx, 'leads', rows, natural);
  const { inserts, updates, errors } = await route(tx, 'leads', w.jobId, rows, natural);
  const text = (name: string, get: (r: ImportRow) => Cell): Column<BatchRow & { id: string }> => ({ name, type: 'text', value: (r) => get(r.row) });
  const cols: Column<BatchRow & { id: string }>[] = [
    { name: 'id', type: 'uuid', value: (r) => r.id }, text('source', (r) => r.source), text('status', (r) => r.status),
    text('first_name', (r) => r.firstName), text('last_name', (r) => r.lastName), text('email', (r) => r.email), text('phone', (r) => r.phone),
    text('title', (r) => r.title), text('company_name', (r) => r.companyName), text('domain', (r) => r.domain), text('country', (r) => r.country),
    text('industry', (r) => r.industry), { name: 'employees', type: 'int', value: (r) => r.row.employees },
    { name: 'owner_id', type: 'uuid', value: (r) => r.row.owner },
    { name: 'created_at', type: 'timestamptz', value: (r) => iso(r.row.createdAt) },
  ];
  if (inserts.length) {
    // New leads get their SLA clocks as captured leads do, counted from the import (their history before it happened
    // outside Valuegraph); leads already worked, qualified or closed have none.
    const due = slaFieldsAt(w.playbook, new Date());
    const at = (d: unknown) => (d instanceof Date ? d.toISOString() : null);
    await tx.execute(sql`
      INSERT INTO leads (id, source, status, first_name, last_name, email, phone, title, company_name, domain, country, industry, employees,
        owner_id, qualified_at, created_at, updated_at, first_response_due_at, first_response_target_at, qualification_due_at, sla_due_at)
      SELECT x.id, x.source, x.status, x.first_name, x.last_name, x.email, x.phone, x.title, x.company_name, x.domain, x.country, x.industry,
        x.employees, x.owner_id, CASE WHEN x.status IN ('qualified', 'converted') THEN coalesce(x.created_at, now()) END, coalesce(x.created_at, now()), now(),
        n.first_response_due_at, n.first_response_target_at, n.qualification_due_at, n.sla_due_at
      FROM ${unnestRows(cols, inserts)}
      LEFT JOIN (SELECT ${at(due.firstResponseDueAt)}::timestamptz AS first_response_due_at, ${at(due.firstResponseTargetAt)}::timestamptz AS first_response_target_at,
        ${at(due.qualificationDueAt)}::timestamptz AS qualification_due_at, ${at(due.slaDueAt)}::timestamptz AS sla_due_at) n ON x.status = 'new'`);
    const fresh = inserts.filter((r) => (r.row.status ?? 'new') === 'new').map((r) => r.id);
    if (fresh.length && w.startClocks) await w.startClocks(tx, fresh);
  }
  if (updates.length) {
    await tx.execute(sql`
      UPDATE leads l SET source = x.source, status = CASE WHEN l.status = 'converted' THEN l.status ELSE x.status END,
        first_name = coalesce(x.first_name, l.first_name), last_name = coalesce(x.last_name, l.last_name), email = coalesce(x.email, l.email),
        phone = coalesce(x.phone, l.phone), title = coalesce(x.title, l.title), company_name = coalesce(x.company_name, l.company_name),
        domain = coalesce(x.domain, l.domain), country = coalesce(x.country, l.country), industry = coalesce(x.industry, l.industry),
        employees = coalesce(x.employees, l.employees), owner_id = coalesce(x.owner_id, l.owner_id), version = l.version + 1, updated_at = now()
      FROM ${unnestRows(cols, updates)} WHERE l.id = x.id`);
  }
  // Scored as captured leads are, set-based in the batch's transaction.
  await scoreLeadsIn(tx, [...inserts, ...updates].map((r) => r.id));
  return { inserted: inserts.length, updated: updates.length, errors };
}

export const writers: Record<ImportKind, (tx: Tx, w: WriterContext, rows: BatchRow[]) => Promise<BatchResult>> = {
  deals: writeDeals, companies: writeCompanies, contacts: writeContacts, leads: writeLeads, users: writeUsers,
};
