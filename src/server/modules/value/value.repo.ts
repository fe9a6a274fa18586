// SQL of the value module. Opportunities are read through the caller's row scope; everything else is reached
// through an opportunity the caller may see.
import { and, desc, eq, isNull, max, or, sql, type SQL } from 'drizzle-orm';
import type { Audience } from '../../../core/access/audience';
import type { RowScope } from '../../../core/access/roles';
import { audienceIn } from '../../db/audience';
import type { Executor, Tx } from '../../db/client';
import { accounts, activities, agentArtifacts, contacts, leads, opportunities, valueCommitments, valueGraphs, valueHypotheses } from '../../db/schema';

export type HypothesisRow = typeof valueHypotheses.$inferSelect;
export type CommitmentRow = typeof valueCommitments.$inferSelect;
export type ArtifactRow = typeof agentArtifacts.$inferSelect;

function scopeWhere(scope: RowScope): SQL | undefined {
  if (scope.kind === 'partner') return or(eq(opportunities.partnerId, scope.partnerId), eq(accounts.partnerId, scope.partnerId));
  if (scope.kind === 'account') return eq(opportunities.accountId, scope.accountId);
  return undefined;
}

/** The opportunity with the account facts the agents need, if the caller may see it. */
export async function findOpportunity(db: Executor, scope: RowScope, id: string, opts: { lock?: boolean } = {}) {
  const query = db.select({
    id: opportunities.id, name: opportunities.name, stage: opportunities.stage, amount: opportunities.amount,
    currency: opportunities.currency, closeDate: opportunities.closeDate, ownerId: opportunities.ownerId,
    partnerId: opportunities.partnerId, leadId: opportunities.leadId, updatedAt: opportunities.updatedAt,
    accountId: accounts.id, accountName: accounts.name, industry: accounts.industry, employees: accounts.employees,
    servers: accounts.servers, cloudResources: accounts.cloudResources, networkDevices: accounts.networkDevices,
    complianceFrameworks: accounts.complianceFrameworks, techStack: accounts.techStack, segment: accounts.segment,
    execSponsorId: accounts.execSponsorId, csmId: accounts.csmId, aeId: accounts.aeId,
  }).from(opportunities).innerJoin(accounts, eq(accounts.id, opportunities.accountId))
    .where(and(eq(opportunities.id, id), isNull(opportunities.deletedAt), isNull(accounts.deletedAt), scopeWhere(scope)));
  const [row] = opts.lock ? await query.for('update', { of: opportunities }) : await query;
  return row ?? null;
}
export type OpportunityFacts = NonNullable<Awaited<ReturnType<typeof findOpportunity>>>;

/** The account's value graph, created on first use (one per account). */
export async function ensureGraph(tx: Tx, accountId: string): Promise<string> {
  await tx.insert(valueGraphs).values({ accountId }).onConflictDoNothing();
  const [row] = await tx.select({ id: valueGraphs.id }).from(valueGraphs).where(and(eq(valueGraphs.accountId, accountId), isNull(valueGraphs.deletedAt)));
  return row.id;
}

export async function findHypothesis(db: Executor, opportunityId: string) {
  const [row] = await db.select().from(valueHypotheses).where(and(eq(valueHypotheses.opportunityId, opportunityId), isNull(valueHypotheses.deletedAt)));
  return row ?? null;
}

export async function insertHypothesis(tx: Tx, values: typeof valueHypotheses.$inferInsert) {
  const [row] = await tx.insert(valueHypotheses).values(values).returning();
  return row;
}

/** Optimistic concurrency: writes only when the row still has the version the caller saw. */
export async function updateHypothesis(tx: Tx, id: string, version: number, patch: Partial<typeof valueHypotheses.$inferInsert>) {
  const [row] = await tx.update(valueHypotheses).set({ ...patch, version: sql`${valueHypotheses.version} + 1`, updatedAt: new Date() })
    .where(and(eq(valueHypotheses.id, id), eq(valueHypotheses.version, version))).returning();
  return row ?? null;
}

export async function findCommitment(db: Executor, opportunityId: string) {
  const [row] = await db.select().from(valueCommitments).where(and(eq(valueCommitments.opportunityId, opportunityId), isNull(valueCommitments.deletedAt)));
  return row ?? null;
}

export async function insertCommitment(tx: Tx, values: typeof valueCommitments.$inferInsert) {
  const [row] = await tx.insert(valueCommitments).values(values).returning();
  return row;
}

