// What each import kind can carry, and the column headers recognised for each field out of the box: HubSpot's
// export labels ("Deal Name"), its internal property names (`dealname`), Salesforce and Pipedrive labels, and our
// own field names. Headers are compared after normalising (lower case, letters and digits only), so "Deal Name",
// `dealname` and "deal_name" are the same header.

export const IMPORT_KINDS = ['companies', 'contacts', 'leads', 'deals', 'users'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
/** Kinds with a CSV export (users are not exported: the admin pages list them). */
export const EXPORT_KINDS = ['companies', 'contacts', 'leads', 'deals'] as const satisfies readonly ImportKind[];
export type ExportKind = (typeof EXPORT_KINDS)[number];

export const KIND_LABELS: Record<ImportKind, string> = {
  companies: 'Companies (accounts)', contacts: 'Contacts', leads: 'Leads', deals: 'Deals (opportunities)', users: 'Users and teams',
};

export type FieldType =
  | 'text' | 'email' | 'domain' | 'date' | 'datetime' | 'money' | 'int' | 'country' | 'currency'
  | 'stage' | 'source' | 'status' | 'role' | 'owner';

export interface FieldDef {
  id: string;
  label: string;
  type: FieldType;
  /** Blank or unmapped is a row error. */
  required?: boolean;
  /** Normalised header names recognised without a mapping, best first. */
  aliases: string[];
  /** The header written by exports (HubSpot's internal property name where one exists). */
  exportHeader: string;
}

/** "Deal Name" → "dealname", "hs_object_id" → "hsobjectid". */
export function normalizeHeader(h: string): string {
  return h.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]/g, '');
}

const f = (id: string, label: string, type: FieldType, exportHeader: string, aliases: string[], required = false): FieldDef =>
  ({ id, label, type, exportHeader, aliases: aliases.map(normalizeHeader), required });

const externalId = (extra: string[]) => f('externalId', 'Record ID (external id)', 'text', 'hs_object_id', ['hs_object_id', 'Record ID', 'external_id', 'id', ...extra]);
const createdAt = f('createdAt', 'Created (or engaged) date', 'datetime', 'createdate', ['createdate', 'Create Date', 'created_at', 'Created Date', 'created', 'engage_date', 'Engage Date']);
/** Resolved to one of our users by e-mail, name or id, or through the mapping's owner table; unmatched is a warning. */
const owner = (label: string) => f('owner', 'Owner (email or name)', 'owner', 'hubspot_owner_id',
  ['hubspot_owner_id', label, 'Owner', 'owner_email', 'Owner Email', 'Owner Name', 'sales_agent', 'Sales Agent']);
const companyName = f('companyName', 'Company name', 'text', 'company', ['company', 'Company Name', 'Associated Company', 'Associated Company (Primary)', 'associatedcompany', 'account', 'Account Name', 'Organization', 'Organization - Name', 'Organisation']);
const companyDomain = f('companyDomain', 'Company domain', 'domain', 'company_domain', ['company_domain', 'Company Domain', 'Company Domain Name', 'Associated Company Domain', 'domain', 'website']);

