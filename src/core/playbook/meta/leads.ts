// Metadata: lead management (seed 004 Lead Generation Process, with 000 §1 stages 1–2).
import { seed, seeds, type MetaMap } from './types';

const COMBINE = 'The seeds do not say how fit and engagement combine';
const BANDS = 'The seeds name a "lead scoring system" (004 §1.1) without bands';

const ruleFields = (list: 'fitRules' | 'engagementRules'): MetaMap => ({
  [`leads.scoring.${list}.*.id`]: { title: 'Id' },
  [`leads.scoring.${list}.*.points`]: {
    title: 'Points', unit: 'points',
    productSpecific: 'The seeds name what matters for a lead, not how many points it is worth',
  },
  [`leads.scoring.${list}.*.explanation`]: { title: 'Shown as' },
  [`leads.scoring.${list}.*.when`]: { title: 'When' },
  [`leads.scoring.${list}.*.when.fact`]: { title: 'Fact' },
  [`leads.scoring.${list}.*.when.op`]: {
    title: 'Test',
    optionLabels: { eq: '=', neq: '≠', in: 'is one of', contains: 'contains', gt: '>', gte: '≥', lt: '<', lte: '≤', exists: 'is present', isTrue: 'is yes', isFalse: 'is no' },
  },
  [`leads.scoring.${list}.*.when.value`]: { title: 'Value' },
});

