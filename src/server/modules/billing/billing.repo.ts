// SQL of billing: invoices, payments, credit notes, dunning events, document numbers, and the context a milestone
// invoice needs (milestone, project, contract). Reads are limited by the caller's row scope: partner users see their
// partner's invoices, customer users their own account's. Lists are keyset pages on the invoices indexes.
import { and, asc, desc, eq, gte, inArray, isNotNull, isNull, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { RowScope } from '../../../core/access/roles';
import type { InvoiceListQuery, PaymentListQuery } from '../../../core/billing';
import { decodeCursor } from '../../../core/pagination';
import type { Database, Executor, Tx } from '../../db/client';
import { runCompiled, wireList } from '../../db/compiled';
import { pageLimit } from '../../db/statements';
import {
  OPEN_INVOICE_PREDICATE, accounts, billingDaily, billingSequences, contracts, creditNotes, dunningEvents, invoices, payments,
  projectMilestones, projects, users,
} from '../../db/schema';

export type InvoiceRow = typeof invoices.$inferSelect;
export type NewInvoice = typeof invoices.$inferInsert;
export type PaymentRow = typeof payments.$inferSelect;
export type CreditNoteRow = typeof creditNotes.$inferSelect;
const i = invoices;

export async function rows<T>(db: Executor, q: SQL): Promise<T[]> {
  return ((await db.execute(q)) as unknown as { rows: T[] }).rows;
}

export function scopeWhere(scope: RowScope): SQL | undefined {
  if (scope.kind === 'partner') return eq(i.partnerId, scope.partnerId);
  if (scope.kind === 'account') return eq(i.accountId, scope.accountId);
  return undefined;
}

/** The open invoices' predicate, column-qualified (the partial indexes' WHERE). */
export const openOnly = sql`${i.status} IN ('issued', 'partially_paid') AND ${i.deletedAt} IS NULL`;

export async function findInvoice(db: Executor, scope: RowScope, id: string, opts: { lock?: boolean } = {}) {
  const q = db.select().from(i).where(and(eq(i.id, id), isNull(i.deletedAt), scopeWhere(scope)));
  const [row] = opts.lock ? await q.for('update') : await q;
  return row ?? null;
}

export async function insertInvoice(tx: Tx, values: NewInvoice): Promise<InvoiceRow> {
  const [row] = await tx.insert(i).values(values).returning();
  return row;
}

/** A change to an invoice: bumps the version; with `version`, only when the row is still at it. */
export async function updateInvoice(tx: Tx, id: string, patch: Partial<NewInvoice>, version?: number) {
  const [row] = await tx.update(i).set({ ...patch, version: sql`${i.version} + 1`, updatedAt: new Date() })
    .where(and(eq(i.id, id), version === undefined ? undefined : eq(i.version, version)))
    .returning();
  return row ?? null;
}

/** A system note on the invoice (dunning step taken): no version bump, the user's edit stays valid. */
export async function markDunning(tx: Tx, id: string, patch: { dunningStep: string; escalatedAt?: Date }) {
  await tx.update(i).set(patch).where(eq(i.id, id));
}

/**
 * Takes the next `n` numbers of a gapless sequence (e.g. 'INV-2026'). The upsert locks the counter row until the
 * transaction ends, so concurrent issuers queue and a rolled-back transaction gives its numbers back.
 * Returns the first number taken.
 */
export async function takeNumbers(tx: Tx, key: string, n = 1): Promise<number> {
  const [row] = await tx.insert(billingSequences).values({ key, value: n })
    .onConflictDoUpdate({ target: billingSequences.key, set: { value: sql`${billingSequences.value} + ${n}` } })
    .returning({ value: billingSequences.value });
  return row.value - n + 1;
}

export async function activeMilestoneInvoice(db: Executor, milestoneId: string) {
  const [row] = await db.select({ id: i.id, number: i.number }).from(i)
    .where(and(eq(i.milestoneId, milestoneId), sql`${i.status} <> 'void'`, isNull(i.deletedAt)));
  return row ?? null;
}

/** What a milestone invoice is built from: the milestone, its project (status, partner) and the contract terms. */
export async function milestoneContext(db: Executor, milestoneId: string) {
  const [row] = await db.select({
    milestone: projectMilestones,
    project: { id: projects.id, name: projects.name, status: projects.status, partnerId: projects.partnerId, contractId: projects.contractId, accountId: projects.accountId, currency: projects.currency },
  }).from(projectMilestones).innerJoin(projects, eq(projects.id, projectMilestones.projectId))
    .where(and(eq(projectMilestones.id, milestoneId), isNull(projectMilestones.deletedAt)));
  return row ?? null;
}

export async function findProject(db: Executor, id: string) {
  const [row] = await db.select({ id: projects.id, name: projects.name, status: projects.status, accountId: projects.accountId, partnerId: projects.partnerId, contractId: projects.contractId })
    .from(projects).where(and(eq(projects.id, id), isNull(projects.deletedAt)));
  return row ?? null;
}

export async function findContract(db: Executor, id: string) {
  const [row] = await db.select().from(contracts).where(and(eq(contracts.id, id), isNull(contracts.deletedAt)));
  return row ?? null;
}

export async function accountBrief(db: Executor, id: string) {
  const [row] = await db.select({ id: accounts.id, name: accounts.name, partnerId: accounts.partnerId, currency: accounts.currency, aeId: accounts.aeId, csmId: accounts.csmId, country: accounts.country, domain: accounts.domain })
    .from(accounts).where(and(eq(accounts.id, id), isNull(accounts.deletedAt)));
  return row ?? null;
}

export async function userNames(db: Executor, ids: (string | null)[]) {
  const wanted = ids.filter((x): x is string => !!x);
  if (!wanted.length) return new Map<string, string>();
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted));
  return new Map(found.map((u) => [u.id, u.name]));
}

