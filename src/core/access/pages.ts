// Who may open which page of the web app, and which panels of a page a role sees: each entry names the policies of
// the API operations it needs (the very objects the server's routes guard with, core/access/policies.ts) and those
// operations as the route registry keys them. The navigation shows only pages the role may open, the router guards
// with the same check, and a test compares every entry with the server's registry for every role.
import {
  ACCOUNTS, adminOnly, allows, BILLING, CONTENT, DELIVERY, IMPORTS, internalOnly, LEADS, METRICS, PIPELINE, REALIZATION,
  VALUE, type AccessPolicy,
} from './policies';
import { INTERNAL_ROLES, ROLES, type Role } from './roles';

export interface Access {
  /** Policies of the API operations the page or panel cannot work without: a role needs every one of them. */
  needs: readonly AccessPolicy[];
  /** Those operations, as `GET /api/accounts/:id` (the route registry's keys). */
  api: readonly string[];
  /** A narrower audience than the API allows (the portal is the customer's, a workspace its persona's). */
  only?: readonly Role[];
}
export interface PageAccess extends Access {
  /** The web route, as in the router: `/accounts/:id`. */
  path: string;
}

const STAFF = INTERNAL_ROLES;
const NOT_CUSTOMER = ROLES.filter((r) => r !== 'customer');
const PLAYBOOK_READ = internalOnly('playbook:read');
/** A persona workspace shows its own people's work; administrators may open every one. */
const workspaceOf = (...roles: Role[]): Role[] => ['admin', ...roles];

export const PAGES = {
  dashboard: { path: '/dashboard', needs: [ACCOUNTS.read], api: ['GET /api/accounts/summary'], only: STAFF },
  accounts: { path: '/accounts', needs: [ACCOUNTS.read], api: ['GET /api/accounts'], only: NOT_CUSTOMER },
  account: { path: '/accounts/:id', needs: [ACCOUNTS.read], api: ['GET /api/accounts/:id'] },
  /** Staff see the partner list, partner users their partner dashboard (the portfolio summary of their accounts). */
  partners: { path: '/partners', needs: [ACCOUNTS.read], api: ['GET /api/accounts/summary'], only: NOT_CUSTOMER },

  workspaceSdr: { path: '/workspace/sdr', needs: [LEADS.read], api: ['GET /api/leads/inbox', 'GET /api/leads'], only: workspaceOf('sdr') },
  workspaceSales: {
    path: '/workspace/sales', needs: [PIPELINE.read, PLAYBOOK_READ], api: ['GET /api/opportunities', 'GET /api/playbook'], only: workspaceOf('sales'),
  },
  workspaceDelivery: {
    path: '/workspace/delivery', needs: [DELIVERY.read], api: ['GET /api/projects', 'GET /api/projects/overview'], only: workspaceOf('delivery'),
  },
  workspaceFinance: { path: '/workspace/finance', needs: [BILLING.finance], api: ['GET /api/finance/summary'], only: workspaceOf('finance') },
  workspaceSuccess: {
    path: '/workspace/success', needs: [ACCOUNTS.read, REALIZATION.read], api: ['GET /api/accounts', 'GET /api/kpis/alerts'], only: workspaceOf('csm'),
  },
  workspaceSupport: { path: '/workspace/support', needs: [ACCOUNTS.read], api: ['GET /api/accounts'], only: workspaceOf('support') },

  leads: { path: '/leads', needs: [LEADS.read], api: ['GET /api/leads/inbox', 'GET /api/leads'] },
  leadForms: { path: '/leads/forms', needs: [LEADS.formsRead], api: ['GET /api/lead-forms'] },
  salesTeam: { path: '/leads/team', needs: [LEADS.profilesRead], api: ['GET /api/sales-profiles'] },
  lead: { path: '/leads/:id', needs: [LEADS.read], api: ['GET /api/leads/:id'] },
  pipeline: { path: '/pipeline', needs: [PIPELINE.read], api: ['GET /api/pipeline/board'] },
  opportunity: { path: '/opportunities/:id', needs: [PIPELINE.read], api: ['GET /api/opportunities/:id'] },
  opportunityValue: { path: '/opportunities/:id/value', needs: [VALUE.read], api: ['GET /api/opportunities/:id/value'] },
  forecast: { path: '/forecast', needs: [PIPELINE.forecast], api: ['GET /api/pipeline/forecast'] },
  salesDashboard: { path: '/sales/dashboard', needs: [METRICS.sales], api: ['GET /api/metrics/sales'] },
  content: { path: '/content', needs: [CONTENT.read], api: ['GET /api/content'] },
  imports: { path: '/imports', needs: [IMPORTS.read], api: ['GET /api/imports'] },

  deliveryCommand: {
    path: '/delivery', needs: [DELIVERY.read, DELIVERY.readInternal, REALIZATION.read],
    api: ['GET /api/projects', 'GET /api/projects/overview', 'GET /api/tasks/load', 'GET /api/kpis', 'GET /api/kpis/alerts'], only: STAFF,
  },
  projects: { path: '/projects', needs: [DELIVERY.read], api: ['GET /api/projects'], only: NOT_CUSTOMER },
  project: { path: '/projects/:id', needs: [DELIVERY.read], api: ['GET /api/projects/:id'] },
  portal: { path: '/portal', needs: [DELIVERY.read], api: ['GET /api/projects'], only: ['customer'] },
  portalValue: {
    path: '/value', needs: [REALIZATION.read, REALIZATION.valueRead], api: ['GET /api/kpis', 'GET /api/value/accounts/:id/realization'], only: ['customer'],
  },

  invoices: { path: '/invoices', needs: [BILLING.read], api: ['GET /api/invoices'] },
  invoice: { path: '/invoices/:id', needs: [BILLING.read], api: ['GET /api/invoices/:id'] },
  finance: { path: '/finance', needs: [BILLING.finance], api: ['GET /api/finance/summary'] },
  aging: { path: '/finance/aging', needs: [BILLING.finance], api: ['GET /api/finance/summary'] },
  dunning: { path: '/finance/dunning', needs: [BILLING.finance], api: ['GET /api/finance/summary'] },

  adminUsers: { path: '/admin/users', needs: [adminOnly('users:read')], api: ['GET /api/users'] },
  adminTokens: { path: '/admin/tokens', needs: [adminOnly('tokens:read')], api: ['GET /api/tokens'] },
  adminPlaybook: { path: '/admin/playbook', needs: [PLAYBOOK_READ, adminOnly('playbook:write')], api: ['GET /api/playbook', 'PUT /api/playbook'] },
  adminWebhooks: { path: '/admin/webhooks', needs: [adminOnly('webhooks:read')], api: ['GET /api/webhooks', 'GET /api/webhooks/events'] },
  adminAudit: { path: '/admin/audit', needs: [adminOnly('audit:read')], api: ['GET /api/audit'] },
  adminDeletedAccounts: { path: '/admin/deleted-accounts', needs: [ACCOUNTS.read, ACCOUNTS.restore], api: ['GET /api/accounts', 'POST /api/accounts/:id/restore'] },
} satisfies Record<string, PageAccess>;
export type PageId = keyof typeof PAGES;

