// Task use cases: the task list and board, creation, updates with versions, finish-to-start dependencies (cycles
// refused), re-scheduling when dates change or a task finishes late, the Gantt data and the resource load.
// `createTaskTx` is the shared entry other streams call inside their own transaction (value realization raises
// course-correction tasks with it).
import { and, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { OWNER_ROLES } from '../../../core/access/owners';
import { rowScopeFor } from '../../../core/access/roles';
import { addDays, cycleWith, maxDate, minDate, resourceLoad as computeLoad, todayUtc } from '../../../core/delivery';
import type { DependencyInput, LoadQuery, MyTasksQuery, TaskCreate, TaskListQuery, TaskUpdate } from '../../../core/delivery/schemas';
import { AppError, notFound } from '../../../core/errors';
import type { TASK_KINDS } from '../../db/schema/delivery';
import { transaction, type Tx } from '../../db/client';
import { projects, projectTasks, users } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { assertRefsInScope, changed } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { projectForChange, projectForRead } from './projects.service';
import { findPhase, findProject, findProjectRow, milestonesOf, phasesOf, projectScope, type ProjectRow } from './projects.repo';
import { reschedule, type ScheduleResult } from './schedule.service';
import * as repo from './tasks.repo';

export interface CreateTaskInput {
  projectId: string;
  title: string;
  description?: string | null;
  kind: (typeof TASK_KINDS)[number];
  ownerId?: string | null;
  phaseId?: string | null;
  startDate?: string | null;
  endDate?: string | null;
  estimateHours?: number | null;
  sourceType?: string | null;
  sourceId?: string | null;
}

/** Working hours a task of unknown length is assumed to take per calendar day when only an estimate is given. */
const HOURS_PER_DAY = 8;
const STATUSES = ['todo', 'in_progress', 'blocked', 'done'] as const;

const invalidDates = () => new AppError('validation_failed', 'The task ends before it starts.', { errors: [{ path: 'endDate', message: 'must be on or after startDate' }] });

/**
 * Creates one task in the caller's transaction, audited, and returns the row. Dates default to: start = the later of
 * today and the project start; end = start + ⌈estimate / 8 h⌉ − 1 days (at least the start day).
 */
export async function createTaskTx(ctx: Ctx, tx: Tx, input: CreateTaskInput): Promise<repo.TaskRow> {
  const project = await findProjectRow(tx, input.projectId);
  if (!project) throw notFound('Project');
  const estimate = Math.max(0, input.estimateHours ?? 0);
  const startDate = input.startDate ?? maxDate(todayUtc(), project.startDate);
  const days = Math.max(1, Math.ceil(estimate / HOURS_PER_DAY));
  const endDate = input.endDate ?? addDays(startDate, days - 1);
  if (endDate < startDate) throw invalidDates();
  const row = await repo.insertTask(tx, {
    projectId: project.id, phaseId: input.phaseId ?? null, title: input.title, description: input.description ?? null,
    kind: input.kind, ownerId: input.ownerId ?? null, position: (await repo.maxPosition(tx, project.id)) + 1,
    startDate, endDate, estimateHours: estimate, sourceType: input.sourceType ?? null, sourceId: input.sourceId ?? null,
    // A task added after kickoff is measured against the dates it was created with.
    baselineStartDate: startDate, baselineEndDate: endDate,
  });
  await audit(ctx, tx, { action: 'task.create', entityType: 'project_task', entityId: row.id, accountId: project.accountId, after: row });
  await emit(ctx, tx, { type: 'task.created', entityType: 'project_task', entityId: row.id, accountId: project.accountId,
    payload: { projectId: project.id, taskId: row.id, kind: row.kind, sourceType: row.sourceType, sourceId: row.sourceId } });
  return row;
}

// ---------------------------------------------------------------- reads

type Listed = Awaited<ReturnType<typeof repo.listTasks>>[number];
const flat = (r: Listed) => ({ ...r.task, ownerName: r.ownerName, phaseKey: r.phaseKey, projectName: r.projectName, accountId: r.accountId });

function filters(q: Pick<TaskListQuery, 'status' | 'ownerId' | 'kind' | 'from' | 'to'>): SQL[] {
  const w: SQL[] = [];
  if (q.status) w.push(eq(projectTasks.status, q.status));
  if (q.ownerId) w.push(eq(projectTasks.ownerId, q.ownerId));
  if (q.kind) w.push(eq(projectTasks.kind, q.kind));
  if (q.from) w.push(gte(projectTasks.endDate, q.from));
  if (q.to) w.push(lte(projectTasks.startDate, q.to));
  return w;
}

const board = (items: ReturnType<typeof flat>[]) => ({
  columns: STATUSES.map((status) => ({ status, count: items.filter((t) => t.status === status).length, tasks: items.filter((t) => t.status === status) })),
});

/** Tasks of a project, filtered; `group=status` returns the board (one column per status). */
export async function listProjectTasks(ctx: Ctx, projectId: string, q: TaskListQuery) {
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, projectId);
  const w = [eq(projectTasks.projectId, p.id), ...filters(q)];
  if (q.phaseId) w.push(eq(projectTasks.phaseId, q.phaseId));
  const items = (await repo.listTasks(db, w, q.limit)).map(flat);
  return q.group === 'status' ? board(items) : { items };
}

