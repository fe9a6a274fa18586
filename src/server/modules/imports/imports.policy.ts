// Who may import and export. Bulk data moves are for the vendor's sales operations people, not partners or
// customers (their rows are scoped elsewhere; a file import cannot be).
import { scopeAllows } from '../../../core/access/scopes';
import { AppError } from '../../../core/errors';
import type { ImportKind } from '../../../core/imports';
import type { Actor } from '../../http/env';
import { IMPORTS } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = IMPORTS satisfies Record<string, Policy>;

/** Importing users creates accounts of the product: admins only (a token also needs users:write), as in the admin pages. */
export function assertMayImport(actor: Actor, kind: ImportKind) {
  if (kind !== 'users' || actor.via === 'system') return;
  if (actor.role !== 'admin' || (actor.scopes !== null && !scopeAllows(actor.scopes, 'users:write'))) {
    throw new AppError('forbidden', 'Only administrators import users.');
  }
}
