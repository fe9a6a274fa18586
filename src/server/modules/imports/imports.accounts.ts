// Accounts of imported rows: the company a deal or contact names, found by domain then name, or created, set-based
// per batch with a per-run cache so the rows of a large file that name a known company cost no statement.
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client';
import { arrayLiteral, unnestRows, type Column } from '../../db/columns';
import { timeOrderedId, type WriterContext } from './imports.batch';
import { rowsOf } from './imports.repo';

export const accountKeys = (name: string | null, domain: string | null) => ({
  d: domain ? `d:${domain.toLowerCase()}` : null, n: name ? `n:${name.trim().toLowerCase()}` : null,
});

/** A company as a deal or contact row names it: the parsed row itself serves (no object per row). */
export type AccountRef = { companyName: string | null; companyDomain: string | null };
const accountColumns: Column<{ id: string; name: string; domain: string | null }>[] = [
  { name: 'id', type: 'uuid', value: (a) => a.id }, { name: 'name', type: 'text', value: (a) => a.name }, { name: 'domain', type: 'text', value: (a) => a.domain },
];

/**
 * The account of a (name, domain) from the run's cache: domain first, then name. The cell values as written are
 * remembered too (two levels, so no key string is built), and the rows of a million-row file that name a company
 * seen before cost two map lookups.
 */
function cachedAccount(w: WriterContext, r: AccountRef): string | undefined {
  const refs = (w.refs ??= new Map());
  const domain = r.companyDomain ?? '', name = r.companyName ?? '';
  let byName = refs.get(domain);
  const hit = byName?.get(name);
  if (hit !== undefined) return hit;
  const k = accountKeys(r.companyName, r.companyDomain);
  const id = (k.d && w.accounts.get(k.d)) || (k.n && w.accounts.get(k.n)) || undefined;
  if (id) {
    if (!byName) refs.set(domain, byName = new Map());
    byName.set(name, id);
  }
  return id;
}

/** Whether every (name, domain) is already in the run's account cache (no statement needed). */
export function accountsKnown(w: WriterContext, refs: AccountRef[]) {
  return refs.every((r) => cachedAccount(w, r) !== undefined);
}

/** Finds or creates the account of each company (domain first, then name). Set-based per batch. */
export async function resolveAccounts(tx: Tx, w: WriterContext, refs: AccountRef[]): Promise<string[]> {
  if (w.accounts.size > 200_000) { w.accounts.clear(); w.refs?.clear(); }
  const lookup = (r: AccountRef) => cachedAccount(w, r);
  const misses = refs.filter((r) => !lookup(r));
  if (misses.length) {
    // One creator at a time: concurrent imports would otherwise both create the same new company.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('valuegraph:import:accounts'))`);
    const domains = [...new Set(misses.map((r) => r.companyDomain?.toLowerCase()).filter(Boolean))];
    const names = [...new Set(misses.map((r) => r.companyName?.trim().toLowerCase()).filter(Boolean))];
    const found = await rowsOf<{ id: string; d: string | null; n: string }>(tx, sql`
      SELECT id, lower(domain) AS d, lower(name) AS n FROM accounts
      WHERE deleted_at IS NULL AND (lower(domain) = ANY(${arrayLiteral(domains, true)}::text[]) OR lower(name) = ANY(${arrayLiteral(names, true)}::text[]))
      ORDER BY created_at, id`);
    for (const f of found.reverse()) { // oldest wins
      if (f.d) w.accounts.set(`d:${f.d}`, f.id);
      w.accounts.set(`n:${f.n}`, f.id);
    }
    const create = new Map<string, { id: string; name: string; domain: string | null }>();
    for (const r of misses) {
      if (lookup(r)) continue;
      const k = accountKeys(r.companyName, r.companyDomain);
      const key = (k.d ?? k.n)!;
      if (!create.has(key)) create.set(key, { id: timeOrderedId(), name: r.companyName?.trim() || r.companyDomain!, domain: r.companyDomain?.toLowerCase() ?? null });
      const c = create.get(key)!;
      if (k.d) w.accounts.set(k.d, c.id);
      if (k.n) w.accounts.set(k.n, c.id);
    }
    if (create.size) {
      await tx.execute(sql`
        INSERT INTO accounts (id, name, domain)
        SELECT x.id, x.name, x.domain FROM ${unnestRows(accountColumns, [...create.values()])}`);
    }
  }
  return refs.map((r) => lookup(r)!);
}
