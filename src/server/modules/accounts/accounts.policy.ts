// Who may do what with accounts, contacts and the timeline. Row scope (partner → its accounts, customer → its own
// account) is applied by the repositories from the actor; here we say which roles reach each use case.
import { INTERNAL_ROLES, type Role } from '../../../core/access/roles';
import { ACCOUNTS } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = ACCOUNTS satisfies Record<string, Policy>;

/** Audit entries on the timeline are for the vendor's own people, not partners or customers. */
export const seesAudit = (role: Role) => INTERNAL_ROLES.includes(role);
