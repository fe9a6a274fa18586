// Set-based batch writers, one per import kind. A batch is a few thousand parsed rows written with a handful of
// statements (json_to_recordset with one parameter: the fastest form measured that runs on PGlite and
// PostgreSQL alike). Bulk loading writes the tables directly instead of calling other modules' per-row use
// cases: a million-row file would otherwise be a million transactions; the job itself is audited and emits one
// `import.completed` event for the other streams.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { ImportKind, ImportRow } from '../../../core/imports';
import type { Playbook } from '../../../core/playbook';
import type { Tx } from '../../db/client';
import { slaFieldsAt } from '../leads/sla.service';
import { scoreLeadsIn } from '../leads/scoring.service';
import { rowsOf, type LineError } from './imports.repo';

export interface BatchRow { line: number; row: ImportRow }
export interface BatchResult { inserted: number; updated: number; errors: LineError[] }

/** What a writer needs besides the rows: the job, the playbook's stage facts, caches that live for one run. */
export interface WriterContext {
  jobId: string;
  stages: Map<string, { probability: number; forecastCategory: string; kind: 'open' | 'won' | 'lost' }>;
  /** lower(email) / lower(name) / id → user id, for owner columns. */
  users: Map<string, string>;
  /** 'd:<domain>' / 'n:<lower name>' → account id; bounded, cleared when large. */
  accounts: Map<string, string>;
  playbook: Playbook;
  /** Starts the SLA timers of new leads after the batch commits (a job, as for a large capture). */
  startClocks?: (tx: Tx, leadIds: string[]) => Promise<void>;
}

const json = (v: unknown) => JSON.stringify(v);

let lastMs = 0, seq = 0;
/**
 * A time-ordered id (UUID version 7: milliseconds, a sequence, then random bits) for rows created by an import:
 * a million new keys land at the right edge of the primary key instead of on random pages all over it.
 */
