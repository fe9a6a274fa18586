// SQL for leads and their activities. Reads are limited by the caller's row scope (partner users: their partner's
// referrals; customer users: nothing); lists are keyset-paginated on indexed columns.
import { and, asc, desc, eq, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { InboxQuery, LeadListQuery } from '../../../core/leads/schemas';
import { decodeCursor } from '../../../core/pagination';
import type { Executor } from '../../db/client';
import { leadActivities, leads, salesProfiles, users } from '../../db/schema';

export type LeadRow = typeof leads.$inferSelect;
export type NewLead = typeof leads.$inferInsert;
export type LeadActivityRow = typeof leadActivities.$inferSelect;

export const OPEN_STATUSES = ['new', 'working', 'qualified'] as const;

export function scopeWhere(scope: RowScope): SQL | undefined {
  if (scope.kind === 'partner') return eq(leads.partnerId, scope.partnerId);
  if (scope.kind === 'account') return sql`false`;
  return undefined;
}

export async function findLead(db: Executor, scope: RowScope, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(leads).where(and(eq(leads.id, id), isNull(leads.deletedAt), scopeWhere(scope)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertLeads(db: Executor, rows: NewLead[]): Promise<LeadRow[]> {
  const out: LeadRow[] = [];
  // ~60 columns per row: 500 rows per statement stays far below the 65,535 parameter limit.
  for (let i = 0; i < rows.length; i += 500) out.push(...await db.insert(leads).values(rows.slice(i, i + 500)).returning());
  return out;
}

/** A user's change: only when the caller saw the current version; bumps it. */
export async function updateLead(db: Executor, id: string, version: number, patch: Partial<NewLead>) {
  const [row] = await db.update(leads).set({ ...patch, version: sql`${leads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(leads.id, id), eq(leads.version, version), isNull(leads.deletedAt))).returning();
  return row ?? null;
}

/** A system change (SLA clocks, timers): no version check, no version bump. */
export async function patchLead(db: Executor, id: string, patch: Partial<NewLead>) {
  const [row] = await db.update(leads).set(patch).where(eq(leads.id, id)).returning();
  return row ?? null;
}

function keyset(column: SQL | typeof leads.createdAt, cursor: string | undefined, descending: boolean) {
  if (!cursor) return undefined;
  const [value, id] = decodeCursor(cursor);
  const v = new Date(String(value));
  if (Number.isNaN(v.getTime())) throw decodeCursor('!');
  const cmp = descending ? lt : gt;
  return or(cmp(column as never, v as never), and(eq(column as never, v as never), cmp(leads.id, String(id))));
}

function filters(q: { status?: string; source?: string; ownerId?: string; priority?: string }) {
  return [
    q.status ? eq(leads.status, q.status as LeadRow['status']) : undefined,
    q.source ? eq(leads.source, q.source) : undefined,
    q.ownerId === 'none' ? isNull(leads.ownerId) : q.ownerId ? eq(leads.ownerId, q.ownerId) : undefined,
    q.priority ? eq(leads.priority, q.priority) : undefined,
  ];
}

/** The columns of a lead in lists and the inbox (the page shows these; the lead page loads the rest). */
const summary = {
  id: leads.id, version: leads.version, status: leads.status, source: leads.source, campaign: leads.campaign,
  firstName: leads.firstName, lastName: leads.lastName, email: leads.email, title: leads.title, companyName: leads.companyName,
  domain: leads.domain, country: leads.country, region: leads.region, industry: leads.industry, employees: leads.employees,
  score: leads.score, fitScore: leads.fitScore, engagementScore: leads.engagementScore, priority: leads.priority,
  conversionProbability: leads.conversionProbability, ownerId: leads.ownerId, partnerId: leads.partnerId,
  firstResponseDueAt: leads.firstResponseDueAt, firstResponseTargetAt: leads.firstResponseTargetAt, firstRespondedAt: leads.firstRespondedAt,
  qualificationDueAt: leads.qualificationDueAt, slaDueAt: leads.slaDueAt, slaBreachedAt: leads.slaBreachedAt,
  escalationLevel: leads.escalationLevel, createdAt: leads.createdAt, updatedAt: leads.updatedAt,
};
export type LeadSummary = { [K in keyof typeof summary]: LeadRow[K] };

/** All leads, newest first. Lead times are written from JS (milliseconds), so cursors are exact. */
export function listLeads(db: Executor, scope: RowScope, q: LeadListQuery) {
  const where: (SQL | undefined)[] = [isNull(leads.deletedAt), scopeWhere(scope), ...filters(q), keyset(leads.createdAt, q.cursor, true)];
  if (q.q) {
    const pattern = `%${q.q.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    where.push(or(
      sql`lower(${leads.companyName}) LIKE ${pattern}`, sql`lower(${leads.email}) LIKE ${pattern}`,
      sql`lower(${leads.lastName}) LIKE ${pattern}`, sql`lower(${leads.domain}) LIKE ${pattern}`,
    ));
  }
  return db.select(summary).from(leads).where(and(...where)).orderBy(desc(leads.createdAt), desc(leads.id)).limit(q.limit + 1);
}

/** The inbox: leads whose SLA clock runs, least time left first (index leads_inbox_idx / leads_owner_inbox_idx). */
export function inboxQuery(db: Executor, scope: RowScope, q: InboxQuery) {
  const where = [
    isNull(leads.deletedAt), sql`${leads.slaDueAt} IS NOT NULL`, scopeWhere(scope), ...filters(q),
    keyset(leads.slaDueAt as never, q.cursor, false),
  ];
  return db.select(summary).from(leads).where(and(...where)).orderBy(asc(leads.slaDueAt), asc(leads.id)).limit(q.limit + 1);
}

/** Live leads sharing an email or a company domain with any of the given ones. */
export async function findDuplicateCandidates(db: Executor, emails: string[], domains: string[], excludeIds: string[] = []) {
  if (!emails.length && !domains.length) return [];
  const conds: SQL[] = [];
  if (emails.length) conds.push(sql`lower(${leads.email}) IN (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})`);
  if (domains.length) conds.push(sql`lower(${leads.domain}) IN (${sql.join(domains.map((d) => sql`${d}`), sql`, `)})`);
  return db.select({
    id: leads.id, email: leads.email, domain: leads.domain, companyName: leads.companyName, firstName: leads.firstName,
    lastName: leads.lastName, status: leads.status, createdAt: leads.createdAt, ownerId: leads.ownerId, score: leads.score,
    partnerId: leads.partnerId,
  }).from(leads).where(and(isNull(leads.deletedAt), or(...conds), excludeIds.length ? sql`${leads.id} NOT IN (${sql.join(excludeIds.map((i) => sql`${i}::uuid`), sql`, `)})` : undefined))
    .orderBy(asc(leads.createdAt)).limit(2000);
}

export async function insertActivities(db: Executor, input: (typeof leadActivities.$inferInsert)[]) {
  // Times from JS (millisecond precision) so keyset cursors, which carry milliseconds, never skip or repeat rows.
  const now = new Date();
  const rows = input.map((r) => ({ ...r, occurredAt: r.occurredAt ?? now, createdAt: now }));
  const out: LeadActivityRow[] = [];
  for (let i = 0; i < rows.length; i += 1000) out.push(...await db.insert(leadActivities).values(rows.slice(i, i + 1000)).returning());
  return out;
}

export function listActivities(db: Executor, leadId: string, limit: number, cursor?: string) {
  let after: SQL | undefined;
  if (cursor) {
    const [at, id] = decodeCursor(cursor);
    const d = new Date(String(at));
    if (Number.isNaN(d.getTime())) throw decodeCursor('!');
    after = or(lt(leadActivities.occurredAt, d), and(eq(leadActivities.occurredAt, d), lt(leadActivities.id, String(id))));
  }
  return db.select({
    id: leadActivities.id, kind: leadActivities.kind, subject: leadActivities.subject, body: leadActivities.body,
    inbound: leadActivities.inbound, occurredAt: leadActivities.occurredAt, actorId: leadActivities.actorId, actorName: users.name,
  }).from(leadActivities).leftJoin(users, eq(users.id, leadActivities.actorId))
    .where(and(eq(leadActivities.leadId, leadId), after))
    .orderBy(desc(leadActivities.occurredAt), desc(leadActivities.id)).limit(limit + 1);
}

export async function moveActivities(db: Executor, fromLeadId: string, toLeadId: string) {
  const rows = await db.update(leadActivities).set({ leadId: toLeadId }).where(eq(leadActivities.leadId, fromLeadId)).returning({ id: leadActivities.id });
  return rows.length;
}

/** Active sales and SDR users with a sales profile, and how many open leads each owns. */
export async function assignmentCandidates(db: Executor) {
  return db.select({
    userId: users.id, name: users.name, territories: salesProfiles.territories, verticals: salesProfiles.verticals,
    sizeTier: salesProfiles.sizeTier, capacity: salesProfiles.capacity, outOfOfficeUntil: salesProfiles.outOfOfficeUntil,
    openLeads: sql<number>`(SELECT count(*)::int FROM leads l WHERE l.owner_id = ${users.id} AND l.deleted_at IS NULL AND l.status IN ('new', 'working', 'qualified'))`,
  }).from(users).innerJoin(salesProfiles, eq(salesProfiles.userId, users.id))
    .where(and(inArray(users.role, ['sales', 'sdr']), eq(users.active, true), isNull(users.deletedAt)))
    .orderBy(asc(users.name));
}