// ---------------------------------------------------------------- lists

export const listColumns = {
  id: i.id, number: i.number, accountId: i.accountId, accountName: accounts.name, partnerId: i.partnerId, contractId: i.contractId,
  projectId: i.projectId, milestoneId: i.milestoneId, kind: i.kind, status: i.status, currency: i.currency,
  issueDate: i.issueDate, dueDate: i.dueDate, periodStart: i.periodStart, periodEnd: i.periodEnd, total: i.total,
  amountPaid: i.amountPaid, amountCredited: i.amountCredited, balance: i.balance, paidAt: i.paidAt, dunningStep: i.dunningStep,
  escalatedAt: i.escalatedAt, version: i.version,
};

/**
 * A page of invoices, newest first. With an account (or a customer's scope) or a partner's scope the page walks
 * invoices_account_idx / invoices_partner_idx. Otherwise it is one ordered branch per status on invoices_status_idx
 * (status, issue_date, id), merged by UNION ALL: the first page of 1M invoices reads a few rows per status instead of
 * sorting the table. A contract or project filter is narrowed to its account first (neither column is indexed).
 */
export type InvoiceListRow = Omit<{ [K in keyof typeof listColumns]: (typeof listColumns)[K]['_']['data'] | ((typeof listColumns)[K] extends { _: { notNull: true } } ? never : null) },
  'paidAt' | 'escalatedAt'> & { paidAt: string | null; escalatedAt: string | null };

/**
 * A page of invoices, newest issue date first. Without a narrower filter each status is read as its own index range
 * (invoices_status_issue_idx) and the ranges are merged by the statement itself, so only the page comes back. Built
 * once per shape (scope kind, filters present, page size) and run with the request's values; rows come JSON-ready
 * (db/compiled.ts: dates as text, amounts as numbers, timestamps as ISO text).
 */
