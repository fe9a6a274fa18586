// Who may do what in the pipeline. Partner users reach only their partner's opportunities (row scope in the repo);
// customer users see none of the sales stream. Gate overrides are limited to admins and executives in the service.
import { INTERNAL_ROLES, type Role } from '../../../core/access/roles';
import type { Policy } from '../../http/route';

const sellers: Role[] = ['admin', 'executive', 'sales', 'sdr', 'partner'];

export const policies = {
  read: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'pipeline:read', rows: 'scoped' },
  create: { roles: sellers, permission: 'pipeline:write', rows: 'scoped' },
  update: { roles: sellers, permission: 'pipeline:write', rows: 'scoped' },
  /** Exit criteria are ticked by whoever did the work: sales, and delivery for the POC stage. */
  criteria: { roles: [...sellers, 'delivery'], permission: 'pipeline:write', rows: 'scoped' },
  advance: { roles: sellers, permission: 'pipeline:write', rows: 'scoped' },
  close: { roles: ['admin', 'executive', 'sales', 'partner'], permission: 'pipeline:write', rows: 'scoped' },
  /** The delivery team owns the POC (000 §1 stage 5). */
  poc: { roles: [...sellers, 'delivery'], permission: 'pipeline:write', rows: 'scoped' },
  forecast: { roles: ['admin', 'executive', 'sales', 'finance', 'partner'], permission: 'pipeline:read', rows: 'scoped' },
} satisfies Record<string, Policy>;