export const leadsMeta: MetaMap = {
  leads: { title: 'Lead management' },
  'leads.typicalInitialResponseDays': {
    title: 'Typical initial response', unit: 'days',
    seed: seed('004 Duration', 'Typical Duration: 1-2 days for initial response'),
  },
  'leads.sources': {
    title: 'Lead sources', rowTitle: ['label', 'id'],
    seed: seeds(['004 Entry Criteria', 'Inbound inquiry via website/email/phone; Referral from partner or existing customer'], '000 §1 stage 1', '004 §1.1'),
    rows: {
      website: seed('004 Entry Criteria', 'Inbound inquiry via website/email/phone'),
      email: seed('004 Entry Criteria', 'Inbound inquiry via website/email/phone'),
      phone: seed('004 Entry Criteria', 'Inbound inquiry via website/email/phone'),
      content: seed('000 §1 stage 1', 'Content marketing (blog, whitepapers)'),
      seo_sem: seed('000 §1 stage 1', 'SEO/SEM campaigns'),
      webinar: seed('000 §1 stage 1; 004 §1.1', 'Webinars and events'),
      event: seed('000 §1 stage 1; 004 §1.1', 'Webinars and events'),
      partner_referral: seed('000 §1 stage 1; 004 Entry Criteria', 'Partner referrals'),
      customer_referral: seed('004 Entry Criteria', 'Referral from partner or existing customer'),
      outbound: seed('000 §1 stage 1; 004 §1.1', 'Outbound prospecting'),
    },
  },
  'leads.sources.*.direction': { title: 'Direction' },
  'leads.outreachChannels': {
    title: 'Outreach channels',
    seed: seed('004 Process Optimization Tips #2', 'Use multi-touch sequences (email, phone, LinkedIn)'),
  },
  'leads.statuses': {
    title: 'Lead statuses', rowTitle: ['label', 'id'],
    seed: seed('000 §1 stages 1–2', 'Output: Marketing Qualified Lead (MQL) … Sales Qualified Lead (SQL)'),
    rows: {
      working: [{ ref: 'assumption', quote: 'The "working" wording is the product\'s' }],
      converted: [{ ref: 'assumption', quote: 'The "converted" wording is the product\'s' }],
    },
  },
  'leads.entryCriteria': {
    title: 'Entry criteria', rowTitle: ['label', 'id'],
    seed: seed('004 Entry Criteria', 'Marketing qualified lead (MQL) received'),
  },

  'leads.bant': { title: 'BANT qualification' },
  'leads.bant.criteria': {
    title: 'Criteria', rowTitle: ['label', 'id'],
    seed: seed('004 §1.2', 'Qualification Criteria (BANT)'),
    rows: {
      budget: [{ ref: '004 §1.2', quote: 'Budget: IT operations/infrastructure budget identified' }, { ref: 'assumption', quote: 'No budget question in 004; the question is the product\'s' }],
      authority: seed('004 §1.2', 'Authority: Contact has influence on purchasing decisions; Key Question 5'),
      need: seed('004 §1.2', 'Need: Clear pain points around asset management, CMDB accuracy, or compliance; Key Questions 1–3'),
      timeline: seed('004 §1.2', 'Timeline: Initiative planned within 6-12 months; Key Question 4'),
    },
  },
  'leads.bant.criteria.*.questions': { title: 'Key questions', seed: seed('004 §1.2', 'Key Questions') },
  'leads.bant.requiredCriteriaMet': {
    title: 'Criteria that must be met', unit: 'count',
    seed: seed('004 Exit Criteria', 'Lead qualified against BANT criteria'),
    productSpecific: 'All four is the product\'s reading; the seed does not say how many',
  },
  'leads.bant.timelineHorizonMonths': {
    title: 'Timeline horizon', unit: 'months',
    seed: seed('004 §1.2', 'Timeline: Initiative planned within 6-12 months'),
  },
  'leads.enrichmentFields': {
    title: 'Enrichment fields', rowTitle: ['label', 'id'],
    seed: seed('004 §1.3', 'Data Points to Capture: Company size and industry; Current technology stack (ServiceNow, monitoring tools); Infrastructure scale (servers, cloud resources, network devices); Compliance requirements; Recent technology initiatives'),
  },

  'leads.scoring': {
    title: 'Lead scoring',
    help: 'Total = fit % × fit weight + engagement % × engagement weight. The score says how soon to call: four BANT answers '
      + 'make a lead warm, with a good profile hot; no answers and a poor profile leave it cold.',
  },
  'leads.scoring.fitRules': {
    title: 'Fit rules', rowTitle: ['explanation', 'id'],
    seed: seeds(['004 §1.2', 'Qualification Criteria (BANT)'], ['004 §1.3', 'Data Points to Capture'], '004 Common Objections'),
    rows: {
      servicenow_in_stack: seed('004 §1.3; 004 Common Objections', 'Current technology stack (ServiceNow, monitoring tools)'),
      monitoring_tools: seed('004 §1.3', 'Current technology stack (ServiceNow, monitoring tools)'),
      has_cmdb: seed('004 §1.2', 'Do you currently have a CMDB? How accurate is it?'),
      cmdb_inaccurate: [{ ref: '004 §1.2', quote: 'Do you currently have a CMDB? How accurate is it?' }, { ref: 'assumption', quote: '80 % threshold' }],
      compliance_needs: seed('004 §1.2', 'What compliance frameworks do you need to support?'),
      servers_1000: [{ ref: '004 §1.3', quote: 'Infrastructure scale (servers, cloud resources, network devices)' }, { ref: 'assumption', quote: '1,000 threshold' }],
      cloud_resources: [{ ref: '004 §1.3', quote: 'Infrastructure scale' }, { ref: 'assumption', quote: '100 threshold' }],
      network_devices: [{ ref: '004 §1.3', quote: 'Infrastructure scale' }, { ref: 'assumption', quote: '500 threshold' }],
      enterprise_size: [{ ref: '004 §1.3', quote: 'Company size and industry' }, { ref: 'assumption', quote: '1,000 threshold' }],
      recent_initiatives: seed('004 §1.3', 'Recent technology initiatives'),
      budget_identified: seed('004 §1.2', 'Budget: IT operations/infrastructure budget identified'),
      has_authority: seed('004 §1.2', 'Authority: Contact has influence on purchasing decisions'),
      clear_need: seed('004 §1.2', 'Need: Clear pain points around asset management, CMDB accuracy, or compliance'),
      timeline_12m: seed('004 §1.2', 'Timeline: Initiative planned within 6-12 months'),
      timeline_beyond_12m: seed('004 §1.2', 'Timeline: Initiative planned within 6-12 months'),
      no_budget: seed('004 §1.2', 'Budget: IT operations/infrastructure budget identified'),
      no_authority: seed('004 §1.2', 'Authority: Contact has influence on purchasing decisions'),
      no_need: seed('004 §1.2', 'Need: Clear pain points around asset management, CMDB accuracy, or compliance'),
    },
  },
  ...ruleFields('fitRules'),
  'leads.scoring.engagementRules': {
    title: 'Engagement rules', rowTitle: ['explanation', 'id'],
    seed: seeds(['000 §1 stage 1', 'Webinars and events; Partner referrals'], '004 §1.1', '004 Process Optimization Tips'),
    rows: {
      referral: seed('004 Entry Criteria', 'Referral from partner or existing customer'),
      inbound_inquiry: seed('004 Entry Criteria', 'Inbound inquiry via website/email/phone'),
      meeting_accepted: seed('004 Process Optimization Tips #4; 004 Exit Criteria', 'Schedule discovery meetings while on initial call when possible'),
      email_replied: seed('004 Process Optimization Tips #2', 'Use multi-touch sequences (email, phone, LinkedIn)'),
      webinar_attended: seed('000 §1 stage 1; 004 §1.1', 'Track event/webinar registrations'),
      event_attended: seed('000 §1 stage 1; 004 §1.1', 'Track event/webinar registrations'),
      content_downloaded: seed('000 §1 stage 1', 'Content marketing (blog, whitepapers)'),
      website_visits: [{ ref: '004 §1.1', quote: 'Monitor inbound channels (website, email, phone)' }, { ref: 'assumption', quote: '3-visit threshold' }],
    },
  },
  ...ruleFields('engagementRules'),
  'leads.scoring.maxFitPoints': {
    title: 'Fit points cap', unit: 'points',
    productSpecific: 'Fit points are capped and scaled to 0–100; the seeds give no scale',
  },
  'leads.scoring.maxEngagementPoints': {
    title: 'Engagement points cap', unit: 'points',
    productSpecific: 'Engagement points are capped and scaled to 0–100; the seeds give no scale',
  },
  'leads.scoring.combineWeights': { title: 'Fit and engagement weights', sum: { total: 100, label: 'Score weights' } },
  'leads.scoring.combineWeights.fit': { title: 'Fit', unit: 'percent', productSpecific: COMBINE },
  'leads.scoring.combineWeights.engagement': { title: 'Engagement', unit: 'percent', productSpecific: COMBINE },
  'leads.scoring.priorityBands': {
    title: 'Priority bands', help: 'A lead is hot at or above "hot", warm at or above "warm", else cold.',
    scale: { max: 100, bands: [{ label: 'Cold', color: 'gray' }, { label: 'Warm', color: 'orange', from: 'warm' }, { label: 'Hot', color: 'red', from: 'hot' }] },
  },
  'leads.scoring.priorityBands.hot': { title: 'Hot from', unit: 'points', productSpecific: BANDS },
  'leads.scoring.priorityBands.warm': { title: 'Warm from', unit: 'points', productSpecific: BANDS },

  'leads.assignment': { title: 'Lead assignment' },
  'leads.assignment.criteria': {
    title: 'Assignment criteria', rowTitle: ['label', 'id'], help: 'Applied in this order; the weight ranks candidates when several match.',
    seed: seed('004 §1.4', 'Assignment Logic: Geographic territory; Industry vertical expertise; Account size/complexity; Current workload balancing'),
    sum: { total: 100, field: 'weightPercent', label: 'Assignment weights' },
  },
  'leads.assignment.criteria.*.weightPercent': {
    title: 'Weight', unit: 'percent',
    productSpecific: 'The seed lists the criteria in order without weights',
  },
  'leads.assignment.accountSizeTiers': {
    title: 'Account size tiers', rowTitle: ['label', 'id'], help: 'Largest first.',
    seed: seed('004 §1.4', 'Account size/complexity'),
  },
  'leads.assignment.accountSizeTiers.*.minEmployees': {
    title: 'From', unit: 'employees',
    productSpecific: 'Tier thresholds are the product\'s; the seed names "account size/complexity" only',
  },
  'leads.assignment.assignerRoleId': {
    title: 'Assigned by', ref: 'roles',
    seed: seed('004 §1.4', 'Lead Assignment — Owner: Sales Management'),
  },

  'leads.sla': { title: 'Response SLAs' },
  'leads.sla.firstResponseHours': {
    title: 'First response', unit: 'hours',
    seed: seeds(['000 §1 stage 1', 'SLA: 24-hour response time'], ['004 Success Metrics', 'Lead response time: < 24 hours']),
  },
  'leads.sla.firstResponseTargetBusinessHours': {
    title: 'First response target', unit: 'businessHours',
    seed: seed('004 Process Optimization Tips #1', 'Respond to inbound leads within 1 hour during business hours'),
  },
  'leads.sla.qualificationHours': {
    title: 'Qualification', unit: 'hours',
    seed: seed('000 §1 stage 2', 'SLA: 48-hour qualification'),
  },
  'leads.sla.clock': {
    title: 'Clock', help: 'Whether the first-response and qualification SLAs count business hours of the calendar or every hour.',
    optionLabels: { calendar: 'Every hour', business: 'Business hours' },
    productSpecific: 'SLA clocks run in business hours (issue 3); the seeds give the hours, not the clock',
  },
  'leads.slaEscalation': {
    title: 'SLA escalation', rowTitle: ['roleId'],
    seed: seed('004 Escalation Path', 'SDR Manager → Sales Manager → VP Sales'),
  },
  'leads.slaEscalation.*.roleId': { title: 'Role' },
  'leads.slaEscalation.*.hoursAfterBreach': {
    title: 'Hours after breach', unit: 'hours',
    productSpecific: 'The seed gives the chain, not when each step is reached',
  },
  'leads.topicEscalations': {
    title: 'Topic escalations', rowTitle: ['topic'],
    seed: seed('004 Escalation Path', 'Technical questions → Pre-sales Engineering; Pricing questions → Sales Operations'),
  },
  'leads.topicEscalations.*.roleId': { title: 'Role' },
  'leads.disqualificationReasons': {
    title: 'Disqualification reasons', rowTitle: ['label', 'id'],
    seed: seeds(['004 §1.2', 'Qualification Criteria (BANT)'], '004 Common Objections'),
    rows: {
      no_budget: seed('004 §1.2; 004 Common Objections', 'We don\'t have budget allocated'),
      no_authority: seed('004 §1.2', 'Authority: Contact has influence on purchasing decisions'),
      no_need: seed('004 §1.2', 'Need: Clear pain points around asset management, CMDB accuracy, or compliance'),
      timeline_beyond_12_months: seed('004 §1.2', 'Timeline: Initiative planned within 6-12 months'),
      existing_tools: seed('004 Common Objections', 'We already have discovery tools'),
      no_capacity: seed('004 Common Objections', 'We\'re too busy with other projects'),
      unresponsive: [{ ref: 'assumption' }],
      duplicate: [{ ref: 'assumption' }],
    },
  },
  'leads.disqualificationReasons.*.nurture': { title: 'Nurture' },
  'leads.deliverables': {
    title: 'Deliverables', rowTitle: ['label', 'id'],
    seed: seed('004 Deliverables', 'Lead Qualification Form - Completed BANT assessment'),
  },
  'leads.exitCriteria': {
    title: 'Exit criteria', rowTitle: ['label', 'id'],
    seed: seed('004 Exit Criteria', 'Lead qualified against BANT criteria'),
  },
  'leads.handoff': { title: 'Handoff' },
  'leads.handoff.toRoleId': {
    title: 'Hand off to', ref: 'roles',
    seed: seed('004 Handoff to Next Stage', 'To: Account Executive'),
  },
  'leads.handoff.items': {
    title: 'Handoff items', rowTitle: ['label', 'id'],
    seed: seed('004 Handoff to Next Stage', 'Includes: Qualified lead form; Initial requirements; Scheduled meeting details; Background research/notes'),
  },
  'leads.handoff.items.*.required': {
    title: 'Required',
    productSpecific: 'The seed lists the items; which are optional is the product\'s call',
  },
  'leads.objections': {
    title: 'Objections', rowTitle: ['objection', 'id'],
    seed: seed('004 Common Objections & Responses'),
  },
  'leads.objections.*.response': { title: 'Response', widget: 'textarea' },
};
