// Who may import and export. Bulk data moves are for the vendor's sales operations people, not partners or
// customers (their rows are scoped elsewhere; a file import cannot be).
import type { Role } from '../../../core/access/roles';
import type { Policy } from '../../http/route';

const importers: Role[] = ['admin', 'sales', 'sdr'];

export const policies = {
  read: { roles: importers, permission: 'imports:read', rows: 'all' },
  write: { roles: importers, permission: 'imports:write', rows: 'all' },
  export: { roles: ['admin', 'executive', 'sales', 'sdr'], permission: 'exports:read', rows: 'all' },
} satisfies Record<string, Policy>;
