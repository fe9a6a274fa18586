// Who may do what with leads. Partner users see and create only their own partner's referrals (row scope in the
// repository); customer users have no part in the sales stream.
import { INTERNAL_ROLES, type Role } from '../../../core/access/roles';
import type { Policy } from '../../http/route';

const sellers: Role[] = ['admin', 'sales', 'sdr'];

export const policies = {
  read: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'leads:read', rows: 'scoped' },
  create: { roles: [...sellers, 'executive', 'partner'], permission: 'leads:write', rows: 'scoped' },
  bulk: { roles: [...sellers], permission: 'leads:write', rows: 'all' },
  update: { roles: [...sellers, 'partner'], permission: 'leads:write', rows: 'scoped' },
  qualify: { roles: sellers, permission: 'leads:write', rows: 'all' },
  activity: { roles: [...sellers, 'partner'], permission: 'leads:write', rows: 'scoped' },
  assign: { roles: sellers, permission: 'leads:assign', rows: 'all' },
  merge: { roles: sellers, permission: 'leads:write', rows: 'all' },
  convert: { roles: sellers, permission: 'leads:convert', rows: 'all' },
  modelRead: { roles: INTERNAL_ROLES, permission: 'leads:read', rows: 'all' },
  modelTrain: { roles: ['admin'], permission: 'leads:admin', rows: 'all' },
  formsRead: { roles: sellers, permission: 'leads:read', rows: 'all' },
  formsWrite: { roles: ['admin'], permission: 'leads:admin', rows: 'all' },
  profilesRead: { roles: [...sellers, 'executive'], permission: 'leads:read', rows: 'all' },
  profilesWrite: { roles: ['admin'], permission: 'leads:admin', rows: 'all' },
} satisfies Record<string, Policy>;

export const publicForm: Policy = { public: true, why: 'prospects submit embedded web forms without an account; spam is held off by a honeypot, a minimum fill time and a per-IP rate limit' };
