// SQL for opportunities and their stage history.
import type { Executor } from '../../db/client';
import { opportunities, opportunityStageHistory } from '../../db/schema';

export type OpportunityRow = typeof opportunities.$inferSelect;

export async function insertOpportunity(db: Executor, values: typeof opportunities.$inferInsert): Promise<OpportunityRow> {
  const [row] = await db.insert(opportunities).values(values).returning();
  return row;
}

export async function insertStageHistory(db: Executor, values: typeof opportunityStageHistory.$inferInsert) {
  await db.insert(opportunityStageHistory).values(values);
}
