// SQL for projects and their plan rows. Reads take the actor's row scope; writes are reached through a scoped read.
import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { Executor } from '../../db/client';
import { projects } from '../../db/schema';

export type ProjectRow = typeof projects.$inferSelect;

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

export async function updateProject(db: Executor, id: string, patch: Partial<typeof projects.$inferInsert>, version?: number) {
  const [row] = await db.update(projects)
    .set({ ...patch, version: sql`${projects.version} + 1`, updatedAt: new Date() })
    .where(and(eq(projects.id, id), isNull(projects.deletedAt), version === undefined ? undefined : eq(projects.version, version)))
    .returning();
  return row ?? null;
}
