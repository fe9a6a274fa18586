// Account use cases. Each runs in one transaction with its audit entry, domain event and timeline entry.
import { OWNER_ROLES } from '../../../core/access/owners';
import { rowScopeFor } from '../../../core/access/roles';
import type { AccountCreate, AccountListQuery, AccountUpdate, LIFECYCLE_STAGES, SEGMENTS } from '../../../core/accounts/schemas';
import { AppError, notFound } from '../../../core/errors';
import { encodeCursor } from '../../../core/pagination';
import { transaction, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { assertRefsInScope, changed } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import type { accounts } from '../../db/schema';
import * as repo from './accounts.repo';
import type { AccountRow } from './accounts.repo';
import { logSystemActivity } from './timeline.service';

type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];
type Segment = (typeof SEGMENTS)[number];

/** A page of accounts as a ready JSON document (rendered by the database; see accounts.repo). */
export async function listAccounts(ctx: Ctx, q: AccountListQuery): Promise<string> {
  if (q.deleted && ctx.actor.role !== 'admin') throw new AppError('forbidden', 'Only admins list deleted accounts.');
  const page = await repo.listAccountsJson(ctx.deps.database, ctx.deps.database.db, rowScopeFor(ctx.actor), q);
  const next = page.more && page.lastId ? encodeCursor(page.lastValue, page.lastId) : null;
  return `{"items":${page.items},"nextCursor":${JSON.stringify(next)},"total":${page.total},"totalExact":${page.totalExact}}`;
}

/**
 * Accounts and summed ARR (minor units) by lifecycle stage and segment, each row with the currency of its ARR. The
 * repository does not group by currency yet; until it answers a `currency` per row, rows carry the playbook currency
 * (which the accounts and the playbook share by default).
 */
export async function summary(ctx: Ctx) {
  const db = ctx.deps.database.db;
  const [rows, { playbook }] = await Promise.all([repo.summarize(db, rowScopeFor(ctx.actor)), currentPlaybook(db)]);
  return {
    items: rows.map((r) => ({
      lifecycleStage: r.lifecycleStage as LifecycleStage, segment: r.segment as Segment, accounts: r.accounts, arr: Number(r.arr),
      currency: (r as { currency?: string }).currency ?? playbook.currency,
    })),
  };
}

export async function getAccount(ctx: Ctx, id: string) {
  const row = await repo.findAccount(ctx.deps.database.db, rowScopeFor(ctx.actor), id);
  if (!row) throw notFound('Account');
  return row;
}

/** Loads an account the actor may see, inside a transaction, locked for the change. */
export async function accountForChange(ctx: Ctx, tx: Tx, id: string) {
  const row = await repo.findAccount(tx, rowScopeFor(ctx.actor), id, { lock: true });
  if (!row) throw notFound('Account');
  return row;
}

function partnerRules(ctx: Ctx, input: { partnerId?: string | null }) {
  if (ctx.actor.role !== 'partner') return input;
  if (input.partnerId !== undefined && input.partnerId !== ctx.actor.partnerId) {
    const detail = 'A partner user can only manage accounts of its own partner.';
    throw new AppError('forbidden', detail, { errors: [{ path: 'partnerId', message: detail }] });
  }
  return { ...input, partnerId: ctx.actor.partnerId };
}

type Owners = { aeId?: string | null; csmId?: string | null; execSponsorId?: string | null };
/** An account's AE, CSM and executive sponsor are active staff of the matching roles; an update checks those it changes. */
function accountOwners(next: Owners, before: Owners = {}) {
  return {
    users: [
      { ids: { aeId: changed(next.aeId, before.aeId) }, roles: OWNER_ROLES.seller },
      { ids: { csmId: changed(next.csmId, before.csmId) }, roles: OWNER_ROLES.csm },
      { ids: { execSponsorId: changed(next.execSponsorId, before.execSponsorId) }, roles: OWNER_ROLES.execSponsor },
    ],
  };
}

