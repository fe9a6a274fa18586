// Metadata: the health score (seed 001 Health Score Framework) and value realization (seed 002).
import { seed, type MetaMap } from './types';

const subMeasures = (key: string, title: string, quote: string): MetaMap => ({
  [`health.subMeasures.${key}`]: {
    title, rowTitle: ['label', 'id'],
    seed: seed('001 Health Score Framework', quote),
    sum: { total: 100, field: 'sharePercent', label: `${title} shares` },
  },
  [`health.subMeasures.${key}.*.sharePercent`]: {
    title: 'Share', unit: 'percent',
    productSpecific: 'The seed lists the sub-measures without shares; equal shares are the default',
  },
});

const band = (key: 'green' | 'yellow' | 'red', quote: string): MetaMap => ({
  [`health.bands.${key}`]: { title: key[0].toUpperCase() + key.slice(1) },
  ...(key === 'red' ? {} : { [`health.bands.${key}.min`]: { title: 'From', unit: 'points' as const, seed: seed('001 Health Categories', quote) } }),
  [`health.bands.${key}.label`]: { title: 'Label', seed: seed('001 Health Categories', quote) },
  [`health.bands.${key}.meaning`]: { title: 'Meaning', seed: seed('001 Health Categories', quote) },
  [`health.bands.${key}.escalationLevel`]: {
    title: 'Escalation level', unit: 'level', nullLabel: 'none',
    ...(key === 'red'
      ? { seed: seed('001 Health Categories; 001 Escalation Matrix', 'Red (<60): At risk, executive escalation') }
      : { productSpecific: 'The seed escalates red accounts only' }),
  },
});

