// Response shapes of the delivery API (projects, checklists, phases, milestones, tasks, Gantt, resource load, metrics,
// status reports): the server documents and checks its answers with them, the web reads them through the generated
// client. Days are `YYYY-MM-DD`, instants ISO strings, money integer minor units with the `currency` beside it.
// Governance rows (risks, issues, change requests, RACI, meetings) are in governance-responses.ts.
import { z } from 'zod';
import { currencyCode, isoDay, isoTime, list, minorUnits, page, stamps } from '../api/shapes';
import { taskKind, taskStatus } from './schemas';

const d = (description: string) => ({ description });
const nullableTime = isoTime.nullable();

export const PROJECT_STATUSES = ['planned', 'active', 'hypercare', 'closed', 'on_hold', 'cancelled'] as const;
export const MILESTONE_STATUSES = ['pending', 'submitted', 'accepted', 'rejected'] as const;
export const projectStatus = z.enum(PROJECT_STATUSES);
export const milestoneStatus = z.enum(MILESTONE_STATUSES);

// ---------------------------------------------------------------- checklists

export const checkMarkSchema = z.object({
  at: isoTime, by: z.uuid().nullable().meta(d('The user who ticked it; null for the system.')), byName: z.string(),
  note: z.string().nullable().meta(d('The writer\'s working note; outsiders see it only when they wrote it.')),
}).meta({ id: 'CheckMark' });
const checkItem = z.object({ id: z.string(), label: z.string() }).meta({ id: 'CheckItem' });
const checks = (what: string) => z.record(z.string(), checkMarkSchema).meta(d(`${what}: a mark per ticked item id.`));
const checklist = z.object({
  items: z.array(checkItem.extend({ done: z.boolean(), mark: checkMarkSchema.optional() })),
  missing: z.array(checkItem).meta(d('Items not ticked, in the list\'s order.')),
});

// ---------------------------------------------------------------- projects

const projectFields = {
  ...stamps,
  accountId: z.uuid(), contractId: z.uuid().nullable(), opportunityId: z.uuid().nullable(), partnerId: z.uuid().nullable(),
  name: z.string(), status: projectStatus, managerId: z.uuid().nullable(),
  weeks: z.number().int().meta(d('Planned length in weeks.')),
  startDate: isoDay, baselineEndDate: isoDay.meta(d('End day as baselined at kickoff.')),
  forecastEndDate: isoDay.meta(d('End day as forecast from the task network now.')),
  budgetHours: z.number().meta(d('Budget in planned hours.')),
  servicesFee: minorUnits('The services fee the project is sold for (net of POC credit)'),
  currency: currencyCode,
  entryChecks: checks('Entry criteria'), exitChecks: checks('Exit criteria'),
  goLiveChecks: checks('Go-live checklist'), handoffChecks: checks('Handoff list'),
  rollbackReady: z.boolean(),
  kickoffAt: nullableTime, goLiveAt: nullableTime, hypercareEndsAt: nullableTime, closedAt: nullableTime, handedOffAt: nullableTime,
  cancelledAt: nullableTime, cancelReason: z.string().nullable(),
  lessonsLearned: z.string().nullable().meta(d('Internal: null for partner and customer users.')),
  csatScore: z.number().nullable().meta(d('Customer satisfaction at closure, 1–5.')),
  qualityScore: z.number().nullable().meta(d('Quality score 0–100 recorded by delivery. Internal: null for partner and customer users.')),
  criticalIssuesAtGoLive: z.number().int().nullable(),
  playbookVersion: z.number().int().nullable(),
};

export const projectListItemSchema = z.object({
  ...projectFields,
  accountName: z.string(),
  milestoneCounts: z.object({ total: z.number().int(), accepted: z.number().int(), awaitingAcceptance: z.number().int() }),
  percentDone: z.number().meta(d('Hours progress: 100 × estimate of done tasks / estimate of all tasks, one decimal.')),
  nextMilestone: z.object({ id: z.uuid(), name: z.string(), forecastDate: isoDay, status: milestoneStatus }).nullable()
    .meta(d('The first milestone not yet accepted; null when all are.')),
  slipDays: z.number().int().meta(d('Forecast end − baseline end, in days (positive = late).')),
}).meta({ id: 'ProjectListItem' });
export const projectPageSchema = page(projectListItemSchema);