export async function listInvoices(database: Pick<Database, 'query'>, db: Executor, scope: RowScope, q: InvoiceListQuery, today: string): Promise<InvoiceListRow[]> {
  let accountId = q.accountId;
  if (!accountId && (q.contractId || q.projectId)) {
    const [owner] = q.contractId
      ? await db.select({ id: contracts.accountId }).from(contracts).where(eq(contracts.id, q.contractId))
      : await db.select({ id: projects.accountId }).from(projects).where(eq(projects.id, q.projectId!));
    if (!owner) return [];
    accountId = owner.id;
  }
  const statuses: InvoiceRow['status'][] = q.status === 'open' || q.overdue || q.escalated ? ['issued', 'partially_paid']
    : q.status ? [q.status] : ['issued', 'partially_paid', 'paid', 'void', 'draft'];
  const single = !!accountId || scope.kind !== 'all' || statuses.length === 1;
  const values: Record<string, unknown> = { kind: q.kind, accountId, contractId: q.contractId, projectId: q.projectId, today, status: q.status };
  statuses.forEach((st, n) => { values[`status${n}`] = st; });
  if (scope.kind === 'partner') values.scopePartnerId = scope.partnerId;
  if (scope.kind === 'account') values.scopeAccountId = scope.accountId;
  if (q.cursor) [values.afterDate, values.afterId] = decodeCursor(q.cursor, { value: 'date', id: 'uuid' });
  const key = ['invoices', scope.kind, !!q.kind, !!accountId, !!q.contractId, !!q.projectId, String(q.overdue), q.escalated === true,
    !!q.cursor, single ? `one:${q.status === 'open' ? 'open' : !!q.status}` : statuses.join(','), q.limit].join(':');
  return runCompiled<InvoiceListRow>(database, key, () => {
    const p = sql.placeholder;
    const filters = [
      isNull(i.deletedAt),
      scope.kind === 'partner' ? eq(i.partnerId, p('scopePartnerId')) : scope.kind === 'account' ? eq(i.accountId, p('scopeAccountId')) : undefined,
      q.kind ? eq(i.kind, p('kind')) : undefined,
      accountId ? eq(i.accountId, p('accountId')) : undefined,
      q.contractId ? eq(i.contractId, p('contractId')) : undefined,
      q.projectId ? eq(i.projectId, p('projectId')) : undefined,
      q.overdue === true ? and(openOnly, lt(i.dueDate, p('today'))) : q.overdue === false ? or(sql`NOT (${openOnly})`, gte(i.dueDate, p('today'))) : undefined,
      q.escalated === true ? and(openOnly, isNotNull(i.escalatedAt)) : undefined,
      // Keyset on (issue_date DESC, id DESC): newest first.
      q.cursor ? or(lt(i.issueDate, p('afterDate')), and(eq(i.issueDate, p('afterDate')), lt(i.id, p('afterId')))) : undefined,
    ];
    const page = (status?: SQL) => sql`select ${wireList(listColumns)} from ${i} inner join ${accounts} on ${eq(accounts.id, i.accountId)}
      where ${and(...filters, status)} order by ${i.issueDate} desc, ${i.id} desc limit ${pageLimit(q.limit + 1)}`;
    if (single) return page(q.status === 'open' ? openOnly : q.status ? eq(i.status, p('status')) : undefined);
    // Merged as the pages' union sorted by issue date (invoices without one last) and id, newest first.
    const ranges = sql.join(statuses.map((_, n) => sql`(${page(eq(i.status, p(`status${n}`)))})`), sql` union all `);
    return sql`select * from (${ranges}) u order by u."issueDate" desc nulls last, u."id" desc limit ${pageLimit(q.limit + 1)}`;
  }, values);
}

export async function invoicePayments(db: Executor, invoiceId: string) {
  return db.select().from(payments).where(and(eq(payments.invoiceId, invoiceId), isNull(payments.deletedAt)))
    .orderBy(asc(payments.receivedOn), asc(payments.createdAt));
}

export async function invoiceCreditNotes(db: Executor, invoiceId: string) {
  return db.select().from(creditNotes).where(and(eq(creditNotes.invoiceId, invoiceId), isNull(creditNotes.deletedAt)))
    .orderBy(asc(creditNotes.issuedOn), asc(creditNotes.number));
}

export async function invoiceDunning(db: Executor, invoiceId: string) {
  return db.select().from(dunningEvents).where(eq(dunningEvents.invoiceId, invoiceId)).orderBy(asc(dunningEvents.at), asc(dunningEvents.id));
}

export async function insertPayment(tx: Tx, values: typeof payments.$inferInsert) {
  const [row] = await tx.insert(payments).values(values).returning();
  return row;
}

export async function paymentWithReference(db: Executor, invoiceId: string, reference: string) {
  const [row] = await db.select({ id: payments.id, amount: payments.amount, receivedOn: payments.receivedOn }).from(payments)
    .where(and(eq(payments.invoiceId, invoiceId), eq(payments.reference, reference), isNull(payments.deletedAt)));
  return row ?? null;
}

export async function insertCreditNote(tx: Tx, values: typeof creditNotes.$inferInsert) {
  const [row] = await tx.insert(creditNotes).values(values).returning();
  return row;
}