export const healthValueMeta: MetaMap = {
  health: { title: 'Health score' },
  'health.maxScore': {
    title: 'Scale', unit: 'points',
    seed: seed('001 Health Score Framework', 'Components (100 points total)'),
  },
  'health.weights': { title: 'Component weights', sum: { total: 100, label: 'Health weights' } },
  'health.weights.usage': { title: 'Usage', unit: 'points', seed: seed('001 Health Score Framework', 'Usage Metrics (30 points)') },
  'health.weights.businessValue': { title: 'Business value', unit: 'points', seed: seed('001 Health Score Framework', 'Business Value (30 points)') },
  'health.weights.relationship': { title: 'Relationship', unit: 'points', seed: seed('001 Health Score Framework', 'Relationship (20 points)') },
  'health.weights.growth': { title: 'Growth', unit: 'points', seed: seed('001 Health Score Framework', 'Growth (20 points)') },
  'health.subMeasures': { title: 'Sub-measures', help: 'Each component\'s sub-measures, with their share of the component.' },
  ...subMeasures('usage', 'Usage', 'Usage Metrics: Login frequency; Feature utilization; Data volume processed'),
  ...subMeasures('businessValue', 'Business value', 'Business Value: ROI achievement; Goal completion; Time savings'),
  ...subMeasures('relationship', 'Relationship', 'Relationship: Stakeholder engagement; Support ticket sentiment; Meeting attendance'),
  ...subMeasures('growth', 'Growth', 'Growth: Expansion discussions; Reference willingness; Feature requests'),
  'health.bands': {
    title: 'Bands', help: 'Green from green.min, yellow from yellow.min, red below.',
    scale: { max: 100, bands: [{ label: 'Red', color: 'red' }, { label: 'Yellow', color: 'yellow', from: 'yellow.min' }, { label: 'Green', color: 'green', from: 'green.min' }] },
  },
  ...band('green', 'Green (80-100): Thriving, expansion candidate'),
  ...band('yellow', 'Yellow (60-79): Attention needed, intervention required'),
  ...band('red', 'Red (<60): At risk, executive escalation'),
  'health.snapshotFrequency': {
    title: 'Snapshot',
    productSpecific: 'One health snapshot per account per day (DESIGN §3)',
  },
  'health.dropAlertPoints': {
    title: 'Alert on a drop of', unit: 'points',
    seed: seed('001 Automated Monitoring', 'Alert system for drops'),
    productSpecific: 'The seed asks for drop alerts; 10 points is the product\'s threshold',
  },

  valueRealization: { title: 'Value realization' },
  'valueRealization.stages': {
    title: 'Value stages (acts)', rowTitle: ['name', 'id'],
    seed: seed('002 The Four-Act Value Symphony; 002 Four Specialized Agents', 'Act I: Pre-Sales — The Value Architect … Act IV: Customer Success — The Value Amplifier'),
    rows: {
      define: seed('002 Act I', 'Mission: Transform discovery into quantified opportunity'),
      commit: seed('002 Act II', 'Mission: Convert promise into contractual accountability'),
      execute: seed('002 Act III', 'Mission: Transform commitments into measurable reality'),
      prove_grow: seed('002 Act IV', 'Mission: Compound proven value into perpetual growth'),
    },
  },
  'valueRealization.stages.*.act': { title: 'Act', unit: 'count' },
  'valueRealization.stages.*.activities': { title: 'Activities', rowTitle: ['activity'] },
  'valueRealization.stages.*.handoffObject': { title: 'Hands off' },
  'valueRealization.varianceAlertPercent': {
    title: 'Variance alert', unit: 'percent',
    seed: seed('002 Act III', 'AI alerts when KPIs drift >10% from target'),
  },
  'valueRealization.reviewFrequency': {
    title: 'Value reviews',
    seed: seed('002 Act III; 001 Stage 4', 'Quarterly Ceremonies: Executive Business Reviews with proven outcomes'),
  },
  'valueRealization.kpiCategories': {
    title: 'KPI categories', rowTitle: ['label', 'id'],
    seed: seed('001 Stage 4 Value Metrics; 003 Technical Metrics; 002 Act II', 'Cost savings vs. consultants; Efficiency improvements; Compliance achievements; Risk reduction'),
  },
  'valueRealization.kpiCategories.*.betterWhen': { title: 'Better when', optionLabels: { higher: 'Higher', lower: 'Lower' } },
  'valueRealization.benchmarks': {
    title: 'Benchmarks', rowTitle: ['label', 'id'],
    productSpecific: 'Industry benchmarks for ROI models; most values are the product\'s assumptions (basis "assumption")',
    rows: {
      consultant_day_rate: [{ ref: '001 Stage 4', quote: 'Cost savings vs. consultants (McKinsey/KPMG)' }, { ref: 'assumption', quote: 'The rate' }],
      cmdb_accuracy_target: seed('003 Technical Metrics', 'CMDB accuracy: >98%'),
      discovery_coverage_target: seed('003 Technical Metrics', 'Discovery coverage: >95%'),
      processing_time_reduction: seed('002 Act III', 'automation reducing processing time by 47%'),
      committed_cost_reduction: seed('002 Act II', 'Our contract guarantees 15% cost reduction by Q3'),
    },
  },
  'valueRealization.benchmarks.*.categoryId': { title: 'Category', ref: 'valueRealization.kpiCategories' },
  'valueRealization.benchmarks.*.per': { title: 'Per' },
  'valueRealization.benchmarks.*.basis': { title: 'Basis', optionLabels: { seed: 'Seed', assumption: 'Assumption' } },
  'valueRealization.benchmarks.*.kind': { title: 'Kind', optionLabels: { quantity: 'Quantity', money: 'Money' } },
  'valueRealization.benchmarks.*.amount': { title: 'Amount' },
  'valueRealization.roi': { title: 'ROI model' },
  'valueRealization.roi.horizonYears': {
    title: 'Horizon', unit: 'years',
    productSpecific: 'The seeds model ROI without a horizon; 3 years is the default',
  },
  'valueRealization.roi.discountRatePercent': {
    title: 'Discount rate', unit: 'percent',
    productSpecific: 'The seeds give no discount rate; 10 % is the default for NPV',
  },
  'valueRealization.programOutcomes': {
    title: 'Program outcomes', rowTitle: ['label', 'id'],
    seed: seed('002 Measurable Outcomes', 'Deal Velocity 127 → 72 days; Value Realization 67% → 94% of promise; Net Revenue Retention 95% → 118%; Customer Advocacy NPS 23 → 67'),
  },
};
