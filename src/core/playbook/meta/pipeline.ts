// Metadata: the sales pipeline (seed 000 §1 stages 3–7, with 001 Stage 1 and 004 objections).
import { seed, type MetaMap } from './types';

const A = { ref: 'assumption' };

export const pipelineMeta: MetaMap = {
  pipeline: { title: 'Sales pipeline' },
  'pipeline.stages': {
    title: 'Stages', rowTitle: ['name', 'id'],
    seed: seed('000 §1 stages 3–6', 'HubSpot Pipeline: Marketing → Sales Qualification → Discovery → Proposal → POC → Contract'),
    rows: {
      discovery: seed('000 §1 stage 3', 'Objective: Understand customer needs deeply'),
      proposal: seed('000 §1 stage 4', 'Objective: Present tailored solution; Timeline: 5-7 days'),
      poc: seed('000 §1 stage 5', 'Objective: Demonstrate value with limited scope; Timeline: 4 weeks standard'),
      negotiation: seed('000 §1 stage 6', 'Objective: Reach mutual agreement; Timeline: 1-2 weeks post-POC'),
      closed_won: seed('000 §1 stage 7; 001 Stage 1', 'Handoff Criteria: Contract signed; Implementation team assigned; Success criteria documented; Project manager identified'),
      closed_lost: [A],
    },
  },
  'pipeline.stages.*.kind': { title: 'Kind', optionLabels: { open: 'Open', won: 'Won', lost: 'Lost' } },
  'pipeline.stages.*.probability': {
    title: 'Win probability', unit: 'percent',
    productSpecific: 'The seeds give no stage probabilities; 20/40/60/80 rises with the gates passed',
  },
  'pipeline.stages.*.forecastCategory': {
    title: 'Forecast category',
    productSpecific: 'Forecast categories are the product\'s; the seeds give none',
  },
  'pipeline.stages.*.expectedDurationDays': {
    title: 'Expected duration', unit: 'days', nullLabel: 'not timed',
    seed: seed('000 §1 stages 4–6', 'Timeline: 5-7 days; 4 weeks standard; 1-2 weeks post-POC'),
  },
  'pipeline.stages.*.ownerRoleIds': { title: 'Owners' },
  'pipeline.stages.*.objective': { title: 'Objective' },
  'pipeline.stages.*.exitCriteria': {
    title: 'Exit criteria (gates)', rowTitle: ['label', 'id'],
    seed: seed('000 §1 stages 3–6; 001 Stage 1', 'The stage activities, as gates; Handoff Criteria'),
  },
  'pipeline.stages.*.conversionMetric': { title: 'Conversion metric', nullLabel: 'none' },
  'pipeline.lossReasons': {
    title: 'Loss reasons', rowTitle: ['label', 'id'],
    seed: seed('000 §1 stages 5–6; 004 Common Objections', 'Security review; Legal review; Procurement process navigation'),
    rows: {
      no_budget: seed('004 Common Objections', 'We don\'t have budget allocated'),
      existing_tools: seed('004 Common Objections', 'We already have discovery tools'),
      no_capacity: seed('004 Common Objections', 'We\'re too busy with other projects'),
      poc_criteria_not_met: seed('000 §1 stage 5', 'Success criteria validation'),
      security_review_failed: seed('000 §1 stage 6', 'Security review'),
      legal_or_procurement: seed('000 §1 stage 6', 'Legal review; Procurement process navigation'),
      commercial_terms: seed('000 §1 stage 6', 'Commercial negotiation based on POC results'),
      timeline_slipped: seed('004 §1.2', 'Timeline: Initiative planned within 6-12 months'),
      lost_to_competitor: [A],
      no_decision: [A],
    },
  },
  'pipeline.poc': { title: 'Proof of concept' },
  'pipeline.poc.standardDurationWeeks': {
    title: 'Standard duration', unit: 'weeks',
    seed: seed('000 §1 stage 5', 'Timeline: 4 weeks standard'),
  },
  'pipeline.poc.feeCreditPercent': {
    title: 'Fee credited to the implementation', unit: 'percent',
    seed: seed('004 Common Objections', 'The POC investment is fully credited toward the full implementation'),
  },
  'pipeline.poc.deliverables': {
    title: 'Deliverables', rowTitle: ['label', 'id'],
    seed: seed('000 §1 stage 5', 'Templates: POC SOW Template; POC Validation Framework; POC Report/Deliverable'),
  },
};
