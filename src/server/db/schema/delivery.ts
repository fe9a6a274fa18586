// Delivery (003, 000 §1 stage 7): the implementation project a signed contract starts, built from the playbook's
// template: phases, tasks with dependencies, milestones with customer acceptance, governance and status reports.
import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { accounts, contacts } from './accounts';
import { contracts, opportunities } from './pipeline';
import { partners, stamps, users } from './platform';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const live = sql`deleted_at IS NULL`;

export const PROJECT_STATUSES = ['planned', 'active', 'hypercare', 'closed', 'on_hold', 'cancelled'] as const;

export const projects = pgTable('projects', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  contractId: uuid('contract_id').references(() => contracts.id),
  opportunityId: uuid('opportunity_id').references(() => opportunities.id),
  /** Copied from the contract so partner row scope needs no join. */
  partnerId: uuid('partner_id').references(() => partners.id),
  name: text('name').notNull(),
  status: text('status', { enum: PROJECT_STATUSES }).notNull().default('planned'),
  managerId: uuid('manager_id').references(() => users.id),
  /** Planned length in weeks (playbook minWeeks..maxWeeks, stretched by scope). */
  weeks: integer('weeks').notNull(),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  /** End date as planned at kickoff (baseline) and as currently forecast from the task network. */
  baselineEndDate: date('baseline_end_date', { mode: 'string' }).notNull(),
  forecastEndDate: date('forecast_end_date', { mode: 'string' }).notNull(),
  /** Budget in hours (planned) and the services fee it is sold for (minor units). */
  budgetHours: real('budget_hours').notNull().default(0),
  servicesFee: bigint('services_fee', { mode: 'number' }).notNull().default(0),
  currency: text('currency').notNull().default('USD'),
  /** Entry / exit / go-live / handoff checklists: { itemId: { at, by, byName, note } }. */
  entryChecks: jsonb('entry_checks').notNull().default({}),
  exitChecks: jsonb('exit_checks').notNull().default({}),
  goLiveChecks: jsonb('go_live_checks').notNull().default({}),
  handoffChecks: jsonb('handoff_checks').notNull().default({}),
  rollbackReady: boolean('rollback_ready').notNull().default(false),
  kickoffAt: ts('kickoff_at'),
  goLiveAt: ts('go_live_at'),
  hypercareEndsAt: ts('hypercare_ends_at'),
  closedAt: ts('closed_at'),
  handedOffAt: ts('handed_off_at'),
  cancelledAt: ts('cancelled_at'),
  cancelReason: text('cancel_reason'),
  lessonsLearned: text('lessons_learned'),
  /** Customer satisfaction at closure (1–5) and the quality score (0–100) recorded by delivery. */
  csatScore: real('csat_score'),
  qualityScore: real('quality_score'),
  criticalIssuesAtGoLive: integer('critical_issues_at_go_live'),
  playbookVersion: integer('playbook_version'),
  ...stamps,
}, (t) => [
  uniqueIndex('projects_contract_uq').on(t.contractId).where(sql`contract_id IS NOT NULL AND deleted_at IS NULL`),
  index('projects_account_idx').on(t.accountId).where(live),
  index('projects_status_idx').on(t.status, t.startDate).where(live),
  index('projects_manager_idx').on(t.managerId, t.status).where(live),
  index('projects_partner_idx').on(t.partnerId, t.status).where(live),
]);

export const projectPhases = pgTable('project_phases', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  /** The playbook phase id (kickoff, planning_design, …). */
  key: text('key').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  ownerRoleId: text('owner_role_id'),
  ownerId: uuid('owner_id').references(() => users.id),
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  /** [{ id, label, done, at, by }] from the playbook's phase deliverables. */
  deliverables: jsonb('deliverables').notNull().default([]),
  ...stamps,
}, (t) => [uniqueIndex('project_phases_key_uq').on(t.projectId, t.key)]);

export const TASK_STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;
export const TASK_KINDS = ['plan', 'course_correction', 'issue', 'change', 'adhoc'] as const;

