// What the signed-in user may do, read from the same policies the server's routes guard with (core/access/policies.ts),
// so the UI hides exactly what would be refused. The server stays the authority: a hidden button is a courtesy.
import { ACCOUNTS, adminOnly, allows } from '../../core/access/policies';
import { INTERNAL_ROLES, type Role } from '../../core/access/roles';

export const can = {
  createAccount: (r: Role) => allows(ACCOUNTS.create, r),
  editAccount: (r: Role) => allows(ACCOUNTS.update, r),
  deleteAccount: (r: Role) => allows(ACCOUNTS.remove, r),
  restoreAccount: (r: Role) => allows(ACCOUNTS.restore, r),
  writeContacts: (r: Role) => allows(ACCOUNTS.contactsWrite, r),
  logActivity: (r: Role) => allows(ACCOUNTS.logActivity, r),
  seeAudit: (r: Role) => INTERNAL_ROLES.includes(r),
  useDirectory: (r: Role) => INTERNAL_ROLES.includes(r),
  admin: (r: Role) => allows(adminOnly('users:write'), r),
};

export const isInternal = (r: Role) => INTERNAL_ROLES.includes(r);
