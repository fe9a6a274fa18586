// Ids in a request body are references, and a reference is a read: a partner or customer user may only point at rows
// it could read through a path id, and owner fields only at staff who do that work. One call per use case checks
// every referenced id with one set-based query per table, using the repos' own row-scope predicates, and refuses
// the whole request with 422 (one error per field) before anything is written. A missing row and a row outside the
// caller's scope get the same answer, so the error tells nothing about other tenants' data.
import { and, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { INTERNAL_ROLES, rowScopeFor, type Role, type RowScope } from '../../core/access/roles';
import { AppError, type FieldError } from '../../core/errors';
import type { Executor } from '../db/client';
import { accounts, contacts, leads, opportunities, users } from '../db/schema';
import { scopeWhere as accountScope } from '../modules/accounts/accounts.repo';
import { scopeWhere as leadScope } from '../modules/leads/leads.repo';
import { scopeWhere as opportunityScope } from '../modules/pipeline/opportunities.repo';
import type { Ctx } from './env';

type Id = string | null | undefined;
/** Field path of the request body → the id it references; null and undefined reference nothing. */
export type RefMap = Record<string, Id>;

export interface UserRefs {
  ids: RefMap;
  /** Internal roles that may hold these fields (see OWNER_ROLES). */
  roles: readonly Role[];
  /** Users of this partner are accepted too (a partner's own people on its own deals). */
  partnerId?: string | null;
}

export interface Refs {
  accounts?: RefMap;
  leads?: RefMap;
  opportunities?: RefMap;
  /** Contacts the caller can see; with `accountId`, only that account's contacts. */
  contacts?: { ids: RefMap; accountId?: string };
  users?: UserRefs[];
}

type ScopedTable = 'accounts' | 'leads' | 'opportunities' | 'contacts';

const live = {
  accounts: isNull(accounts.deletedAt), leads: isNull(leads.deletedAt), opportunities: isNull(opportunities.deletedAt),
};

/** The id when it differs from the stored one: an update re-checks only references it changes. */
export const changed = (next: Id, before: Id): Id => (next === before ? undefined : next);

const present = (m: RefMap | undefined) => Object.entries(m ?? {}).filter((e): e is [string, string] => !!e[1]);
const distinct = (ids: string[]) => [...new Set(ids)];

/** The subset of `ids` the caller can read in `table` (live rows within its row scope). */
export async function visibleIds(ctx: Ctx, db: Executor, table: ScopedTable, ids: string[]): Promise<Map<string, { accountId?: string }>> {
  const want = distinct(ids);
  if (!want.length) return new Map();
  const scope = rowScopeFor(ctx.actor);
  const rows = await scopedQuery(db, scope, table, want);
  return new Map(rows.map((r) => [r.id, { accountId: r.accountId ?? undefined }]));
}

function scopedQuery(db: Executor, scope: RowScope, table: ScopedTable, ids: string[]): Promise<{ id: string; accountId?: string | null }[]> {
  const where = (...c: (SQL | undefined)[]) => and(...c);
  switch (table) {
    case 'accounts':
      return db.select({ id: accounts.id }).from(accounts).where(where(inArray(accounts.id, ids), live.accounts, accountScope(scope)));
    case 'leads':
      return db.select({ id: leads.id }).from(leads).where(where(inArray(leads.id, ids), live.leads, leadScope(scope)));
    case 'opportunities':
      return db.select({ id: opportunities.id }).from(opportunities)
        .where(where(inArray(opportunities.id, ids), live.opportunities, opportunityScope(scope)));
    case 'contacts':
      // A contact is visible through its account, as in the contact routes.
      return db.select({ id: contacts.id, accountId: contacts.accountId }).from(contacts)
        .innerJoin(accounts, eq(accounts.id, contacts.accountId))
        .where(where(inArray(contacts.id, ids), isNull(contacts.deletedAt), live.accounts, accountScope(scope)));
  }
}

const NOUN: Record<ScopedTable, string> = { accounts: 'account', leads: 'lead', opportunities: 'opportunity', contacts: 'contact' };

/**
 * Refuses the request (422, one error per offending field) unless every referenced id is a live row the caller can
 * read and every user reference is an active user allowed to hold the field.
 */
export async function assertRefsInScope(ctx: Ctx, db: Executor, refs: Refs): Promise<void> {
  const errors: FieldError[] = [];
  for (const table of ['accounts', 'leads', 'opportunities'] as const) {
    const wanted = present(refs[table]);
    if (!wanted.length) continue;
    const seen = await visibleIds(ctx, db, table, wanted.map(([, id]) => id));
    for (const [path, id] of wanted) if (!seen.has(id)) errors.push({ path, message: `no ${NOUN[table]} you can see has this id` });
  }
  const contactRefs = present(refs.contacts?.ids);
  if (contactRefs.length) {
    const seen = await visibleIds(ctx, db, 'contacts', contactRefs.map(([, id]) => id));
    const of = refs.contacts?.accountId;
    for (const [path, id] of contactRefs) {
      const c = seen.get(id);
      if (!c || (of && c.accountId !== of)) errors.push({ path, message: of ? 'not a contact of this account' : 'no contact you can see has this id' });
    }
  }
  errors.push(...await userErrors(ctx, db, refs.users ?? []));
  if (errors.length) throw new AppError('validation_failed', 'The request references records that do not exist or that you cannot use here.', { errors });
}

async function userErrors(ctx: Ctx, db: Executor, groups: UserRefs[]): Promise<FieldError[]> {
  const ids = distinct(groups.flatMap((g) => present(g.ids).map(([, id]) => id)));
  if (!ids.length) return [];
  const found = new Map((await db.select({ id: users.id, role: users.role, partnerId: users.partnerId }).from(users)
    .where(and(inArray(users.id, ids), eq(users.active, true), isNull(users.deletedAt)))).map((u) => [u.id, u]));
  const errors: FieldError[] = [];
  for (const g of groups) {
    // A partner user may name people of its own partner only, whatever partner the caller passes.
    const partnerId = ctx.actor.role === 'partner' ? (g.partnerId === ctx.actor.partnerId ? g.partnerId : null) : g.partnerId ?? null;
    for (const [path, id] of present(g.ids)) {
      const u = found.get(id);
      const ok = !!u && ((INTERNAL_ROLES.includes(u.role as Role) && g.roles.includes(u.role as Role))
        || (!!partnerId && u.role === 'partner' && u.partnerId === partnerId));
      if (!ok) {
        errors.push({ path, message: `must be an active user with one of the roles ${g.roles.join(', ')}${partnerId ? ', or a user of the partner' : ''}` });
      }
    }
  }
  return errors;
}