export const projectTasks = pgTable('project_tasks', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  phaseId: uuid('phase_id').references(() => projectPhases.id),
  title: text('title').notNull(),
  description: text('description'),
  kind: text('kind', { enum: TASK_KINDS }).notNull().default('plan'),
  status: text('status', { enum: TASK_STATUSES }).notNull().default('todo'),
  ownerId: uuid('owner_id').references(() => users.id),
  position: integer('position').notNull().default(0),
  /** Planned dates (inclusive) as scheduled now, and as baselined at kickoff. */
  startDate: date('start_date', { mode: 'string' }).notNull(),
  endDate: date('end_date', { mode: 'string' }).notNull(),
  baselineStartDate: date('baseline_start_date', { mode: 'string' }),
  baselineEndDate: date('baseline_end_date', { mode: 'string' }),
  estimateHours: real('estimate_hours').notNull().default(0),
  actualHours: real('actual_hours').notNull().default(0),
  completedAt: ts('completed_at'),
  /** What raised the task (a KPI alert, an issue, a change request): { type, id }. */
  sourceType: text('source_type'),
  sourceId: uuid('source_id'),
  ...stamps,
}, (t) => [
  index('project_tasks_project_idx').on(t.projectId, t.startDate).where(live),
  index('project_tasks_owner_idx').on(t.ownerId, t.status, t.startDate).where(live),
  index('project_tasks_source_idx').on(t.sourceType, t.sourceId).where(sql`source_id IS NOT NULL`),
]);

/** Finish-to-start dependency: `taskId` starts after `dependsOnId` finishes (+ lag days). */
export const projectTaskDeps = pgTable('project_task_deps', {
  taskId: uuid('task_id').notNull().references(() => projectTasks.id),
  dependsOnId: uuid('depends_on_id').notNull().references(() => projectTasks.id),
  lagDays: integer('lag_days').notNull().default(0),
}, (t) => [primaryKey({ columns: [t.taskId, t.dependsOnId] }), index('project_task_deps_dep_idx').on(t.dependsOnId)]);

export const MILESTONE_STATUSES = ['pending', 'submitted', 'accepted', 'rejected'] as const;

export const projectMilestones = pgTable('project_milestones', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  /** The playbook milestone id (design_approved, …). */
  key: text('key').notNull(),
  name: text('name').notNull(),
  position: integer('position').notNull(),
  phaseKey: text('phase_key'),
  week: integer('week').notNull(),
  plannedDate: date('planned_date', { mode: 'string' }).notNull(),
  forecastDate: date('forecast_date', { mode: 'string' }).notNull(),
  deliverables: jsonb('deliverables').notNull().default([]),
  paymentPercent: real('payment_percent').notNull().default(0),
  /** The share of the services fee (net of POC credit) invoiced on acceptance, from the contract's schedule. */
  amount: bigint('amount', { mode: 'number' }).notNull().default(0),
  requiresAcceptance: boolean('requires_acceptance').notNull().default(true),
  status: text('status', { enum: MILESTONE_STATUSES }).notNull().default('pending'),
  submittedAt: ts('submitted_at'),
  submittedBy: uuid('submitted_by').references(() => users.id),
  decidedAt: ts('decided_at'),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedByContactId: uuid('decided_by_contact_id').references(() => contacts.id),
  decisionComment: text('decision_comment'),
  ...stamps,
}, (t) => [
  uniqueIndex('project_milestones_key_uq').on(t.projectId, t.key),
  index('project_milestones_account_idx').on(t.accountId, t.status),
]);

/** Every accept / reject / submit of a milestone, kept for the record (the milestone row holds the latest). */
export const milestoneDecisions = pgTable('milestone_decisions', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  milestoneId: uuid('milestone_id').notNull().references(() => projectMilestones.id),
  decision: text('decision', { enum: ['submitted', 'accepted', 'rejected'] }).notNull(),
  comment: text('comment'),
  actorId: uuid('actor_id').references(() => users.id),
  contactId: uuid('contact_id').references(() => contacts.id),
  at: ts('at').notNull().defaultNow(),
}, (t) => [index('milestone_decisions_ms_idx').on(t.milestoneId, t.at)]);

export const LEVELS = ['low', 'medium', 'high'] as const;

export const projectRisks = pgTable('project_risks', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  /** The playbook's common risk this came from (scope_creep, …), null for a risk raised by hand. */
  templateKey: text('template_key'),
  title: text('title').notNull(),
  impact: text('impact', { enum: LEVELS }).notNull(),
  probability: text('probability', { enum: LEVELS }).notNull(),
  mitigation: text('mitigation'),
  ownerId: uuid('owner_id').references(() => users.id),
  status: text('status', { enum: ['open', 'mitigating', 'closed'] }).notNull().default('open'),
  ...stamps,
}, (t) => [index('project_risks_project_idx').on(t.projectId, t.status).where(live)]);

