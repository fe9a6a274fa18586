// SQL for project tasks and their finish-to-start dependencies. Row scope is checked on the project first.
import { and, asc, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { projectPhases, projects, projectTaskDeps, projectTasks, users } from '../../db/schema';

export type TaskRow = typeof projectTasks.$inferSelect;
export type DepRow = typeof projectTaskDeps.$inferSelect;

export async function findTask(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(projectTasks).where(and(eq(projectTasks.id, id), isNull(projectTasks.deletedAt)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertTask(db: Executor, values: typeof projectTasks.$inferInsert): Promise<TaskRow> {
  const [row] = await db.insert(projectTasks).values(values).returning();
  return row;
}

export async function updateTask(db: Executor, id: string, version: number, patch: Partial<typeof projectTasks.$inferInsert>) {
  const [row] = await db.update(projectTasks)
    .set({ ...patch, version: sql`${projectTasks.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projectTasks.id, id), eq(projectTasks.version, version), isNull(projectTasks.deletedAt)))
    .returning();
  return row ?? null;
}

/** Moves scheduled dates of many tasks at once (a schedule shift), bumping their versions. */
export async function moveTasks(db: Executor, moves: { id: string; startDate: string; endDate: string }[]) {
  if (moves.length === 0) return;
  const values = sql.join(moves.map((m) => sql`(${m.id}::uuid, ${m.startDate}::date, ${m.endDate}::date)`), sql`, `);
  await db.execute(sql`UPDATE project_tasks t SET start_date = v.s, end_date = v.e, version = t.version + 1, updated_at = now()
    FROM (VALUES ${values}) AS v(id, s, e) WHERE t.id = v.id`);
}

export async function projectTaskList(db: Executor, projectId: string) {
  return db.select().from(projectTasks)
    .where(and(eq(projectTasks.projectId, projectId), isNull(projectTasks.deletedAt)))
    .orderBy(asc(projectTasks.startDate), asc(projectTasks.position));
}

export async function maxPosition(db: Executor, projectId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`coalesce(max(${projectTasks.position}), 0)::int` }).from(projectTasks)
    .where(eq(projectTasks.projectId, projectId));
  return Number(row?.n ?? 0);
}

export async function projectDeps(db: Executor, projectId: string): Promise<DepRow[]> {
  return db.select({ taskId: projectTaskDeps.taskId, dependsOnId: projectTaskDeps.dependsOnId, lagDays: projectTaskDeps.lagDays })
    .from(projectTaskDeps).innerJoin(projectTasks, eq(projectTasks.id, projectTaskDeps.taskId))
    .where(eq(projectTasks.projectId, projectId));
}

export async function insertDep(db: Executor, dep: DepRow) {
  const rows = await db.insert(projectTaskDeps).values(dep).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function deleteDep(db: Executor, taskId: string, dependsOnId: string) {
  const rows = await db.delete(projectTaskDeps)
    .where(and(eq(projectTaskDeps.taskId, taskId), eq(projectTaskDeps.dependsOnId, dependsOnId))).returning();
  return rows[0] ?? null;
}

export async function depsOfTasks(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(projectTaskDeps)
    .where(or(inArray(projectTaskDeps.taskId, ids), inArray(projectTaskDeps.dependsOnId, ids)));
}

/** Tasks with owner name and phase key, filtered; row scope through the project. */
export async function listTasks(db: Executor, where: SQL[], limit: number) {
  return db.select({
    task: projectTasks, ownerName: users.name, phaseKey: projectPhases.key, projectName: projects.name, accountId: projects.accountId,
  }).from(projectTasks)
    .innerJoin(projects, eq(projects.id, projectTasks.projectId))
    .leftJoin(users, eq(users.id, projectTasks.ownerId))
    .leftJoin(projectPhases, eq(projectPhases.id, projectTasks.phaseId))
    .where(and(isNull(projectTasks.deletedAt), isNull(projects.deletedAt), ...where))
    .orderBy(asc(projectTasks.startDate), asc(projectTasks.position), asc(projectTasks.id))
    .limit(limit);
}
