// SQL for leads and their activities. Reads are limited by the caller's row scope (partner users: their partner's
// referrals; customer users: nothing); lists are keyset-paginated on indexed columns.
import { and, asc, desc, eq, getTableColumns, gt, inArray, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { InboxQuery, LeadListQuery } from '../../../core/leads/schemas';
import { decodeCursor } from '../../../core/pagination';
import type { Database, Executor } from '../../db/client';
import { runCompiled, wireList } from '../../db/compiled';
import { pageLimit } from '../../db/statements';
import { leadActivities, leadScores, leads, salesProfiles, users } from '../../db/schema';
import type { Audience } from '../../../core/access/audience';
import { audienceIn } from '../../db/audience';

/** The score of a lead, kept in lead_scores (see the schema). */
export type LeadScoreFields = Omit<typeof leadScores.$inferSelect, 'leadId' | 'scoreExplanation'> & { scoreExplanation: unknown };
export type LeadRow = typeof leads.$inferSelect & LeadScoreFields;
export type NewLead = typeof leads.$inferInsert & Partial<LeadScoreFields>;
export type LeadActivityRow = typeof leadActivities.$inferSelect;

export const OPEN_STATUSES = ['new', 'working', 'qualified'] as const;

const SCORE_KEYS = ['fitScore', 'engagementScore', 'score', 'priority', 'scoreExplanation', 'scoredPlaybookVersion', 'conversionProbability'] as const;
/** Score columns read through the join; a lead without a score row (never expected) reads as unscored. */
export const scoreColumns = {
  fitScore: sql<number>`coalesce(${leadScores.fitScore}, 0)`.mapWith(Number),
  engagementScore: sql<number>`coalesce(${leadScores.engagementScore}, 0)`.mapWith(Number),
  score: sql<number>`coalesce(${leadScores.score}, 0)`.mapWith(Number),
  priority: sql<string>`coalesce(${leadScores.priority}, 'cold')`,
  scoreExplanation: sql<unknown>`coalesce(${leadScores.scoreExplanation}, '[]')`.mapWith((v: string) => JSON.parse(v)),
  scoredPlaybookVersion: leadScores.scoredPlaybookVersion,
  conversionProbability: leadScores.conversionProbability,
};
const withScores = { ...getTableColumns(leads), ...scoreColumns };
const scoreJoin = eq(leadScores.leadId, leads.id);

/** Splits a patch into the lead's own columns and its score columns. */
function split<T extends Partial<NewLead>>(patch: T) {
  const own: Record<string, unknown> = {};
  const score: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(patch)) ((SCORE_KEYS as readonly string[]).includes(k) ? score : own)[k] = v;
  return { own: own as Partial<typeof leads.$inferInsert>, score: score as Partial<LeadScoreFields> };
}

/** Writes (inserts or replaces) the score rows of leads. */
export async function saveScores(db: Executor, rows: (Partial<LeadScoreFields> & { leadId: string })[]) {
  const values = rows.filter((r) => Object.keys(r).length > 1).map(({ scoreExplanation, ...r }) => ({
    priority: 'cold', ...r, ...(scoreExplanation === undefined ? {} : { scoreExplanation: JSON.stringify(scoreExplanation) }),
  }));
  for (let i = 0; i < values.length; i += 1000) {
    await db.insert(leadScores).values(values.slice(i, i + 1000)).onConflictDoUpdate({
      target: leadScores.leadId,
      set: Object.fromEntries(SCORE_KEYS.map((k) => [k, sql.raw(`excluded.${leadScores[k].name}`)])),
    });
  }
}

async function scoresOf(db: Executor, ids: string[]): Promise<Map<string, LeadScoreFields>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ leadId: leadScores.leadId, ...scoreColumns }).from(leadScores).where(inArray(leadScores.leadId, ids));
  return new Map(rows.map(({ leadId, ...r }) => [leadId, r as LeadScoreFields]));
}

const UNSCORED: LeadScoreFields = { fitScore: 0, engagementScore: 0, score: 0, priority: 'cold', scoreExplanation: [], scoredPlaybookVersion: null, conversionProbability: null };

/** Lead rows with their scores (rows read from the leads table alone). */
export async function withScoresOf(db: Executor, rows: (typeof leads.$inferSelect)[]): Promise<LeadRow[]> {
  const scores = await scoresOf(db, rows.map((r) => r.id));
  return rows.map((r) => ({ ...r, ...(scores.get(r.id) ?? UNSCORED) }));
}

export function scopeWhere(scope: RowScope): SQL | undefined {
  if (scope.kind === 'partner') return eq(leads.partnerId, scope.partnerId);
  if (scope.kind === 'account') return sql`false`;
  return undefined;
}