export const projectIssues = pgTable('project_issues', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  title: text('title').notNull(),
  description: text('description'),
  severity: text('severity', { enum: ['low', 'medium', 'high', 'critical'] }).notNull().default('medium'),
  ownerId: uuid('owner_id').references(() => users.id),
  /** Index into the playbook's issue resolution steps (0 = identification and logging). */
  step: integer('step').notNull().default(0),
  status: text('status', { enum: ['open', 'resolved'] }).notNull().default('open'),
  resolution: text('resolution'),
  escalationLevel: integer('escalation_level').notNull().default(0),
  resolvedAt: ts('resolved_at'),
  ...stamps,
}, (t) => [index('project_issues_project_idx').on(t.projectId, t.status).where(live)]);

export const changeRequests = pgTable('change_requests', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  title: text('title').notNull(),
  description: text('description'),
  scopeImpact: text('scope_impact'),
  budgetImpactHours: real('budget_impact_hours').notNull().default(0),
  budgetImpactAmount: bigint('budget_impact_amount', { mode: 'number' }).notNull().default(0),
  timelineImpactDays: integer('timeline_impact_days').notNull().default(0),
  status: text('status', { enum: ['proposed', 'approved', 'rejected'] }).notNull().default('proposed'),
  requestedBy: uuid('requested_by').references(() => users.id),
  decidedBy: uuid('decided_by').references(() => users.id),
  decidedAt: ts('decided_at'),
  decisionNote: text('decision_note'),
  ...stamps,
}, (t) => [index('change_requests_project_idx').on(t.projectId, t.status).where(live)]);

/** One row per activity: who is Responsible, Accountable, Consulted, Informed (role ids or names). */
export const projectRaci = pgTable('project_raci', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  activity: text('activity').notNull(),
  position: integer('position').notNull().default(0),
  responsible: text('responsible').array().notNull().default(sql`'{}'::text[]`),
  accountable: text('accountable').array().notNull().default(sql`'{}'::text[]`),
  consulted: text('consulted').array().notNull().default(sql`'{}'::text[]`),
  informed: text('informed').array().notNull().default(sql`'{}'::text[]`),
  ...stamps,
}, (t) => [index('project_raci_project_idx').on(t.projectId, t.position)]);

/** A meeting series of the communication plan (003): a recurrence served as an ICS feed. */
export const projectMeetings = pgTable('project_meetings', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  /** The playbook meeting id (standup, status, steering, executive_briefing), null for an ad hoc meeting. */
  key: text('key'),
  title: text('title').notNull(),
  /** daily | weekly | biweekly | monthly | once */
  frequency: text('frequency').notNull(),
  firstStartsAt: ts('first_starts_at').notNull(),
  untilDate: date('until_date', { mode: 'string' }),
  durationMinutes: integer('duration_minutes').notNull().default(30),
  timezone: text('timezone').notNull().default('UTC'),
  ...stamps,
}, (t) => [index('project_meetings_project_idx').on(t.projectId)]);

export const statusReports = pgTable('status_reports', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  accountId: uuid('account_id').notNull().references(() => accounts.id),
  /** Monday of the reported week. */
  weekOf: date('week_of', { mode: 'string' }).notNull(),
  status: text('status', { enum: ['draft', 'sent'] }).notNull().default('draft'),
  /** Generated sections (progress by phase, milestones, risks and issues, budget and timeline, KPI tracker). */
  content: jsonb('content').notNull(),
  /** Editable narrative: overall status (green/amber/red), summary, next steps. */
  overall: text('overall', { enum: ['green', 'amber', 'red'] }).notNull().default('green'),
  summary: text('summary').notNull().default(''),
  nextSteps: text('next_steps').notNull().default(''),
  createdBy: uuid('created_by').references(() => users.id),
  sentAt: ts('sent_at'),
  sentBy: uuid('sent_by').references(() => users.id),
  ...stamps,
}, (t) => [uniqueIndex('status_reports_week_uq').on(t.projectId, t.weekOf).where(live)]);

/** Recorded values of the 003 technical metrics (discovery coverage, CMDB accuracy, integration uptime, …). */
export const projectMetricValues = pgTable('project_metric_values', {
  id: uuid('id').primaryKey().default(sql`gen_random_uuid()`),
  projectId: uuid('project_id').notNull().references(() => projects.id),
  metricKey: text('metric_key').notNull(),
  value: real('value').notNull(),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
  recordedBy: uuid('recorded_by').references(() => users.id),
  note: text('note'),
}, (t) => [index('project_metric_values_idx').on(t.projectId, t.metricKey, t.recordedAt)]);
