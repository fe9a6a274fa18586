// Request shapes of the delivery API, shared by server routes and web forms.
import { z } from 'zod';
import { listLimit } from '../accounts/schemas';
import { isoDate, isoDateTime } from '../dates';
import { MEETING_FREQUENCIES } from './calendar';
import { CHECKLISTS } from './checklists';

const day = isoDate;
const text = (max: number) => z.string().trim().min(1).max(max);
const note = z.string().trim().max(2000).nullable().optional();
const hours = z.number().min(0).max(100_000);
const version = z.number().int().min(1);
const level = z.enum(['low', 'medium', 'high']);

export const PROJECT_STATUS_FILTER = ['planned', 'active', 'hypercare', 'closed', 'on_hold', 'cancelled', 'open'] as const;

export const projectListQuerySchema = z.object({
  limit: listLimit,
  cursor: z.string().max(500).optional(),
  /** `open` = planned, active, hypercare or on hold. */
  status: z.enum(PROJECT_STATUS_FILTER).optional(),
  accountId: z.uuid().optional(),
  managerId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
}).strict();
export type ProjectListQuery = z.infer<typeof projectListQuerySchema>;

export const projectUpdateSchema = z.object({
  version,
  name: text(200).optional(),
  managerId: z.uuid().nullable().optional(),
  /** Quality score 0–100 recorded by delivery (shown on the 003 quality scale, e.g. of 5). */
  qualityScore: z.number().min(0).max(100).nullable().optional(),
}).strict();
export type ProjectUpdate = z.infer<typeof projectUpdateSchema>;

export const checklistParamSchema = z.object({ id: z.uuid(), list: z.enum(CHECKLISTS), itemId: z.string().min(1).max(80) });
export const checkSchema = z.object({ done: z.boolean().default(true), note }).strict();
export type CheckInput = z.infer<typeof checkSchema>;

export const kickoffSchema = z.object({
  /** Moves the whole plan to start on this day before baselining (default: keep the planned start). */
  startDate: day.optional(),
}).strict();
export type KickoffInput = z.infer<typeof kickoffSchema>;

export const closeSchema = z.object({
  lessonsLearned: text(20_000),
  /** Customer satisfaction survey score, 1–5. */
  csatScore: z.number().min(1).max(5),
  qualityScore: z.number().min(0).max(100).optional(),
}).strict();
export type CloseInput = z.infer<typeof closeSchema>;

export const cancelSchema = z.object({ reason: text(2000) }).strict();

export const deliverableSchema = z.object({ done: z.boolean().default(true) }).strict();

// ---------------------------------------------------------------- tasks

export const taskStatus = z.enum(['todo', 'in_progress', 'blocked', 'done']);
export const taskKind = z.enum(['plan', 'course_correction', 'issue', 'change', 'adhoc']);

