// Leads (004): capture, BANT, enrichment, scores with explanations, assignment, SLA clocks, conversion.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, integer, jsonb, pgTable, real, serial, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AUDIENCES } from '../../../core/access/audience';
import { accounts, contacts } from './accounts';
import { partners, stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const live = sql`deleted_at IS NULL`;

export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const;

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
  // Scores live in lead_scores (one narrow row per lead), so re-scoring a million leads rewrites small rows.
  ownerId: uuid('owner_id').references(() => users.id),
  assignedAt: ts('assigned_at'),
  assignmentExplanation: jsonb('assignment_explanation'),
  firstResponseDueAt: ts('first_response_due_at'),
  /** The 1-business-hour target (004 Tips #1), shown next to the hard SLA. */
  firstResponseTargetAt: ts('first_response_target_at'),
  /** Due time of the clock running now (first response, then qualification); null when no clock runs. */
  slaDueAt: ts('sla_due_at'),
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
  /** Flagged at capture: [{ id, match: 'email' | 'domain' }] of live leads that look like the same person or company. */
  possibleDuplicates: jsonb('possible_duplicates').notNull().default([]),
  partnerId: uuid('partner_id').references(() => partners.id), // partner referrals: the partner sees its leads
  referredByAccountId: uuid('referred_by_account_id').references(() => accounts.id),
  campaign: text('campaign'),
  formId: text('form_id'),
  notes: text('notes'),
  ...stamps,
}, (t) => [
  // Lead inbox: leads with a running SLA clock by time left, for everyone and per owner (keyset on due, id).
  index('leads_inbox_idx').on(t.slaDueAt, t.id).where(sql`deleted_at IS NULL AND sla_due_at IS NOT NULL`),
  index('leads_owner_inbox_idx').on(t.ownerId, t.slaDueAt, t.id).where(sql`deleted_at IS NULL AND sla_due_at IS NOT NULL`),
  index('leads_owner_status_idx').on(t.ownerId, t.status).where(live),
  index('leads_email_idx').on(sql`lower(${t.email})`).where(live),
  index('leads_domain_idx').on(sql`lower(${t.domain})`).where(live),
  index('leads_partner_idx').on(t.partnerId, t.createdAt).where(live),
  index('leads_created_idx').on(t.createdAt, t.id).where(live),
  index('leads_source_idx').on(t.source, t.createdAt).where(live),
]);

/**
 * The score of each lead (fit, engagement, combined, band, the matched rules and their points) and its conversion
 * probability. Written with the lead by the services; after a playbook change rebuilt set-based into a fresh table
 * that replaces this one (a million narrow rows instead of a million wide lead rows). No foreign key: the rebuild
 * swaps the table; leads are only soft-deleted.
 */
export const leadScores = pgTable('lead_scores', {
  leadId: uuid('lead_id').primaryKey(),
  fitScore: integer('fit_score').notNull().default(0),
  engagementScore: integer('engagement_score').notNull().default(0),
  score: integer('score').notNull().default(0),
  priority: text('priority').notNull(),
  /**
   * JSON text of [{ rule, points }] of the matched scoring rules; the API adds each rule's kind and text from the
   * playbook. Text, not jsonb: re-scoring builds a million of these, and converting each to jsonb costs as much as
   * the scoring itself.
   */
  scoreExplanation: text('score_explanation').notNull().default('[]'),
  scoredPlaybookVersion: integer('scored_playbook_version'),
  conversionProbability: real('conversion_probability'),
}, (t) => [
  // Inbox filtered by a band few leads are in: start from those leads instead of walking every running clock.
  index('lead_scores_priority_idx').on(t.priority),
]);

/** Calls, emails, meetings, notes, marketing touches and system entries (SLA, assignment) of a lead. */
export const leadActivities = pgTable('lead_activities', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  leadId: uuid('lead_id').notNull().references(() => leads.id),
  kind: text('kind').notNull(), // note | call | email | meeting | webinar | event | download | visit | system
  subject: text('subject').notNull(),
  body: text('body'),
  inbound: boolean('inbound'),
  occurredAt: ts('occurred_at').notNull().defaultNow(),
  actorId: uuid('actor_id').references(() => users.id),
  createdAt: ts('created_at').notNull().defaultNow(),
  /** Who outside the vendor sees the entry: a partner's own entries are the partner's; assignment and staffing stay internal. */
  audience: text('audience', { enum: AUDIENCES }).notNull().default('internal'),
}, (t) => [index('lead_activities_lead_idx').on(t.leadId, t.occurredAt, t.id)]);

/** Per-user assignment profile (004 §1.4): territories, verticals, size tier, capacity, out of office. */
export const salesProfiles = pgTable('sales_profiles', {
  userId: uuid('user_id').primaryKey().references(() => users.id),
  territories: text('territories').array().notNull().default(sql`'{}'::text[]`),
  verticals: text('verticals').array().notNull().default(sql`'{}'::text[]`),
  sizeTier: text('size_tier'),
  capacity: integer('capacity').notNull().default(40),
  outOfOfficeUntil: ts('out_of_office_until'),
  version: integer('version').notNull().default(1),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/** Public web forms: where submissions go and how spam is kept out. */
export const leadForms = pgTable('lead_forms', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  name: text('name').notNull(),
  source: text('source').notNull(),
  campaign: text('campaign'),
  ownerRule: text('owner_rule', { enum: ['auto', 'fixed'] }).notNull().default('auto'),
  defaultOwnerId: uuid('default_owner_id').references(() => users.id),
  active: boolean('active').notNull().default(true),
  minFillSeconds: integer('min_fill_seconds').notNull().default(3),
  rateLimitPerHour: integer('rate_limit_per_hour').notNull().default(10),
  successMessage: text('success_message'),
  /** Signs the time a form was served (minimum fill time); never leaves the server. */
  secret: text('secret').notNull().default(sql`md5(gen_random_uuid()::text || clock_timestamp()::text)`),
  ...stamps,
});

/** Every public submission with its outcome; the per-IP rate limit counts these rows. */
export const leadFormSubmissions = pgTable('lead_form_submissions', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  formId: uuid('form_id').notNull().references(() => leadForms.id),
  ipHash: text('ip_hash').notNull(),
  outcome: text('outcome').notNull(), // accepted | honeypot | too_fast | bad_token | rate_limited | invalid
  leadId: uuid('lead_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [
  index('lead_form_submissions_ip_idx').on(t.ipHash, t.createdAt),
  index('lead_form_submissions_form_idx').on(t.formId, t.createdAt),
]);

/** Trained conversion models; the latest row is the one in use. */
export const leadModels = pgTable('lead_models', {
  id: serial('id').primaryKey(),
  status: text('status').notNull(), // active | insufficient_history
  trainedAt: ts('trained_at').notNull().defaultNow(),
  sampleSize: integer('sample_size').notNull(),
  positives: integer('positives').notNull(),
  trainSize: integer('train_size').notNull().default(0),
  validationSize: integer('validation_size').notNull().default(0),
  auc: real('auc'),
  minExamples: integer('min_examples').notNull(),
  /** { featureIds, mean, std, weights, intercept } */
  model: jsonb('model'),
  topWeights: jsonb('top_weights').notNull().default([]),
  playbookVersion: integer('playbook_version'),
  trainedBy: uuid('trained_by'),
});