/** A dunning step taken (at most once per invoice and step). Returns null when it was taken already. */
export async function insertDunningEvent(tx: Tx, values: typeof dunningEvents.$inferInsert) {
  const [row] = await tx.insert(dunningEvents).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Keyset on (received_on DESC, id DESC), scoped through the payment's account or its invoice's partner. */
export function listPayments(db: Executor, scope: RowScope, q: PaymentListQuery) {
  let after: SQL | undefined;
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor, { value: 'date', id: 'uuid' });
    after = or(lt(payments.receivedOn, value), and(eq(payments.receivedOn, value), lt(payments.id, id)));
  }
  return db.select({
    id: payments.id, invoiceId: payments.invoiceId, invoiceNumber: i.number, accountId: payments.accountId, accountName: accounts.name,
    amount: payments.amount, currency: payments.currency, receivedOn: payments.receivedOn, method: payments.method,
    reference: payments.reference, recordedBy: payments.recordedBy, createdAt: payments.createdAt,
  }).from(payments).innerJoin(i, eq(i.id, payments.invoiceId)).innerJoin(accounts, eq(accounts.id, payments.accountId))
    .where(and(
      isNull(payments.deletedAt), scopeWhere(scope),
      q.accountId ? eq(payments.accountId, q.accountId) : undefined,
      q.invoiceId ? eq(payments.invoiceId, q.invoiceId) : undefined,
      q.from ? gte(payments.receivedOn, q.from) : undefined,
      q.to ? lte(payments.receivedOn, q.to) : undefined,
      after,
    ))
    .orderBy(desc(payments.receivedOn), desc(payments.id))
    .limit(q.limit + 1);
}

// ---------------------------------------------------------------- finance aggregates (set-based, index-only)

/** Open balances grouped by due date: an index-only scan of invoices_open_due_idx (due_date, balance). */
const openByDueDateSql = sql`
  SELECT due_date::text AS "dueDate", count(*)::int AS count, sum(balance)::bigint AS balance
  FROM invoices WHERE ${sql.raw(OPEN_INVOICE_PREDICATE)} GROUP BY due_date`;

/** Moves of one day in the receivables rollup (billing_daily), in the transaction of the change. */
export async function addDaily(tx: Tx, day: string, delta: { billed?: number; collected?: number; credited?: number }) {
  const v = { billed: delta.billed ?? 0, collected: delta.collected ?? 0, credited: delta.credited ?? 0 };
  await tx.insert(billingDaily).values({ day, ...v }).onConflictDoUpdate({
    target: billingDaily.day,
    set: {
      billed: sql`${billingDaily.billed} + excluded.billed`, collected: sql`${billingDaily.collected} + excluded.collected`,
      credited: sql`${billingDaily.credited} + excluded.credited`,
    },
  });
}

/** The rollup's days since `from` (a primary-key range of at most a few hundred rows). */
const dailyFromSql = (from: string) => sql`SELECT day::text AS day, billed, collected, credited FROM billing_daily WHERE day >= ${from}::date`;
export const dailyFrom = (db: Executor, from: string) => rows<{ day: string; billed: number; collected: number; credited: number }>(db, dailyFromSql(from));

/** The rollup computed from the documents themselves: billed (non-void invoices), collected (payments), credited. */
const directDailySql = (from: string) => `
  SELECT day, sum(billed)::bigint AS billed, sum(collected)::bigint AS collected, sum(credited)::bigint AS credited FROM (
    SELECT issue_date AS day, total AS billed, 0 AS collected, 0 AS credited FROM invoices
      WHERE status <> 'draft' AND status <> 'void' AND deleted_at IS NULL AND issue_date >= '${from}'
    UNION ALL SELECT received_on, 0, amount, 0 FROM payments WHERE deleted_at IS NULL AND received_on >= '${from}'
    UNION ALL SELECT issued_on, 0, 0, amount FROM credit_notes WHERE deleted_at IS NULL AND issued_on >= '${from}') m
  GROUP BY day`;

export function directDaily(db: Executor, from: string) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(from)) throw new Error(`Not a date: ${from}`);
  return rows<{ day: string; billed: number; collected: number; credited: number }>(db, sql.raw(`
    SELECT day::text AS day, billed, collected, credited FROM (${directDailySql(from)}) d`));
}