const goLiveChecklist = checklist.extend({
  rollbackReady: z.boolean(),
  gaps: z.array(checkItem).meta(d('Everything go-live still waits for (milestone acceptances on GET /projects/{id}, unticked items, rollback readiness).')),
});

/** What every project change answers with: the project row with its checklists (no plan rows). */
export const projectStateSchema = z.object({
  ...projectFields,
  closureReady: z.boolean().meta(d('True once hypercare has ended: the project can be closed.')),
  slipDays: z.number().int().meta(d('Forecast end − baseline end, in days (positive = late).')),
  checklists: z.object({ entry: checklist, goLive: goLiveChecklist, exit: checklist, handoff: checklist }),
}).meta({ id: 'ProjectState' });

export const deliverableSchema = z.object({
  id: z.string(), label: z.string(), done: z.boolean(), at: nullableTime, by: z.string().nullable().meta(d('Name of who marked it done.')),
}).meta({ id: 'PhaseDeliverable' });

export const phaseSchema = z.object({
  ...stamps, projectId: z.uuid(), key: z.string().meta(d('The playbook phase id (kickoff, planning_design, …).')), name: z.string(),
  position: z.number().int(), ownerRoleId: z.string().nullable(), ownerId: z.uuid().nullable(), startDate: isoDay, endDate: isoDay,
  deliverables: z.array(deliverableSchema),
}).meta({ id: 'ProjectPhase' });

export const milestoneSchema = z.object({
  ...stamps, projectId: z.uuid(), accountId: z.uuid(),
  key: z.string().meta(d('The playbook milestone id (design_approved, …).')), name: z.string(), position: z.number().int(),
  phaseKey: z.string().nullable(), week: z.number().int(), plannedDate: isoDay, forecastDate: isoDay,
  deliverables: z.array(z.string()),
  paymentPercent: z.number().meta(d('Share of the services fee invoiced on acceptance, in percent.')),
  amount: minorUnits('The share of the services fee invoiced on acceptance'), currency: currencyCode,
  requiresAcceptance: z.boolean(), status: milestoneStatus,
  submittedAt: nullableTime, submittedBy: z.uuid().nullable(), decidedAt: nullableTime, decidedBy: z.uuid().nullable(),
  decidedByContactId: z.uuid().nullable(), decisionComment: z.string().nullable(),
}).meta({ id: 'ProjectMilestone' });

export const milestoneDecisionSchema = z.object({
  milestoneId: z.uuid(), decision: z.enum(['submitted', 'accepted', 'rejected']), comment: z.string().nullable(), at: isoTime,
  actorName: z.string().nullable(), contactId: z.uuid().nullable(), contactName: z.string().nullable(),
}).meta({ id: 'MilestoneDecision' });
export const milestoneWithHistorySchema = milestoneSchema.extend({ decisions: z.array(milestoneDecisionSchema) })
  .meta({ id: 'ProjectMilestoneWithHistory' });

/** GET /projects/{id}: the project with its plan rows, progress and the milestones go-live waits for. */
export const projectSchema = projectStateSchema.extend({
  checklists: z.object({
    entry: checklist,
    goLive: goLiveChecklist.extend({ blockedBy: z.array(checkItem).meta(d('The milestone acceptances go-live waits for.')) }),
    exit: checklist, handoff: checklist,
  }),
  accountName: z.string().nullable(),
  phases: z.array(phaseSchema), milestones: z.array(milestoneSchema),
  progress: z.object({
    tasks: z.number().int(), tasksDone: z.number().int(), estimateHours: z.number(), actualHours: z.number(),
    percentDone: z.number().meta(d('100 × estimate of done tasks / estimate of all tasks, one decimal.')),
  }),
}).meta({ id: 'Project' });

// ---------------------------------------------------------------- tasks and scheduling

