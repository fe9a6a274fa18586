// Who may do what with accounts, contacts and the timeline. Row scope (partner → its accounts, customer → its own
// account) is applied by the repositories from the actor; here we say which roles reach each use case.
import { INTERNAL_ROLES, type Role } from '../../../core/access/roles';
import type { Policy } from '../../http/route';

const editors: Role[] = ['admin', 'executive', 'sales', 'sdr', 'csm', 'delivery', 'partner'];

export const policies = {
  read: { roles: 'any', permission: 'accounts:read', rows: 'scoped' },
  create: { roles: ['admin', 'sales', 'sdr', 'csm', 'partner'], permission: 'accounts:write', rows: 'scoped' },
  update: { roles: editors, permission: 'accounts:write', rows: 'scoped' },
  remove: { roles: ['admin', 'sales'], permission: 'accounts:delete', rows: 'scoped' },
  restore: { roles: ['admin'], permission: 'accounts:delete', rows: 'all' },
  contactsWrite: { roles: [...editors, 'support'], permission: 'contacts:write', rows: 'scoped' },
  logActivity: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'timeline:write', rows: 'scoped' },
  reminders: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'timeline:write', rows: 'scoped' },
  /** Publishing an entry to the partner or the customer (or taking it back) is the vendor's call. */
  publish: { roles: INTERNAL_ROLES, permission: 'timeline:write', rows: 'all' },
} satisfies Record<string, Policy>;

/** Audit entries on the timeline are for the vendor's own people, not partners or customers. */
export const seesAudit = (role: Role) => INTERNAL_ROLES.includes(role);
