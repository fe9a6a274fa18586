// Opportunities, their stage history, POCs and contracts (000 §1 stages 3–6).
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts } from './accounts';
import { leads } from './leads';
import { partners, stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const live = sql`deleted_at IS NULL`;
/** Open, live opportunities; queries repeat this predicate verbatim so the planner picks the partial indexes. */
export const OPEN_PREDICATE = "deleted_at IS NULL AND stage NOT IN ('closed_won', 'closed_lost')";

export const OPPORTUNITY_STAGES = ['discovery', 'proposal', 'poc', 'negotiation', 'closed_won', 'closed_lost'] as const;

export const opportunities = pgTable('opportunities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  name: text('name').notNull(),
  stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull().default('discovery'),
  pipeline: text('pipeline').notNull().default('default'),
  /** Minor units; null = not known yet (an open or lost deal imported without one). A won deal always has one. */
  amount: bigint('amount', { mode: 'number' }).default(0),
  currency: text('currency').notNull().default('USD'),
  closeDate: date('close_date', { mode: 'string' }),
  probability: integer('probability').notNull().default(0),
  forecastCategory: text('forecast_category').notNull().default('pipeline'), // pipeline | best_case | commit | closed | omitted
  /** Set by hand: then a stage change keeps them instead of taking the stage's (open stages only). */
  probabilityManual: boolean('probability_manual').notNull().default(false),
  forecastCategoryManual: boolean('forecast_category_manual').notNull().default(false),
  /** Set when the stage timer fired (longer than the stage's expected maximum); cleared on the next stage change. */
  stageOverdueAt: ts('stage_overdue_at'),
  ownerId: uuid('owner_id').references(() => users.id),
  partnerId: uuid('partner_id').references(() => partners.id),
  leadId: uuid('lead_id').references(() => leads.id),
  source: text('source'),
  stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
  /** Exit criteria ticked, per stage: { stageId: { criterionId: { at, by, byName, note } } } (core/pipeline/gates.ts). */
  gateChecks: jsonb('gate_checks').notNull().default({}),
  lossReason: text('loss_reason'),
  lossNotes: text('loss_notes'),
  closedAt: ts('closed_at'),
  /** External id for imports (HubSpot deal id) so a re-import updates instead of duplicating. */
  externalId: text('external_id'),
  ...stamps,
}, (t) => [
  // Pipeline board: open opportunities by stage, then close date.
  // Owner and partner are only ever looked up by value, so their indexes leave out rows without one: a bulk
  // import of deals without owner or partner maintains four indexes fewer per row. The external id needs no
  // index: import_records holds the imported keys.
  index('opps_board_idx').on(t.stage, t.closeDate, t.id).where(live),
  index('opps_owner_idx').on(t.ownerId, t.stage, t.closeDate).where(sql`deleted_at IS NULL AND owner_id IS NOT NULL`),
  index('opps_account_idx').on(t.accountId).where(live),
  index('opps_partner_idx').on(t.partnerId, t.stage).where(sql`deleted_at IS NULL AND partner_id IS NOT NULL`),
  index('opps_close_idx').on(t.closeDate, t.stage).where(live),
  // Board columns of every stage read opps_board_idx (an open stage implies the open predicate) and their totals
  // come from the pipeline_totals rollup, so there is no second all-deals board index: at a million deals it cost
  // an import as much as the rest of the row's indexes together.
  index('opps_open_owner_idx').on(t.ownerId, t.stage, t.closeDate, t.id, t.amount, t.probability).where(sql.raw(`${OPEN_PREDICATE} AND owner_id IS NOT NULL`)),
  index('opps_open_partner_idx').on(t.partnerId, t.stage, t.closeDate, t.id, t.amount, t.probability).where(sql.raw(`${OPEN_PREDICATE} AND partner_id IS NOT NULL`)),
  // Board filtered by owner and partner together: neither single-column index narrows it to the pair.
  index('opps_open_owner_partner_idx').on(t.ownerId, t.partnerId, t.stage, t.closeDate, t.id, t.amount, t.probability)
    .where(sql.raw(`${OPEN_PREDICATE} AND owner_id IS NOT NULL AND partner_id IS NOT NULL`)),
]);

export const opportunityStageHistory = pgTable('opportunity_stage_history', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id),
  fromStage: text('from_stage'),
  toStage: text('to_stage').notNull(),
  at: ts('at').notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  /** Set when an admin or sales manager advanced past missing exit criteria. */
  overrideReason: text('override_reason'),
  missingCriteria: jsonb('missing_criteria'),
  /** Written by an import that saw the stage change between two files: the stages passed in between are unknown,
   * so stage-conversion metrics leave the deal out (they count only paths the product recorded move by move). */
  inferred: boolean('inferred').notNull().default(false),
}, (t) => [index('opp_history_opp_idx').on(t.opportunityId, t.at)]);

