// Contact use cases; the parent account decides visibility (row scope) and is locked during a change. A contact's
// buying-centre roles (champion, economic buyer…) have an audience of their own: the customer sees its own people,
// but not how the vendor sizes them up unless the roles were published.
import { canSee } from '../../../core/access/audience';
import { rowScopeFor } from '../../../core/access/roles';
import type { ContactCreate, ContactUpdate } from '../../../core/accounts/schemas';
import { AppError, notFound } from '../../../core/errors';
import { transaction } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { findAccount } from './accounts.repo';
import { accountForChange } from './accounts.service';
import * as repo from './contacts.repo';
import { audienceOf } from './timeline.service';

/** A contact as the actor may see it: roles published to a narrower audience read as none. */
export function presentContact<T extends { roles: string[]; rolesAudience: repo.ContactRow['rolesAudience'] }>(ctx: Ctx, row: T): T {
  return canSee(ctx.actor, row.rolesAudience) ? row : { ...row, roles: [] };
}

export async function listContacts(ctx: Ctx, accountId: string) {
  const db = ctx.deps.database.db;
  if (!(await findAccount(db, rowScopeFor(ctx.actor), accountId))) throw notFound('Account');
  return { items: (await repo.listContacts(db, accountId)).map((c) => presentContact(ctx, c)), nextCursor: null };
}

export async function createContact(ctx: Ctx, accountId: string, input: ContactCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    await accountForChange(ctx, tx, accountId);
    const row = await repo.insertContact(tx, { ...input, accountId, rolesAudience: audienceOf(ctx, input.rolesAudience) });
    await audit(ctx, tx, { action: 'contact.create', entityType: 'contact', entityId: row.id, accountId, after: row });
    await emit(ctx, tx, { type: 'contact.created', entityType: 'contact', entityId: row.id, accountId, payload: { contact: row } });
    return presentContact(ctx, row);
  });
}

export async function updateContact(ctx: Ctx, id: string, input: ContactUpdate) {
  const { version, ...patch } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const before = await repo.findContact(tx, id);
    if (!before) throw notFound('Contact');
    await accountForChange(ctx, tx, before.accountId).catch(() => { throw notFound('Contact'); });
    if (before.version !== version) {
      throw new AppError('version_conflict', `The contact changed since you loaded it (version ${before.version}). Reload and try again.`, { currentVersion: before.version });
    }
    if (patch.rolesAudience === before.rolesAudience) delete patch.rolesAudience;
    if (!canSee(ctx.actor, before.rolesAudience)) {
      // Roles the writer cannot see: sending back what they were shown (none) changes nothing; overwriting or
      // publishing tags they never saw is for the account team.
      if (patch.roles?.length || patch.rolesAudience !== undefined) {
        throw new AppError('forbidden', 'The roles of this contact are internal; ask the account team to change them.');
      }
      delete patch.roles;
    }
    if (patch.rolesAudience !== undefined) patch.rolesAudience = audienceOf(ctx, patch.rolesAudience);
    const after = await repo.updateContact(tx, id, version, patch);
    if (!after) throw new AppError('version_conflict', 'The contact changed while saving. Reload and try again.');
    await audit(ctx, tx, { action: 'contact.update', entityType: 'contact', entityId: id, accountId: before.accountId, before, after });
    await emit(ctx, tx, { type: 'contact.updated', entityType: 'contact', entityId: id, accountId: before.accountId, payload: { before, after } });
    return presentContact(ctx, after);
  });
}

export async function deleteContact(ctx: Ctx, id: string) {
  await transaction(ctx.deps.database, async (tx) => {
    const before = await repo.findContact(tx, id);
    if (!before) throw notFound('Contact');
    await accountForChange(ctx, tx, before.accountId).catch(() => { throw notFound('Contact'); });
    await repo.softDeleteContact(tx, id);
    await audit(ctx, tx, { action: 'contact.delete', entityType: 'contact', entityId: id, accountId: before.accountId, before: { deletedAt: null }, after: { deletedAt: new Date() } });
    await emit(ctx, tx, { type: 'contact.deleted', entityType: 'contact', entityId: id, accountId: before.accountId, payload: {} });
  });
}