/** Tasks across projects by owner (default: the caller), open ones unless `includeDone`. */
export async function listTasks(ctx: Ctx, q: MyTasksQuery) {
  const db = ctx.deps.database.db;
  const scope = projectScope(rowScopeFor(ctx.actor));
  const w = filters({ ...q, ownerId: q.ownerId ?? ctx.actor.id });
  if (scope) w.push(scope);
  if (q.projectId) w.push(eq(projectTasks.projectId, q.projectId));
  if (!q.includeDone && !q.status) w.push(inArray(projectTasks.status, ['todo', 'in_progress', 'blocked']));
  w.push(inArray(projects.status, ['planned', 'active', 'hypercare', 'on_hold']));
  const items = (await repo.listTasks(db, w, q.limit)).map(flat);
  return q.group === 'status' ? board(items) : { items };
}

async function taskWithProject(ctx: Ctx, db: Tx | Ctx['deps']['database']['db'], id: string) {
  const task = await repo.findTask(db, id);
  if (!task) throw notFound('Task');
  const project = await findProject(db, rowScopeFor(ctx.actor), task.projectId);
  if (!project) throw notFound('Task');
  return { task, project };
}

export async function getTask(ctx: Ctx, id: string) {
  const db = ctx.deps.database.db;
  const { task } = await taskWithProject(ctx, db, id);
  const deps = await repo.depsOfTasks(db, [task.id]);
  return {
    ...task,
    predecessors: deps.filter((d) => d.taskId === task.id).map((d) => ({ taskId: d.dependsOnId, lagDays: d.lagDays })),
    successors: deps.filter((d) => d.dependsOnId === task.id).map((d) => ({ taskId: d.taskId, lagDays: d.lagDays })),
  };
}

/** Gantt data: phases, tasks (current and baseline dates), finish-to-start dependencies, milestones. */
export async function gantt(ctx: Ctx, projectId: string) {
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, projectId);
  const [phases, tasks, deps, milestones] = [await phasesOf(db, p.id), await repo.projectTaskList(db, p.id), await repo.projectDeps(db, p.id), await milestonesOf(db, p.id)];
  return {
    project: { id: p.id, name: p.name, status: p.status, startDate: p.startDate, baselineEndDate: p.baselineEndDate, forecastEndDate: p.forecastEndDate },
    phases: phases.map((x) => ({ id: x.id, key: x.key, name: x.name, position: x.position, ownerRoleId: x.ownerRoleId, startDate: x.startDate, endDate: x.endDate })),
    tasks: tasks.map((t) => ({
      id: t.id, phaseId: t.phaseId, title: t.title, activity: t.description, kind: t.kind, status: t.status, ownerId: t.ownerId,
      startDate: t.startDate, endDate: t.endDate, baselineStartDate: t.baselineStartDate, baselineEndDate: t.baselineEndDate,
      estimateHours: t.estimateHours, actualHours: t.actualHours, position: t.position,
    })),
    dependencies: deps,
    milestones: milestones.map((m) => ({ id: m.id, key: m.key, name: m.name, phaseKey: m.phaseKey, week: m.week, plannedDate: m.plannedDate, forecastDate: m.forecastDate, status: m.status, paymentPercent: m.paymentPercent })),
  };
}