export async function updateCommitment(tx: Tx, id: string, version: number, patch: Partial<typeof valueCommitments.$inferInsert>) {
  const [row] = await tx.update(valueCommitments).set({ ...patch, version: sql`${valueCommitments.version} + 1`, updatedAt: new Date() })
    .where(and(eq(valueCommitments.id, id), eq(valueCommitments.version, version))).returning();
  return row ?? null;
}

export async function insertArtifact(tx: Tx, values: typeof agentArtifacts.$inferInsert) {
  const [row] = await tx.insert(agentArtifacts).values(values).returning();
  return row;
}

/** Agent runs of an opportunity in the given audiences (outsiders get the runs published to them). */
export async function listArtifacts(db: Executor, opportunityId: string, limit: number, audiences: readonly Audience[]) {
  return db.select().from(agentArtifacts).where(and(eq(agentArtifacts.opportunityId, opportunityId), audienceIn(agentArtifacts.audience, audiences)))
    .orderBy(desc(agentArtifacts.createdAt), desc(agentArtifacts.id)).limit(limit);
}

export async function findArtifact(db: Executor, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(agentArtifacts).where(eq(agentArtifacts.id, id));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function decideArtifact(tx: Tx, id: string, patch: Partial<typeof agentArtifacts.$inferInsert>) {
  const [row] = await tx.update(agentArtifacts).set(patch).where(eq(agentArtifacts.id, id)).returning();
  return row;
}

export async function accountContacts(db: Executor, accountId: string) {
  return db.select({ id: contacts.id, firstName: contacts.firstName, lastName: contacts.lastName, roles: contacts.roles, rolesAudience: contacts.rolesAudience, title: contacts.title })
    .from(contacts).where(and(eq(contacts.accountId, accountId), isNull(contacts.deletedAt))).orderBy(contacts.lastName, contacts.id);
}

/**
 * BANT of the lead the opportunity was converted from. Conversion sets `opportunities.lead_id` (and the lead's
 * `converted_opportunity_id`); reading by the lead's primary key stays an index lookup at any number of leads.
 */
export async function leadBant(db: Executor, leadId: string | null) {
  if (!leadId) return null;
  const [row] = await db.select({ bant: leads.bant }).from(leads).where(and(eq(leads.id, leadId), isNull(leads.deletedAt)));
  return row ? (row.bant as Record<string, unknown>) : null;
}

export async function lastActivityAt(db: Executor, accountId: string): Promise<Date | null> {
  const [row] = await db.select({ at: max(activities.occurredAt) }).from(activities)
    .where(and(eq(activities.accountId, accountId), isNull(activities.deletedAt)));
  return row?.at ? new Date(row.at) : null;
}

/**
 * The latest POC of the opportunity. POCs belong to the pipeline module, which may not be installed in this
 * database yet: check the table exists and read rows as JSON so no column but opportunity_id is assumed. When the
 * table has `deleted_at`, filtering on it lets the planner use the live-row index on opportunity_id.
 */
let pocShape: { softDelete: boolean } | null = null;
export async function latestPoc(db: Executor, opportunityId: string): Promise<{ status: string; criteria: { validated: boolean }[] } | null> {
  if (!pocShape) {
    const cols = (await db.execute(sql`SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = 'pocs'`)) as unknown as { rows: { column_name: string }[] };
    if (!cols.rows.length) return null; // not installed (checked again next time)
    pocShape = { softDelete: cols.rows.some((c) => c.column_name === 'deleted_at') };
  }
  const live = pocShape.softDelete ? sql` AND p.deleted_at IS NULL` : sql``;
  const res = (await db.execute(sql`SELECT to_jsonb(p) AS doc FROM pocs p WHERE p.opportunity_id = ${opportunityId}${live}`)) as unknown as { rows: { doc: Record<string, any> }[] };
  const docs = res.rows.map((r) => r.doc).filter((d) => !d.deleted_at);
  if (!docs.length) return null;
  docs.sort((a, b) => String(b.created_at ?? '').localeCompare(String(a.created_at ?? '')));
  const d = docs[0];
  const criteria = (d.success_criteria ?? d.successCriteria ?? d.criteria ?? []) as { validated?: boolean }[];
  return { status: String(d.status ?? 'unknown'), criteria: Array.isArray(criteria) ? criteria.map((c) => ({ validated: c?.validated === true })) : [] };
}