export const scheduleChangeSchema = z.object({
  moved: z.array(z.object({ id: z.uuid(), startDate: isoDay, endDate: isoDay, fromStart: isoDay, fromEnd: isoDay })),
  forecastEndDate: isoDay,
  milestonesMoved: z.array(z.object({ id: z.uuid(), key: z.string(), from: isoDay, to: isoDay })),
}).meta({ id: 'ScheduleChange', description: 'What a re-schedule moved: tasks, milestone forecasts and the forecast end.' });

const taskFields = {
  ...stamps, projectId: z.uuid(), phaseId: z.uuid().nullable(), title: z.string(), description: z.string().nullable(),
  kind: taskKind, status: taskStatus, ownerId: z.uuid().nullable(), position: z.number().int(),
  startDate: isoDay, endDate: isoDay, baselineStartDate: isoDay.nullable(), baselineEndDate: isoDay.nullable(),
  estimateHours: z.number(), actualHours: z.number(), completedAt: nullableTime,
  sourceType: z.string().nullable().meta(d('What raised the task (kpi_alert, issue, change_request, …).')), sourceId: z.uuid().nullable(),
};
export const taskSchema = z.object(taskFields).meta({ id: 'DeliveryTask' });
export const taskChangeSchema = taskSchema.extend({
  schedule: scheduleChangeSchema.nullable().meta(d('Set when the change re-scheduled the project.')),
}).meta({ id: 'DeliveryTaskChange' });
const link = z.object({ taskId: z.uuid(), lagDays: z.number().int() });
export const taskDetailSchema = taskSchema.extend({ predecessors: z.array(link), successors: z.array(link) }).meta({ id: 'DeliveryTaskDetail' });

export const listedTaskSchema = taskSchema.extend({
  ownerName: z.string().nullable(), phaseKey: z.string().nullable(), projectName: z.string(), accountId: z.uuid(),
}).meta({ id: 'DeliveryTaskListItem' });
export const taskBoardSchema = z.object({
  columns: z.array(z.object({ status: taskStatus, count: z.number().int(), tasks: z.array(listedTaskSchema) })),
}).meta({ id: 'TaskBoard', description: 'One column per task status, in workflow order.' });
export const taskListSchema = z.union([list(listedTaskSchema), taskBoardSchema])
  .meta(d('`items` without `group`; the board (`columns`) with group=status.'));

export const dependencyAddedSchema = z.object({
  dependency: z.object({ taskId: z.uuid(), dependsOnId: z.uuid(), lagDays: z.number().int() }),
  schedule: scheduleChangeSchema,
});

export const resourceLoadSchema = z.object({
  weekStarts: z.array(isoDay).meta(d('Mondays of the weeks shown.')),
  rows: z.array(z.object({
    ownerId: z.uuid().nullable().meta(d('null = unassigned tasks.')), ownerName: z.string().nullable(), ownerRole: z.string().nullable(),
    weeks: z.array(z.object({ weekOf: isoDay, hours: z.number().meta(d('Planned hours that week, one decimal.')) })),
    totalHours: z.number(),
  })),
}).meta({ id: 'ResourceLoad' });

export const ganttSchema = z.object({
  project: z.object({ id: z.uuid(), name: z.string(), status: projectStatus, startDate: isoDay, baselineEndDate: isoDay, forecastEndDate: isoDay }),
  phases: z.array(phaseSchema.pick({ id: true, key: true, name: true, position: true, ownerRoleId: true, startDate: true, endDate: true })),
  tasks: z.array(taskSchema.pick({
    id: true, phaseId: true, title: true, kind: true, status: true, ownerId: true, startDate: true, endDate: true,
    baselineStartDate: true, baselineEndDate: true, estimateHours: true, actualHours: true, position: true,
  }).extend({ activity: z.string().nullable().meta(d('The plan activity (the task description).')) })),
  dependencies: z.array(z.object({ taskId: z.uuid(), dependsOnId: z.uuid(), lagDays: z.number().int() })),
  milestones: z.array(milestoneSchema.pick({
    id: true, key: true, name: true, phaseKey: true, week: true, plannedDate: true, forecastDate: true, status: true, paymentPercent: true,
  })),
}).meta({ id: 'Gantt' });

