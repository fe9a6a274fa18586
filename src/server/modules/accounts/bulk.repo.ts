// SQL of the bulk upserts: the match keys of a whole batch resolved in one statement each (row scope applied).
import { and, inArray, isNull, sql } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { Executor } from '../../db/client';
import { accounts, contacts } from '../../db/schema';
import { scopeWhere } from './accounts.repo';

/** Live accounts the scope sees, by lower-cased domain (a domain may name several: the caller must then send an id). */
export async function accountsByDomain(db: Executor, scope: RowScope, domains: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (!domains.length) return out;
  const rows = await db.select({ id: accounts.id, domain: sql<string>`lower(${accounts.domain})` }).from(accounts)
    .where(and(isNull(accounts.deletedAt), inArray(sql`lower(${accounts.domain})`, domains), scopeWhere(scope)));
  for (const r of rows) out.set(r.domain, [...(out.get(r.domain) ?? []), r.id]);
  return out;
}

/** Live contacts of these accounts with these emails, keyed `<accountId>|<lower email>`. */
export async function contactsByEmail(db: Executor, accountIds: string[], emails: string[]) {
  const out = new Map<string, (typeof contacts.$inferSelect)[]>();
  if (!accountIds.length || !emails.length) return out;
  const rows = await db.select().from(contacts).where(and(
    isNull(contacts.deletedAt), inArray(contacts.accountId, accountIds),
    inArray(sql`lower(${contacts.email})`, emails),
  ));
  for (const r of rows) {
    const key = `${r.accountId}|${r.email!.toLowerCase()}`;
    out.set(key, [...(out.get(key) ?? []), r]);
  }
  return out;
}
