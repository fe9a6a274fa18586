// The Value Graph (002): one graph per account carrying the business case from hypothesis to commitment (and later
// realization and amplification); versions per opportunity. Every agent run is kept as an artifact.
import { sql } from 'drizzle-orm';
import { bigint, date, doublePrecision, index, integer, jsonb, pgTable, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { AUDIENCES } from '../../../core/access/audience';
import { accounts } from './accounts';
import { opportunities } from './pipeline';
import { stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const live = sql`deleted_at IS NULL`;

export const VALUE_AGENTS = ['architect', 'committer', 'executor', 'amplifier'] as const; // 002 Four Specialized Agents
export const ARTIFACT_STATUSES = ['draft', 'accepted', 'rejected'] as const;
export const VALUE_DOC_STATUSES = ['draft', 'accepted'] as const;

export const valueGraphs = pgTable('value_graphs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  ...stamps,
}, (t) => [uniqueIndex('value_graphs_account_uq').on(t.accountId).where(live)]);

/** Act I: the pain-to-value map of one opportunity, with its assumptions and computed ROI/NPV/payback. */
export const valueHypotheses = pgTable('value_hypotheses', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  valueGraphId: uuid('value_graph_id').notNull().references(() => valueGraphs.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id),
  status: text('status', { enum: VALUE_DOC_STATUSES }).notNull().default('draft'),
  /** The editable model: pains, assumptions, horizon, discount rate, currency (core/value/hypothesis.ts). */
  model: jsonb('model').notNull(),
  /** The computed results of the model (derived; recomputed on every edit). */
  results: jsonb('results').notNull(),
  // Headline figures as columns for lists and reports (minor units).
  annualBenefit: bigint('annual_benefit', { mode: 'number' }).notNull().default(0),
  totalBenefits: bigint('total_benefits', { mode: 'number' }).notNull().default(0),
  totalCosts: bigint('total_costs', { mode: 'number' }).notNull().default(0),
  npv: bigint('npv', { mode: 'number' }).notNull().default(0),
  roiPercent: real('roi_percent'),
  paybackMonths: real('payback_months'),
  currency: text('currency').notNull().default('USD'),
  artifactId: uuid('artifact_id'),
  createdBy: uuid('created_by').references(() => users.id),
  acceptedBy: uuid('accepted_by').references(() => users.id),
  acceptedAt: ts('accepted_at'),
  ...stamps,
}, (t) => [
  uniqueIndex('value_hypotheses_opp_uq').on(t.opportunityId).where(live),
  index('value_hypotheses_graph_idx').on(t.valueGraphId),
]);

/** Act II: contracted KPIs (unit, baseline, target, deadline, owner, clause) and success criteria of one opportunity. */
export const valueCommitments = pgTable('value_commitments', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  valueGraphId: uuid('value_graph_id').notNull().references(() => valueGraphs.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id),
  hypothesisId: uuid('hypothesis_id').references(() => valueHypotheses.id),
  status: text('status', { enum: VALUE_DOC_STATUSES }).notNull().default('draft'),
  kpis: jsonb('kpis').notNull().default([]),
  successCriteria: jsonb('success_criteria').notNull().default([]),
  artifactId: uuid('artifact_id'),
  createdBy: uuid('created_by').references(() => users.id),
  acceptedBy: uuid('accepted_by').references(() => users.id),
  acceptedAt: ts('accepted_at'),
  ...stamps,
}, (t) => [
  uniqueIndex('value_commitments_opp_uq').on(t.opportunityId).where(live),
  index('value_commitments_graph_idx').on(t.valueGraphId),
]);