export async function findLead(db: Executor, scope: RowScope, id: string, opts: { lock?: boolean } = {}): Promise<LeadRow | null> {
  const q = db.select(withScores).from(leads).leftJoin(leadScores, scoreJoin).where(and(eq(leads.id, id), isNull(leads.deletedAt), scopeWhere(scope)));
  const [row] = opts.lock ? await q.for('update', { of: leads }) : await q;
  return (row as LeadRow | undefined) ?? null;
}

export async function insertLeads(db: Executor, rows: NewLead[]): Promise<LeadRow[]> {
  const out: LeadRow[] = [];
  const parts = rows.map((r) => split(r));
  // ~50 columns per row: 500 rows per statement stays far below the 65,535 parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    const inserted = await db.insert(leads).values(parts.slice(i, i + 500).map((p) => p.own as typeof leads.$inferInsert)).returning();
    await saveScores(db, inserted.map((l, k) => ({ leadId: l.id, ...parts[i + k].score })));
    out.push(...inserted.map((l, k) => ({ ...l, ...UNSCORED, ...parts[i + k].score }) as LeadRow));
  }
  return out;
}

/** A user's change: only when the caller saw the current version; bumps it. */
export async function updateLead(db: Executor, id: string, version: number, patch: Partial<NewLead>): Promise<LeadRow | null> {
  const { own, score } = split(patch);
  const [row] = await db.update(leads).set({ ...own, version: sql`${leads.version} + 1`, updatedAt: new Date() })
    .where(and(eq(leads.id, id), eq(leads.version, version), isNull(leads.deletedAt))).returning();
  if (!row) return null;
  if (Object.keys(score).length) await saveScores(db, [{ leadId: id, ...score }]);
  return (await withScoresOf(db, [row]))[0];
}

/** A system change (SLA clocks, timers): no version check, no version bump. */
export async function patchLead(db: Executor, id: string, patch: Partial<NewLead>): Promise<LeadRow | null> {
  const { own, score } = split(patch);
  const [row] = Object.keys(own).length ? await db.update(leads).set(own).where(eq(leads.id, id)).returning()
    : await db.select().from(leads).where(eq(leads.id, id));
  if (!row) return null;
  if (Object.keys(score).length) await saveScores(db, [{ leadId: id, ...score }]);
  return (await withScoresOf(db, [row]))[0];
}

function keyset(column: SQL | typeof leads.createdAt, cursor: string | undefined, descending: boolean) {
  if (!cursor) return undefined;
  const [value, id] = decodeCursor(cursor, { value: 'datetime', id: 'uuid' });
  const v = new Date(value);
  const cmp = descending ? lt : gt;
  return or(cmp(column as never, v as never), and(eq(column as never, v as never), cmp(leads.id, id)));
}

function filters(q: { status?: string; source?: string; ownerId?: string; priority?: string }) {
  return [
    q.status ? eq(leads.status, q.status as LeadRow['status']) : undefined,
    q.source ? eq(leads.source, q.source) : undefined,
    q.ownerId === 'none' ? isNull(leads.ownerId) : q.ownerId ? eq(leads.ownerId, q.ownerId) : undefined,
    q.priority ? eq(leadScores.priority, q.priority) : undefined,
  ];
}

/** The columns of a lead in lists and the inbox (the page shows these; the lead page loads the rest). */
const summary = {
  id: leads.id, version: leads.version, status: leads.status, source: leads.source, campaign: leads.campaign,
  firstName: leads.firstName, lastName: leads.lastName, email: leads.email, title: leads.title, companyName: leads.companyName,
  domain: leads.domain, country: leads.country, region: leads.region, industry: leads.industry, employees: leads.employees,
  score: scoreColumns.score, fitScore: scoreColumns.fitScore, engagementScore: scoreColumns.engagementScore, priority: scoreColumns.priority,
  conversionProbability: scoreColumns.conversionProbability, ownerId: leads.ownerId, partnerId: leads.partnerId,
  firstResponseDueAt: leads.firstResponseDueAt, firstResponseTargetAt: leads.firstResponseTargetAt, firstRespondedAt: leads.firstRespondedAt,
  qualificationDueAt: leads.qualificationDueAt, slaDueAt: leads.slaDueAt, slaBreachedAt: leads.slaBreachedAt,
  escalationLevel: leads.escalationLevel, createdAt: leads.createdAt, updatedAt: leads.updatedAt,
};

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
  return db.select(summary).from(leads).leftJoin(leadScores, scoreJoin).where(and(...where)).orderBy(desc(leads.createdAt), desc(leads.id)).limit(pageLimit(q.limit + 1));
}