// ---------------------------------------------------------------- writes

async function sameProjectTasks(tx: Tx, projectId: string, ids: string[]) {
  for (const id of ids) {
    const t = await repo.findTask(tx, id);
    if (!t || t.projectId !== projectId) throw new AppError('validation_failed', 'A dependency must be a task of the same project.', { errors: [{ path: 'dependsOn', message: `task ${id} is not in this project` }] });
  }
}

async function refuseCycle(tx: Tx, projectId: string, dep: { taskId: string; dependsOnId: string; lagDays: number }) {
  const cycle = cycleWith(await repo.projectDeps(tx, projectId), dep);
  if (cycle) {
    throw new AppError('validation_failed', 'This dependency would create a cycle: a task would have to finish before itself.', {
      cycle, errors: [{ path: 'dependsOnId', message: 'creates a dependency cycle' }],
    });
  }
}

export async function createTask(ctx: Ctx, projectId: string, input: TaskCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    const project = await projectForChange(ctx, tx, projectId);
    if (input.phaseId && !(await findPhase(tx, project.id, input.phaseId))) throw notFound('Phase');
    await assertRefsInScope(ctx, tx, { users: [{ ids: { ownerId: input.ownerId }, roles: OWNER_ROLES.team }] });
    const { dependsOn, ...fields } = input;
    const task = await createTaskTx(ctx, tx, { ...fields, projectId: project.id });
    await sameProjectTasks(tx, project.id, dependsOn.map((d) => d.taskId));
    for (const d of dependsOn) await repo.insertDep(tx, { taskId: task.id, dependsOnId: d.taskId, lagDays: d.lagDays });
    const schedule = dependsOn.length || task.endDate > project.forecastEndDate ? await reschedule(tx, project) : null;
    return { ...((await repo.findTask(tx, task.id)) ?? task), schedule };
  });
}

const stale = (current: number, sent: number) =>
  new AppError('version_conflict', `The task changed since you loaded it (version ${current}, you sent ${sent}). Reload and try again.`, { currentVersion: current });

/**
 * Updates a task. Finishing it (status done) records the completion day (`completedOn`, default today) as its end;
 * a late finish or any date change shifts its successors, the milestone forecasts and the project's forecast end.
 */
export async function updateTask(ctx: Ctx, id: string, input: TaskUpdate) {
  return transaction(ctx.deps.database, async (tx) => {
    // Lock order everywhere: the project, then its tasks.
    const { project: scoped } = await taskWithProject(ctx, tx, id);
    const project = await projectForChange(ctx, tx, scoped.id);
    const before = (await repo.findTask(tx, id, { lock: true }))!;
    const { version, completedOn, ...patch } = input;
    if (before.version !== version) throw stale(before.version, version);
    if (patch.phaseId && !(await findPhase(tx, project.id, patch.phaseId))) throw notFound('Phase');
    await assertRefsInScope(ctx, tx, { users: [{ ids: { ownerId: changed(patch.ownerId, before.ownerId) }, roles: OWNER_ROLES.team }] });
    const next: Partial<repo.TaskRow> = { ...patch };
    const becomesDone = patch.status === 'done' && before.status !== 'done';
    if (becomesDone) {
      const actualEnd = completedOn ?? todayUtc();
      next.completedAt = new Date();
      if (!patch.endDate) next.endDate = actualEnd;
      if (!patch.startDate) next.startDate = minDate(before.startDate, next.endDate!);
    } else if (patch.status && patch.status !== 'done' && before.status === 'done') {
      next.completedAt = null;
    }
    const start = next.startDate ?? before.startDate, end = next.endDate ?? before.endDate;
    if (end < start) throw invalidDates();
    const after = await repo.updateTask(tx, id, version, next);
    if (!after) throw stale(before.version, version);
    const datesChanged = after.startDate !== before.startDate || after.endDate !== before.endDate;
    const schedule: ScheduleResult | null = datesChanged || becomesDone ? await reschedule(tx, project) : null;
    await audit(ctx, tx, { action: 'task.update', entityType: 'project_task', entityId: id, accountId: project.accountId, before, after });
    await emit(ctx, tx, {
      type: 'task.updated', entityType: 'project_task', entityId: id, accountId: project.accountId,
      payload: { projectId: project.id, taskId: id, status: after.status, moved: schedule?.moved.length ?? 0 },
    });
    return { ...((schedule?.moved.length ? await repo.findTask(tx, id) : after) ?? after), schedule };
  });
}

