// Metadata: delivery projects (seed 003 Product Delivery Process, with 000 §1 stage 7) and billing (000 §1 stage 8).
import { seed, type MetaMap } from './types';

export const deliveryMeta: MetaMap = {
  delivery: { title: 'Delivery projects' },
  'delivery.standardWeeks': {
    title: 'Standard duration', unit: 'weeks',
    seed: seed('003 Duration', 'Standard Duration: 12 weeks (9-16 weeks depending on scope)'),
  },
  'delivery.minWeeks': {
    title: 'Shortest', unit: 'weeks',
    seed: seed('003 Duration; 000 §1 stage 7', '9-16 weeks depending on scope'),
  },
  'delivery.maxWeeks': {
    title: 'Longest', unit: 'weeks',
    seed: seed('003 Duration; 000 §1 stage 7', '9-16 weeks depending on scope; 16 weeks in SOW template'),
  },
  'delivery.hypercareWeeks': {
    title: 'Hypercare', unit: 'weeks',
    seed: seed('000 §1 stage 7', 'Go-Live Support (2 weeks): Hypercare period'),
  },
  'delivery.entryCriteria': {
    title: 'Entry criteria', rowTitle: ['label', 'id'],
    seed: seed('003 Entry Criteria', 'Contracts fully executed; Kickoff meeting completed; Resources assigned; Environment access provided; Project plan approved'),
  },
  'delivery.phases': {
    title: 'Phases', rowTitle: ['name', 'id'], help: 'Listed in start-week order.',
    seed: seed('003 §7.1–7.6', 'Process Steps'),
    rows: {
      kickoff: seed('003 §7.1', 'Project Kickoff (Week 1) — Owner: Project Manager'),
      planning_design: seed('003 §7.2', 'Phase 1: Planning & Design (Weeks 1-3) — Owner: Solution Architect'),
      integration_development: seed('003 §7.3', 'Phase 2: Integration Development (Weeks 4-6) — Owner: Technical Lead'),
      implementation: seed('003 §7.4', 'Phase 3: Implementation (Weeks 7-10) — Owner: Implementation Consultant'),
      knowledge_transfer: seed('003 §7.5', 'Phase 4: Knowledge Transfer (Weeks 11-12) — Owner: Training Lead'),
      closure: seed('003 §7.6', 'Project Closure (Week 12) — Owner: Project Manager'),
    },
  },
  'delivery.phases.*.ownerRoleId': { title: 'Owner' },
  // Week numbers of the project (1 = the first week), not durations: no unit suffix.
  'delivery.phases.*.startWeek': { title: 'Starts in week' },
  'delivery.phases.*.endWeek': { title: 'Ends in week' },
  'delivery.phases.*.activities': { title: 'Activities', rowTitle: ['label'] },
  'delivery.phases.*.deliverables': { title: 'Deliverables', rowTitle: ['label', 'id'] },
  'delivery.milestones': {
    title: 'Milestones', rowTitle: ['name', 'id'], help: 'Accepting a milestone invoices its share of the services fee.',
    seed: seed('003 Key Milestones & Deliverables', 'Payment 25% / 25% / 25% / 20% / 5%'),
    sum: { total: 100, field: 'paymentPercent', label: 'Milestone payments' },
  },
  'delivery.milestones.*.week': { title: 'Week' },
  'delivery.milestones.*.phaseId': { title: 'Phase', ref: 'delivery.phases' },
  'delivery.milestones.*.paymentPercent': { title: 'Payment', unit: 'percent' },
  'delivery.milestones.*.requiresCustomerAcceptance': {
    title: 'Customer accepts',
    seed: seed('003 Duration', 'Stage Gate: Move to Payment Collection when deliverables are accepted'),
  },
  'delivery.exitCriteria': {
    title: 'Exit criteria', rowTitle: ['label', 'id'],
    seed: seed('003 Exit Criteria', 'All deliverables accepted … Customer sign-off obtained'),
  },
  'delivery.handoff': { title: 'Handoff' },
  'delivery.handoff.toRoleIds': {
    title: 'Hand off to', ref: 'roles',
    seed: seed('003 Handoff to Next Stage', 'To: Finance & Customer Success'),
  },
  'delivery.handoff.items': {
    title: 'Handoff items', rowTitle: ['label', 'id'],
    seed: seed('003 Handoff to Next Stage', 'Includes: Acceptance documentation; Final deliverables; Invoice triggers; Support requirements; Renewal opportunities'),
  },
  'delivery.meetings': {
    title: 'Meeting cadence', rowTitle: ['label', 'id'],
    seed: seed('003 Communication Plan', 'Daily: Team standups (15 min); Weekly: Status meetings (30 min); Bi-weekly: Steering committee (60 min); Monthly: Executive briefing (30 min); Ad-hoc: Issue resolution'),
  },
  'delivery.meetings.*.durationMinutes': { title: 'Duration', unit: 'minutes', nullLabel: 'as needed' },
  'delivery.statusReporting': {
    title: 'Status reporting',
    seed: seed('003 Communication Plan', 'Status Reporting: Weekly status reports; Milestone completion notices; …'),
  },
  'delivery.risks': {
    title: 'Common risks', rowTitle: ['label', 'id'],
    seed: seed('003 Risk Management', 'Common Risks & Mitigations'),
  },
  'delivery.issueResolutionSteps': {
    title: 'Issue resolution steps',
    seed: seed('003 Issue Resolution Process', 'Issue identification and logging … Verification and closure'),
  },
  'delivery.escalationPaths': {
    title: 'Escalation paths', rowTitle: ['topic'],
    seed: seed('003 Escalation Path', 'Project issues → Delivery Manager → VP Delivery'),
  },
  'delivery.escalationPaths.*.chainRoleIds': { title: 'Chain' },
  'delivery.acceptanceChecks': {
    title: 'Acceptance checks', rowTitle: ['label', 'id'],
    seed: seed('003 Success Metrics', 'Performance SLAs: Met; Security compliance: Passed; Process improvement: Measured; ROI achievement: On track'),
  },

  billing: { title: 'Billing & collection' },
  'billing.currency': {
    title: 'Currency', help: 'Must equal the playbook currency.',
    productSpecific: 'Money convention (DESIGN §5): one currency for the playbook',
  },
  'billing.paymentTermsDays': {
    title: 'Payment terms', unit: 'days',
    seed: seed('000 §1 stage 8', 'Timeline: Net 30 terms'),
  },
  'billing.invoiceTrigger': {
    title: 'Invoice when',
    optionLabels: { milestone_acceptance: 'The customer accepts a milestone', milestone_date: 'A milestone\'s date passes' },
    seed: seed('003 Duration; 003 Handoff to Next Stage', 'Move to Payment Collection when deliverables are accepted; Invoice triggers'),
  },
  'billing.subscriptionBillingPeriod': {
    title: 'Subscription billed',
    seed: seed('000 §1 stage 8', 'Subscription activation'),
    productSpecific: 'The seed names subscription activation, not the billing period; annual is the default',
  },
  'billing.dunning': { title: 'Dunning' },
  'billing.dunning.steps': {
    title: 'Reminder steps', rowTitle: ['action', 'id'],
    productSpecific: 'The seeds give Net 30 and DSO only; the reminder schedule is the product\'s',
  },
  'billing.dunning.steps.*.dayOffset': { title: 'Day (from due date)', unit: 'days', help: 'Negative = before the due date.' },
  'billing.dunning.steps.*.ownerRoleId': { title: 'Owner' },
  'billing.dunning.escalateWhenDaysLate': {
    title: 'Escalate when late by', unit: 'days',
    productSpecific: 'The seeds give no collection escalation',
  },
  'billing.dunning.escalationRoleIds': {
    title: 'Escalate to', ref: 'roles',
    productSpecific: 'The seeds give no collection escalation',
  },
  'billing.agingBuckets': {
    title: 'Aging buckets', rowTitle: ['label', 'id'], help: 'Contiguous; the first and last are open-ended.',
    seed: seed('000 §1 stage 8', 'Metrics: DSO (Days Sales Outstanding)'),
    productSpecific: 'Standard receivables aging; the seed names DSO only',
  },
  'billing.agingBuckets.*.minDaysPastDue': { title: 'From', unit: 'days', nullLabel: 'open-ended' },
  'billing.agingBuckets.*.maxDaysPastDue': { title: 'To', unit: 'days', nullLabel: 'open-ended' },
};