export const taskListQuerySchema = z.object({
  status: taskStatus.optional(),
  ownerId: z.uuid().optional(),
  phaseId: z.uuid().optional(),
  kind: taskKind.optional(),
  /** Tasks active in a date window: ending on/after `from`, starting on/before `to`. */
  from: day.optional(),
  to: day.optional(),
  /** `status` returns the board: one column per status. */
  group: z.enum(['status']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(500),
}).strict();
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const myTasksQuerySchema = taskListQuerySchema.omit({ phaseId: true }).extend({
  /** Default: the caller. */
  ownerId: z.uuid().optional(),
  projectId: z.uuid().optional(),
  /** Include done tasks (default: open tasks only). */
  includeDone: z.coerce.boolean().default(false),
}).strict();
export type MyTasksQuery = z.infer<typeof myTasksQuerySchema>;

export const taskCreateSchema = z.object({
  title: text(300),
  description: z.string().trim().max(10_000).nullable().optional(),
  kind: taskKind.default('adhoc'),
  phaseId: z.uuid().nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  startDate: day.optional(),
  endDate: day.optional(),
  estimateHours: hours.optional(),
  /** Finish-to-start predecessors of the new task. */
  dependsOn: z.array(z.object({ taskId: z.uuid(), lagDays: z.number().int().min(-365).max(365).default(0) }).strict()).max(50).default([]),
}).strict();
export type TaskCreate = z.infer<typeof taskCreateSchema>;

export const taskUpdateSchema = z.object({
  version,
  title: text(300).optional(),
  description: z.string().trim().max(10_000).nullable().optional(),
  status: taskStatus.optional(),
  ownerId: z.uuid().nullable().optional(),
  phaseId: z.uuid().nullable().optional(),
  startDate: day.optional(),
  endDate: day.optional(),
  estimateHours: hours.optional(),
  actualHours: hours.optional(),
  /** The day a task was actually finished (default today when it becomes done). A late finish shifts successors. */
  completedOn: day.optional(),
}).strict();
export type TaskUpdate = z.infer<typeof taskUpdateSchema>;

export const dependencySchema = z.object({
  dependsOnId: z.uuid(),
  lagDays: z.number().int().min(-365).max(365).default(0),
}).strict();
export type DependencyInput = z.infer<typeof dependencySchema>;

export const loadQuerySchema = z.object({
  from: day.optional(),
  weeks: z.coerce.number().int().min(1).max(26).default(8),
  ownerId: z.uuid().optional(),
  projectId: z.uuid().optional(),
}).strict();
export type LoadQuery = z.infer<typeof loadQuerySchema>;

// ---------------------------------------------------------------- milestones

export const submitSchema = z.object({ comment: z.string().trim().max(5000).nullable().optional() }).strict();
export const decisionSchema = z.object({
  comment: z.string().trim().max(5000).nullable().optional(),
  /** The customer contact who decided, when an internal user records it on the customer's behalf (required then). */
  contactId: z.uuid().optional(),
}).strict();
export type DecisionInput = z.infer<typeof decisionSchema>;
export const rejectSchema = decisionSchema.extend({ comment: text(5000) }).strict();

// ---------------------------------------------------------------- governance

const riskFields = {
  title: text(300),
  impact: level,
  probability: level,
  mitigation: z.string().trim().max(5000).nullable().optional(),
  ownerId: z.uuid().nullable().optional(),
  status: z.enum(['open', 'mitigating', 'closed']).optional(),
};
export const riskCreateSchema = z.object(riskFields).strict();
export const riskUpdateSchema = z.object({ ...riskFields, version }).partial().required({ version: true }).strict();
export type RiskCreate = z.infer<typeof riskCreateSchema>;
export type RiskUpdate = z.infer<typeof riskUpdateSchema>;

const issueFields = {
  title: text(300),
  description: z.string().trim().max(10_000).nullable().optional(),
  severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  ownerId: z.uuid().nullable().optional(),
};
export const issueCreateSchema = z.object(issueFields).strict();
export const issueUpdateSchema = z.object({ ...issueFields, version, resolution: z.string().trim().max(10_000).nullable().optional() })
  .partial().required({ version: true }).strict();
export const issueAdvanceSchema = z.object({ note, resolution: z.string().trim().max(10_000).optional() }).strict();
export const escalateSchema = z.object({ topic: text(200), note }).strict();
export type IssueCreate = z.infer<typeof issueCreateSchema>;
export type IssueUpdate = z.infer<typeof issueUpdateSchema>;

const crFields = {
  title: text(300),
  description: z.string().trim().max(10_000).nullable().optional(),
  scopeImpact: z.string().trim().max(10_000).nullable().optional(),
  budgetImpactHours: z.number().min(-100_000).max(100_000).optional(),
  budgetImpactAmount: z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).optional(),
  timelineImpactDays: z.number().int().min(-365).max(365).optional(),
};
export const changeRequestCreateSchema = z.object(crFields).strict();
export const changeRequestUpdateSchema = z.object({ ...crFields, version }).partial().required({ version: true }).strict();
export const crDecisionSchema = z.object({ note }).strict();
export type ChangeRequestCreate = z.infer<typeof changeRequestCreateSchema>;
export type ChangeRequestUpdate = z.infer<typeof changeRequestUpdateSchema>;

const who = z.array(text(100)).max(20);
const raciFields = { activity: text(300), position: z.number().int().min(0).max(10_000).optional(), responsible: who.optional(), accountable: who.optional(), consulted: who.optional(), informed: who.optional() };
export const raciCreateSchema = z.object(raciFields).strict();
export const raciUpdateSchema = z.object({ ...raciFields, version }).partial().required({ version: true }).strict();
export type RaciCreate = z.infer<typeof raciCreateSchema>;
export type RaciUpdate = z.infer<typeof raciUpdateSchema>;

const meetingFields = {
  title: text(300),
  frequency: z.enum(MEETING_FREQUENCIES),
  firstStartsAt: isoDateTime,
  untilDate: day.nullable().optional(),
  durationMinutes: z.number().int().min(5).max(600).optional(),
  timezone: z.string().max(60).optional(),
};
export const meetingCreateSchema = z.object(meetingFields).strict();
export const meetingUpdateSchema = z.object({ ...meetingFields, version }).partial().required({ version: true }).strict();
export type MeetingCreate = z.infer<typeof meetingCreateSchema>;
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

// ---------------------------------------------------------------- status reports and metrics

export const reportCreateSchema = z.object({
  /** Any day of the reported week (default: this week); stored as that week's Monday. */
  weekOf: day.optional(),
}).strict();
export const reportUpdateSchema = z.object({
  version,
  overall: z.enum(['green', 'amber', 'red']).optional(),
  summary: z.string().trim().max(20_000).optional(),
  nextSteps: z.string().trim().max(20_000).optional(),
}).strict();
export type ReportUpdate = z.infer<typeof reportUpdateSchema>;

export const metricRecordSchema = z.object({
  value: z.number().min(-1e9).max(1e9),
  note,
  recordedAt: isoDateTime.optional(),
}).strict();
export type MetricRecord = z.infer<typeof metricRecordSchema>;
