// Metadata: customer success (seed 001 Customer Success Framework, with 000 §2).
import { seed, type MetaMap } from './types';

const schedule = (base: string): MetaMap => ({
  [`${base}.schedule`]: { title: 'When' },
  [`${base}.schedule.type`]: { title: 'Type', optionLabels: { once: 'Once', recurring: 'Recurring' } },
  [`${base}.schedule.dayOffset`]: { title: 'Day', unit: 'days', help: 'Days after the cadence anchor.' },
  [`${base}.schedule.every`]: { title: 'Every' },
  [`${base}.schedule.every.count`]: { title: 'Count', unit: 'count' },
  [`${base}.schedule.every.unit`]: { title: 'Unit' },
  [`${base}.schedule.untilDayOffset`]: { title: 'Until day', unit: 'days', nullLabel: 'for the life of the account' },
});

export const successMeta: MetaMap = {
  customerSuccess: { title: 'Customer success' },
  'customerSuccess.segments': {
    title: 'Segments', rowTitle: ['label', 'id'],
    seed: seed('001 Resource Allocation (80/20 Rule)', 'Standard Customers (80%); Strategic Customers (20%)'),
    sum: { total: 100, field: 'shareOfCustomersPercent', label: 'Segment shares' },
    rows: {
      standard: seed('001 Resource Allocation', 'Standard Customers (80%) — Support Model: Quarterly check-ins; Escalation: Only for technical issues; Automation: AI-driven health monitoring'),
      strategic: seed('001 Resource Allocation', 'Strategic Customers (20%) — Support Model: Monthly engagement; Executive Sponsor (2-3 accounts max); Value: Premium support and co-innovation'),
    },
  },
  'customerSuccess.segments.*.shareOfCustomersPercent': { title: 'Share of customers', unit: 'percent' },
  'customerSuccess.segments.*.ownerRoleIds': { title: 'Owners' },
  'customerSuccess.segments.*.engagementFrequency': { title: 'Engagement' },
  'customerSuccess.segments.*.monitoring': { title: 'Monitoring' },
  'customerSuccess.segments.*.executiveSponsor': {
    title: 'Executive sponsor', nullLabel: 'none',
    seed: seed('001 Resource Allocation', 'Executive Sponsor: Morten (2-3 accounts max)'),
  },
  'customerSuccess.segments.*.executiveSponsor.minAccounts': { title: 'Min accounts', unit: 'count' },
  'customerSuccess.segments.*.executiveSponsor.maxAccounts': { title: 'Max accounts', unit: 'count' },
  'customerSuccess.segments.*.benefits': { title: 'Benefits' },
  'customerSuccess.resourceAllocation': {
    title: 'Resource allocation', rowTitle: ['roleId'],
    seed: seed('000 §2 Resource Allocation', 'Day-to-day customer success activities; Routine check-ins and support; Technical escalations only; Strategic customer relationships only (2-3 key accounts)'),
  },
  'customerSuccess.lifecycleStages': {
    title: 'Lifecycle stages', rowTitle: ['name', 'id'],
    seed: seed('001 Customer Journey Stages', 'Stage 1: Pre-Sale (Cradle) … Stage 6: Renewal or Transition (Grave)'),
    rows: {
      prospect: seed('001 Stage 1', 'Pre-Sale (Cradle) — Duration: Variable'),
      implementation: seed('001 Stage 2', 'Implementation — Duration: 9-12 weeks'),
      adoption: seed('001 Stage 3', 'Adoption (First 90 Days) — Duration: 3 months post go-live'),
      value_realization: seed('001 Stage 4', 'Value Realization (Months 4-12) — Duration: 9 months'),
      expansion: seed('001 Stage 5', 'Growth & Expansion (Year 2+) — Duration: Ongoing'),
      renewal: seed('001 Stage 6', 'Renewal or Transition (Grave) — Duration: 90 days before contract end'),
      churned: seed('001 Stage 6', 'Departure Path (Exception Handling)'),
    },
  },
  'customerSuccess.lifecycleStages.*.ownerRoleIds': { title: 'Owners' },
  'customerSuccess.lifecycleStages.*.durationDays': { title: 'Duration', unit: 'days', nullLabel: 'variable or ongoing' },
  'customerSuccess.lifecycleStages.*.durationNote': { title: 'Duration as the seed says it' },
  'customerSuccess.lifecycleStages.*.exitCriteria': { title: 'Exit criteria', rowTitle: ['label', 'id'] },
  'customerSuccess.lifecycleStages.*.successMetricIds': { title: 'Success metrics', ref: 'metricTargets' },
  'customerSuccess.onboarding': { title: 'Onboarding' },
  'customerSuccess.onboarding.durationDays': {
    title: 'Duration', unit: 'days',
    seed: seed('000 §2 stage 1', 'Onboarding (Weeks 1-4)'),
  },
  'customerSuccess.onboarding.ownerRoleIds': {
    title: 'Owners', ref: 'roles',
    seed: seed('000 §2 stage 1', 'Owner: John Web transitioning from POC'),
  },
  'customerSuccess.onboarding.checklist': {
    title: 'Checklist', rowTitle: ['label', 'id'],
    seed: seed('000 §2 stage 1', 'Welcome and orientation … Establish Customer Success Manager relationship'),
  },
  'customerSuccess.onboarding.checkpoints': {
    title: 'Checkpoints', rowTitle: ['label', 'id'], help: 'For every segment, in addition to the segment cadence.',
    seed: seed('000 §2 Proactive Engagement Model', 'Week 4: First value check; Month 2: Adoption review; Month 3: Success planning'),
    rows: {
      first_value_check: seed('000 §2 Proactive Engagement Model', 'Week 4: First value check'),
      adoption_review: seed('000 §2 Proactive Engagement Model', 'Month 2: Adoption review'),
      success_planning: seed('000 §2 Proactive Engagement Model', 'Month 3: Success planning'),
    },
  },
  ...schedule('customerSuccess.onboarding.checkpoints.*'),
  'customerSuccess.touchpointAnchor': {
    title: 'Cadences count from',
    optionLabels: { contract_signed: 'Contract signature', kickoff: 'Project kickoff', go_live: 'Go-live' },
    productSpecific: 'The seeds say "Week 1" without saying from when; contract signature is the default',
  },
  'customerSuccess.touchpoints': {
    title: 'Touchpoint cadence per segment',
    seed: seed('001 Touch Point Cadence', 'Standard: Week 1 Welcome call; Month 1 Adoption check; Quarterly Business review; Annually Strategic planning. Strategic: Week 1 Executive kickoff; Bi-weekly Progress calls (first quarter); Monthly Success reviews; Quarterly Executive briefings'),
  },
  'customerSuccess.touchpoints.*': {
    rowTitle: ['label', 'id'],
    rows: {
      welcome_call: seed('001 Touch Point Cadence', 'Standard Customers — Week 1: Welcome call'),
      adoption_check: seed('001 Touch Point Cadence', 'Standard Customers — Month 1: Adoption check'),
      business_review: seed('001 Touch Point Cadence', 'Standard Customers — Quarterly: Business review'),
      strategic_planning: seed('001 Touch Point Cadence', 'Standard Customers — Annually: Strategic planning'),
      executive_kickoff: seed('001 Touch Point Cadence', 'Strategic Customers — Week 1: Executive kickoff'),
      progress_call: seed('001 Touch Point Cadence', 'Strategic Customers — Bi-weekly: Progress calls (first quarter)'),
      success_review: seed('001 Touch Point Cadence', 'Strategic Customers — Monthly: Success reviews'),
      executive_briefing: seed('001 Touch Point Cadence', 'Strategic Customers — Quarterly: Executive briefings'),
    },
  },
  ...schedule('customerSuccess.touchpoints.*.*'),
  'customerSuccess.escalationMatrix': {
    title: 'Escalation matrix', rowTitle: ['label'],
    seed: seed('001 Escalation Matrix', 'Level 1: CSM Resolution … Level 4: Executive Escalation'),
  },
  'customerSuccess.escalationMatrix.*.level': { title: 'Level', unit: 'level' },
  'customerSuccess.escalationMatrix.*.ownerRoleId': { title: 'Owner' },
  'customerSuccess.escalationMatrix.*.responseSlaHours': {
    title: 'Response SLA', unit: 'hours',
    seed: seed('001 Satisfaction Metrics', 'Support Resolution: <24 hours'),
    productSpecific: 'Level 1 follows the 24-hour support target; the other levels\' SLAs are the product\'s',
  },
  'customerSuccess.renewal': { title: 'Renewal' },
  'customerSuccess.renewal.windowDays': {
    title: 'Renewal window', unit: 'days',
    seed: seed('001 Stage 6', 'Duration: 90 days before contract end'),
  },
  'customerSuccess.renewal.targetRenewalRatePercent': {
    title: 'Target renewal rate', unit: 'percent',
    seed: seed('001 Stage 6; 000 §2 stage 5', 'Renewal Path (95% Target)'),
  },
  'customerSuccess.renewal.steps': {
    title: 'Renewal steps', rowTitle: ['label', 'id'],
    seed: seed('001 Stage 6 Renewal Path', 'Value documentation (90 days out); Renewal proposal (60 days out); Negotiation (30 days out); Contract execution (before expiry)'),
  },
  'customerSuccess.renewal.steps.*.daysBeforeExpiry': { title: 'Days before expiry', unit: 'days' },
  'customerSuccess.renewal.steps.*.ownerRoleIds': { title: 'Owners' },
  'customerSuccess.renewal.successFactors': {
    title: 'Success factors',
    seed: seed('001 Stage 6', 'Success Factors: Demonstrated ROI; Strong adoption metrics; Executive sponsorship; Future roadmap alignment'),
  },
  'customerSuccess.departure': { title: 'Departure' },
  'customerSuccess.departure.steps': {
    title: 'Departure steps', rowTitle: ['label', 'id'],
    seed: seed('001 Stage 6 Departure Path', 'Exit interview; Knowledge transfer; Data export; Lessons learned'),
  },
  'customerSuccess.departure.winBack': { title: 'Win-back' },
  'customerSuccess.departure.winBack.afterMonths': {
    title: 'Follow up after', unit: 'months',
    seed: seed('001 Win-Back Strategy', '6-month follow-up'),
  },
  'customerSuccess.departure.winBack.activities': {
    title: 'Activities',
    seed: seed('001 Win-Back Strategy', 'Market monitoring; Relationship maintenance; Re-engagement campaigns'),
  },
  'customerSuccess.partnerResponsibilities': {
    title: 'Partner responsibilities',
    seed: seed('001 Partner Responsibilities', 'Routine check-ins; Basic troubleshooting; Feature training; Usage optimization'),
  },
  'customerSuccess.valueReviewTopics': {
    title: 'Value review topics',
    seed: seed('001 Stage 4 Value Metrics', 'Cost savings vs. consultants (McKinsey/KPMG); Efficiency improvements; Compliance achievements; Risk reduction'),
  },
  'customerSuccess.expansionStrategies': {
    title: 'Expansion strategies',
    seed: seed('001 Stage 5', 'Expansion Strategies: Additional modules; New use cases; Department expansion; Geographic expansion'),
  },
  'customerSuccess.automatedWorkflows': {
    title: 'Automated workflows',
    seed: seed('001 Automated Workflows', 'Onboarding sequences; Training assignments; Review scheduling; Renewal reminders'),
  },
  'customerSuccess.reports': {
    title: 'Reports', rowTitle: ['label', 'id'],
    seed: seed('001 Reporting Automation', 'Weekly health reports; Monthly usage summaries; Quarterly business reviews; Annual value reports'),
  },
};
