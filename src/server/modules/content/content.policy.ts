// Sales content is for the vendor's sellers and its partners' sellers; sales roles and admins maintain it.
import type { Policy } from '../../http/route';

export const policies = {
  read: { roles: ['admin', 'executive', 'sales', 'sdr', 'csm', 'delivery', 'support', 'partner'], permission: 'content:read', rows: 'all' },
  write: { roles: ['admin', 'sales', 'sdr'], permission: 'content:write', rows: 'all' },
} satisfies Record<string, Policy>;
