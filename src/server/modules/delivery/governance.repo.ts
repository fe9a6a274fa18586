// SQL for the governance rows of a project (risks, issues, change requests, RACI, meetings): all are project children
// with versions and soft deletes, so one small generic repository serves them all.
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client';
import { changeRequests, projectIssues, projectMeetings, projectRaci, projectRisks } from '../../db/schema';

interface ChildColumns { id: PgColumn; projectId: PgColumn; version: PgColumn; deletedAt: PgColumn; updatedAt: PgColumn; createdAt: PgColumn }
type Child = PgTable & ChildColumns;

function childRepo<T extends Child, Row = T['$inferSelect'], New = T['$inferInsert']>(table: T, order: PgColumn[]) {
  const t = table as Child;
  return {
    async list(db: Executor, projectId: string): Promise<Row[]> {
      return (await db.select().from(t).where(and(eq(t.projectId, projectId), isNull(t.deletedAt))).orderBy(...order.map((c) => asc(c)), asc(t.createdAt))) as Row[];
    },
    async find(db: Executor, projectId: string, id: string, opts: { lock?: boolean } = {}): Promise<Row | null> {
      const q = db.select().from(t).where(and(eq(t.id, id), eq(t.projectId, projectId), isNull(t.deletedAt)));
      const [row] = opts.lock ? await q.for('update') : await q;
      return (row as Row) ?? null;
    },
    async insert(db: Executor, values: New): Promise<Row> {
      const [row] = await db.insert(t).values(values as never).returning();
      return row as Row;
    },
    async update(db: Executor, id: string, version: number | null, patch: Partial<New>): Promise<Row | null> {
      const [row] = await db.update(t).set({ ...patch, version: sql`${t.version} + 1`, updatedAt: new Date() } as never)
        .where(and(eq(t.id, id), isNull(t.deletedAt), version === null ? undefined : eq(t.version, version))).returning();
      return (row as Row) ?? null;
    },
    async remove(db: Executor, id: string): Promise<Row | null> {
      const [row] = await db.update(t).set({ deletedAt: new Date(), version: sql`${t.version} + 1` } as never)
        .where(and(eq(t.id, id), isNull(t.deletedAt))).returning();
      return (row as Row) ?? null;
    },
  };
}

export const risks = childRepo(projectRisks, [projectRisks.status]);
export const issues = childRepo(projectIssues, [projectIssues.status]);
export const changes = childRepo(changeRequests, [changeRequests.status]);
export const raci = childRepo(projectRaci, [projectRaci.position]);
export const meetings = childRepo(projectMeetings, [projectMeetings.firstStartsAt]);

export type RiskRow = typeof projectRisks.$inferSelect;
export type IssueRow = typeof projectIssues.$inferSelect;
export type ChangeRow = typeof changeRequests.$inferSelect;
export type RaciRow = typeof projectRaci.$inferSelect;
export type MeetingRow = typeof projectMeetings.$inferSelect;
