// Turns a core plan into insertable rows with ids made here, so a whole project (phases, ~80 tasks, their
// dependencies, milestones, risks, RACI, meetings) is written in a handful of set-based inserts: by the contract
// handler for one project and by the demo loader for many at once.
import { randomUUID } from 'node:crypto';
import type { MeetingSeries, Plan } from '../../../core/delivery';
import { sql } from 'drizzle-orm';
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

interface Col { name: string; type: string; default?: string }
const c = (name: string, type: string, def?: string): Col => ({ name, type, default: def });
const snake = (k: string) => k.replace(/[A-Z]/g, (m) => `_${m.toLowerCase()}`);

/**
 * One INSERT … SELECT FROM jsonb_to_recordset per batch: a single JSON parameter instead of one parameter per
 * value keeps thousands of rows to a few milliseconds of planning. Columns missing from a row take `default`.
 */
async function insertJson(db: Executor, table: string, cols: Col[], rows: object[], batch = 5000) {
  const names = cols.map((x) => x.name).join(', ');
  const select = cols.map((x) => (x.default ? `coalesce(x.${x.name}, ${x.default})` : `x.${x.name}`)).join(', ');
  const defs = cols.map((x) => `${x.name} ${x.type}`).join(', ');
  for (let i = 0; i < rows.length; i += batch) {
    const json = JSON.stringify(rows.slice(i, i + batch).map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v]))));
    await db.execute(sql`INSERT INTO ${sql.raw(table)} (${sql.raw(names)}) SELECT ${sql.raw(select)} FROM jsonb_to_recordset(${json}::jsonb) AS x(${sql.raw(defs)})`);
  }
}

const uuid = (name: string) => c(name, 'uuid', name === 'id' ? 'gen_random_uuid()' : undefined);
const COLUMNS: Record<keyof PlanRows, [string, Col[]]> = {
  phases: ['project_phases', [uuid('id'), uuid('project_id'), c('key', 'text'), c('name', 'text'), c('position', 'int'), c('owner_role_id', 'text'),
    uuid('owner_id'), c('start_date', 'date'), c('end_date', 'date'), c('deliverables', 'jsonb', "'[]'::jsonb")]],
  tasks: ['project_tasks', [uuid('id'), uuid('project_id'), uuid('phase_id'), c('title', 'text'), c('description', 'text'), c('kind', 'text', "'plan'"),
    c('status', 'text', "'todo'"), uuid('owner_id'), c('position', 'int', '0'), c('start_date', 'date'), c('end_date', 'date'),
    c('baseline_start_date', 'date'), c('baseline_end_date', 'date'), c('estimate_hours', 'real', '0'), c('actual_hours', 'real', '0'),
    c('completed_at', 'timestamptz'), c('source_type', 'text'), uuid('source_id')]],
  deps: ['project_task_deps', [uuid('task_id'), uuid('depends_on_id'), c('lag_days', 'int', '0')]],
  milestones: ['project_milestones', [uuid('id'), uuid('project_id'), uuid('account_id'), c('key', 'text'), c('name', 'text'), c('position', 'int'),
    c('phase_key', 'text'), c('week', 'int'), c('planned_date', 'date'), c('forecast_date', 'date'), c('deliverables', 'jsonb', "'[]'::jsonb"),
    c('payment_percent', 'real', '0'), c('amount', 'bigint', '0'), c('requires_acceptance', 'boolean', 'true'), c('status', 'text', "'pending'"),
    c('submitted_at', 'timestamptz'), uuid('submitted_by'), c('decided_at', 'timestamptz'), uuid('decided_by'), uuid('decided_by_contact_id'),
    c('decision_comment', 'text')]],
  risks: ['project_risks', [uuid('id'), uuid('project_id'), c('template_key', 'text'), c('title', 'text'), c('impact', 'text'), c('probability', 'text'),
    c('mitigation', 'text'), uuid('owner_id'), c('status', 'text', "'open'")]],
  raci: ['project_raci', [uuid('id'), uuid('project_id'), c('activity', 'text'), c('position', 'int', '0'), c('responsible', 'text[]', "'{}'"),
    c('accountable', 'text[]', "'{}'"), c('consulted', 'text[]', "'{}'"), c('informed', 'text[]', "'{}'")]],
  meetings: ['project_meetings', [uuid('id'), uuid('project_id'), c('key', 'text'), c('title', 'text'), c('frequency', 'text'),
    c('first_starts_at', 'timestamptz'), c('until_date', 'date'), c('duration_minutes', 'int', '30'), c('timezone', 'text', "'UTC'")]],
};

/** Inserts every row of the plan(s): phases before tasks before dependencies. */
export async function insertPlanRows(db: Executor, rows: PlanRows) {
  for (const key of ['phases', 'tasks', 'deps', 'milestones', 'risks', 'raci', 'meetings'] as const) {
    if (rows[key].length) await insertJson(db, COLUMNS[key][0], COLUMNS[key][1], rows[key]);
  }
}
