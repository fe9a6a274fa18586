// Who may do what in delivery. Customer users see their own account's projects, milestones, Gantt, calendar and
// sent status reports, and accept or reject milestones; partner users see their partner's projects (read only).
// Internal delivery users (and admins) run projects; executives also decide change requests and may cancel.
import { INTERNAL_ROLES, type Role } from '../../../core/access/roles';
import type { Policy } from '../../http/route';

const runners: Role[] = ['admin', 'delivery'];

export const policies = {
  /** Project overview, milestones, Gantt, calendar, sent status reports, metrics. */
  read: { roles: [...INTERNAL_ROLES, 'partner', 'customer'], permission: 'delivery:read', rows: 'scoped' },
  /** Tasks, board, resource load, governance registers, draft reports. */
  readInternal: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'delivery:read', rows: 'scoped' },
  write: { roles: runners, permission: 'delivery:write', rows: 'scoped' },
  /** Change-request decisions and cancellation: delivery, admins and executives. */
  decide: { roles: [...runners, 'executive'], permission: 'delivery:write', rows: 'scoped' },
  /** Customer acceptance: the customer's own users, or delivery/admin recording the customer contact's decision. */
  accept: { roles: [...runners, 'customer'], permission: 'delivery:write', rows: 'scoped' },
} satisfies Record<string, Policy>;
