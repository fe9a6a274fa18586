// Default translations of coded CSV values into ours: HubSpot's and Salesforce's default sales pipeline stages,
// HubSpot's lead statuses and original sources, and common CRM role names. A mapping template adds to or overrides
// these; unknown values are row errors, never guesses.
import { INTERNAL_ROLES, ROLE_LABELS } from '../access/roles';
import { normalizeHeader } from './fields';

/**
 * Default deal stages → our pipeline stages (000 §1): HubSpot's default pipeline (internal ids and labels normalise
 * alike), Salesforce's default opportunity stages, and the bare won/lost of Pipedrive-style status columns.
 */
export const HUBSPOT_DEAL_STAGES: Record<string, string> = {
  appointmentscheduled: 'discovery',
  qualifiedtobuy: 'discovery',
  presentationscheduled: 'proposal',
  decisionmakerboughtin: 'poc',
  contractsent: 'negotiation',
  closedwon: 'closed_won',
  closedlost: 'closed_lost',
  // Salesforce
  prospecting: 'discovery',
  qualification: 'discovery',
  needsanalysis: 'discovery',
  valueproposition: 'proposal',
  iddecisionmakers: 'proposal',
  perceptionanalysis: 'proposal',
  proposalpricequote: 'proposal',
  negotiationreview: 'negotiation',
  // Status columns
  won: 'closed_won',
  lost: 'closed_lost',
};

/**
 * Role names of CRM user lists → our roles. Only internal roles: partner and customer users need a partner or an
 * account and are created in the admin pages.
 */
export const CRM_ROLES: Record<string, string> = {
  administrator: 'admin', systemadministrator: 'admin', superadmin: 'admin',
  accountexecutive: 'sales', ae: 'sales', salesrep: 'sales', salesrepresentative: 'sales', salesagent: 'sales', salesmanager: 'sales', seller: 'sales',
  bdr: 'sdr', businessdevelopmentrepresentative: 'sdr', salesdevelopmentrepresentative: 'sdr',
  customersuccessmanager: 'csm', customersuccess: 'csm', accountmanager: 'csm',
  exec: 'executive', vpsales: 'executive', ceo: 'executive', cro: 'executive',
};

/** Our own role ids and labels, internal roles only. */
export const importableRoles = () => INTERNAL_ROLES.map((id) => ({ id, label: ROLE_LABELS[id] }));

/** HubSpot `hs_lead_status` → our lead statuses (004 §1.2). OPEN_DEAL means qualified: the deal is imported separately. */
export const HUBSPOT_LEAD_STATUSES: Record<string, string> = {
  new: 'new', open: 'new', inprogress: 'working', attemptedtoconnect: 'working', connected: 'working',
  opendeal: 'qualified', unqualified: 'disqualified', badtiming: 'disqualified',
};

/** HubSpot `hs_analytics_source` → our lead sources (004 Entry Criteria, 000 §1 stage 1). */
export const HUBSPOT_LEAD_SOURCES: Record<string, string> = {
  organicsearch: 'seo_sem', paidsearch: 'seo_sem', emailmarketing: 'email', socialmedia: 'content', paidsocial: 'content',
  referrals: 'website', directtraffic: 'website', aireferrals: 'website', othercampaigns: 'outbound', offline: 'event',
};

export type ValueKind = 'stage' | 'source' | 'status' | 'role';

/** Our own ids and labels always map to themselves ("Closed won", "closed_won", "POC"). */
export function ownValues(options: { id: string; label?: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const o of options) {
    out[normalizeHeader(o.id)] = o.id;
    if (o.label) out[normalizeHeader(o.label)] = o.id;
  }
  return out;
}

/**
 * The lookup used for one column: explicit mapping first, then our own values, then HubSpot's defaults. Keys are
 * normalised so "Closed Won", "closedwon" and "CLOSED_WON" are one value.
 */
export function valueLookup(kind: ValueKind, own: Record<string, string>, explicit: Record<string, string> = {}): Map<string, string> {
  const defaults = { stage: HUBSPOT_DEAL_STAGES, status: HUBSPOT_LEAD_STATUSES, source: HUBSPOT_LEAD_SOURCES, role: CRM_ROLES }[kind];
  const allowed = new Set(Object.values(own));
  const map = new Map<string, string>();
  for (const [k, v] of Object.entries(defaults)) if (allowed.has(v)) map.set(k, v);
  for (const [k, v] of Object.entries(own)) map.set(k, v);
  for (const [k, v] of Object.entries(explicit)) map.set(normalizeHeader(k), v);
  return map;
}
