// Metadata: support (000 §4), partners (000 §5, 001), product development (000 §3) and metric targets.
import { seed, type MetaMap } from './types';

export const otherMeta: MetaMap = {
  support: { title: 'Support' },
  'support.processSteps': {
    title: 'Process steps', rowTitle: ['label', 'id'],
    seed: seed('000 §4 Process Flow', 'Issue Reported → Triage → Diagnosis → Resolution → Verification → Documentation'),
  },
  'support.levels': {
    title: 'Support levels', rowTitle: ['name'],
    seed: seed('000 §4 Support Levels', 'Level 1: First Response; Level 2: Technical Support; Level 3: Engineering'),
  },
  'support.levels.*.level': { title: 'Level', unit: 'level' },
  'support.levels.*.ownerRoleId': { title: 'Owner' },
  'support.priorities': {
    title: 'Ticket priorities', rowTitle: ['label', 'id'],
    seed: seed('001 Satisfaction Metrics', 'Support Resolution: <24 hours'),
    productSpecific: 'Priorities and their SLAs are the product\'s; the 24-hour target bounds the high priority',
  },
  'support.priorities.*.firstResponseHours': { title: 'First response', unit: 'hours' },
  'support.priorities.*.resolutionHours': { title: 'Resolution', unit: 'hours' },
  'support.channels': {
    title: 'Channels',
    seed: seed('001 Customer Portal; 001 Tools & Systems', 'Support ticket system; Communication: Teams/Email'),
  },

  partners: { title: 'Partners' },
  'partners.lifecycle': {
    title: 'Partner lifecycle', rowTitle: ['label', 'id'],
    seed: seed('000 §5 Process Flow', 'Partner Recruitment → Enablement → Joint Planning → Co-selling → Delivery → Revenue Share'),
  },
  'partners.types': {
    title: 'Partner types', rowTitle: ['label', 'id'],
    seed: seed('000 §5 Partner Types', 'Technology Partners; Channel Partners; Service Partners'),
  },
  'partners.types.*.commissionPercent': {
    title: 'Commission', unit: 'percent',
    seed: seed('000 §5 Channel Partners', 'Commission structure'),
    productSpecific: 'The seed names a commission structure, not the rate; 15 % of first-year ARR is the default',
  },
  'partners.types.*.commissionBasis': {
    title: 'Commission on', optionLabels: { first_year_arr: 'First-year ARR', none: 'No commission' },
    productSpecific: 'The seed names a commission structure, not its basis',
  },
  'partners.types.*.dealRegistration': { title: 'Deal registration', seed: seed('000 §5 Channel Partners', 'Deal registration') },
  'partners.dealRegistrationValidityDays': {
    title: 'Deal registration valid for', unit: 'days',
    seed: seed('000 §5 Channel Partners', 'Deal registration'),
    productSpecific: 'The seed gives no validity period; 90 days is the default',
  },
  'partners.certificationLevels': {
    title: 'Certification levels', rowTitle: ['label', 'id'],
    seed: seed('001 Partner Training Program; 000 §2', 'Certification levels; Certification: Partner CSM program'),
    productSpecific: 'The level names are the product\'s',
  },
  'partners.trainingTopics': {
    title: 'Training topics',
    seed: seed('001 Partner Training Program', 'Product knowledge; Customer management; Escalation procedures'),
  },
  'partners.qualityAssurance': {
    title: 'Quality assurance',
    seed: seed('001 Quality Assurance', 'Customer satisfaction surveys; Partner performance metrics; Regular audits; Continuous improvement'),
  },

  productDevelopment: { title: 'Product development' },
  'productDevelopment.featureRequestStages': {
    title: 'Feature request stages', rowTitle: ['label', 'id'],
    seed: seed('000 §3 Process Flow', 'Idea → Research → Design → Development → Testing → Release → Monitor → Iterate'),
  },
  'productDevelopment.feedbackSources': {
    title: 'Feedback sources',
    seed: seed('000 §3 Discovery & Planning; 000 Cross-Stream Dependencies; 001 Feedback Loops; 001 Innovation Pipeline', 'Customer feedback analysis; Product telemetry informs Development; Support tickets influence Product roadmap'),
  },
  'productDevelopment.releaseChecklist': {
    title: 'Release checklist', rowTitle: ['label', 'id'],
    seed: seed('000 §3 Quality & Release', 'Automated testing; Security review; Performance optimization; Documentation; Staged rollout'),
  },

  metricTargets: {
    title: 'Metric targets', rowTitle: ['label'],
    help: 'Each target names its seed and section in "source".',
    seed: seed('001 Success Metrics & KPIs; 003 Success Metrics; 004 Success Metrics; 000 §1; 002 Measurable Outcomes'),
    rows: { days_sales_outstanding: [{ ref: 'assumption', quote: '000 §1 stage 8 names DSO without a target' }] },
  },
  'metricTargets.*.target': { title: 'Target' },
  'metricTargets.*.comparator': {
    title: 'Comparator', optionLabels: { gt: '>', gte: '≥', lt: '<', lte: '≤', eq: '=' },
  },
  'metricTargets.*.source': { title: 'Source' },
  'metricTargets.*.scaleMax': { title: 'Scale max', help: 'For scores: the top of the scale (e.g. 5 for CSAT).' },
  'metricTargets.*.period': { title: 'Per' },
};