export async function createAccount(ctx: Ctx, input: AccountCreate) {
  const values = partnerRules(ctx, input) as AccountCreate;
  return transaction(ctx.deps.database, async (tx) => {
    await assertRefsInScope(ctx, tx, accountOwners(values));
    const row = await repo.insertAccount(tx, values);
    await audit(ctx, tx, { action: 'account.create', entityType: 'account', entityId: row.id, accountId: row.id, after: row });
    await logSystemActivity(ctx, tx, row.id, 'Account created', `${row.name} was added by ${ctx.actor.name}.`);
    await emit(ctx, tx, { type: 'account.created', entityType: 'account', entityId: row.id, accountId: row.id, payload: { account: row } });
    return row;
  });
}

export async function updateAccount(ctx: Ctx, id: string, input: AccountUpdate) {
  const { version, ...patch } = partnerRules(ctx, input) as AccountUpdate;
  return transaction(ctx.deps.database, async (tx) => {
    const before = await accountForChange(ctx, tx, id);
    if (before.version !== version) {
      throw new AppError('version_conflict', `The account changed since you loaded it (version ${before.version}, you sent ${version}). Reload and try again.`, { currentVersion: before.version });
    }
    await assertRefsInScope(ctx, tx, accountOwners(patch, before));
    return updateAccountTx(ctx, tx, before, patch);
  });
}

/**
 * Applies a change to an account already loaded with `accountForChange` in the caller's transaction: versioned
 * write, audit, timeline entry on a lifecycle move, `account.updated`. Other streams (a won deal, a go-live) use it
 * so an account changes the same way whoever changes it.
 */
export async function updateAccountTx(ctx: Ctx, tx: Tx, before: AccountRow, patch: Partial<typeof accounts.$inferInsert>) {
  const id = before.id;
  const after = await repo.updateAccount(tx, id, before.version, patch);
  if (!after) throw new AppError('version_conflict', 'The account changed while saving. Reload and try again.');
  await audit(ctx, tx, { action: 'account.update', entityType: 'account', entityId: id, accountId: id, before, after });
  if (before.lifecycleStage !== after.lifecycleStage) {
    await logSystemActivity(ctx, tx, id, 'Lifecycle stage changed', `${before.lifecycleStage} → ${after.lifecycleStage}`);
  }
  await emit(ctx, tx, { type: 'account.updated', entityType: 'account', entityId: id, accountId: id, payload: { before, after } });
  return after;
}

export async function deleteAccount(ctx: Ctx, id: string) {
  await transaction(ctx.deps.database, async (tx) => {
    const before = await accountForChange(ctx, tx, id);
    const after = await repo.setDeleted(tx, id, true);
    await audit(ctx, tx, { action: 'account.delete', entityType: 'account', entityId: id, accountId: id, before: { deletedAt: null }, after: { deletedAt: after?.deletedAt } });
    await emit(ctx, tx, { type: 'account.deleted', entityType: 'account', entityId: id, accountId: id, payload: { name: before.name } });
  });
}

export async function restoreAccount(ctx: Ctx, id: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const deleted = await repo.findAccount(tx, rowScopeFor(ctx.actor), id, { deleted: true, lock: true });
    if (!deleted) throw notFound('Deleted account');
    const windowMs = ctx.deps.config.restoreWindowDays * 86400_000;
    if (deleted.deletedAt && Date.now() - deleted.deletedAt.getTime() > windowMs) {
      throw new AppError('conflict', `Accounts can be restored within ${ctx.deps.config.restoreWindowDays} days of deletion.`);
    }
    const row = await repo.setDeleted(tx, id, false);
    await audit(ctx, tx, { action: 'account.restore', entityType: 'account', entityId: id, accountId: id, before: { deletedAt: deleted.deletedAt }, after: { deletedAt: null } });
    await logSystemActivity(ctx, tx, id, 'Account restored', `Restored by ${ctx.actor.name}.`);
    await emit(ctx, tx, { type: 'account.restored', entityType: 'account', entityId: id, accountId: id, payload: {} });
    return row!;
  });
}