// ---------------------------------------------------------------- metrics

export const projectMetricSchema = z.object({
  key: z.string(), label: z.string(),
  value: z.number().nullable().meta(d('null when there is nothing to compute it from yet.')),
  unit: z.string().meta(d('The playbook target\'s unit (percent, score, count, …).')),
  target: z.number().nullable(), comparator: z.enum(['gt', 'gte', 'lt', 'lte', 'eq']).nullable(),
  status: z.enum(['on_target', 'off_target', 'no_data', 'no_target']),
  source: z.string().nullable().meta(d('Where the seeds ask for the figure.')), formula: z.string(),
  recordedAt: nullableTime.optional().meta(d('Recorded metrics only: when the latest value was recorded (null: never).')),
}).meta({ id: 'ProjectMetric' });
export const projectMetricsSchema = z.object({
  projectId: z.uuid(), metrics: z.array(projectMetricSchema),
  recordable: z.array(z.string()).meta(d('Keys that POST /projects/{id}/metrics/{key} accepts.')),
}).meta({ id: 'ProjectMetrics' });
export const metricValueSchema = z.object({
  id: z.uuid(), projectId: z.uuid(), metricKey: z.string(), value: z.number(), recordedAt: isoTime,
  recordedBy: z.uuid().nullable(), note: z.string().nullable(),
}).meta({ id: 'ProjectMetricValue' });

// ---------------------------------------------------------------- status reports

const reportContentSchema = z.object({
  weekOf: isoDay,
  project: z.object({ name: z.string(), accountName: z.string(), status: projectStatus, weeks: z.number().int() }),
  progress: z.object({
    percentDone: z.number(),
    phases: z.array(z.object({
      key: z.string(), name: z.string(), startDate: isoDay, endDate: isoDay, percentDone: z.number(),
      plannedHours: z.number(), actualHours: z.number(), tasksDone: z.number().int(), tasks: z.number().int(),
    })),
  }),
  milestones: z.array(z.object({
    key: z.string(), name: z.string(), plannedDate: isoDay, forecastDate: isoDay, status: milestoneStatus, paymentPercent: z.number(),
    amount: minorUnits('Invoiced on acceptance; of the report\'s `currency`'), slipDays: z.number().int(),
  })),
  risks: z.object({
    open: z.number().int(),
    items: z.array(z.object({ title: z.string(), impact: z.string(), probability: z.string(), status: z.string(), mitigation: z.string().nullable() })),
  }),
  issues: z.object({
    open: z.number().int(), critical: z.number().int(),
    items: z.array(z.object({ title: z.string(), severity: z.string(), status: z.string(), step: z.number().int(), stepLabel: z.string().nullable() })),
  }),
  budget: z.object({
    budgetHours: z.number(), plannedHours: z.number(), actualHours: z.number(),
    percentUsed: z.number().nullable().meta(d('Actual hours of all tasks / budget hours × 100.')),
    variancePercent: z.number().nullable().meta(d('(actual − planned) / planned hours × 100 over done tasks.')),
  }),
  timeline: z.object({ startDate: isoDay, baselineEndDate: isoDay, forecastEndDate: isoDay, slipDays: z.number().int() }),
  kpis: z.array(z.object({
    name: z.string(), unit: z.string(), baseline: z.number(), target: z.number(), lastValue: z.number().nullable(),
    lastVariancePercent: z.number().nullable(), deadline: isoDay,
  })),
}).meta({ id: 'StatusReportContent', description: 'The generated sections, as of the last generation of the report.' });

export const statusReportSchema = z.object({
  ...stamps, projectId: z.uuid(), accountId: z.uuid(), weekOf: isoDay.meta(d('Monday of the reported week.')),
  status: z.enum(['draft', 'sent']), content: reportContentSchema,
  overall: z.enum(['green', 'amber', 'red']), summary: z.string(), nextSteps: z.string(),
  currency: currencyCode, createdBy: z.uuid().nullable(), sentAt: nullableTime, sentBy: z.uuid().nullable(),
}).meta({ id: 'StatusReport' });
