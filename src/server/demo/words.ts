// Vocabulary for the demo dataset: plausible companies of an IT discovery and CMDB vendor's market.
export const PREFIXES = ['Nordic', 'Atlantic', 'Summit', 'Crescent', 'Granite', 'Harbor', 'Pioneer', 'Evergreen', 'Meridian',
  'Aurora', 'Sterling', 'Keystone', 'Cobalt', 'Riverside', 'Highland', 'Polar', 'Vertex', 'Beacon', 'Redwood', 'Silverline',
  'Oakmont', 'Bluewater', 'Ironbridge', 'Lakeshore', 'Northstar', 'Sunrise', 'Westfield', 'Falcon', 'Orion', 'Cascade'];
export const CORES = ['Freight', 'Health', 'Bank', 'Energy', 'Telecom', 'Retail', 'Insurance', 'Logistics', 'Foods', 'Pharma',
  'Steel', 'Media', 'Water', 'Transit', 'Data', 'Capital', 'Motors', 'Airlines', 'Chemicals', 'Utilities'];
export const SUFFIXES = ['Group', 'Holdings', 'AS', 'AB', 'GmbH', 'Inc.', 'Ltd', 'Partners', 'Corporation', 'Systems'];
export const INDUSTRY_OF: Record<string, string> = {
  Freight: 'Logistics', Health: 'Healthcare', Bank: 'Financial Services', Energy: 'Energy', Telecom: 'Telecommunications',
  Retail: 'Retail', Insurance: 'Insurance', Logistics: 'Logistics', Foods: 'Manufacturing', Pharma: 'Healthcare',
  Steel: 'Manufacturing', Media: 'Media', Water: 'Public Sector', Transit: 'Public Sector', Data: 'Technology',
  Capital: 'Financial Services', Motors: 'Manufacturing', Airlines: 'Transportation', Chemicals: 'Manufacturing', Utilities: 'Energy',
};
export const COUNTRIES: { code: string; region: 'NA' | 'LATAM' | 'EMEA' | 'APAC'; tz: string; tld: string }[] = [
  { code: 'DK', region: 'EMEA', tz: 'Europe/Copenhagen', tld: 'dk' }, { code: 'SE', region: 'EMEA', tz: 'Europe/Stockholm', tld: 'se' },
  { code: 'NO', region: 'EMEA', tz: 'Europe/Oslo', tld: 'no' }, { code: 'DE', region: 'EMEA', tz: 'Europe/Berlin', tld: 'de' },
  { code: 'GB', region: 'EMEA', tz: 'Europe/London', tld: 'co.uk' }, { code: 'NL', region: 'EMEA', tz: 'Europe/Amsterdam', tld: 'nl' },
  { code: 'US', region: 'NA', tz: 'America/New_York', tld: 'com' }, { code: 'US', region: 'NA', tz: 'America/Chicago', tld: 'com' },
  { code: 'CA', region: 'NA', tz: 'America/Toronto', tld: 'ca' }, { code: 'BR', region: 'LATAM', tz: 'America/Sao_Paulo', tld: 'com.br' },
  { code: 'MX', region: 'LATAM', tz: 'America/Mexico_City', tld: 'mx' }, { code: 'AU', region: 'APAC', tz: 'Australia/Sydney', tld: 'com.au' },
  { code: 'SG', region: 'APAC', tz: 'Asia/Singapore', tld: 'sg' }, { code: 'IN', region: 'APAC', tz: 'Asia/Kolkata', tld: 'in' },
];
export const TERRITORY_OF: Record<string, string> = { NA: 'North America', LATAM: 'Latin America', EMEA: 'Europe', APAC: 'Asia Pacific' };
export const ITSM = ['ServiceNow', 'ServiceNow', 'ServiceNow', 'Jira Service Management', 'BMC Helix', 'Ivanti', 'TOPdesk'];
export const MONITORING = ['Datadog', 'Splunk', 'Dynatrace', 'SolarWinds', 'Nagios', 'Zabbix', 'PRTG', 'New Relic'];
export const PLATFORMS = ['VMware', 'AWS', 'Azure', 'Google Cloud', 'Kubernetes', 'Hyper-V', 'Nutanix', 'Cisco'];
export const COMPLIANCE = ['ISO 27001', 'SOC 2', 'NIS2', 'DORA', 'GDPR', 'HIPAA', 'PCI DSS', 'SOX'];
export const FIRST = ['Anna', 'Lars', 'Maria', 'Jonas', 'Sofia', 'Erik', 'Emma', 'Noah', 'Olivia', 'Lucas', 'Ida', 'Mads', 'Sara',
  'Henrik', 'Laura', 'Peter', 'Julia', 'Mikkel', 'Nora', 'Daniel', 'Priya', 'Kenji', 'Camila', 'Mateo', 'Grace', 'Wei', 'Amara', 'Tom'];