export const FIELDS: Record<ImportKind, FieldDef[]> = {
  deals: [
    externalId(['Deal ID', 'hs_deal_id', 'Opportunity ID', 'opportunity_id', 'Deal - ID']),
    f('name', 'Deal name', 'text', 'dealname', ['dealname', 'Deal Name', 'name', 'Opportunity Name', 'Opportunity', 'Deal - Title'], true),
    f('stage', 'Deal stage', 'stage', 'dealstage', ['dealstage', 'Deal Stage', 'stage', 'Opportunity Stage', 'Deal - Stage'], true),
    // Not required: open deals often have no amount yet (a won deal without one is a row error, see mapping.ts).
    f('amount', 'Amount', 'money', 'amount', ['amount', 'Amount', 'Deal Amount', 'Value', 'Deal - Value', 'close_value', 'Close Value']),
    f('currency', 'Currency', 'currency', 'deal_currency_code', ['deal_currency_code', 'Currency', 'Deal Currency Code']),
    f('closeDate', 'Close date', 'date', 'closedate', ['closedate', 'Close Date', 'Expected Close Date']),
    createdAt,
    f('pipeline', 'Pipeline', 'text', 'pipeline', ['pipeline', 'Pipeline']),
    owner('Deal owner'),
    companyName,
    companyDomain,
    f('lossReason', 'Closed lost reason', 'text', 'closed_lost_reason', ['closed_lost_reason', 'Closed Lost Reason', 'Loss Reason']),
  ],
  companies: [
    externalId(['Company ID', 'Account ID']),
    // The same company headers deals recognise: an account list is often "account" or "company".
    f('name', 'Company name', 'text', 'name', ['name', 'Company name', 'Company', 'Account Name', 'account', 'Organization', 'Organization - Name', 'Organisation'], true),
    f('domain', 'Domain', 'domain', 'domain', ['domain', 'Company Domain Name', 'Website URL', 'website']),
    f('industry', 'Industry', 'text', 'industry', ['industry', 'Industry', 'sector']),
    f('employees', 'Number of employees', 'int', 'numberofemployees', ['numberofemployees', 'Number of Employees', 'employees']),
    f('annualRevenue', 'Annual revenue', 'money', 'annualrevenue', ['annualrevenue', 'Annual Revenue', 'revenue']),
    f('country', 'Country', 'country', 'country', ['country', 'Country/Region', 'Country', 'Billing Country', 'office_location']),
    f('description', 'Description', 'text', 'description', ['description', 'Description', 'About Us']),
    createdAt,
  ],
  contacts: [
    externalId(['Contact ID']),
    f('firstName', 'First name', 'text', 'firstname', ['firstname', 'First Name']),
    f('lastName', 'Last name', 'text', 'lastname', ['lastname', 'Last Name']),
    f('email', 'Email', 'email', 'email', ['email', 'Email', 'Email Address']),
    f('phone', 'Phone', 'text', 'phone', ['phone', 'Phone Number', 'mobilephone']),
    f('title', 'Job title', 'text', 'jobtitle', ['jobtitle', 'Job Title', 'title']),
    companyName,
    companyDomain,
    createdAt,
  ],
  leads: [
    externalId(['Contact ID', 'Lead ID']),
    f('firstName', 'First name', 'text', 'firstname', ['firstname', 'First Name']),
    f('lastName', 'Last name', 'text', 'lastname', ['lastname', 'Last Name']),
    f('email', 'Email', 'email', 'email', ['email', 'Email', 'Email Address']),
    f('phone', 'Phone', 'text', 'phone', ['phone', 'Phone Number', 'mobilephone']),
    f('title', 'Job title', 'text', 'jobtitle', ['jobtitle', 'Job Title', 'title']),
    f('companyName', 'Company name', 'text', 'company', ['company', 'Company Name', 'Associated Company']),
    f('domain', 'Company domain', 'domain', 'website', ['website', 'Website URL', 'domain', 'Company Domain Name', 'company_domain']),
    f('country', 'Country', 'country', 'country', ['country', 'Country/Region']),
    f('industry', 'Industry', 'text', 'industry', ['industry', 'Industry']),
    f('employees', 'Number of employees', 'int', 'numemployees', ['numemployees', 'numberofemployees', 'Number of Employees', 'employees']),
    f('source', 'Source', 'source', 'hs_analytics_source', ['hs_analytics_source', 'Original Source', 'Lead Source', 'source']),
    f('status', 'Lead status', 'status', 'hs_lead_status', ['hs_lead_status', 'Lead Status', 'status']),
    owner('Contact owner'),
    createdAt,
  ],
  // Sales users and their teams (HubSpot's user export, a Salesforce user report, a team sheet). Passwords are never
  // imported: new users are created inactive without one, and an admin activates them with a password.
  users: [
    f('name', 'Name', 'text', 'name', ['name', 'Full Name', 'User Name', 'sales_agent', 'Sales Agent'], true),
    f('email', 'Email', 'email', 'email', ['email', 'Email', 'Email Address', 'User Email'], true),
    f('role', 'Role', 'role', 'role', ['role', 'Role', 'Profile', 'User Role']),
    f('manager', 'Manager (email or name)', 'text', 'manager', ['manager', 'Manager', 'Manager Email', 'Reports To']),
    f('team', 'Team', 'text', 'team', ['team', 'Team', 'Teams', 'Sales Team']),
    f('territory', 'Territories (separated by ;)', 'text', 'territory', ['territory', 'Territory', 'Territories', 'Region', 'regional_office']),
  ],
};

export const fieldsOf = (kind: ImportKind) => FIELDS[kind];
