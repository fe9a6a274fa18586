// SQL for POCs and contracts. Both are reached through their opportunity, which carries the row scope.
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { contracts, pocs, valueCommitments } from '../../db/schema';

export type PocRow = typeof pocs.$inferSelect;
export type ContractRow = typeof contracts.$inferSelect;

export async function findPoc(db: Executor, opportunityId: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(pocs).where(and(eq(pocs.opportunityId, opportunityId), isNull(pocs.deletedAt)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertPoc(db: Executor, values: typeof pocs.$inferInsert): Promise<PocRow> {
  const [row] = await db.insert(pocs).values(values).returning();
  return row;
}

export async function updatePoc(db: Executor, id: string, version: number, patch: Partial<typeof pocs.$inferInsert>) {
  const [row] = await db.update(pocs)
    .set({ ...patch, version: sql`${pocs.version} + 1`, updatedAt: new Date() })
    .where(and(eq(pocs.id, id), eq(pocs.version, version), isNull(pocs.deletedAt)))
    .returning();
  return row ?? null;
}

export async function findContractByOpportunity(db: Executor, opportunityId: string) {
  const [row] = await db.select().from(contracts).where(and(eq(contracts.opportunityId, opportunityId), isNull(contracts.deletedAt)));
  return row ?? null;
}

export async function findContract(db: Executor, id: string) {
  const [row] = await db.select().from(contracts).where(and(eq(contracts.id, id), isNull(contracts.deletedAt)));
  return row ?? null;
}

export async function insertContract(db: Executor, values: typeof contracts.$inferInsert): Promise<ContractRow> {
  const [row] = await db.insert(contracts).values(values).returning();
  return row;
}

/**
 * Contracted KPIs of the opportunity's value commitment (a table of the value stream, read here only): the accepted
 * commitment if any, else the latest draft; [] when there is none.
 */
export async function commitmentKpis(db: Executor, opportunityId: string): Promise<unknown[]> {
  const [row] = await db.select({ kpis: valueCommitments.kpis }).from(valueCommitments)
    .where(and(eq(valueCommitments.opportunityId, opportunityId), isNull(valueCommitments.deletedAt)))
    .orderBy(desc(sql`${valueCommitments.status} = 'accepted'`), desc(valueCommitments.updatedAt))
    .limit(1);
  return Array.isArray(row?.kpis) ? row.kpis : [];
}
