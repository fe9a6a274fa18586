// Turns a core plan into insertable rows with ids made here, so a whole project (phases, ~80 tasks, their
// dependencies, milestones, risks, RACI, meetings) is written in a handful of multi-row inserts: by the contract
// handler for one project and by the demo loader for many at once.
import { randomUUID } from 'node:crypto';
import type { MeetingSeries, Plan } from '../../../core/delivery';
import type { Executor } from '../../db/client';
import {
  projectMeetings, projectMilestones, projectPhases, projectRaci, projectRisks, projectTaskDeps, projectTasks,
} from '../../db/schema';

export interface PlanRows {
  phases: (typeof projectPhases.$inferInsert)[];
  tasks: (typeof projectTasks.$inferInsert)[];
  deps: (typeof projectTaskDeps.$inferInsert)[];
  milestones: (typeof projectMilestones.$inferInsert)[];
  risks: (typeof projectRisks.$inferInsert)[];
  raci: (typeof projectRaci.$inferInsert)[];
  meetings: (typeof projectMeetings.$inferInsert)[];
}

export const emptyRows = (): PlanRows => ({ phases: [], tasks: [], deps: [], milestones: [], risks: [], raci: [], meetings: [] });

/** Rows of one project's plan, appended to `into` (baseline dates = the planned dates). */
export function planRows(project: { id: string; accountId: string }, plan: Plan, meetings: MeetingSeries[], into: PlanRows = emptyRows()): PlanRows {
  const phaseId = new Map(plan.phases.map((p) => [p.key, randomUUID()]));
  for (const p of plan.phases) {
    into.phases.push({
      id: phaseId.get(p.key), projectId: project.id, key: p.key, name: p.name, position: p.position, ownerRoleId: p.ownerRoleId,
      startDate: p.startDate, endDate: p.endDate, deliverables: p.deliverables,
    });
  }
  const taskIds = plan.tasks.map(() => randomUUID());
  plan.tasks.forEach((t, i) => into.tasks.push({
    id: taskIds[i], projectId: project.id, phaseId: phaseId.get(t.phaseKey), title: t.title, description: t.activity, kind: 'plan',
    position: t.position, startDate: t.startDate, endDate: t.endDate, baselineStartDate: t.startDate, baselineEndDate: t.endDate,
    estimateHours: t.estimateHours,
  }));
  for (const d of plan.deps) into.deps.push({ taskId: taskIds[d.task], dependsOnId: taskIds[d.dependsOn], lagDays: d.lagDays });
  for (const m of plan.milestones) {
    into.milestones.push({
      projectId: project.id, accountId: project.accountId, key: m.key, name: m.name, position: m.position, phaseKey: m.phaseKey, week: m.week,
      plannedDate: m.plannedDate, forecastDate: m.plannedDate, deliverables: m.deliverables, paymentPercent: m.paymentPercent,
      amount: m.amount, requiresAcceptance: m.requiresAcceptance,
    });
  }
  for (const r of plan.risks) into.risks.push({ projectId: project.id, ...r });
  for (const r of plan.raci) into.raci.push({ projectId: project.id, ...r });
  for (const m of meetings) into.meetings.push({ projectId: project.id, ...m });
  return into;
}

async function chunked<T>(rows: T[], size: number, write: (part: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += size) await write(rows.slice(i, i + size));
}

/** Multi-row inserts in batches small enough for the parameter limit. Phases before tasks before dependencies. */
export async function insertPlanRows(db: Executor, rows: PlanRows) {
  await chunked(rows.phases, 1000, (p) => db.insert(projectPhases).values(p));
  await chunked(rows.tasks, 1500, (p) => db.insert(projectTasks).values(p));
  await chunked(rows.deps, 5000, (p) => db.insert(projectTaskDeps).values(p));
  await chunked(rows.milestones, 1000, (p) => db.insert(projectMilestones).values(p));
  await chunked(rows.risks, 2000, (p) => db.insert(projectRisks).values(p));
  await chunked(rows.raci, 2000, (p) => db.insert(projectRaci).values(p));
  await chunked(rows.meetings, 2000, (p) => db.insert(projectMeetings).values(p));
}
