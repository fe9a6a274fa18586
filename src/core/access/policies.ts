// Who may call what: the policy of every API operation, per stream. The server's routes guard with these objects
// (modules/<stream>/<stream>.policy.ts re-exports its stream) and the web's page table (pages.ts) is built from the
// same objects, so a menu entry, a page guard and the API answering it cannot disagree.
// Row scope (partner → its accounts, customer → its own account) is applied by the repositories from the actor.
import { INTERNAL_ROLES, type Role } from './roles';
import type { Permission } from './scopes';

export interface AccessPolicy {
  public?: false;
  roles: readonly Role[] | 'any';
  /** Permission an API token must hold, e.g. 'accounts:read'. */
  permission: Permission;
  /** How rows are limited: 'scoped' = partner/customer users see only their own rows (enforced in the repo). */
  rows: 'all' | 'scoped' | 'self';
}

/** Whether a role passes a policy's role check (a token's scopes are checked separately, by the server). */
export const allows = (policy: AccessPolicy, role: Role) => policy.roles === 'any' || policy.roles.includes(role);

// ---------------------------------------------------------------- accounts, contacts, timeline

const accountEditors: Role[] = ['admin', 'executive', 'sales', 'sdr', 'csm', 'delivery', 'partner'];

export const ACCOUNTS = {
  read: { roles: 'any', permission: 'accounts:read', rows: 'scoped' },
  create: { roles: ['admin', 'sales', 'sdr', 'csm', 'partner'], permission: 'accounts:write', rows: 'scoped' },
  update: { roles: accountEditors, permission: 'accounts:write', rows: 'scoped' },
  remove: { roles: ['admin', 'sales'], permission: 'accounts:delete', rows: 'scoped' },
  restore: { roles: ['admin'], permission: 'accounts:delete', rows: 'all' },
  contactsWrite: { roles: [...accountEditors, 'support'], permission: 'contacts:write', rows: 'scoped' },
  logActivity: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'timeline:write', rows: 'scoped' },
  reminders: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'timeline:write', rows: 'scoped' },
  /** Publishing an entry to the partner or the customer (or taking it back) is the vendor's call. */
  publish: { roles: INTERNAL_ROLES, permission: 'timeline:write', rows: 'all' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- billing
// Finance, admins and executives see every invoice; customer users read their own account's invoices and partner
// users their partner's (row scope in the repository, 404 otherwise). Only finance and admins change money.

export const BILLING = {
  read: { roles: ['admin', 'executive', 'finance', 'partner', 'customer'], permission: 'billing:read', rows: 'scoped' },
  write: { roles: ['admin', 'finance'], permission: 'billing:write', rows: 'all' },
  /** The finance summary spans every account: internal finance roles only. */
  finance: { roles: ['admin', 'executive', 'finance'], permission: 'billing:read', rows: 'all' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- content
// Sales content is for the vendor's sellers and its partners' sellers; sales roles and admins maintain it.

export const CONTENT = {
  read: { roles: ['admin', 'executive', 'sales', 'sdr', 'csm', 'delivery', 'support', 'partner'], permission: 'content:read', rows: 'all' },
  write: { roles: ['admin', 'sales', 'sdr'], permission: 'content:write', rows: 'all' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- delivery
// Customer users see their own account's projects, milestones, Gantt, calendar and sent status reports, and accept
// or reject milestones; partner users see their partner's projects (read only). Internal delivery users (and admins)
// run projects; executives also decide change requests and may cancel.

const projectRunners: Role[] = ['admin', 'delivery'];

export const DELIVERY = {
  /** Project overview, milestones, Gantt, calendar, sent status reports, metrics. */
  read: { roles: [...INTERNAL_ROLES, 'partner', 'customer'], permission: 'delivery:read', rows: 'scoped' },
  /** Tasks, board, resource load, governance registers, draft reports. */
  readInternal: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'delivery:read', rows: 'scoped' },
  write: { roles: projectRunners, permission: 'delivery:write', rows: 'scoped' },
  /** Change-request decisions and cancellation: delivery, admins and executives. */
  decide: { roles: [...projectRunners, 'executive'], permission: 'delivery:write', rows: 'scoped' },
  /** Customer acceptance: the customer's own users, or delivery/admin recording the customer contact's decision. */
  accept: { roles: [...projectRunners, 'customer'], permission: 'delivery:write', rows: 'scoped' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- imports and exports
// Bulk data moves are for the vendor's sales operations people, not partners or customers.

const importers: Role[] = ['admin', 'sales', 'sdr'];

export const IMPORTS = {
  read: { roles: importers, permission: 'imports:read', rows: 'all' },
  write: { roles: importers, permission: 'imports:write', rows: 'all' },
  export: { roles: ['admin', 'executive', 'sales', 'sdr'], permission: 'exports:read', rows: 'all' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- leads
// Partner users see and create only their own partner's referrals; customer users have no part in the sales stream.

const leadSellers: Role[] = ['admin', 'sales', 'sdr'];

export const LEADS = {
  read: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'leads:read', rows: 'scoped' },
  create: { roles: [...leadSellers, 'executive', 'partner'], permission: 'leads:write', rows: 'scoped' },
  bulk: { roles: [...leadSellers], permission: 'leads:write', rows: 'all' },
  update: { roles: [...leadSellers, 'partner'], permission: 'leads:write', rows: 'scoped' },
  qualify: { roles: leadSellers, permission: 'leads:write', rows: 'all' },
  activity: { roles: [...leadSellers, 'partner'], permission: 'leads:write', rows: 'scoped' },
  assign: { roles: leadSellers, permission: 'leads:assign', rows: 'all' },
  merge: { roles: leadSellers, permission: 'leads:write', rows: 'all' },
  convert: { roles: leadSellers, permission: 'leads:convert', rows: 'all' },
  modelRead: { roles: INTERNAL_ROLES, permission: 'leads:read', rows: 'all' },
  modelTrain: { roles: ['admin'], permission: 'leads:admin', rows: 'all' },
  formsRead: { roles: leadSellers, permission: 'leads:read', rows: 'all' },
  formsWrite: { roles: ['admin'], permission: 'leads:admin', rows: 'all' },
  profilesRead: { roles: [...leadSellers, 'executive'], permission: 'leads:read', rows: 'all' },
  profilesWrite: { roles: ['admin'], permission: 'leads:admin', rows: 'all' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- metrics
// The vendor's sales, management and admins; partners see their own figures.

export const METRICS = {
  sales: { roles: ['admin', 'executive', 'sales', 'sdr', 'partner'], permission: 'metrics:read', rows: 'scoped' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- pipeline
// Partner users reach only their partner's opportunities; customer users see none of the sales stream. Gate
// overrides are limited to admins and executives in the service.

const dealSellers: Role[] = ['admin', 'executive', 'sales', 'sdr', 'partner'];

export const PIPELINE = {
  read: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'pipeline:read', rows: 'scoped' },
  create: { roles: dealSellers, permission: 'pipeline:write', rows: 'scoped' },
  update: { roles: dealSellers, permission: 'pipeline:write', rows: 'scoped' },
  /** Exit criteria are ticked by whoever did the work: sales, and delivery for the POC stage. */
  criteria: { roles: [...dealSellers, 'delivery'], permission: 'pipeline:write', rows: 'scoped' },
  advance: { roles: dealSellers, permission: 'pipeline:write', rows: 'scoped' },
  close: { roles: ['admin', 'executive', 'sales', 'partner'], permission: 'pipeline:write', rows: 'scoped' },
  /** The delivery team owns the POC (000 §1 stage 5). */
  poc: { roles: [...dealSellers, 'delivery'], permission: 'pipeline:write', rows: 'scoped' },
  forecast: { roles: ['admin', 'executive', 'sales', 'finance', 'partner'], permission: 'pipeline:read', rows: 'scoped' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- value realization
// Everyone reads KPIs within their row scope (customers their own account's: the portal's "ROI achieved"). Delivery,
// customer success, executives and admins record measurements, handle alerts and review the weekly updates.

const kpiWriters: Role[] = ['admin', 'executive', 'delivery', 'csm'];

export const REALIZATION = {
  read: { roles: 'any', permission: 'kpis:read', rows: 'scoped' },
  measure: { roles: kpiWriters, permission: 'kpis:write', rows: 'all' },
  alerts: { roles: kpiWriters, permission: 'kpis:write', rows: 'all' },
  valueRead: { roles: 'any', permission: 'value:read', rows: 'scoped' },
  weeklyWrite: { roles: kpiWriters, permission: 'value:write', rows: 'all' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- value graph (business case)
// Part of the sales stream: customers do not see it (403); partner users reach only their partner's opportunities.

export const VALUE = {
  read: { roles: [...INTERNAL_ROLES, 'partner'], permission: 'value:read', rows: 'scoped' },
  write: { roles: ['admin', 'executive', 'sales', 'sdr', 'delivery', 'partner'], permission: 'value:write', rows: 'scoped' },
  /** Accepting a proposal commits the vendor: its own sales leadership and admins. */
  accept: { roles: ['admin', 'executive', 'sales'], permission: 'value:write', rows: 'scoped' },
  /** Sharing an agent run with the partner or the customer is the vendor's call. */
  publish: { roles: ['admin', 'executive', 'sales', 'sdr', 'delivery', 'csm'], permission: 'value:write', rows: 'all' },
} satisfies Record<string, AccessPolicy>;

// ---------------------------------------------------------------- platform (admin surface and directory)

/** Administrators only: users, tokens, audit log, playbook edits, webhooks. */
export const adminOnly = (permission: Permission): AccessPolicy => ({ roles: ['admin'], permission, rows: 'all' });
/** The vendor's own people: the user directory, partners, the playbook as read by every form. */
export const internalOnly = (permission: Permission): AccessPolicy => ({ roles: INTERNAL_ROLES, permission, rows: 'all' });