export async function addDependency(ctx: Ctx, taskId: string, input: DependencyInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const { task, project: scoped } = await taskWithProject(ctx, tx, taskId);
    const project = await projectForChange(ctx, tx, scoped.id);
    await sameProjectTasks(tx, project.id, [input.dependsOnId]);
    const dep = { taskId: task.id, dependsOnId: input.dependsOnId, lagDays: input.lagDays };
    await refuseCycle(tx, project.id, dep);
    await repo.deleteDep(tx, dep.taskId, dep.dependsOnId); // re-adding changes the lag
    await repo.insertDep(tx, dep);
    const schedule = await reschedule(tx, project);
    await audit(ctx, tx, { action: 'task.dependency.add', entityType: 'project_task', entityId: task.id, accountId: project.accountId, after: dep });
    return { dependency: dep, schedule };
  });
}

export async function removeDependency(ctx: Ctx, taskId: string, dependsOnId: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const { task, project: scoped } = await taskWithProject(ctx, tx, taskId);
    const project: ProjectRow = await projectForChange(ctx, tx, scoped.id);
    const removed = await repo.deleteDep(tx, task.id, dependsOnId);
    if (!removed) throw notFound('Dependency');
    await audit(ctx, tx, { action: 'task.dependency.remove', entityType: 'project_task', entityId: task.id, accountId: project.accountId, before: removed });
  });
}

/** Hours planned per owner per week over open projects (Delivery Command), with owner names. */
export async function resourceLoad(ctx: Ctx, q: LoadQuery) {
  const db = ctx.deps.database.db;
  const from = q.from ?? todayUtc();
  const to = addDays(from, 7 * q.weeks + 7);
  const scope = projectScope(rowScopeFor(ctx.actor));
  const w: SQL[] = [inArray(projects.status, ['planned', 'active', 'hypercare']), gte(projectTasks.endDate, addDays(from, -7)), lte(projectTasks.startDate, to)];
  if (scope) w.push(scope);
  if (q.ownerId) w.push(eq(projectTasks.ownerId, q.ownerId));
  if (q.projectId) w.push(eq(projectTasks.projectId, q.projectId));
  const rows = await db.select({
    ownerId: projectTasks.ownerId, startDate: projectTasks.startDate, endDate: projectTasks.endDate,
    estimateHours: projectTasks.estimateHours, status: projectTasks.status,
  }).from(projectTasks).innerJoin(projects, eq(projects.id, projectTasks.projectId)).where(and(...w));
  const load = computeLoad(rows, from, q.weeks);
  const ids = load.rows.map((r) => r.ownerId).filter((x): x is string => !!x);
  const names = ids.length ? await db.select({ id: users.id, name: users.name, role: users.role }).from(users).where(inArray(users.id, ids)) : [];
  const byId = new Map(names.map((n) => [n.id, n]));
  return { ...load, rows: load.rows.map((r) => ({ ...r, ownerName: r.ownerId ? byId.get(r.ownerId)?.name ?? null : null, ownerRole: r.ownerId ? byId.get(r.ownerId)?.role ?? null : null })) };
}