// The inbox's rows come under their API names with timestamps as JSON text (db/compiled.ts): they go to JSON as read.
type Summary = { [K in keyof typeof summary]: (typeof summary)[K] extends SQL<infer T> ? T
  : (typeof summary)[K] extends { _: { data: infer D; notNull: infer N } } ? D | (N extends true ? never : null) : never };
export type LeadSummary = { [K in keyof Summary]: Summary[K] extends Date ? string : Summary[K] extends Date | null ? string | null : Summary[K] };

/**
 * The inbox: leads whose SLA clock runs, least time left first (index leads_inbox_idx / leads_owner_inbox_idx). Its
 * statement is built once per shape (scope kind, filters present, page size) and run with the request's values.
 */
export function inboxQuery(database: Pick<Database, 'query'>, scope: RowScope, q: InboxQuery): Promise<LeadSummary[]> {
  const p = sql.placeholder;
  const ownerNone = q.ownerId === 'none';
  const key = ['inbox', scope.kind, !!q.status, !!q.source, ownerNone ? 'none' : !!q.ownerId, !!q.priority, !!q.cursor, q.limit].join(':');
  const values: Record<string, unknown> = { status: q.status, source: q.source, ownerId: q.ownerId, priority: q.priority };
  if (scope.kind === 'partner') values.partnerId = scope.partnerId;
  if (q.cursor) [values.after, values.afterId] = decodeCursor(q.cursor, { value: 'datetime', id: 'uuid' });
  return runCompiled<LeadSummary>(database, key, () => {
    const where = [
      isNull(leads.deletedAt), sql`${leads.slaDueAt} IS NOT NULL`,
      scope.kind === 'partner' ? eq(leads.partnerId, p('partnerId')) : scopeWhere(scope),
      q.status ? eq(leads.status, p('status')) : undefined,
      q.source ? eq(leads.source, p('source')) : undefined,
      ownerNone ? isNull(leads.ownerId) : q.ownerId ? eq(leads.ownerId, p('ownerId')) : undefined,
      q.priority ? eq(leadScores.priority, p('priority')) : undefined,
      q.cursor ? or(sql`${leads.slaDueAt} > ${p('after')}::timestamptz`, and(sql`${leads.slaDueAt} = ${p('after')}::timestamptz`, gt(leads.id, p('afterId')))) : undefined,
    ];
    return sql`select ${wireList(summary)} from ${leads}
      left join ${leadScores} on ${scoreJoin} where ${and(...where)}
      order by ${leads.slaDueAt} asc, ${leads.id} asc limit ${pageLimit(q.limit + 1)}`;
  }, values);
}

/** Live leads sharing an email or a company domain with any of the given ones. */
export async function findDuplicateCandidates(db: Executor, emails: string[], domains: string[], excludeIds: string[] = []) {
  if (!emails.length && !domains.length) return [];
  const conds: SQL[] = [];
  if (emails.length) conds.push(sql`lower(${leads.email}) IN (${sql.join(emails.map((e) => sql`${e}`), sql`, `)})`);
  if (domains.length) conds.push(sql`lower(${leads.domain}) IN (${sql.join(domains.map((d) => sql`${d}`), sql`, `)})`);
  return db.select({
    id: leads.id, email: leads.email, domain: leads.domain, companyName: leads.companyName, firstName: leads.firstName,
    lastName: leads.lastName, status: leads.status, createdAt: leads.createdAt, ownerId: leads.ownerId, score: scoreColumns.score,
    partnerId: leads.partnerId,
  }).from(leads).leftJoin(leadScores, scoreJoin).where(and(isNull(leads.deletedAt), or(...conds), excludeIds.length ? sql`${leads.id} NOT IN (${sql.join(excludeIds.map((i) => sql`${i}::uuid`), sql`, `)})` : undefined))
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

/** A lead's activities in the given audiences (a partner gets its own entries and those published to it). */
export function listActivities(db: Executor, leadId: string, limit: number, cursor: string | undefined, audiences: readonly Audience[]) {
  let after: SQL | undefined;
  if (cursor) {
    const [at, id] = decodeCursor(cursor, { value: 'datetime', id: 'uuid' });
    const d = new Date(at);
    after = or(lt(leadActivities.occurredAt, d), and(eq(leadActivities.occurredAt, d), lt(leadActivities.id, id)));
  }
  return db.select({
    id: leadActivities.id, kind: leadActivities.kind, subject: leadActivities.subject, body: leadActivities.body,
    inbound: leadActivities.inbound, occurredAt: leadActivities.occurredAt, actorId: leadActivities.actorId, actorName: users.name,
    audience: leadActivities.audience,
  }).from(leadActivities).leftJoin(users, eq(users.id, leadActivities.actorId))
    .where(and(eq(leadActivities.leadId, leadId), after, audienceIn(leadActivities.audience, audiences)))
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