export const POC_STATUS_VALUES = ['planned', 'running', 'completed', 'failed'] as const;

/** A POC of one opportunity (000 §1 stage 5): SOW, validation framework, environment, 4-week plan, findings, fee. */
export const pocs = pgTable('pocs', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  /** Copied from the opportunity so partner row scope needs no join. */
  partnerId: uuid('partner_id').references(() => partners.id),
  status: text('status', { enum: POC_STATUS_VALUES }).notNull().default('planned'),
  scope: text('scope'),
  sowSignedAt: date('sow_signed_at', { mode: 'string' }),
  sowSignedBy: text('sow_signed_by'),
  startDate: date('start_date', { mode: 'string' }),
  endDate: date('end_date', { mode: 'string' }),
  /** [{ id, measure, target, result, validated, evidence }] */
  successCriteria: jsonb('success_criteria').notNull().default([]),
  /** [{ id, label, done }] */
  environmentChecklist: jsonb('environment_checklist').notNull().default([]),
  /** [{ week, startDate, endDate, milestones[] }] */
  plan: jsonb('plan').notNull().default([]),
  findings: text('findings'),
  fee: bigint('fee', { mode: 'number' }).notNull().default(0), // minor units
  currency: text('currency').notNull().default('USD'),
  feeCredited: boolean('fee_credited').notNull().default(true),
  completedAt: ts('completed_at'),
  ...stamps,
}, (t) => [
  uniqueIndex('pocs_opportunity_uq').on(t.opportunityId).where(live),
  index('pocs_account_idx').on(t.accountId),
]);

export const CONTRACT_STATUSES = ['signed', 'active', 'ended', 'cancelled'] as const;

/** The contract a won opportunity creates; `contract.signed` hands it to delivery, billing and success. */
export const contracts = pgTable('contracts', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  opportunityId: uuid('opportunity_id').notNull().references(() => opportunities.id),
  partnerId: uuid('partner_id').references(() => partners.id),
  arr: bigint('arr', { mode: 'number' }).notNull(), // minor units
  currency: text('currency').notNull().default('USD'),
  termMonths: integer('term_months').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  modules: text('modules').array().notNull().default(sql`'{}'::text[]`),
  servicesFee: bigint('services_fee', { mode: 'number' }).notNull().default(0),
  pocFeeCredit: bigint('poc_fee_credit', { mode: 'number' }).notNull().default(0),
  /** [{ milestoneId, name, week, percent, amount, plannedDate }] of the services fee net of the POC credit. */
  paymentSchedule: jsonb('payment_schedule').notNull().default([]),
  /** Contracted KPIs copied from the value commitment at signature: [{ name, unit, baseline, target, deadline, owner }] */
  kpis: jsonb('kpis').notNull().default([]),
  status: text('status', { enum: CONTRACT_STATUSES }).notNull().default('signed'),
  signedAt: ts('signed_at').notNull().defaultNow(),
  signedBy: uuid('signed_by').references(() => users.id),
  ...stamps,
}, (t) => [
  uniqueIndex('contracts_opportunity_uq').on(t.opportunityId),
  index('contracts_account_idx').on(t.accountId, t.startDate),
]);

/**
 * Open-pipeline totals for the board, kept per close date along four dimensions: 'all' (key = zero uuid), 'owner'
 * and 'partner' (key = that id), 'owner_partner' (key = md5 of both ids as a uuid). Maintained in the transaction of every change by the pipeline services and rebuilt
 * set-based after bulk writes (imports, demo), so the board sums ~1.5k rows instead of scanning every open deal.
 * A missing close date is stored as 9999-12-31.
 */
export const pipelineTotals = pgTable('pipeline_totals', {
  dim: text('dim', { enum: ['all', 'owner', 'partner', 'owner_partner'] }).notNull(),
  key: uuid('key').notNull(),
  stage: text('stage').notNull(),
  closeDate: date('close_date', { mode: 'string' }).notNull(),
  count: integer('count').notNull().default(0),
  amount: bigint('amount', { mode: 'number' }).notNull().default(0),
  /** Σ amount × probability (divide by 100 for the weighted amount). */
  weightedRaw: bigint('weighted_raw', { mode: 'number' }).notNull().default(0),
}, (t) => [primaryKey({ columns: [t.dim, t.key, t.stage, t.closeDate] })]);
