// Contact use cases; the parent account decides visibility (row scope) and is locked during a change.
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

export async function listContacts(ctx: Ctx, accountId: string) {
  const db = ctx.deps.database.db;
  if (!(await findAccount(db, rowScopeFor(ctx.actor), accountId))) throw notFound('Account');
  return { items: await repo.listContacts(db, accountId), nextCursor: null };
}

export async function createContact(ctx: Ctx, accountId: string, input: ContactCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    await accountForChange(ctx, tx, accountId);
    const row = await repo.insertContact(tx, { ...input, accountId });
    await audit(ctx, tx, { action: 'contact.create', entityType: 'contact', entityId: row.id, accountId, after: row });
    await emit(ctx, tx, { type: 'contact.created', entityType: 'contact', entityId: row.id, accountId, payload: { contact: row } });
    return row;
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
    const after = await repo.updateContact(tx, id, version, patch);
    if (!after) throw new AppError('version_conflict', 'The contact changed while saving. Reload and try again.');
    await audit(ctx, tx, { action: 'contact.update', entityType: 'contact', entityId: id, accountId: before.accountId, before, after });
    await emit(ctx, tx, { type: 'contact.updated', entityType: 'contact', entityId: id, accountId: before.accountId, payload: { before, after } });
    return after;
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
