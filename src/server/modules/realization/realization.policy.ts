// Who may see and feed value realization. Everyone reads KPIs within their row scope (customers their own account's
// KPIs, measurements and accepted weekly updates: the portal's "ROI achieved"; partners their partner's accounts).
// Delivery, customer success, executives and admins record measurements, handle alerts and review the Value
// Executor's weekly updates. Integrations send measurements with an API token holding `kpis:write`.
import { REALIZATION } from '../../../core/access/policies';
import type { Policy } from '../../http/route';

/** Defined in core (core/access/policies.ts): the web's page table is built from the same objects. */
export const policies = REALIZATION satisfies Record<string, Policy>;
