// Who may see and feed value realization. Everyone reads KPIs within their row scope (customers their own account's
// KPIs, measurements and accepted weekly updates: the portal's "ROI achieved"; partners their partner's accounts).
// Delivery, customer success, executives and admins record measurements, handle alerts and review the Value
// Executor's weekly updates. Integrations send measurements with an API token holding `kpis:write`.
import type { Role } from '../../../core/access/roles';
import type { Policy } from '../../http/route';

const writers: Role[] = ['admin', 'executive', 'delivery', 'csm'];

export const policies = {
  read: { roles: 'any', permission: 'kpis:read', rows: 'scoped' },
  measure: { roles: writers, permission: 'kpis:write', rows: 'all' },
  alerts: { roles: writers, permission: 'kpis:write', rows: 'all' },
  valueRead: { roles: 'any', permission: 'value:read', rows: 'scoped' },
  weeklyWrite: { roles: writers, permission: 'value:write', rows: 'all' },
} satisfies Record<string, Policy>;
