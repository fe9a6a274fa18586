// SQL for projects and their plan rows. Reads take the actor's row scope; writes are reached through a scoped read.
import { and, asc, desc, eq, ilike, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { ProjectListQuery } from '../../../core/delivery/schemas';
import { decodeCursor, toPage } from '../../../core/pagination';
import type { Executor } from '../../db/client';
import { pageLimit } from '../../db/statements';
import { accounts, projectMilestones, projectPhases, projectRisks, projects } from '../../db/schema';

export type ProjectRow = typeof projects.$inferSelect;
export type PhaseRow = typeof projectPhases.$inferSelect;
export type MilestoneRow = typeof projectMilestones.$inferSelect;

/** Row scope of projects: partner users their partner's, customer users their own account's. */
export function projectScope(scope: RowScope): SQL | undefined {
  if (scope.kind === 'partner') return eq(projects.partnerId, scope.partnerId);
  if (scope.kind === 'account') return eq(projects.accountId, scope.accountId);
  return undefined;
}

/** The project regardless of scope (internal callers: event handlers, shared functions). */
export async function findProjectRow(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(projects).where(and(eq(projects.id, id), isNull(projects.deletedAt)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findProject(db: Executor, scope: RowScope, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(projects).where(and(eq(projects.id, id), isNull(projects.deletedAt), projectScope(scope)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function findProjectByContract(db: Executor, contractId: string) {
  const [row] = await db.select().from(projects).where(and(eq(projects.contractId, contractId), isNull(projects.deletedAt)));
  return row ?? null;
}

export async function insertProject(db: Executor, values: typeof projects.$inferInsert) {
  const rows = await db.insert(projects).values(values).onConflictDoNothing().returning();
  return rows[0] ?? null;
}

export async function updateProject(db: Executor, id: string, patch: Partial<typeof projects.$inferInsert>, version?: number) {
  const [row] = await db.update(projects)
    .set({ ...patch, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projects.id, id), isNull(projects.deletedAt), version === undefined ? undefined : eq(projects.version, version)))
    .returning();
  return row ?? null;
}

const OPEN = ['planned', 'active', 'hypercare', 'on_hold'] as const;

export async function listProjects(db: Executor, scope: RowScope, q: ProjectListQuery) {
  const where: (SQL | undefined)[] = [isNull(projects.deletedAt), projectScope(scope)];
  if (q.status === 'open') where.push(inArray(projects.status, [...OPEN]));
  else if (q.status) where.push(eq(projects.status, q.status));
  if (q.accountId) where.push(eq(projects.accountId, q.accountId));
  if (q.managerId) where.push(eq(projects.managerId, q.managerId));
  if (q.q) where.push(ilike(projects.name, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`));
  if (q.cursor) {
    const [start, id] = decodeCursor(q.cursor, { value: 'date', id: 'uuid' });
    where.push(or(lt(projects.startDate, start), and(eq(projects.startDate, start), lt(projects.id, id))));
  }
  const rows = await db.select({
    project: projects, accountName: accounts.name,
    milestonesAccepted: sql<number>`(SELECT count(*)::int FROM project_milestones m WHERE m.project_id = ${projects.id} AND m.status = 'accepted')`,
    milestonesAwaiting: sql<number>`(SELECT count(*)::int FROM project_milestones m WHERE m.project_id = ${projects.id} AND m.status = 'submitted')`,
    milestones: sql<number>`(SELECT count(*)::int FROM project_milestones m WHERE m.project_id = ${projects.id})`,
    // Hours progress as on the project page (core/delivery/metrics progressByHours) and the first milestone not yet
    // accepted, so a portfolio view needs no request per project.
    percentDone: sql<number>`(SELECT CASE WHEN sum(t.estimate_hours) > 0
      THEN round((1000 * coalesce(sum(t.estimate_hours) FILTER (WHERE t.status = 'done'), 0) / sum(t.estimate_hours))::numeric) / 10 ELSE 0 END
      FROM project_tasks t WHERE t.project_id = ${projects.id} AND t.deleted_at IS NULL)::float8`,
    nextMilestone: sql<{ id: string; name: string; forecastDate: string; status: string } | null>`(SELECT json_build_object('id', m.id, 'name', m.name,
      'forecastDate', m.forecast_date, 'status', m.status) FROM project_milestones m WHERE m.project_id = ${projects.id} AND m.status <> 'accepted'
      ORDER BY m.position LIMIT 1)`,
  }).from(projects).innerJoin(accounts, eq(accounts.id, projects.accountId))
    .where(and(...where)).orderBy(desc(projects.startDate), desc(projects.id)).limit(pageLimit(q.limit + 1));
  const page = toPage(rows, q.limit, (r) => [r.project.startDate, r.project.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      ...r.project, accountName: r.accountName,
      milestoneCounts: { total: Number(r.milestones), accepted: Number(r.milestonesAccepted), awaitingAcceptance: Number(r.milestonesAwaiting) },
      percentDone: Number(r.percentDone), nextMilestone: r.nextMilestone,
      slipDays: Math.round((Date.parse(r.project.forecastEndDate) - Date.parse(r.project.baselineEndDate)) / 86_400_000),
    })),
  };
}

/**
 * Across the open projects the actor may see: milestones awaiting the customer or due by `dueBy` (not accepted),
 * and open risks. One statement each, for the Delivery Command; with `managerId`, one manager's projects (projects_manager_idx).
 */
export async function portfolioOverview(db: Executor, scope: RowScope, dueBy: string, limit: number, managerId?: string) {
  const open = and(isNull(projects.deletedAt), inArray(projects.status, [...OPEN]), projectScope(scope),
    managerId ? eq(projects.managerId, managerId) : undefined);
  const [milestones, risks] = await Promise.all([
    db.select({
      id: projectMilestones.id, projectId: projectMilestones.projectId, projectName: projects.name, currency: projects.currency,
      key: projectMilestones.key, name: projectMilestones.name, status: projectMilestones.status, forecastDate: projectMilestones.forecastDate,
      plannedDate: projectMilestones.plannedDate, amount: projectMilestones.amount, paymentPercent: projectMilestones.paymentPercent,
    }).from(projectMilestones).innerJoin(projects, eq(projects.id, projectMilestones.projectId))
      .where(and(open, or(eq(projectMilestones.status, 'submitted'),
        and(inArray(projectMilestones.status, ['pending', 'rejected']), sql`${projectMilestones.forecastDate} <= ${dueBy}`))))
      .orderBy(sql`${projectMilestones.status} = 'submitted' DESC`, asc(projectMilestones.forecastDate)).limit(limit),
    db.select({
      id: projectRisks.id, projectId: projectRisks.projectId, projectName: projects.name, title: projectRisks.title, impact: projectRisks.impact,
      probability: projectRisks.probability, mitigation: projectRisks.mitigation, ownerId: projectRisks.ownerId, status: projectRisks.status,
      templateKey: projectRisks.templateKey, version: projectRisks.version,
    }).from(projectRisks).innerJoin(projects, eq(projects.id, projectRisks.projectId))
      .where(and(open, isNull(projectRisks.deletedAt), sql`${projectRisks.status} <> 'closed'`)).orderBy(asc(projects.name), asc(projectRisks.title)),
  ]);
  return { milestones, risks };
}

export async function accountOf(db: Executor, accountId: string) {
  const [row] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  return row ?? null;
}

// ---------------------------------------------------------------- phases and milestones

export async function phasesOf(db: Executor, projectId: string) {
  return db.select().from(projectPhases).where(and(eq(projectPhases.projectId, projectId), isNull(projectPhases.deletedAt)))
    .orderBy(asc(projectPhases.position));
}

export async function findPhase(db: Executor, projectId: string, id: string) {
  const [row] = await db.select().from(projectPhases)
    .where(and(eq(projectPhases.id, id), eq(projectPhases.projectId, projectId), isNull(projectPhases.deletedAt)));
  return row ?? null;
}

export async function updatePhase(db: Executor, id: string, patch: Partial<typeof projectPhases.$inferInsert>) {
  const [row] = await db.update(projectPhases).set({ ...patch, version: sql`${projectPhases.version} + 1`, updatedAt: new Date() })
    .where(eq(projectPhases.id, id)).returning();
  return row;
}

export async function milestonesOf(db: Executor, projectId: string) {
  return db.select().from(projectMilestones).where(and(eq(projectMilestones.projectId, projectId), isNull(projectMilestones.deletedAt)))
    .orderBy(asc(projectMilestones.position));
}

export async function findMilestone(db: Executor, projectId: string, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(projectMilestones)
    .where(and(eq(projectMilestones.id, id), eq(projectMilestones.projectId, projectId), isNull(projectMilestones.deletedAt)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function updateMilestone(db: Executor, id: string, patch: Partial<typeof projectMilestones.$inferInsert>, version?: number) {
  const [row] = await db.update(projectMilestones)
    .set({ ...patch, version: sql`${projectMilestones.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projectMilestones.id, id), version === undefined ? undefined : eq(projectMilestones.version, version)))
    .returning();
  return row ?? null;
}

/** Sets forecast dates of many milestones at once (after a schedule change). */
export async function setMilestoneForecasts(db: Executor, rows: { id: string; forecastDate: string }[]) {
  if (rows.length === 0) return;
  const values = sql.join(rows.map((m) => sql`(${m.id}::uuid, ${m.forecastDate}::date)`), sql`, `);
  await db.execute(sql`UPDATE project_milestones m SET forecast_date = v.f, updated_at = now() FROM (VALUES ${values}) AS v(id, f) WHERE m.id = v.id`);
}