/** Rebuilds the rollup set-based (after bulk loads: demo, benchmarks, imports). */
export async function rebuildDaily(tx: Tx) {
  await tx.execute(sql.raw('LOCK TABLE billing_daily IN EXCLUSIVE MODE'));
  await tx.execute(sql.raw('DELETE FROM billing_daily'));
  await tx.execute(sql.raw(`INSERT INTO billing_daily (day, billed, collected, credited) ${directDailySql('0001-01-01')}`));
}

/**
 * The dunning queue: open invoices whose next step is due (the step after the last one taken falls on or before
 * today) or that are escalated; most overdue first. `steps` are the playbook's (id, dayOffset) in order; the next
 * step's offset is looked up in SQL so the scan walks invoices_open_due_idx by due date and stops at the limit.
 */
function dunningQueueSql(steps: { id: string; dayOffset: number }[], today: string, limit: number) {
  // next offset after dunning_step: CASE over the ordered steps (NULL → the first step; the last step → none).
  const cases = steps.map((s, k) => (k + 1 < steps.length ? sql`WHEN ${s.id} THEN ${steps[k + 1].dayOffset}::int` : sql`WHEN ${s.id} THEN NULL::int`));
  const nextOffset = sql`CASE WHEN i.dunning_step IS NULL THEN ${steps[0].dayOffset}::int ELSE (CASE i.dunning_step ${sql.join(cases, sql` `)} ELSE ${steps[0].dayOffset}::int END) END`;
  const earliest = Math.min(...steps.map((s) => s.dayOffset));
  return sql`
    SELECT i.id, i.number, i.account_id AS "accountId", a.name AS "accountName", i.due_date::text AS "dueDate", i.balance, i.total, i.currency,
      i.dunning_step AS "dunningStep", to_char(i.escalated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "escalatedAt",
      (${today}::date - i.due_date) AS "daysPastDue"
    FROM invoices i
    CROSS JOIN LATERAL (SELECT ${nextOffset} AS next_offset) n
    JOIN accounts a ON a.id = i.account_id
    WHERE ${sql.raw(OPEN_INVOICE_PREDICATE.replace(/status|deleted_at/g, (c) => `i.${c}`))}
      AND i.due_date <= ${today}::date - ${earliest}::int
      AND (i.escalated_at IS NOT NULL OR (n.next_offset IS NOT NULL AND i.due_date + n.next_offset <= ${today}::date))
    ORDER BY i.due_date, i.id
    LIMIT ${limit}`;
}

export interface FinanceSnapshot {
  open: { dueDate: string; count: number; balance: number }[];
  daily: { day: string; billed: number; collected: number; credited: number }[];
  queue: {
    id: string; number: string | null; accountId: string; accountName: string; dueDate: string; balance: number; total: number; currency: string;
    dunningStep: string | null; escalatedAt: string | null; daysPastDue: number;
  }[];
}

/**
 * Everything the finance summary reads, in one statement (one round trip, one backend): open balances per due date,
 * the rollup days since `from` and the first `limit` invoices of the dunning queue. Each part is a small set-based read
 * on its own index; they come back as JSON arrays.
 */
export async function financeSnapshot(db: Executor, p: { from: string; today: string; steps: { id: string; dayOffset: number }[]; queueLimit: number }): Promise<FinanceSnapshot> {
  const queue = p.steps.length && p.queueLimit > 0 ? sql`(SELECT coalesce(json_agg(q), '[]') FROM (${dunningQueueSql(p.steps, p.today, p.queueLimit)}) q)` : sql`'[]'::json`;
  const [row] = await rows<{ open: FinanceSnapshot['open']; daily: FinanceSnapshot['daily']; queue: FinanceSnapshot['queue'] }>(db, sql`
    SELECT (SELECT coalesce(json_agg(o), '[]') FROM (${openByDueDateSql}) o) AS open,
      (SELECT coalesce(json_agg(d), '[]') FROM (${dailyFromSql(p.from)}) d) AS daily,
      ${queue} AS queue`);
  const parse = <T>(v: T | string): T => (typeof v === 'string' ? JSON.parse(v) as T : v);
  return { open: parse(row.open), daily: parse(row.daily), queue: parse(row.queue) };
}
