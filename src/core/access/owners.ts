// Who may be named in an owner or assignee field. Owners are internal staff of a role that does that work; partner
// users may additionally own their own partner's deals and KPIs (the service passes the row's partner), customer
// users own nothing. A reference outside these is refused with 422 before anything is written.
import { INTERNAL_ROLES, type Role } from './roles';

export const OWNER_ROLES = {
  /** Lead owners, opportunity owners and an account's AE: the people who sell. */
  seller: ['admin', 'executive', 'sales', 'sdr'],
  /** An account's customer success manager. */
  csm: ['admin', 'executive', 'csm'],
  /** An account's executive sponsor on our side. */
  execSponsor: ['admin', 'executive'],
  /** A project's manager. */
  projectManager: ['admin', 'executive', 'delivery'],
  /** Delivery work (tasks, risks, issues) and contracted KPIs: anyone on the team. */
  team: INTERNAL_ROLES,
} as const satisfies Record<string, readonly Role[]>;
