// Who sees the sales metrics: the vendor's sales, management and admins; partners see their own figures.
import type { Policy } from '../../http/route';

export const policies = {
  sales: { roles: ['admin', 'executive', 'sales', 'sdr', 'partner'], permission: 'metrics:read', rows: 'scoped' },
} satisfies Record<string, Policy>;
