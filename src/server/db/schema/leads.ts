// Leads (004): capture, BANT, enrichment, scores with explanations, assignment, SLA clocks, conversion.
import { sql } from 'drizzle-orm';
import { boolean, index, integer, jsonb, pgTable, real, text, timestamp, uuid } from 'drizzle-orm/pg-core';
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
