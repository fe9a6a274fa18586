// Who may do what in billing. Finance, admins and executives see every invoice; customer users read their own
// account's invoices and partner users their partner's (row scope in the repository, 404 otherwise). Only finance and
// admins change money: issue, void, record payments, credit, change a subscription.
import type { Policy } from '../../http/route';

export const policies = {
  read: { roles: ['admin', 'executive', 'finance', 'partner', 'customer'], permission: 'billing:read', rows: 'scoped' },
  write: { roles: ['admin', 'finance'], permission: 'billing:write', rows: 'all' },
  /** The finance summary spans every account: internal finance roles only. */
  finance: { roles: ['admin', 'executive', 'finance'], permission: 'billing:read', rows: 'all' },
} satisfies Record<string, Policy>;
