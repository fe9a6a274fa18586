// SQL for opportunities and their stage history. Reads are limited by the caller's row scope (partner users see their
// partner's opportunities); board and list are keyset pages on the partial indexes of open opportunities.
import { and, asc, eq, gt, gte, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { RowScope } from '../../../core/access/roles';
import type { BoardQuery, OpportunityListQuery } from '../../../core/pipeline/schemas';
import { decodeCursor } from '../../../core/pagination';
import type { Database, Executor } from '../../db/client';
import { runCompiled, wireList } from '../../db/compiled';
import { pageLimit } from '../../db/statements';
import { accounts, opportunities, opportunityStageHistory, users } from '../../db/schema';

export type OpportunityRow = typeof opportunities.$inferSelect;
const o = opportunities;
// The partial indexes' predicate (OPEN_PREDICATE), column-qualified because the queries join accounts and users.
const openOnly = sql`${o.deletedAt} IS NULL AND ${o.stage} NOT IN ('closed_won', 'closed_lost')`;

export function scopeWhere(scope: RowScope): SQL | undefined {
  if (scope.kind === 'partner') return eq(o.partnerId, scope.partnerId);
  if (scope.kind === 'account') return eq(o.accountId, scope.accountId);
  return undefined;
}

export async function insertOpportunity(db: Executor, values: typeof opportunities.$inferInsert): Promise<OpportunityRow> {
  const [row] = await db.insert(opportunities).values(values).returning();
  return row;
}

export async function insertStageHistory(db: Executor, values: typeof opportunityStageHistory.$inferInsert) {
  await db.insert(opportunityStageHistory).values(values);
}

export async function findOpportunity(db: Executor, scope: RowScope, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(o).where(and(eq(o.id, id), isNull(o.deletedAt), scopeWhere(scope)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

/** Optimistic concurrency: only when the row is still at `version`. */
export async function updateOpportunity(db: Executor, id: string, version: number, patch: Partial<typeof opportunities.$inferInsert>) {
  const [row] = await db.update(o)
    .set({ ...patch, version: sql`${o.version} + 1`, updatedAt: new Date() })
    .where(and(eq(o.id, id), eq(o.version, version), isNull(o.deletedAt)))
    .returning();
  return row ?? null;
}

/** Marks the opportunity overdue in its stage (a system flag, not a user edit: the version stays). */
export async function markOverdue(db: Executor, id: string, stage: string, at: Date) {
  const [row] = await db.update(o).set({ stageOverdueAt: at })
    .where(and(eq(o.id, id), eq(o.stage, stage as OpportunityRow['stage']), isNull(o.deletedAt)))
    .returning();
  return row ?? null;
}

export async function stageHistory(db: Executor, opportunityId: string) {
  const h = opportunityStageHistory;
  return db.select({
    id: h.id, fromStage: h.fromStage, toStage: h.toStage, at: h.at, actorId: h.actorId, actorName: users.name,
    overrideReason: h.overrideReason, missingCriteria: h.missingCriteria,
  }).from(h).leftJoin(users, eq(users.id, h.actorId)).where(eq(h.opportunityId, opportunityId)).orderBy(asc(h.at), asc(h.id));
}

export async function names(db: Executor, row: { accountId: string; ownerId: string | null }) {
  const [a] = await db.select({ name: accounts.name, industry: accounts.industry }).from(accounts).where(eq(accounts.id, row.accountId));
  const [u] = row.ownerId ? await db.select({ name: users.name }).from(users).where(eq(users.id, row.ownerId)) : [];
  return { accountName: a?.name ?? null, industry: a?.industry ?? null, ownerName: u?.name ?? null };
}

/** Keyset on (close_date ASC NULLS LAST, id): rows without a close date come last. */
function afterCursor(cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const [value, id] = decodeCursor(cursor, { value: 'date', nullable: true, id: 'uuid' });
  if (value === null) return and(isNull(o.closeDate), gt(o.id, id));
  return or(gt(o.closeDate, value), and(eq(o.closeDate, value), gt(o.id, id)), isNull(o.closeDate));
}

export const cardColumns = {
  id: o.id, name: o.name, stage: o.stage, amount: o.amount, currency: o.currency, closeDate: o.closeDate,
  probability: o.probability, forecastCategory: o.forecastCategory, stageEnteredAt: o.stageEnteredAt,
  stageOverdueAt: o.stageOverdueAt, ownerId: o.ownerId, partnerId: o.partnerId, accountId: o.accountId, version: o.version,
  accountName: accounts.name, ownerName: users.name,
};

function boardFilters(scope: RowScope, q: Pick<BoardQuery, 'ownerId' | 'partnerId' | 'closeFrom' | 'closeTo'>) {
  return [
    openOnly, scopeWhere(scope),
    q.ownerId ? eq(o.ownerId, q.ownerId) : undefined,
    q.partnerId ? eq(o.partnerId, q.partnerId) : undefined,
    q.closeFrom ? gte(o.closeDate, q.closeFrom) : undefined,
    q.closeTo ? lte(o.closeDate, q.closeTo) : undefined,
  ];
}

/** One board column: open opportunities of a stage by close date (the board runs one per stage). */
export function boardColumnQuery(db: Executor, scope: RowScope, stage: string, q: BoardQuery, cursor?: string) {
  return db.select(cardColumns).from(o)
    .innerJoin(accounts, eq(accounts.id, o.accountId))
    .leftJoin(users, eq(users.id, o.ownerId))
    .where(and(eq(o.stage, stage as OpportunityRow['stage']), ...boardFilters(scope, q), afterCursor(cursor)))
    .orderBy(asc(o.closeDate), asc(o.id))
    .limit(pageLimit(q.limit + 1));
}

/** Every board column in one round trip: the per-stage pages joined with UNION ALL (each keeps its own limit). */
export function boardColumnsQuery(db: Executor, scope: RowScope, stages: string[], q: BoardQuery, cursor?: string) {
  const [first, second, ...rest] = stages.map((s) => boardColumnQuery(db, scope, s, q, cursor));
  return second ? unionAll(first, second, ...rest) : first;
}

export type BoardCard = Omit<{ [K in keyof typeof cardColumns]: (typeof cardColumns)[K]['_']['data'] | ((typeof cardColumns)[K] extends { _: { notNull: true } } ? never : null) },
  'stageEnteredAt' | 'stageOverdueAt'> & { stageEnteredAt: string; stageOverdueAt: string | null };

/**
 * The board's cards: the same statement as boardColumnsQuery, built once per shape (scope kind, stages, filters present,
 * cursor kind, page size) with the request's values as parameters, rows read as JSON-ready values (db/compiled.ts):
 * timestamps as ISO text, amounts as numbers, close dates as their text.
 */
export function boardCards(database: Pick<Database, 'query'>, db: Executor, scope: RowScope, stages: string[], q: BoardQuery, cursor?: string): Promise<BoardCard[]> {
  const p = sql.placeholder;
  const values: Record<string, unknown> = { ownerId: q.ownerId, partnerId: q.partnerId, closeFrom: q.closeFrom, closeTo: q.closeTo };
  stages.forEach((s, i) => { values[`stage${i}`] = s; });
  if (scope.kind === 'partner') values.scopePartnerId = scope.partnerId;
  if (scope.kind === 'account') values.scopeAccountId = scope.accountId;
  let cursorKind = 'none';
  if (cursor) {
    const [value, id] = decodeCursor(cursor, { value: 'date', nullable: true, id: 'uuid' });
    cursorKind = value === null ? 'null' : 'date';
    values.afterDate = value;
    values.afterId = id;
  }
  const key = ['board', scope.kind, stages.join(','), !!q.ownerId, !!q.partnerId, !!q.closeFrom, !!q.closeTo, cursorKind, q.limit].join(':');
  return runCompiled<BoardCard>(database, key, () => {
    const shape = { ...q, ownerId: q.ownerId && p('ownerId'), partnerId: q.partnerId && p('partnerId'), closeFrom: q.closeFrom && p('closeFrom'), closeTo: q.closeTo && p('closeTo') } as unknown as BoardQuery;
    const scoped = (scope.kind === 'partner' ? { kind: 'partner', partnerId: p('scopePartnerId') }
      : scope.kind === 'account' ? { kind: 'account', accountId: p('scopeAccountId') } : scope) as RowScope;
    const after = cursorKind === 'none' ? undefined : cursorKind === 'null' ? and(isNull(o.closeDate), gt(o.id, p('afterId')))
      : or(gt(o.closeDate, p('afterDate')), and(eq(o.closeDate, p('afterDate')), gt(o.id, p('afterId'))), isNull(o.closeDate));
    const column = (i: number) => sql`(select ${wireList(cardColumns)} from ${o}
      inner join ${accounts} on ${eq(accounts.id, o.accountId)} left join ${users} on ${eq(users.id, o.ownerId)}
      where ${and(eq(o.stage, p(`stage${i}`)), ...boardFilters(scoped, shape), after)}
      order by ${o.closeDate} asc, ${o.id} asc limit ${pageLimit(q.limit + 1)})`;
    return sql.join(stages.map((_, i) => column(i)), sql` union all `);
  }, values);
}

/** Count, amount and Σ amount × probability per open stage, in one grouped index-only scan. */
export function boardTotalsQuery(db: Executor, scope: RowScope, q: BoardQuery) {
  return db.select({
    stage: o.stage,
    count: sql<number>`count(*)::int`,
    amount: sql<number>`coalesce(sum(${o.amount}), 0)::bigint`,
    weightedRaw: sql<number>`coalesce(sum(${o.amount} * ${o.probability}), 0)::bigint`,
  }).from(o).where(and(...boardFilters(scope, q))).groupBy(o.stage);
}

export function listQuery(db: Executor, scope: RowScope, q: OpportunityListQuery, stageIds: { won: string; lost: string }) {
  const status = q.status === 'open' ? openOnly
    : q.status === 'won' ? eq(o.stage, stageIds.won as OpportunityRow['stage'])
      : q.status === 'lost' ? eq(o.stage, stageIds.lost as OpportunityRow['stage']) : undefined;
  return db.select({ ...cardColumns, lossReason: o.lossReason, closedAt: o.closedAt, createdAt: o.createdAt }).from(o)
    .innerJoin(accounts, eq(accounts.id, o.accountId))
    .leftJoin(users, eq(users.id, o.ownerId))
    .where(and(
      isNull(o.deletedAt), scopeWhere(scope), status,
      q.stage ? eq(o.stage, q.stage as OpportunityRow['stage']) : undefined,
      q.ownerId ? eq(o.ownerId, q.ownerId) : undefined,
      q.partnerId ? eq(o.partnerId, q.partnerId) : undefined,
      q.accountId ? eq(o.accountId, q.accountId) : undefined,
      q.closeFrom ? gte(o.closeDate, q.closeFrom) : undefined,
      q.closeTo ? lte(o.closeDate, q.closeTo) : undefined,
      afterCursor(q.cursor),
    ))
    .orderBy(asc(o.closeDate), asc(o.id))
    .limit(pageLimit(q.limit + 1));
}

/**
 * The forecast, set-based: per period (by close date) and owner, open amounts by forecast category, won amounts,
 * and the weighted pipeline Σ amount × probability / 100 (rounded once per cell). Lost and omitted count nowhere.
 */
export function forecastQuery(db: Executor, scope: RowScope, p: { period: 'month' | 'quarter'; from: string; to: string; ownerId?: string; wonStage: string; lostStage: string }) {
  // A literal, not a parameter: GROUP BY must see the same expression as the select list (validated enum).
  const unit = sql.raw(p.period === 'month' ? "'month'" : "'quarter'");
  const period = sql`date_trunc(${unit}, ${o.closeDate}::timestamp)::date`;
  const isOpen = sql`${o.stage} NOT IN (${p.wonStage}, ${p.lostStage})`;
  const openCat = (cat: string) => sql`coalesce(sum(${o.amount}) FILTER (WHERE ${isOpen} AND ${o.forecastCategory} = ${cat}), 0)::bigint`;
  return db.select({
    period: sql<string>`${period}::text`,
    ownerId: o.ownerId,
    ownerName: sql<string | null>`max(${users.name})`,
    pipeline: openCat('pipeline'),
    bestCase: openCat('best_case'),
    commit: openCat('commit'),
    closedWon: sql<number>`coalesce(sum(${o.amount}) FILTER (WHERE ${o.stage} = ${p.wonStage}), 0)::bigint`,
    weighted: sql<number>`coalesce(round(sum(${o.amount}::numeric * ${o.probability}) FILTER (WHERE ${isOpen} AND ${o.forecastCategory} <> 'omitted') / 100), 0)::bigint`,
    open: sql<number>`(count(*) FILTER (WHERE ${isOpen} AND ${o.forecastCategory} <> 'omitted'))::int`,
    won: sql<number>`(count(*) FILTER (WHERE ${o.stage} = ${p.wonStage}))::int`,
  }).from(o).leftJoin(users, eq(users.id, o.ownerId))
    .where(and(
      isNull(o.deletedAt), scopeWhere(scope), sql`${o.stage} <> ${p.lostStage}`,
      gte(o.closeDate, p.from), sql`${o.closeDate} < ${p.to}`,
      p.ownerId ? eq(o.ownerId, p.ownerId) : undefined,
    ))
    .groupBy(period, o.ownerId)
    .orderBy(period, o.ownerId);
}
