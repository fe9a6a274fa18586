// The catalogue of the sales figures: one definition per figure, read by the calculation (sales.ts), sent with every
// value so the dashboard's tooltips quote it, and rendered into the README's "Metric definitions" section (a test
// keeps the two equal). Change a definition here and the page, the API and the README change with it.

/** Money is always integer minor units (cents for EUR/USD) of the `currency` sent beside it. */
export type MetricUnit = 'percent' | 'hours' | 'days' | 'count' | 'minor_units';
export type MetricDirection = 'higher_is_better' | 'lower_is_better';

export interface MetricDefinition {
  id: string;
  label: string;
  /** What is counted, in words a sales manager can check against the records. */
  definition: string;
  /** The arithmetic, in one line. */
  formula: string;
  unit: MetricUnit;
  direction: MetricDirection;
  /** Key of the playbook's metricTargets entry that sets the target, when the playbook has one. */
  targetId: string | null;
  /** Where the seeds ask for the figure. */
  seed: string;
}

const KNOWN_PATH = 'Only deals whose every stage move was recorded in Valuegraph count; deals imported without their '
  + 'stage history (or moved by a later import) are left out, and n says how many deals the rate rests on.';

export const METRIC_CATALOGUE = [
  {
    id: 'leads_created', label: 'Leads created', unit: 'count', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 1 "Lead volume"',
    definition: 'Leads captured, referred or imported with a creation time in the period, by channel; merged duplicates and deleted leads are left out.',
    formula: 'count of leads created in the period',
  },
  {
    id: 'funnel', label: 'Funnel', unit: 'count', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stages 1–6',
    definition: 'Each lead, together with the deal it converted into, is one journey; a deal entered without a lead is a journey of its own. '
      + 'A journey counts at a stage when, within the period, it reached that stage or a later one, so every stage holds a subset of the one before. '
      + 'Reached: Lead when created; MQL at the first response or when scored warm or hot; SQL when qualified; Opportunity when converted or '
      + 'created as a deal; later stages when moved there; Won at the close date.',
    formula: 'journeys whose furthest stage reached in the period is this stage or a later one',
  },
  {
    id: 'mql_to_sql', label: 'MQL → SQL', unit: 'percent', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 2 "MQL to SQL conversion rate"',
    definition: 'Of the funnel\'s journeys that started as a lead and reached MQL in the period, the share that also reached SQL (qualified against BANT) or later.',
    formula: 'lead journeys at SQL ÷ lead journeys at MQL',
  },
  {
    id: 'lead_to_opportunity', label: 'Lead → opportunity', unit: 'percent', direction: 'higher_is_better', targetId: 'lead_to_opportunity_rate',
    seed: '004 Success Metrics "Lead-to-opportunity conversion > 30%"',
    definition: 'Of the funnel\'s journeys that started as a lead, the share that reached Opportunity (converted to a deal) or later in the period.',
    formula: 'lead journeys at Opportunity ÷ lead journeys at Lead',
  },
  {
    id: 'first_response_sla', label: 'First-response SLA met', unit: 'percent', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 1 SLA "24-hour response time"',
    definition: 'Leads created in the period whose first-response due time (the playbook SLA, counted on its clock) has come: answered by the due time, '
      + 'out of those answered by then, answered late, or still unanswered past due (the overdue leads of the inbox). Leads still inside their due time '
      + 'are pending and not counted; leads closed without a recorded response are left out.',
    formula: 'answered on time ÷ (answered on time + answered late + unanswered past due)',
  },
  {
    id: 'first_response_target', label: 'Answered within the 1-business-hour target', unit: 'percent', direction: 'higher_is_better', targetId: null,
    seed: '004 Process Optimization Tips #1 "within 1 hour during business hours"',
    definition: 'The same count against each lead\'s target time (the playbook\'s first-response target in business hours, stricter than the SLA): '
      + 'answered by the target time, out of those answered by then, answered after it, or unanswered past it.',
    formula: 'answered by the target ÷ (answered by the target + answered after it + unanswered past it)',
  },
  {
    id: 'lead_response_median', label: 'Lead response time (median)', unit: 'hours', direction: 'lower_is_better', targetId: 'lead_response_time',
    seed: '004 Success Metrics "Lead response time < 24 hours"',
    definition: 'Median of the calendar hours from creation to the first response, over leads created in the period that have been answered.',
    formula: 'median of (first response − created), calendar hours',
  },
  {
    id: 'lead_response_p90', label: 'Lead response time (90th percentile)', unit: 'hours', direction: 'lower_is_better', targetId: 'lead_response_time',
    seed: '004 Success Metrics "Lead response time < 24 hours"',
    definition: 'The 90th percentile of the same calendar hours: nine in ten answered leads were answered at least this fast.',
    formula: '90th percentile of (first response − created), calendar hours',
  },
  {
    id: 'discovery_to_proposal', label: 'Discovery → proposal', unit: 'percent', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 3 "Discovery to proposal conversion"',
    definition: `Deals created in the period that have moved on to Proposal or a later stage (won included), out of all deals created in the period. ${KNOWN_PATH}`,
    formula: 'deals that reached Proposal or later ÷ deals created in the period (recorded paths only)',
  },
  {
    id: 'proposal_win_rate', label: 'Proposal win rate', unit: 'percent', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 4 "Proposal win rate"',
    definition: `Deals closed in the period that were at Proposal or a later open stage before closing: won ÷ (won + lost). ${KNOWN_PATH}`,
    formula: 'won ÷ (won + lost), deals closed in the period that had a proposal (recorded paths only)',
  },
  {
    id: 'poc_to_contract', label: 'POC → contract', unit: 'percent', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 5 "POC to contract conversion rate"',
    definition: `Deals closed in the period that were at the POC stage before closing: won ÷ (won + lost). ${KNOWN_PATH}`,
    formula: 'won ÷ (won + lost), deals closed in the period that ran a POC (recorded paths only)',
  },
  {
    id: 'won_deals', label: 'Deals won', unit: 'count', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 6 "Signed Contract"',
    definition: 'Deals at the won stage whose close date is in the period. The funnel\'s Won stage and the win rate count exactly these deals.',
    formula: 'count of won deals with a close date in the period',
  },
  {
    id: 'lost_deals', label: 'Deals lost', unit: 'count', direction: 'lower_is_better', targetId: null,
    seed: '000 §1 stage 6',
    definition: 'Deals at the lost stage whose close date is in the period.',
    formula: 'count of lost deals with a close date in the period',
  },
  {
    id: 'win_rate', label: 'Win rate', unit: 'percent', direction: 'higher_is_better', targetId: null,
    seed: 'assumption, not in seed (the usual won ÷ decided deals)',
    definition: 'Of the deals closed in the period (close date in the period), the share won; open deals do not count.',
    formula: 'won ÷ (won + lost)',
  },
  {
    id: 'average_deal_size', label: 'Average deal size (won)', unit: 'minor_units', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stage 6 "Average deal size"',
    definition: 'Sum of the amounts of the deals won in the period ÷ their number, in minor units of the playbook currency; '
      + 'won deals in another currency are left out of both.',
    formula: 'sum of won amounts ÷ won deals (playbook currency), rounded to a minor unit',
  },
  {
    id: 'median_days_to_close', label: 'Median days to close (won)', unit: 'days', direction: 'lower_is_better', targetId: 'deal_velocity',
    seed: '000 §1 stage 6 "time to close"; target 002 Measurable Outcomes "Deal Velocity 72 days"',
    definition: 'Median of the whole calendar days from a won deal\'s creation date to its close date, over the deals won in the period.',
    formula: 'median of (close date − created date), days',
  },
  {
    id: 'pipeline_amount', label: 'Open pipeline', unit: 'minor_units', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stages 3–6',
    definition: 'Open deals now, by stage, whatever the period: their amounts in minor units of the playbook currency (deals in another currency '
      + 'and deals without an amount count as deals and add nothing).',
    formula: 'sum of open deal amounts per stage',
  },
  {
    id: 'pipeline_weighted', label: 'Weighted pipeline', unit: 'minor_units', direction: 'higher_is_better', targetId: null,
    seed: '000 §1 stages 3–6 (stage probabilities from the playbook)',
    definition: 'The same open deals, each amount times its probability, summed per stage and rounded to a minor unit.',
    formula: 'sum of (amount × probability ÷ 100) per stage',
  },
] as const satisfies readonly MetricDefinition[];

export type MetricId = (typeof METRIC_CATALOGUE)[number]['id'];

const byId = new Map<string, MetricDefinition>(METRIC_CATALOGUE.map((d) => [d.id, d]));

export function metricDefinition(id: MetricId): MetricDefinition {
  return byId.get(id)!;
}

const UNIT_TEXT: Record<MetricUnit, string> = {
  percent: '%', hours: 'hours', days: 'days', count: 'count', minor_units: 'money, minor units + currency',
};

/** The README's "Metric definitions" table (a unit test checks the README holds exactly this). */
export function metricDefinitionsMarkdown(): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const rows = METRIC_CATALOGUE.map((d) =>
    `| ${cell(d.label)} (\`${d.id}\`) | ${cell(d.definition)} | ${cell(d.formula)} | ${UNIT_TEXT[d.unit]} | ${d.direction === 'higher_is_better' ? 'higher' : 'lower'} | ${d.targetId ? `\`${d.targetId}\`` : '—'} | ${cell(d.seed)} |`);
  return ['| Metric | Definition | Formula | Unit | Better | Playbook target | Seed |', '|---|---|---|---|---|---|---|', ...rows].join('\n');
}