export function timeOrderedId(): string {
  const now = Date.now();
  if (now > lastMs) { lastMs = now; seq = 0; } else if (++seq > 0xfff) { lastMs++; seq = 0; }
  const ts = lastMs.toString(16).padStart(12, '0');
  return `${ts.slice(0, 8)}-${ts.slice(8)}-7${seq.toString(16).padStart(3, '0')}-${randomUUID().slice(19)}`;
}
const iso = (d: { ms: number } | null | undefined) => (d ? new Date(d.ms).toISOString() : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Claims each row's key for this job. New keys take the candidate id; keys imported before (another job) return
 * the entity they created, so a re-import updates it. A key already claimed by this job is a duplicate row.
 */
async function claim(tx: Tx, kind: ImportKind, jobId: string, rows: { key: string; line: number; candidate: string }[]) {
  const claimed = await rowsOf<{ key: string; entity_id: string; inserted: boolean }>(tx, sql`
    INSERT INTO import_records (kind, key, entity_id, job_id, line)
    SELECT ${kind}, x.key, x.entity_id, ${jobId}::uuid, x.line FROM json_to_recordset(${json(rows.map((r) => ({ key: r.key, entity_id: r.candidate, line: r.line })))}::json)
      AS x(key text, entity_id uuid, line int)
    ON CONFLICT (kind, key) DO UPDATE SET job_id = EXCLUDED.job_id, line = EXCLUDED.line
      WHERE import_records.job_id <> EXCLUDED.job_id
    RETURNING key, entity_id, (xmax = 0) AS inserted`);
  return { byKey: new Map(claimed.map((c) => [c.key, c])) };
}

/** Splits rows into inserts (fresh ids) and updates (existing entities), reporting in-job duplicates as errors. */
async function route(tx: Tx, kind: ImportKind, jobId: string, rows: BatchRow[], natural: Map<string, string>) {
  const candidates = rows.map((r) => {
    const match = natural.get(r.row.key);
    return { key: r.row.key, line: r.line, candidate: match ?? timeOrderedId(), fresh: !match };
  });
  const { byKey } = await claim(tx, kind, jobId, candidates);
  const inserts: (BatchRow & { id: string })[] = [];
  const updates: (BatchRow & { id: string })[] = [];
  const errors: LineError[] = [];
  const dupKeys: string[] = [];
  rows.forEach((r, i) => {
    const c = byKey.get(r.row.key);
    if (!c) { dupKeys.push(r.row.key); return; }
    (c.inserted && candidates[i].fresh ? inserts : updates).push({ ...r, id: c.entity_id });
  });
  if (dupKeys.length) {
    const prior = await rowsOf<{ key: string; line: number }>(tx, sql`
      SELECT key, line FROM import_records WHERE kind = ${kind} AND key IN (SELECT json_array_elements_text(${json(dupKeys)}::json))`);
    const lineOf = new Map(prior.map((p) => [p.key, p.line]));
    for (const r of rows) {
      if (byKey.has(r.row.key)) continue;
      errors.push({ line: r.line, key: r.row.key, field: null, column: null, value: null,
        message: `Duplicate: the same record (${r.row.key}) is on line ${lineOf.get(r.row.key) ?? '?'} of this file` });
    }
  }
  return { inserts, updates, errors };
}

/** Rows whose record id is one of our own ids (a file we exported): they update that entity. */
async function ownIds(tx: Tx, table: 'accounts' | 'contacts' | 'leads', rows: BatchRow[], natural: Map<string, string>) {
  const ids = rows.map((r) => r.row.externalId).filter((x): x is string => !!x && UUID.test(x));
  if (!ids.length) return;
  const hits = await rowsOf<{ id: string }>(tx, sql`
    SELECT id FROM ${sql.raw(table)} WHERE deleted_at IS NULL AND id IN (SELECT json_array_elements_text(${json(ids)}::json)::uuid)`);
  const found = new Set(hits.map((h) => h.id));
  for (const r of rows) if (r.row.externalId && found.has(r.row.externalId)) natural.set(r.row.key, r.row.externalId);
}

// ---------------------------------------------------------------- accounts (companies, and the company of deals and contacts)

const accountKeys = (name: string | null, domain: string | null) => ({
  d: domain ? `d:${domain.toLowerCase()}` : null, n: name ? `n:${name.trim().toLowerCase()}` : null,
});

/** Whether every (name, domain) is already in the run's account cache (no statement needed). */
export function accountsKnown(w: WriterContext, refs: { name: string | null; domain: string | null }[]) {
  return refs.every((r) => {
    const k = accountKeys(r.name, r.domain);
    return !!((k.d && w.accounts.get(k.d)) || (k.n && w.accounts.get(k.n)));
  });
}

/** Finds or creates the account of each (name, domain): domain first, then name. Set-based per batch. */
export async function resolveAccounts(tx: Tx, w: WriterContext, refs: { name: string | null; domain: string | null }[]): Promise<string[]> {
  if (w.accounts.size > 200_000) w.accounts.clear();
  const lookup = (r: { name: string | null; domain: string | null }) => {
    const k = accountKeys(r.name, r.domain);
    return (k.d && w.accounts.get(k.d)) || (k.n && w.accounts.get(k.n)) || undefined;
  };
  const misses = refs.filter((r) => !lookup(r));
  if (misses.length) {
    // One creator at a time: concurrent imports would otherwise both create the same new company.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('valuegraph:import:accounts'))`);
    const domains = [...new Set(misses.map((r) => r.domain?.toLowerCase()).filter(Boolean))];
    const names = [...new Set(misses.map((r) => r.name?.trim().toLowerCase()).filter(Boolean))];
    const found = await rowsOf<{ id: string; d: string | null; n: string }>(tx, sql`
      SELECT id, lower(domain) AS d, lower(name) AS n FROM accounts
      WHERE deleted_at IS NULL AND (lower(domain) IN (SELECT json_array_elements_text(${json(domains)}::json))
        OR lower(name) IN (SELECT json_array_elements_text(${json(names)}::json)))
      ORDER BY created_at, id`);
    for (const f of found.reverse()) { // oldest wins
      if (f.d) w.accounts.set(`d:${f.d}`, f.id);
      w.accounts.set(`n:${f.n}`, f.id);
    }
    const create = new Map<string, { id: string; name: string; domain: string | null }>();
    for (const r of misses) {
      if (lookup(r)) continue;
      const k = accountKeys(r.name, r.domain);
      const key = (k.d ?? k.n)!;
      if (!create.has(key)) create.set(key, { id: timeOrderedId(), name: r.name?.trim() || r.domain!, domain: r.domain?.toLowerCase() ?? null });
      const c = create.get(key)!;
      if (k.d) w.accounts.set(k.d, c.id);
      if (k.n) w.accounts.set(k.n, c.id);
    }
    if (create.size) {
      await tx.execute(sql`
        INSERT INTO accounts (id, name, domain)
        SELECT x.id, x.name, x.domain FROM json_to_recordset(${json([...create.values()])}::json) AS x(id uuid, name text, domain text)`);
    }
  }
  return refs.map((r) => lookup(r)!);
}

// ---------------------------------------------------------------- deals → opportunities

async function writeDeals(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const accountIds = await resolveAccounts(tx, w, rows.map((r) => ({ name: r.row.companyName, domain: r.row.companyDomain })));
  // Only imports write opportunities.external_id, and they claim every key in import_records; what import_records
  // cannot know is a file exported by us, which carries our own id as the record id.
  const own = rows.map((r) => r.row.externalId).filter((x): x is string => !!x && UUID.test(x));
  const natural = new Map<string, string>();
  if (own.length) {
    const hits = await rowsOf<{ id: string }>(tx, sql`
      SELECT id FROM opportunities WHERE deleted_at IS NULL AND id IN (SELECT json_array_elements_text(${json(own)}::json)::uuid)`);
    for (const h of hits) natural.set(`id:${h.id}`, h.id);
  }
  const { inserts, updates, errors } = await route(tx, 'deals', w.jobId, rows, natural);
  const accountOf = new Map(rows.map((r, i) => [r.line, accountIds[i]]));
  const shape = (r: BatchRow & { id: string }) => {
    const d = r.row;
    const st = w.stages.get(d.stage)!;
    const created = iso(d.createdAt);
    const closed = st.kind !== 'open' && d.closeDate ? `${d.closeDate.date}T00:00:00.000Z` : null;
    return {
      id: r.id, account_id: accountOf.get(r.line), name: d.name, stage: d.stage, pipeline: d.pipeline, amount: d.amount,
      currency: d.currency, close_date: d.closeDate?.date ?? null, probability: st.probability, forecast_category: st.forecastCategory,
      owner_id: d.owner ? w.users.get(String(d.owner).toLowerCase()) ?? null : null, stage_entered_at: created,
      closed_at: closed, loss_reason: st.kind === 'lost' ? d.lossReason : null, external_id: d.externalId, created_at: created,
    };
  };
  const cols = sql.raw(`id uuid, account_id uuid, name text, stage text, pipeline text, amount bigint, currency text, close_date date,
    probability int, forecast_category text, owner_id uuid, stage_entered_at timestamptz, closed_at timestamptz, loss_reason text,
    external_id text, created_at timestamptz`);
  if (inserts.length) {
    await tx.execute(sql`
      INSERT INTO opportunities (id, account_id, name, stage, pipeline, amount, currency, close_date, probability, forecast_category,
        owner_id, source, stage_entered_at, closed_at, loss_reason, external_id, created_at, updated_at)
      SELECT x.id, x.account_id, x.name, x.stage, x.pipeline, x.amount, x.currency, x.close_date, x.probability, x.forecast_category,
        x.owner_id, 'import', coalesce(x.stage_entered_at, now()), x.closed_at, x.loss_reason, x.external_id, coalesce(x.created_at, now()), now()
      FROM json_to_recordset(${json(inserts.map(shape))}::json) AS x(${cols})
      -- In the order of most indexes' keys: each index page of the batch is visited once, not once per row.
      ORDER BY x.stage, x.close_date, x.id`);
  }
  if (updates.length) {
    // A changed stage leaves a history entry, as a move on the board would.
    await tx.execute(sql`
      WITH x AS (SELECT * FROM json_to_recordset(${json(updates.map(shape))}::json) AS x(${cols})),
      old AS (SELECT o.id, o.stage FROM opportunities o JOIN x ON x.id = o.id FOR UPDATE OF o),
      upd AS (
        UPDATE opportunities o SET account_id = x.account_id, name = x.name, stage = x.stage, pipeline = x.pipeline, amount = x.amount,
          currency = x.currency, close_date = x.close_date, probability = x.probability, forecast_category = x.forecast_category,
          owner_id = coalesce(x.owner_id, o.owner_id), closed_at = x.closed_at, loss_reason = coalesce(x.loss_reason, o.loss_reason),
          stage_entered_at = CASE WHEN o.stage <> x.stage THEN now() ELSE o.stage_entered_at END,
          created_at = coalesce(x.created_at, o.created_at), version = o.version + 1, updated_at = now()
        FROM x WHERE o.id = x.id RETURNING o.id, o.stage)
      INSERT INTO opportunity_stage_history (opportunity_id, from_stage, to_stage, at)
      SELECT upd.id, old.stage, upd.stage, now() FROM upd JOIN old ON old.id = upd.id WHERE old.stage <> upd.stage`);
  }
  return { inserted: inserts.length, updated: updates.length, errors };
}

// ---------------------------------------------------------------- companies → accounts

async function writeCompanies(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const domains = rows.map((r) => r.row.domain).filter(Boolean);
  const names = rows.map((r) => String(r.row.name).toLowerCase());
  const hits = await rowsOf<{ id: string; d: string | null; n: string }>(tx, sql`
    SELECT id, lower(domain) AS d, lower(name) AS n FROM accounts WHERE deleted_at IS NULL AND (
      lower(domain) IN (SELECT json_array_elements_text(${json(domains)}::json)) OR lower(name) IN (SELECT json_array_elements_text(${json(names)}::json)))
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
  const shape = (r: BatchRow & { id: string }) => ({
    id: r.id, name: r.row.name, domain: r.row.domain, industry: r.row.industry, employees: r.row.employees,
    annual_revenue: r.row.annualRevenue, currency: r.row.currency ?? null, country: r.row.country, description: r.row.description,
    created_at: iso(r.row.createdAt),
  });
  const cols = sql.raw('id uuid, name text, domain text, industry text, employees int, annual_revenue bigint, currency text, country text, description text, created_at timestamptz');
  if (inserts.length) {
    await tx.execute(sql`
      INSERT INTO accounts (id, name, domain, industry, employees, annual_revenue, currency, country, description, created_at, updated_at)
      SELECT x.id, x.name, x.domain, x.industry, x.employees, x.annual_revenue, coalesce(x.currency, 'USD'), x.country, x.description, coalesce(x.created_at, now()), now()
      FROM json_to_recordset(${json(inserts.map(shape))}::json) AS x(${cols})`);
  }
  if (updates.length) {
    await tx.execute(sql`
      UPDATE accounts a SET name = x.name, domain = coalesce(x.domain, a.domain), industry = coalesce(x.industry, a.industry),
        employees = coalesce(x.employees, a.employees), annual_revenue = coalesce(x.annual_revenue, a.annual_revenue),
        country = coalesce(x.country, a.country), description = coalesce(x.description, a.description), version = a.version + 1, updated_at = now()
      FROM json_to_recordset(${json(updates.map(shape))}::json) AS x(${cols}) WHERE a.id = x.id`);
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
  const accountIds = await resolveAccounts(tx, w, rows.map((r) => ({ name: r.row.companyName, domain: r.row.companyDomain })));
  const emails = rows.map((r) => r.row.email).filter(Boolean);
  const hits = await rowsOf<{ id: string; e: string }>(tx, sql`
    SELECT id, lower(email) AS e FROM contacts WHERE deleted_at IS NULL AND lower(email) IN (SELECT json_array_elements_text(${json(emails)}::json))`);
  const byEmail = new Map(hits.map((h) => [h.e, h.id]));
  const natural = new Map<string, string>();
  for (const r of rows) if (r.row.email && byEmail.has(r.row.email)) natural.set(r.row.key, byEmail.get(r.row.email)!);
  await ownIds(tx, 'contacts', rows, natural);
  const { inserts, updates, errors } = await route(tx, 'contacts', w.jobId, rows, natural);
  const accountOf = new Map(rows.map((r, i) => [r.line, accountIds[i]]));
  const shape = (r: BatchRow & { id: string }) => ({
    id: r.id, account_id: accountOf.get(r.line), first_name: r.row.firstName ?? '', last_name: r.row.lastName ?? '', email: r.row.email,
    phone: r.row.phone, title: r.row.title, created_at: iso(r.row.createdAt),
  });
  const cols = sql.raw('id uuid, account_id uuid, first_name text, last_name text, email text, phone text, title text, created_at timestamptz');
  if (inserts.length) {
    await tx.execute(sql`
      INSERT INTO contacts (id, account_id, first_name, last_name, email, phone, title, created_at, updated_at)
      SELECT x.id, x.account_id, x.first_name, x.last_name, x.email, x.phone, x.title, coalesce(x.created_at, now()), now()
      FROM json_to_recordset(${json(inserts.map(shape))}::json) AS x(${cols})`);
  }
  if (updates.length) {
    await tx.execute(sql`
      UPDATE contacts c SET first_name = CASE WHEN x.first_name = '' THEN c.first_name ELSE x.first_name END,
        last_name = CASE WHEN x.last_name = '' THEN c.last_name ELSE x.last_name END, email = coalesce(x.email, c.email),
        phone = coalesce(x.phone, c.phone), title = coalesce(x.title, c.title), version = c.version + 1, updated_at = now()
      FROM json_to_recordset(${json(updates.map(shape))}::json) AS x(${cols}) WHERE c.id = x.id`);
  }
  return { inserted: inserts.length, updated: updates.length, errors };
}

// ---------------------------------------------------------------- leads

async function writeLeads(tx: Tx, w: WriterContext, rows: BatchRow[]): Promise<BatchResult> {
  const emails = rows.map((r) => r.row.email).filter(Boolean);
  const hits = await rowsOf<{ id: string; e: string }>(tx, sql`
    SELECT id, lower(email) AS e FROM leads WHERE deleted_at IS NULL AND lower(email) IN (SELECT json_array_elements_text(${json(emails)}::json))`);
  const byEmail = new Map(hits.map((h) => [h.e, h.id]));
  const natural = new Map<string, string>();
  for (const r of rows) if (r.row.email && byEmail.has(r.row.email)) natural.set(r.row.key, byEmail.get(r.row.email)!);
  await ownIds(tx, 'leads', rows, natural);
  const { inserts, updates, errors } = await route(tx, 'leads', w.jobId, rows, natural);
  const shape = (r: BatchRow & { id: string }) => ({
    id: r.id, source: r.row.source, status: r.row.status, first_name: r.row.firstName, last_name: r.row.lastName, email: r.row.email,
    phone: r.row.phone, title: r.row.title, company_name: r.row.companyName, domain: r.row.domain, country: r.row.country,
    industry: r.row.industry, employees: r.row.employees, owner_id: r.row.owner ? w.users.get(String(r.row.owner).toLowerCase()) ?? null : null,
    created_at: iso(r.row.createdAt),
  });
  const cols = sql.raw(`id uuid, source text, status text, first_name text, last_name text, email text, phone text, title text,
    company_name text, domain text, country text, industry text, employees int, owner_id uuid, created_at timestamptz`);
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
      FROM json_to_recordset(${json(inserts.map(shape))}::json) AS x(${cols})
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
      FROM json_to_recordset(${json(updates.map(shape))}::json) AS x(${cols}) WHERE l.id = x.id`);
  }
  // Scored as captured leads are, set-based in the batch's transaction.
  await scoreLeadsIn(tx, [...inserts, ...updates].map((r) => r.id));
  return { inserted: inserts.length, updated: updates.length, errors };
}

export const writers: Record<ImportKind, (tx: Tx, w: WriterContext, rows: BatchRow[]) => Promise<BatchResult>> = {
  deals: writeDeals, companies: writeCompanies, contacts: writeContacts, leads: writeLeads,
};
