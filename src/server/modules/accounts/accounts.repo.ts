// SQL for accounts. Every read is limited by the caller's row scope; lists are keyset-paginated on indexed columns.
import { and, asc, desc, eq, getTableColumns, gt, isNotNull, isNull, lt, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { AccountListQuery } from '../../../core/accounts/schemas';
import { decodeCursor, type CursorShape } from '../../../core/pagination';
import type { Database, Executor } from '../../db/client';
import { runCompiled } from '../../db/compiled';
import { pageLimit } from '../../db/statements';
import { accounts, contacts } from '../../db/schema';

export type AccountRow = typeof accounts.$inferSelect;

export function scopeWhere(scope: RowScope): SQL | undefined {
  if (scope.kind === 'partner') return eq(accounts.partnerId, scope.partnerId);
  if (scope.kind === 'account') return eq(accounts.id, scope.accountId);
  return undefined;
}

const SORTS = {
  name: accounts.name, updatedAt: accounts.updatedAt, arr: accounts.arr,
} as const;
/** The cursor of each sort: its value kind follows the sort column. */
const CURSORS = {
  name: { value: 'string', id: 'uuid' }, updatedAt: { value: 'datetime', id: 'uuid' }, arr: { value: 'number', id: 'uuid' },
} as const satisfies Record<keyof typeof SORTS, CursorShape>;

// A page of accounts is rendered to JSON by PostgreSQL: the server forwards one text value instead of parsing 50
// rows into objects and serialising them again, which is most of a list request's CPU. Timestamps are formatted
// exactly like JSON.stringify formats a Date, so list and detail responses agree.
const accountJson = sql.raw(`json_build_object(${Object.entries(getTableColumns(accounts)).map(([key, col]) =>
  `'${key}', ${col.columnType === 'PgTimestamp'
    ? `to_char(p."${col.name}" AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`
    : `p."${col.name}"`}`).join(', ')})`);

export interface JsonPage { items: string; more: boolean; lastValue: string | number | null; lastId: string | null; total: number; totalExact: boolean }

/**
 * Counting stops here. Up to the cap the exact count rides along in the page's statement (one round trip, at most
 * a thousand index entries); past it the planner's estimate of the filtered rows stands in ("about 98,000"), as
 * counting a hundred thousand rows would cost more than the page itself.
 */
export const COUNT_CAP = 1_000;

/**
 * The page as a JSON array text, whether there is a next page, and the sort key of its last row. The statement is
 * built once per shape (sort, scope kind, filters present, search kind, cursor, page size; db/compiled.ts) and run
 * with the request's values: building it with drizzle cost more CPU than the rest of the request.
 */
export async function listAccountsJson(database: Pick<Database, 'query'>, db: Executor, scope: RowScope, q: AccountListQuery): Promise<JsonPage> {
  const field = q.sort.replace('-', '') as keyof typeof SORTS;
  const byEmail = !!q.q && q.q.includes('@');
  const values: Record<string, unknown> = {
    segment: q.segment, lifecycleStage: q.lifecycleStage, region: q.region, partnerId: q.partnerId, ownerId: q.ownerId,
    pattern: q.q ? likePattern(q.q) : undefined, email: byEmail ? q.q!.toLowerCase() : undefined,
  };
  if (scope.kind === 'partner') values.scopePartnerId = scope.partnerId;
  if (scope.kind === 'account') values.scopeAccountId = scope.accountId;
  if (q.cursor) [values.afterValue, values.afterId] = decodeCursor(q.cursor, CURSORS[field]);
  const key = ['accounts', q.sort, scope.kind, q.deleted ?? '', !!q.segment, !!q.lifecycleStage, !!q.region, !!q.partnerId, !!q.ownerId,
    q.q ? (byEmail ? 'email' : 'text') : '', !!q.cursor, q.limit].join(':');
  const [row] = await runCompiled<{ items: string; n: number; last_value: string | null; last_id: string | null; total: number }>(database, key, () => {
    const p = sql.placeholder;
    const shape = {
      ...q, segment: q.segment && p('segment'), lifecycleStage: q.lifecycleStage && p('lifecycleStage'), region: q.region && p('region'),
      partnerId: q.partnerId && p('partnerId'), ownerId: q.ownerId && p('ownerId'),
    } as unknown as AccountListQuery;
    const scoped = (scope.kind === 'partner' ? { kind: 'partner', partnerId: p('scopePartnerId') }
      : scope.kind === 'account' ? { kind: 'account', accountId: p('scopeAccountId') } : scope) as RowScope;
    const search = { pattern: p('pattern'), email: p('email') };
    const dir = q.sort.startsWith('-') ? sql.raw('DESC') : sql.raw('ASC');
    const col = sql.raw(`p."${SORTS[field].name}"`);
    const lastKey = field === 'updatedAt'
      ? sql`to_char(p.updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : sql`${col}::text`;
    return sql`
    SELECT coalesce(json_agg(${accountJson} ORDER BY p.rn) FILTER (WHERE p.rn <= ${pageLimit(q.limit)}), '[]')::text AS items,
      count(*)::int AS n,
      max(${lastKey}) FILTER (WHERE p.rn = ${pageLimit(q.limit)}) AS last_value,
      max(p.id::text) FILTER (WHERE p.rn = ${pageLimit(q.limit)}) AS last_id,
      (SELECT count(*)::int FROM (SELECT 1 FROM ${accounts} WHERE ${and(...accountFilters(scoped, shape, search))} LIMIT ${pageLimit(COUNT_CAP + 1)}) c) AS total
    FROM (SELECT i.*, row_number() OVER (ORDER BY ${sql.raw(`i."${SORTS[field].name}"`)} ${dir}, i.id ${dir}) AS rn
      FROM (${listAccountsQuery(db, scoped, shape, { search, after: [p('afterValue'), p('afterId')] })}) i) p`;
  }, values);
  const lastValue = field === 'arr' && row.last_value !== null ? Number(row.last_value) : row.last_value;
  const counted = Number(row.total);
  if (counted <= COUNT_CAP) return { items: row.items, more: row.n > q.limit, lastValue, lastId: row.last_id, total: counted, totalExact: true };
  return { items: row.items, more: row.n > q.limit, lastValue, lastId: row.last_id, total: await estimateCount(db, scope, q), totalExact: false };
}

// The planner's estimate changes only when the table is analysed, yet asking for it is a round trip and a planning
// of its own: each filter combination keeps its estimate for a minute (a figure shown as "about 98,000"), per database
// handle (a process may hold several databases; inside a transaction the cache is the transaction's own).
const ESTIMATE_TTL_MS = 60_000;
const estimatesOf = new WeakMap<object, Map<string, { rows: number; until: number }>>();

/** The planner's row estimate for the filters, to two significant digits; never below the cap the count passed. */
async function estimateCount(db: Executor, scope: RowScope, q: AccountListQuery): Promise<number> {
  const { cursor: _cursor, limit: _limit, sort: _sort, ...filters } = q;
  const key = JSON.stringify([scope, filters]);
  let estimates = estimatesOf.get(db);
  if (!estimates) estimatesOf.set(db, estimates = new Map());
  const hit = estimates.get(key);
  if (hit && hit.until > Date.now()) return hit.rows;
  const res = (await db.execute(sql`EXPLAIN (FORMAT JSON) SELECT 1 FROM ${accounts} WHERE ${and(...accountFilters(scope, q))}`)) as unknown as { rows: Record<string, unknown>[] };
  const cell = Object.values(res.rows[0] ?? {})[0];
  const plan = (typeof cell === 'string' ? JSON.parse(cell) : cell) as { Plan?: { 'Plan Rows'?: number } }[] | undefined;
  const rows = Number(plan?.[0]?.Plan?.['Plan Rows'] ?? 0);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(rows, 1))) - 1);
  const estimate = Math.max(COUNT_CAP, Math.round(rows / magnitude) * magnitude);
  if (estimates.size >= 1_000) estimates.clear();
  estimates.set(key, { rows: estimate, until: Date.now() + ESTIMATE_TTL_MS });
  return estimate;
}

/** What the list filters on (scope, deleted, search, facets): the page and its count share it; the cursor is the page's. */
function accountFilters(scope: RowScope, q: AccountListQuery, search?: { pattern: unknown; email: unknown }): SQL[] {
  const where: (SQL | undefined)[] = [
    q.deleted === 'only' ? isNotNull(accounts.deletedAt) : isNull(accounts.deletedAt),
    scopeWhere(scope),
    q.segment ? eq(accounts.segment, q.segment) : undefined,
    q.lifecycleStage ? eq(accounts.lifecycleStage, q.lifecycleStage) : undefined,
    q.region ? eq(accounts.region, q.region) : undefined,
    q.partnerId ? eq(accounts.partnerId, q.partnerId) : undefined,
    q.ownerId ? or(eq(accounts.aeId, q.ownerId), eq(accounts.csmId, q.ownerId)) : undefined,
  ];
  if (q.q) {
    const pattern = search?.pattern ?? likePattern(q.q);
    // An email address also finds the account of the contact who has it (support looks a caller up by email; exact
    // match on contacts_email_idx).
    const byContact = q.q.includes('@')
      ? sql`EXISTS (SELECT 1 FROM ${contacts} WHERE ${contacts.accountId} = ${accounts.id} AND lower(${contacts.email}) = ${search?.email ?? q.q.toLowerCase()} AND ${contacts.deletedAt} IS NULL)`
      : undefined;
    where.push(or(sql`lower(${accounts.name}) LIKE ${pattern}`, sql`lower(${accounts.domain}) LIKE ${pattern}`, byContact));
  }
  return where.filter((w): w is SQL => w !== undefined);
}

const likePattern = (text: string) => `%${text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * The list query itself (benchmarks run its SQL raw to compare). `slots` builds it with placeholders for the search
 * and the cursor (listAccountsJson compiles it once per shape).
 */
export function listAccountsQuery(db: Executor, scope: RowScope, q: AccountListQuery, slots?: { search: { pattern: unknown; email: unknown }; after: [unknown, string | SQLWrapper] }) {
  const field = q.sort.replace('-', '') as keyof typeof SORTS;
  const column = SORTS[field];
  const descending = q.sort.startsWith('-');
  const where: (SQL | undefined)[] = accountFilters(scope, q, slots?.search);
  if (q.cursor) {
    const [value, id] = slots?.after ?? decodeCursor(q.cursor, CURSORS[field]);
    // Timestamps stay strings cast in SQL: a JS Date would drop the microseconds and repeat rows across pages.
    const v = field === 'updatedAt' ? sql`${value}::timestamptz` : value;
    const cmp = descending ? lt : gt;
    where.push(or(cmp(column, v as never), and(eq(column, v as never), cmp(accounts.id, id))));
  }
  const order = descending ? [desc(column), desc(accounts.id)] : [asc(column), asc(accounts.id)];
  return db.select().from(accounts).where(and(...where)).orderBy(...order).limit(pageLimit(q.limit + 1));
}

export async function findAccount(db: Executor, scope: RowScope, id: string, opts: { deleted?: boolean; lock?: boolean } = {}) {
  const query = db.select().from(accounts).where(and(
    eq(accounts.id, id), scopeWhere(scope), opts.deleted ? isNotNull(accounts.deletedAt) : isNull(accounts.deletedAt),
  ));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function insertAccount(db: Executor, values: typeof accounts.$inferInsert): Promise<AccountRow> {
  const [row] = await db.insert(accounts).values(values).returning();
  return row;
}

/** Optimistic concurrency: updates only when the caller saw the current version. */
export async function updateAccount(db: Executor, id: string, version: number, patch: Partial<typeof accounts.$inferInsert>) {
  const [row] = await db.update(accounts)
    .set({ ...patch, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(accounts.id, id), eq(accounts.version, version), isNull(accounts.deletedAt)))
    .returning();
  return row ?? null;
}

export async function setDeleted(db: Executor, id: string, deleted: boolean) {
  const [row] = await db.update(accounts)
    .set({ deletedAt: deleted ? new Date() : null, version: sql`${accounts.version} + 1`, updatedAt: new Date() })
    .where(and(eq(accounts.id, id), deleted ? isNull(accounts.deletedAt) : isNotNull(accounts.deletedAt)))
    .returning();
  return row ?? null;
}

/** Portfolio figures for dashboards: counts and ARR by lifecycle stage and segment, in one grouped scan. */
export async function summarize(db: Executor, scope: RowScope) {
  return db.select({
    lifecycleStage: accounts.lifecycleStage, segment: accounts.segment,
    accounts: sql<number>`count(*)::int`, arr: sql<number>`coalesce(sum(${accounts.arr}), 0)::bigint`,
  }).from(accounts).where(and(isNull(accounts.deletedAt), scopeWhere(scope)))
    .groupBy(accounts.lifecycleStage, accounts.segment);
}