/** The panels of the account 360 page: every stream's objects of one account, each shown to whom its API answers. */
export const ACCOUNT_PANELS = {
  opportunities: { needs: [PIPELINE.read], api: ['GET /api/accounts/:id/opportunities'] },
  projects: { needs: [DELIVERY.read], api: ['GET /api/accounts/:id/projects'] },
  invoices: { needs: [BILLING.read], api: ['GET /api/invoices'] },
  kpis: { needs: [REALIZATION.read], api: ['GET /api/kpis'] },
  value: { needs: [REALIZATION.valueRead], api: ['GET /api/value/accounts/:id/realization'] },
  /** The timeline's audit entries, which the timeline shows the vendor's own people only. */
  audit: { needs: [ACCOUNTS.read], api: ['GET /api/accounts/:id/timeline'], only: STAFF },
} satisfies Record<string, Access>;
export type AccountPanel = keyof typeof ACCOUNT_PANELS;

/** Whether a role may use a page or panel: its audience includes the role and every API it needs answers the role. */
export function mayUse(role: Role, access: Access): boolean {
  return (!access.only || access.only.includes(role)) && access.needs.every((p) => allows(p, role));
}

export const mayOpen = (role: Role, page: PageId) => mayUse(role, PAGES[page]);

const segments = (path: string) => path.split('/').filter(Boolean);
const PATTERNS = (Object.entries(PAGES) as [PageId, PageAccess][])
  .map(([id, p]) => ({ id, parts: segments(p.path), params: segments(p.path).filter((s) => s.startsWith(':')).length }))
  // A literal segment wins over a parameter: /leads/forms is the forms page, not the lead "forms".
  .sort((a, b) => a.params - b.params);

/** The page a link leads to (its query string ignored), or null when no page of the table matches. */
export function pageOf(link: string): PageId | null {
  const parts = segments(link.split(/[?#]/)[0]);
  const hit = PATTERNS.find((p) => p.parts.length === parts.length && p.parts.every((s, k) => s.startsWith(':') || s === parts[k]));
  return hit?.id ?? null;
}

/** Whether a role may open the page a link leads to; links to no known page are refused. */
export function mayFollow(role: Role, link: string): boolean {
  const page = pageOf(link);
  return page !== null && mayOpen(role, page);
}