/** One row per agent run: what it was given, what it proposed, its narrative, and who accepted or rejected it. */
export const agentArtifacts = pgTable('agent_artifacts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  agent: text('agent', { enum: VALUE_AGENTS }).notNull(),
  valueGraphId: uuid('value_graph_id').references(() => valueGraphs.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  opportunityId: uuid('opportunity_id').references(() => opportunities.id),
  entityType: text('entity_type').notNull(), // value_hypothesis | value_commitment | …
  entityId: uuid('entity_id').notNull(),
  inputs: jsonb('inputs').notNull(),
  outputs: jsonb('outputs').notNull(),
  narrative: text('narrative').notNull(),
  status: text('status', { enum: ARTIFACT_STATUSES }).notNull().default('draft'),
  playbookVersion: integer('playbook_version'),
  createdBy: uuid('created_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  acceptedBy: uuid('accepted_by').references(() => users.id),
  acceptedAt: ts('accepted_at'),
  rejectedBy: uuid('rejected_by').references(() => users.id),
  rejectedAt: ts('rejected_at'),
  rejectionReason: text('rejection_reason'),
  /** Who outside the vendor sees the run (core/access/audience.ts): an accepted weekly value update is the customer's. */
  audience: text('audience', { enum: AUDIENCES }).notNull().default('internal'),
}, (t) => [
  index('agent_artifacts_opp_idx').on(t.opportunityId, t.createdAt, t.id),
  index('agent_artifacts_entity_idx').on(t.entityType, t.entityId),
  index('agent_artifacts_account_idx').on(t.accountId, t.createdAt),
]);

// ---------------------------------------------------------------- Act III: realization (Value Executor)

/**
 * A contracted KPI being tracked after signature (one row per KPI of the contract): the trajectory runs linearly
 * from `baseline` at `startDate` to `target` at `deadline`. The latest measurement and variance are kept on the row
 * for the Delivery Command view.
 */
export const valueKpis = pgTable('value_kpis', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  valueGraphId: uuid('value_graph_id').references(() => valueGraphs.id),
  contractId: uuid('contract_id'),
  projectId: uuid('project_id'),
  /** Stable key within the contract (from the commitment), used by API clients and CSV files. */
  key: text('key').notNull(),
  name: text('name').notNull(),
  unit: text('unit').notNull(),
  categoryId: text('category_id'),
  betterWhen: text('better_when', { enum: ['higher', 'lower'] }).notNull(),
  baseline: real('baseline').notNull(),
  target: real('target').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  deadline: date('deadline', { mode: 'string' }).notNull(),
  ownerName: text('owner_name'),
  clause: text('clause'),
  /** Annual value in minor units when the KPI reaches its target (from the hypothesis), for realized-value sums. */
  annualValueAtTarget: bigint('annual_value_at_target', { mode: 'number' }).notNull().default(0),
  lastValue: real('last_value'),
  lastMeasuredAt: ts('last_measured_at'),
  lastExpected: real('last_expected'),
  lastVariancePercent: real('last_variance_percent'),
  ...stamps,
}, (t) => [
  uniqueIndex('value_kpis_key_uq').on(t.accountId, t.contractId, t.key).where(live),
  index('value_kpis_project_idx').on(t.projectId).where(live),
]);

/** One measurement of a KPI. (kpi, measured_at) is unique: re-sending the same measurement changes nothing. */
export const kpiMeasurements = pgTable('kpi_measurements', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  kpiId: uuid('kpi_id').notNull().references(() => valueKpis.id),
  measuredAt: ts('measured_at').notNull(),
  value: doublePrecision('value').notNull(),
  source: text('source', { enum: ['api', 'csv', 'manual', 'demo'] }).notNull(),
  recordedBy: uuid('recorded_by'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [uniqueIndex('kpi_measurements_uq').on(t.kpiId, t.measuredAt)]);

/** A variance alert: raised when a measurement drifts beyond the playbook threshold; at most one open per KPI. */
export const kpiAlerts = pgTable('kpi_alerts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  kpiId: uuid('kpi_id').notNull().references(() => valueKpis.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  projectId: uuid('project_id'),
  measurementId: bigint('measurement_id', { mode: 'number' }),
  measuredAt: ts('measured_at').notNull(),
  actual: real('actual').notNull(),
  expected: real('expected').notNull(),
  variancePercent: real('variance_percent').notNull(),
  thresholdPercent: real('threshold_percent').notNull(),
  status: text('status', { enum: ['open', 'acknowledged', 'resolved'] }).notNull().default('open'),
  taskId: uuid('task_id'),
  resolvedAt: ts('resolved_at'),
  resolvedBy: uuid('resolved_by').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('kpi_alerts_open_uq').on(t.kpiId).where(sql`status <> 'resolved'`),
  index('kpi_alerts_account_idx').on(t.accountId, t.createdAt),
]);