export const LAST = ['Hansen', 'Johansson', 'Nielsen', 'Berg', 'Schmidt', 'Andersen', 'Larsen', 'Müller', 'Smith', 'Jensen',
  'Olsen', 'Karlsson', 'Fischer', 'Brown', 'Pedersen', 'Lindqvist', 'Moreau', 'Rossi', 'Tanaka', 'Sharma', 'Silva', 'Chen', 'Walsh'];
export const TITLES: { title: string; roles: string[] }[] = [
  { title: 'CIO', roles: ['decision_maker', 'economic_buyer'] }, { title: 'Head of IT Operations', roles: ['decision_maker'] },
  { title: 'IT Service Manager', roles: ['champion'] }, { title: 'CMDB Process Owner', roles: ['champion', 'user'] },
  { title: 'Enterprise Architect', roles: ['technical', 'influencer'] }, { title: 'ServiceNow Platform Lead', roles: ['technical'] },
  { title: 'CISO', roles: ['influencer'] }, { title: 'Procurement Manager', roles: ['influencer'] },
  { title: 'CFO', roles: ['economic_buyer', 'exec_sponsor'] }, { title: 'Infrastructure Engineer', roles: ['user', 'technical'] },
];
/**
 * Account notes: `sale` ones happen before a contract, `customer` ones after its signature, `live` ones once the customer
 * is live (a review of results before go-live would not be believed).
 * Discovery and stakeholder notes stay internal; review notes are published to the customer (the design and go-live notes
 * are written on their projects' dates by the delivery loader).
 */
export const NOTES: { kind: 'note' | 'call' | 'meeting' | 'email'; subject: string; body: string; phase: 'sale' | 'customer' | 'live'; audience?: 'customer' }[] = [
  { phase: 'sale', kind: 'call', subject: 'Discovery call', body: 'Walked through their CMDB upkeep: two FTEs reconcile spreadsheets monthly. ServiceNow CMDB accuracy estimated at 70%.' },
  { phase: 'sale', kind: 'meeting', subject: 'Technical deep dive', body: 'Reviewed network segments and credentials model for agentless discovery. Security wants read-only service accounts.' },
  { phase: 'sale', kind: 'email', subject: 'Sent business case draft', body: 'Shared the ROI model: consultant spend avoided and audit preparation hours as the main value drivers.' },
  { phase: 'sale', kind: 'note', subject: 'Stakeholder map updated', body: 'CIO is the economic buyer; the IT service manager is our champion. Procurement joins at negotiation.' },
  { phase: 'sale', kind: 'meeting', subject: 'Executive briefing', body: 'Sponsor wants a compliance dashboard for NIS2 reporting before the board meeting.' },
  { phase: 'customer', kind: 'call', subject: 'Welcome call', body: 'Introduced the success plan, touchpoint cadence and the customer portal.', audience: 'customer' },
  { phase: 'customer', kind: 'meeting', subject: 'Project sync', body: "Reviewed the week's plan, open access requests and the next milestone with the customer's project lead." },
  { phase: 'customer', kind: 'email', subject: 'Access checklist sent', body: 'Sent the discovery credentials and firewall checklist for the integration phase.' },
  { phase: 'live', kind: 'meeting', subject: 'Quarterly business review', body: 'Discovery coverage at 96%. Audit findings down from 14 to 3. Discussed expansion to the Azure estate.', audience: 'customer' },
  { phase: 'live', kind: 'call', subject: 'Adoption check', body: 'Weekly active users up to 41. Asked for training on dependency maps for the change advisory board.' },
  { phase: 'live', kind: 'email', subject: 'Value summary', body: 'Summarised realised savings against the contracted KPIs for the sponsor.' },
  { phase: 'live', kind: 'note', subject: 'Escalation resolved', body: 'Integration sync lag fixed by the technical team; customer confirmed data is current again.' },
];
