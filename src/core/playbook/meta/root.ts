// Metadata: format version, name, currency, the business-hours calendar and the roles.
import { seed, seeds, type MetaMap } from './types';

export const rootMeta: MetaMap = {
  schemaVersion: { title: 'Schema version', productSpecific: 'Version of the playbook format, set by the software' },
  name: { title: 'Name', productSpecific: 'A name for this playbook; the default names the seeds it encodes' },
  currency: {
    title: 'Currency',
    help: 'ISO 4217 code of every money amount; billing uses the same currency.',
    seed: seed('002 Value Theater', 'We\'ve identified $2.3M in operational inefficiencies'),
    productSpecific: 'Money is integer minor units plus a currency (DESIGN §5); the seeds quote USD amounts',
  },

  calendar: { title: 'Business hours', help: 'The clock for SLAs counted in business hours.' },
  'calendar.timeZone': {
    title: 'Time zone', widget: 'timeZone',
    productSpecific: 'The seeds give no time zone; the company\'s home zone (Copenhagen) is the default',
  },
  'calendar.workingDays': {
    title: 'Working days', unit: 'weekday', widget: 'weekdays',
    seed: seed('004 Process Optimization Tips #1', 'Respond to inbound leads within 1 hour during business hours'),
  },
  'calendar.startTime': {
    title: 'Day starts', widget: 'time',
    seed: seed('004 Process Optimization Tips #1', 'within 1 hour during business hours'),
    productSpecific: 'The seeds do not define business hours; 09:00–17:00 is the default',
  },
  'calendar.endTime': {
    title: 'Day ends', widget: 'time',
    seed: seed('004 Process Optimization Tips #1', 'within 1 hour during business hours'),
    productSpecific: 'The seeds do not define business hours; 09:00–17:00 is the default',
  },
  'calendar.holidays': {
    title: 'Holidays', widget: 'date', help: 'Dates that are not business days.',
    productSpecific: 'Company-specific; the seeds list none',
  },

  roles: {
    title: 'Roles', rowTitle: ['label', 'id'],
    help: 'Where a seed names a person, the playbook names the role instead.',
    seed: seeds('000 §1', '000 §2', '001 Escalation Matrix', '003 Escalation Path', '004 Escalation Path'),
    rows: {
      marketing: seed('000 §1 stage 1; 004 §1.1', 'Stage 1: Lead Generation (Marketing)'),
      sdr: seed('000 §1 stage 2; 004 §1.2', 'Owner: Sales Development Representative (SDR)'),
      sdr_manager: seed('004 Escalation Path', 'SDR Manager → Sales Manager → VP Sales'),
      sales_operations: seed('004 §1.3; 004 Escalation Path', 'Owner: Sales Operations'),
      sales_manager: seed('004 §1.4; 004 Escalation Path', 'Owner: Sales Management'),
      vp_sales: seed('004 Escalation Path', 'SDR Manager → Sales Manager → VP Sales'),
      head_of_sales: seed('004', 'Process Owner: Head of Sales'),
      presales_engineer: seed('004 Escalation Path', 'Technical questions → Pre-sales Engineering'),
      account_executive: seed('004 Handoff to Next Stage; 003 Escalation Path', 'To: Account Executive'),
      commercial_lead: seed('000 §1; 001 Resource Allocation', 'Owner: … Sofie (commercial)'),
      technical_lead: seed('000 §1 stage 3; 001; 003 §7.3', 'Owner: Technical Lead'),
      executive_sponsor: seed('001 Resource Allocation; 000 §2', 'Executive Sponsor: Morten (2-3 accounts max)'),
      delivery_team: seed('000 §1 stage 5', 'Owner: Delivery team'),
      project_manager: seed('003 §7.1; 003 §7.6', 'Owner: Project Manager'),
      solution_architect: seed('003 §7.2', 'Owner: Solution Architect'),
      implementation_consultant: seed('003 §7.4', 'Owner: Implementation Consultant'),
      training_lead: seed('003 §7.5', 'Owner: Training Lead'),
      delivery_manager: seed('003 Escalation Path', 'Project issues → Delivery Manager → VP Delivery'),
      vp_delivery: seed('003', 'Process Owner: VP Delivery'),
      resource_manager: seed('003 Escalation Path', 'Resource issues → Resource Manager → COO'),
      cto: seed('003 Escalation Path', 'Technical issues → Solution Architect → CTO'),
      ceo: seed('003 Escalation Path', 'Customer concerns → Account Executive → CEO'),
      coo: seed('003 Escalation Path', 'Resource issues → Resource Manager → COO'),
      csm: seed('000 §2; 001', 'Day-to-day customer success activities'),
      partner: seed('000 §2; 001', 'Partners: Routine check-ins and support'),
      account_team: seed('000 §2 stage 4; 001 Stage 5', 'Owner: Account Team'),
      finance: seed('000 §1 stage 8; 003 Handoff to Next Stage', 'To: Finance & Customer Success'),
      support_agent: seed('000 §4', 'Level 1: First Response'),
      support_engineer: seed('000 §4', 'Level 2: Technical Support'),
      engineering: seed('000 §4', 'Level 3: Engineering'),
    },
  },
  'roles.*.id': { title: 'Id' },
  'roles.*.label': { title: 'Label' },
  'roles.*.description': { title: 'Description' },
};
