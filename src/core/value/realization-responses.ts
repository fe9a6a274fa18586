// Response shapes of the value-realization API (tracked KPIs, measurements, variance alerts, the realization summary
// and the weekly value updates), shared by the server (documents and checks its answers) and the web (reads them
// through the generated client). Money fields are integer minor units of the `currency` beside them; KPI values are
// in the KPI's own `unit`.
import { z } from 'zod';
import { currencyCode, isoDay, isoTime, minorUnits, page } from '../api/shapes';

const d = (description: string) => ({ description });
const percent = (what: string) => z.number().meta(d(`${what}, in % (one or two decimals).`));
const kpiValue = (what: string) => z.number().meta(d(`${what}, in the KPI's \`unit\`.`));

export const KPI_STATUSES = ['not_measured', 'on_track', 'ahead', 'behind', 'alert'] as const;
export const ALERT_STATUSES = ['open', 'acknowledged', 'resolved'] as const;
const betterWhen = z.enum(['higher', 'lower']);

const openAlertSchema = z.object({
  id: z.uuid(),
  status: z.enum(ALERT_STATUSES),
  variancePercent: percent('Variance of the measurement that raised it (negative = behind)'),
  measuredAt: isoTime,
  taskId: z.uuid().nullable().meta(d('The course-correction task on the KPI\'s project.')),
  createdAt: isoTime,
}).meta({ id: 'KpiOpenAlert' });

const kpiMeasurementSchema = z.object({
  measuredAt: isoTime,
  value: kpiValue('Measured value'),
  source: z.string().meta(d('api, csv, manual or demo.')),
}).meta({ id: 'KpiMeasurement' });

/** A tracked KPI with its trajectory, where it should be now and where it was last measured. */
export const kpiViewSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  accountName: z.string(),
  valueGraphId: z.uuid().nullable(),
  contractId: z.uuid().nullable(),
  projectId: z.uuid().nullable(),
  key: z.string(),
  name: z.string(),
  unit: z.string().meta(d('Unit of baseline, target and every value (e.g. %, hours, count, USD).')),
  categoryId: z.string().nullable(),
  betterWhen,
  baseline: kpiValue('Value at the start date'),
  target: kpiValue('Value promised by the deadline'),
  startDate: isoDay,
  deadline: isoDay,
  ownerName: z.string().nullable(),
  clause: z.string().nullable().meta(d('The contract clause the KPI comes from.')),
  annualValueAtTarget: minorUnits('Annual value to the customer when the target is reached'),
  currency: currencyCode,
  lastValue: kpiValue('Latest measurement').nullable(),
  lastMeasuredAt: isoTime.nullable(),
  lastExpected: kpiValue('Where the trajectory was at the latest measurement').nullable(),
  lastVariancePercent: z.number().nullable(),
  version: z.number().int(),
  createdAt: isoTime,
  openAlert: openAlertSchema.nullable().meta(d('The unresolved alert of the KPI (at most one).')),
  expectedNow: kpiValue('Where the trajectory says the KPI should be now'),
  progressPercent: percent('Share of the way from baseline to target at the latest measurement').nullable(),
  variancePercent: percent('Variance of the latest measurement against the trajectory (negative = behind)').nullable(),
  status: z.enum(KPI_STATUSES).meta(d('`alert`: further behind than the playbook threshold.')),
  thresholdPercent: z.number().meta(d('The playbook\'s alert threshold (valueRealization.varianceAlertPercent).')),
  trajectory: z.array(z.object({ date: isoDay, value: z.number() })).meta(d('Baseline → target points, flat at target after the deadline.')),
  measurements: z.array(kpiMeasurementSchema).optional().meta(d('The newest measurements, oldest first (chart order).')),
}).meta({ id: 'KpiView' });
export const kpiPageSchema = page(kpiViewSchema);

