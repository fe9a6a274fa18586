// Who may read and shape the value graph. The business case is part of the sales stream: customers do not see it
// here (403); partner users reach only the opportunities of their partner (404 otherwise, from the repository).
import { INTERNAL_ROLES } from '../../../core/access/roles';
import type { Policy } from '../../http/route';

export const policies = {
  read: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'value:read', rows: 'scoped' },
  write: { roles: ['admin', 'executive', 'sales', 'sdr', 'delivery', 'partner'], permission: 'value:write', rows: 'scoped' },
  /** Accepting a proposal commits the vendor: its own sales leadership and admins. */
  accept: { roles: ['admin', 'executive', 'sales'], permission: 'value:write', rows: 'scoped' },
  /** Sharing an agent run with the partner or the customer is the vendor's call. */
  publish: { roles: ['admin', 'executive', 'sales', 'sdr', 'delivery', 'csm'], permission: 'value:write', rows: 'all' },
} satisfies Record<string, Policy>;
