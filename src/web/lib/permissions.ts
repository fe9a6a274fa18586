// What the signed-in user may do, mirroring the server's policies so the UI hides what would be refused.
// The server stays the authority: a hidden button is a courtesy, not a control.
import { INTERNAL_ROLES, type Role } from '../../core/access/roles';

const EDITORS: Role[] = ['admin', 'executive', 'sales', 'sdr', 'csm', 'delivery', 'partner'];

export const can = {
  createAccount: (r: Role) => (['admin', 'sales', 'sdr', 'csm', 'partner'] as Role[]).includes(r),
  editAccount: (r: Role) => EDITORS.includes(r),
  deleteAccount: (r: Role) => r === 'admin' || r === 'sales',
  restoreAccount: (r: Role) => r === 'admin',
  writeContacts: (r: Role) => EDITORS.includes(r) || r === 'support',
  logActivity: (r: Role) => INTERNAL_ROLES.includes(r) || r === 'partner',
  seeAudit: (r: Role) => INTERNAL_ROLES.includes(r),
  useDirectory: (r: Role) => INTERNAL_ROLES.includes(r),
  admin: (r: Role) => r === 'admin',
};

export const isInternal = (r: Role) => INTERNAL_ROLES.includes(r);