export const kpiAlertSchema = z.object({
  id: z.uuid(),
  kpiId: z.uuid(),
  accountId: z.uuid(),
  projectId: z.uuid().nullable(),
  measurementId: z.number().int().nullable(),
  measuredAt: isoTime,
  actual: kpiValue('The measured value'),
  expected: kpiValue('The trajectory at that instant'),
  variancePercent: percent('Variance (negative = behind)'),
  thresholdPercent: z.number(),
  status: z.enum(ALERT_STATUSES),
  taskId: z.uuid().nullable(),
  resolvedAt: isoTime.nullable(),
  resolvedBy: z.uuid().nullable(),
  createdAt: isoTime,
  kpiName: z.string(),
  kpiKey: z.string(),
  unit: z.string(),
  accountName: z.string(),
  taskTitle: z.string().nullable(),
  taskStatus: z.string().nullable(),
}).meta({ id: 'KpiAlert' });
export const kpiAlertPageSchema = page(kpiAlertSchema);

const raisedAlertSchema = z.object({
  alertId: z.uuid(),
  kpiId: z.uuid(),
  accountId: z.uuid(),
  variancePercent: z.number(),
  taskId: z.uuid().nullable(),
}).meta({ id: 'KpiAlertRaised' });

const ingestCounts = {
  received: z.number().int().meta(d('Measurements (or CSV rows) in the request.')),
  inserted: z.number().int(),
  corrected: z.number().int().meta(d('Same KPI and instant, different value: replaced.')),
  unchanged: z.number().int().meta(d('Sent again with the same value: nothing written.')),
  duplicates: z.number().int().meta(d('Same KPI and instant twice in the request: the last one counts.')),
  evaluated: z.number().int().meta(d('KPIs whose latest state changed and was compared with the trajectory.')),
  alertsRaised: z.array(raisedAlertSchema),
};

export const kpiBulkResultSchema = z.object({
  ...ingestCounts,
  rejected: z.array(z.object({ index: z.number().int(), kpiId: z.string().nullable(), message: z.string() }))
    .meta(d('Measurements not written, by their index in the request.')),
}).meta({ id: 'KpiBulkResult' });

export const kpiCsvResultSchema = z.object({
  ...ingestCounts,
  rejected: z.number().int().meta(d('Rows not written (see `errors`).')),
  errors: z.array(z.object({ line: z.number().int(), column: z.string().nullable(), value: z.string().nullable(), message: z.string() }))
    .meta(d('The first 1,000 bad rows with their line, column and reason.')),
  errorsTruncated: z.boolean(),
}).meta({ id: 'KpiCsvResult' });

export const kpiMeasurementResultSchema = z.object({
  kpiId: z.uuid(),
  measuredAt: isoTime,
  value: z.number(),
  outcome: z.enum(['inserted', 'corrected', 'unchanged']),
  evaluation: z.object({
    expected: z.number(),
    variancePercent: z.number(),
    progressPercent: z.number(),
    status: z.enum(['ahead', 'on_track', 'behind', 'alert']),
    alert: z.boolean(),
    measuredAt: isoTime,
    value: z.number(),
  }).nullable().meta(d('Against the trajectory; null when this is not the KPI\'s latest measurement or nothing changed.')),
  alert: raisedAlertSchema.nullable(),
}).meta({ id: 'KpiMeasurementResult' });

// ------------------------------------------------------------------ realized value

const summaryFields = {
  realizedAnnualValue: minorUnits('Realized annual value: Σ value at target × progress'),
  promisedAnnualValue: minorUnits('Promised annual value: the hypotheses\' annual benefit, else the KPIs\' values at target'),
  promisedSource: z.enum(['hypothesis', 'kpis']),
  realizationPercent: z.number().nullable().meta(d('realized ÷ promised × 100; null when nothing was promised.')),
  hypothesisRoiPercent: z.number().nullable(),
  actualRoiPercent: z.number().nullable().meta(d('The business case with benefits at the realized rate; null without hypothesis or costs.')),
};

const hypothesisFigures = {
  annualBenefit: minorUnits('Annual benefit of the hypotheses'),
  totalBenefits: minorUnits('Benefits over the business case'),
  totalCosts: minorUnits('Costs over the business case'),
  roiPercent: z.number().nullable(),
  count: z.number().int().meta(d('Hypotheses summed.')),
};

