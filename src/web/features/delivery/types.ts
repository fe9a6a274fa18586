// Shapes of the delivery API's JSON as the web app uses them (dates 'YYYY-MM-DD', instants ISO strings, money in
// minor units). They follow src/server/db/schema/delivery.ts and the delivery services.
import type { CheckItem, CheckMark, ProjectMetric } from '../../../core/delivery';

export type ProjectStatus = 'planned' | 'active' | 'hypercare' | 'closed' | 'on_hold' | 'cancelled';
export type TaskStatus = 'todo' | 'in_progress' | 'blocked' | 'done';
export type TaskKind = 'plan' | 'course_correction' | 'issue' | 'change' | 'adhoc';
export type MilestoneStatus = 'pending' | 'submitted' | 'accepted' | 'rejected';
export type Level = 'low' | 'medium' | 'high';

export interface ProjectRow {
  id: string; accountId: string; accountName: string | null; contractId: string | null; opportunityId: string | null; partnerId: string | null;
  name: string; status: ProjectStatus; managerId: string | null; weeks: number; startDate: string; baselineEndDate: string; forecastEndDate: string;
  budgetHours: number; servicesFee: number; currency: string; rollbackReady: boolean; kickoffAt: string | null; goLiveAt: string | null;
  hypercareEndsAt: string | null; closedAt: string | null; cancelledAt: string | null; cancelReason: string | null; lessonsLearned: string | null;
  csatScore: number | null; qualityScore: number | null; criticalIssuesAtGoLive: number | null; version: number; createdAt: string; updatedAt: string;
}
export interface ProjectListItem extends ProjectRow {
  milestoneCounts?: { total: number; accepted: number; awaitingAcceptance: number };
  /** Optional extras a portfolio endpoint may add. */
  percentDone?: number; nextMilestone?: { id: string; name: string; forecastDate: string; status: MilestoneStatus } | null; slipDays?: number;
}

export interface ChecklistItem extends CheckItem { done: boolean; mark?: CheckMark }
export interface Checklist { items: ChecklistItem[]; missing: CheckItem[] }

export interface Deliverable { id: string; label: string; done: boolean; at: string | null; by: string | null }
export interface Phase { id: string; key: string; name: string; position: number; ownerRoleId: string | null; ownerId?: string | null; startDate: string; endDate: string; deliverables?: Deliverable[] }
export interface Decision { milestoneId: string; decision: 'submitted' | 'accepted' | 'rejected'; comment: string | null; at: string; actorName: string | null; contactName: string | null }
export interface Milestone {
  id: string; projectId: string; accountId: string; key: string; name: string; position: number; phaseKey: string | null; week: number;
  plannedDate: string; forecastDate: string; deliverables: unknown[]; paymentPercent: number; amount: number; requiresAcceptance: boolean;
  status: MilestoneStatus; submittedAt: string | null; decidedAt: string | null; decisionComment: string | null; version: number;
  decisions?: Decision[];
}

export interface Project extends ProjectRow {
  closureReady: boolean; slipDays: number;
  checklists: { entry: Checklist; goLive: Checklist & { rollbackReady: boolean; gaps: CheckItem[]; /** Milestones go-live waits for (their acceptance). */ blockedBy: CheckItem[] }; exit: Checklist; handoff: Checklist };
  phases: Phase[]; milestones: Milestone[];
  progress: { tasks: number; tasksDone: number; estimateHours: number; actualHours: number; percentDone: number };
}

export interface Task {
  id: string; projectId: string; phaseId: string | null; title: string; description: string | null; kind: TaskKind; status: TaskStatus;
  ownerId: string | null; ownerName?: string | null; position: number; startDate: string; endDate: string; baselineStartDate: string | null;
  baselineEndDate: string | null; estimateHours: number; actualHours: number; completedAt: string | null; sourceType: string | null;
  sourceId: string | null; version: number; phaseKey?: string | null; projectName?: string; accountId?: string;
}
export interface TaskBoard { columns: { status: TaskStatus; count: number; tasks: Task[] }[] }

export interface Gantt {
  project: { id: string; name: string; status: ProjectStatus; startDate: string; baselineEndDate: string; forecastEndDate: string };
  phases: Phase[];
  tasks: (Omit<Task, 'version' | 'description' | 'completedAt' | 'sourceType' | 'sourceId' | 'projectId'> & { activity: string | null })[];
  dependencies: { taskId: string; dependsOnId: string; lagDays: number }[];
  milestones: Pick<Milestone, 'id' | 'key' | 'name' | 'phaseKey' | 'week' | 'plannedDate' | 'forecastDate' | 'status' | 'paymentPercent'>[];
}

export interface LoadRow { ownerId: string | null; ownerName: string | null; ownerRole: string | null; weeks: { weekOf: string; hours: number }[]; totalHours: number }
export interface ResourceLoad { weekStarts: string[]; rows: LoadRow[]; capacityHours?: number }

export interface Risk { id: string; projectId: string; templateKey: string | null; title: string; impact: Level; probability: Level; mitigation: string | null; ownerId: string | null; status: 'open' | 'mitigating' | 'closed'; version: number; projectName?: string }
export interface Issue {
  id: string; projectId: string; title: string; description: string | null; severity: 'low' | 'medium' | 'high' | 'critical'; ownerId: string | null;
  step: number; status: 'open' | 'resolved'; resolution: string | null; escalationLevel: number; resolvedAt: string | null; version: number; createdAt: string;
  stepLabel: string | null; steps: string[]; escalation: { topic: string | null; level: number; roleId: string | null; chain: string[] };
}
export interface ChangeRequest {
  id: string; projectId: string; title: string; description: string | null; scopeImpact: string | null; budgetImpactHours: number; budgetImpactAmount: number;
  timelineImpactDays: number; status: 'proposed' | 'approved' | 'rejected'; requestedBy: string | null; decidedBy: string | null; decidedAt: string | null; decisionNote: string | null; version: number;
}
export interface RaciRow { id: string; activity: string; position: number; responsible: string[]; accountable: string[]; consulted: string[]; informed: string[]; version: number }
export interface Meeting { id: string; key: string | null; title: string; frequency: string; firstStartsAt: string; untilDate: string | null; durationMinutes: number; timezone: string; version: number }

export interface StatusReport {
  id: string; projectId: string; weekOf: string; status: 'draft' | 'sent'; overall: 'green' | 'amber' | 'red'; summary: string; nextSteps: string;
  content: {
    progress?: { percentDone: number; phases: { key: string; name: string; percentDone: number; tasksDone: number; tasks: number }[] };
    milestones?: { key: string; name: string; plannedDate: string; forecastDate: string; status: string; slipDays: number }[];
    risks?: { open: number }; issues?: { open: number; critical: number };
    budget?: { budgetHours: number; plannedHours: number; actualHours: number; percentUsed: number | null; variancePercent: number | null };
    timeline?: { startDate: string; baselineEndDate: string; forecastEndDate: string; slipDays: number };
    [k: string]: unknown;
  };
  suggestedOverall?: 'green' | 'amber' | 'red'; sentAt: string | null; createdAt: string; version: number;
}

export type Metric = ProjectMetric & { recordable?: boolean };
