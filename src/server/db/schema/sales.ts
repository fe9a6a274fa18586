// Lead-to-close: leads (004) and opportunities with their stage history (000 §1). Owned by the leads and pipeline
// modules; other lead-to-close tables (POCs, value graphs, contracts, imports, content) live in their own files.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { accounts, contacts } from './accounts';
import { partners, stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const live = sql`deleted_at IS NULL`;

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const;
export const OPPORTUNITY_STAGES = ['discovery', 'proposal', 'poc', 'negotiation', 'closed_won', 'closed_lost'] as const;

export const leads = pgTable('leads', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  source: text('source').notNull(), // playbook leads.sources[].id
  status: text('status', { enum: LEAD_STATUSES }).notNull().default('new'),
  firstName: text('first_name'),
  lastName: text('last_name'),
  email: text('email'),
  phone: text('phone'),
  title: text('title'),
  companyName: text('company_name'),
  domain: text('domain'),
  country: text('country'),
  region: text('region'),
  industry: text('industry'),
  employees: integer('employees'),
  techStack: text('tech_stack').array().notNull().default(sql`'{}'::text[]`),
  monitoringTools: text('monitoring_tools').array().notNull().default(sql`'{}'::text[]`),
  servers: integer('servers'),
  cloudResources: integer('cloud_resources'),
  networkDevices: integer('network_devices'),
  complianceFrameworks: text('compliance_frameworks').array().notNull().default(sql`'{}'::text[]`),
  recentInitiatives: text('recent_initiatives').array().notNull().default(sql`'{}'::text[]`),
  hasCmdb: boolean('has_cmdb'),
  cmdbAccuracyPercent: integer('cmdb_accuracy_percent'),
  /** BANT answers (004 §1.2): { budget, authority, need, timelineMonths, answers: { questionId: text } } */
  bant: jsonb('bant').notNull().default({}),
  /** Engagement counters (meetings accepted, replies, webinars, events, downloads, visits). */
  engagement: jsonb('engagement').notNull().default({}),
  fitScore: integer('fit_score').notNull().default(0),
  engagementScore: integer('engagement_score').notNull().default(0),
  score: integer('score').notNull().default(0),
  priority: text('priority'),
  /** [{ rule, points, explanation }] — every point explained. */
  scoreExplanation: jsonb('score_explanation').notNull().default([]),
  scoredPlaybookVersion: integer('scored_playbook_version'),
  conversionProbability: real('conversion_probability'),
  ownerId: uuid('owner_id').references(() => users.id),
  assignedAt: ts('assigned_at'),
  assignmentExplanation: jsonb('assignment_explanation'),
  firstResponseDueAt: ts('first_response_due_at'),
  firstRespondedAt: ts('first_responded_at'),
  qualificationDueAt: ts('qualification_due_at'),
  qualifiedAt: ts('qualified_at'),
  slaBreachedAt: ts('sla_breached_at'),
  escalationLevel: integer('escalation_level').notNull().default(0),
  disqualificationReason: text('disqualification_reason'),
  convertedAt: ts('converted_at'),
  convertedAccountId: uuid('converted_account_id').references(() => accounts.id),
  convertedContactId: uuid('converted_contact_id').references(() => contacts.id),
  convertedOpportunityId: uuid('converted_opportunity_id'),
  mergedIntoId: uuid('merged_into_id'),
  partnerId: uuid('partner_id').references(() => partners.id), // partner referrals: the partner sees its leads
  referredByAccountId: uuid('referred_by_account_id').references(() => accounts.id),
  campaign: text('campaign'),
  formId: text('form_id'),
  notes: text('notes'),
  ...stamps,
}, (t) => [
  // Lead inbox: open leads by time left on their SLA clock, for everyone and per owner.
  index('leads_inbox_idx').on(t.status, t.firstResponseDueAt, t.id).where(live),
  index('leads_owner_inbox_idx').on(t.ownerId, t.status, t.firstResponseDueAt, t.id).where(live),
  index('leads_email_idx').on(sql`lower(${t.email})`).where(live),
  index('leads_domain_idx').on(sql`lower(${t.domain})`).where(live),
  index('leads_partner_idx').on(t.partnerId, t.createdAt).where(live),
  index('leads_score_idx').on(t.score, t.id).where(live),
  index('leads_created_idx').on(t.createdAt, t.id).where(live),
  index('leads_source_idx').on(t.source, t.createdAt).where(live),
]);

export const opportunities = pgTable('opportunities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  name: text('name').notNull(),
  stage: text('stage', { enum: OPPORTUNITY_STAGES }).notNull().default('discovery'),
  pipeline: text('pipeline').notNull().default('default'),
  amount: bigint('amount', { mode: 'number' }).notNull().default(0), // minor units
  currency: text('currency').notNull().default('USD'),
  closeDate: date('close_date', { mode: 'string' }),
  probability: integer('probability').notNull().default(0),
  forecastCategory: text('forecast_category').notNull().default('pipeline'), // pipeline | best_case | commit | closed | omitted
  ownerId: uuid('owner_id').references(() => users.id),
  partnerId: uuid('partner_id').references(() => partners.id),
  leadId: uuid('lead_id').references(() => leads.id),
  source: text('source'),
  stageEnteredAt: ts('stage_entered_at').notNull().defaultNow(),
  /** Exit criteria checked for the current and past stages: { criterionId: { at, by, note } } */
  gateChecks: jsonb('gate_checks').notNull().default({}),
  lossReason: text('loss_reason'),
  lossNotes: text('loss_notes'),
  closedAt: ts('closed_at'),
  /** External id for imports (HubSpot deal id) so a re-import updates instead of duplicating. */
  externalId: text('external_id'),
  ...stamps,
}, (t) => [
  // Pipeline board: open opportunities by stage, then close date.
  index('opps_board_idx').on(t.stage, t.closeDate, t.id).where(live),
  index('opps_owner_idx').on(t.ownerId, t.stage, t.closeDate).where(live),
  index('opps_account_idx').on(t.accountId).where(live),
  index('opps_partner_idx').on(t.partnerId, t.stage).where(live),
  index('opps_close_idx').on(t.closeDate, t.stage).where(live),
  index('opps_external_idx').on(t.externalId).where(sql`external_id IS NOT NULL`),
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
}, (t) => [index('opp_history_opp_idx').on(t.opportunityId, t.at)]);