export const realizationSchema = z.object({
  accountId: z.uuid(),
  accountName: z.string(),
  asOf: isoTime,
  week: z.number().int().meta(d('Week N of the realization (week 1 starts on the first KPI\'s start date; 0 before).')),
  startDate: isoDay.nullable(),
  currency: currencyCode,
  ...summaryFields,
  thresholdPercent: z.number(),
  openAlerts: z.number().int(),
  hypothesis: z.object(hypothesisFigures).nullable(),
  kpis: z.array(z.object({
    id: z.uuid(), key: z.string(), name: z.string(), unit: z.string(), betterWhen, baseline: z.number(), target: z.number(), deadline: isoDay,
    lastValue: z.number().nullable(), lastMeasuredAt: isoTime.nullable(), expectedNow: z.number(), progressPercent: z.number().nullable(),
    variancePercent: z.number().nullable(), status: z.enum(KPI_STATUSES),
    annualValueAtTarget: minorUnits('Annual value at target'),
    realizedAnnualValue: minorUnits('Annual value realized by this KPI'),
  })),
}).meta({ id: 'Realization' });

// ------------------------------------------------------------------ weekly value updates

const weeklyKpiSchema = z.object({
  id: z.uuid(), key: z.string(), name: z.string(), unit: z.string(), betterWhen, baseline: z.number(), target: z.number(), startDate: isoDay,
  deadline: isoDay, lastValue: z.number().nullable(), lastMeasuredAt: isoTime.nullable(), expected: z.number().nullable(),
  variancePercent: z.number().nullable(), progressPercent: z.number().nullable(),
  annualValueAtTarget: minorUnits('Annual value at target'), alert: z.boolean(),
});

export const weeklyUpdateSchema = z.object({
  id: z.uuid(),
  agent: z.literal('executor'),
  accountId: z.uuid(),
  entityType: z.literal('value_realization'),
  entityId: z.uuid().meta(d('The account\'s value graph.')),
  inputs: z.object({
    accountId: z.uuid(), asOf: isoTime, startDate: isoDay.nullable(), thresholdPercent: z.number(),
    currency: currencyCode.meta(d('ISO 4217 code of every money field of the inputs and outputs.')),
    kpis: z.array(weeklyKpiSchema),
    hypothesis: z.object({ ...hypothesisFigures, currency: currencyCode }).nullable(),
    openAlerts: z.number().int(),
  }).meta(d('The numbers the update was computed from.')),
  outputs: z.object({
    week: z.number().int(), ...summaryFields,
    kpis: z.number().int().meta(d('KPIs tracked.')), measured: z.number().int(), behind: z.number().int(), onTrack: z.number().int(),
    openAlerts: z.number().int(),
  }).meta(d('The figures derived (money in minor units of `inputs.currency`).')),
  narrative: z.string(),
  status: z.enum(['draft', 'accepted', 'rejected']),
  createdAt: isoTime,
  createdBy: z.uuid().nullable().optional().meta(d('In lists; null for the weekly job.')),
  acceptedAt: isoTime.nullable().optional(),
  acceptedBy: z.uuid().nullable().optional(),
  rejectedAt: isoTime.nullable().optional(),
  rejectionReason: z.string().nullable().optional(),
}).meta({ id: 'WeeklyValueUpdate' });
export const weeklyUpdatePageSchema = page(weeklyUpdateSchema);

export const weeklyUpdateDecisionSchema = z.object({
  id: z.uuid(),
  accountId: z.uuid(),
  status: z.enum(['accepted', 'rejected']),
  narrative: z.string(),
  acceptedAt: isoTime.optional().meta(d('When accepted.')),
  rejectedAt: isoTime.optional().meta(d('When rejected.')),
  rejectionReason: z.string().nullable().optional(),
}).meta({ id: 'WeeklyValueUpdateDecision' });
