// Subscription billing of a contract's ARR. Signing a contract starts the subscription (billing period from the
// playbook, default annual; finance may change it per subscription) and issues the first period's invoice. A daily job
// issues every period that has come due, set-based: due subscriptions are locked in batches (SKIP LOCKED, so several
// workers share the work), their invoices inserted in one statement (the unique invoices_period_uq makes a rerun a
// no-op), numbered gaplessly in one update, the subscriptions advanced in one update, audit and timeline rows written
// in one statement each; the per-invoice event and dunning timer follow.
import { sql } from 'drizzle-orm';
import { rowScopeFor } from '../../../core/access/roles';
import {
  BILLING_PERIODS, dateOf, documentNumber, dueDate, dunningSteps, formatMoney, nextInvoiceDate, periodFrom, sequenceKey, subscriptionLine,
  type BillingPeriod, type SubscriptionListQuery, type SubscriptionTerms, type SubscriptionUpdate,
} from '../../../core/billing';
import { AppError, notFound } from '../../../core/errors';
import { decodeCursor, toPage } from '../../../core/pagination';
import type { Playbook } from '../../../core/playbook';
import { transaction, type Tx } from '../../db/client';
import { subscriptions } from '../../db/schema';
import type { Ctx, Deps } from '../../http/env';
import { systemCtx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './billing.repo';
import { DUNNING_TIMER, scheduleDunning } from './dunning';
import { issueInvoiceTx } from './invoices.service';

type SubscriptionRow = typeof subscriptions.$inferSelect;

export const defaultPeriod = (playbook: Playbook): BillingPeriod => {
  const p = (playbook.billing as { subscriptionBillingPeriod?: string }).subscriptionBillingPeriod;
  return (BILLING_PERIODS as readonly string[]).includes(p ?? '') ? p as BillingPeriod : 'annual';
};
const termsOf = (s: Pick<SubscriptionRow, 'arr' | 'startDate' | 'endDate' | 'billingPeriod'>): SubscriptionTerms =>
  ({ arr: s.arr, startDate: s.startDate, endDate: s.endDate, period: s.billingPeriod });

/**
 * contract.signed → the subscription and its first invoice (issued today, for the first period from the contract
 * start). Idempotent: one subscription per contract (subscriptions_contract_uq).
 */
export async function startSubscriptionTx(ctx: Ctx, tx: Tx, contractId: string, now = new Date()) {
  const contract = await repo.findContract(tx, contractId);
  if (!contract || contract.arr <= 0 || contract.status === 'cancelled' || contract.status === 'ended') return null;
  const { playbook } = await currentPlaybook(tx);
  const period = defaultPeriod(playbook);
  const [sub] = await tx.insert(subscriptions).values({
    contractId, accountId: contract.accountId, partnerId: contract.partnerId, arr: contract.arr, currency: contract.currency,
    billingPeriod: period, startDate: contract.startDate, endDate: contract.endDate, nextInvoiceDate: contract.startDate,
  }).onConflictDoNothing().returning();
  if (!sub) return null;
  await audit(ctx, tx, { action: 'subscription.create', entityType: 'subscription', entityId: sub.id, accountId: sub.accountId, after: sub });
  await logSystemActivity(ctx, tx, sub.accountId, `Subscription started: ${formatMoney(sub.arr, sub.currency)} ARR, billed ${period}`,
    `${sub.startDate} – ${sub.endDate}; invoiced in advance per period, Net ${playbook.billing.paymentTermsDays}.`, { type: 'subscription', id: sub.id });
  const invoice = await issueNextPeriodTx(ctx, tx, playbook, sub, contract.modules, dateOf(now));
  return { subscription: sub, invoice };
}

/** Issues the period starting at the subscription's next invoice date and advances it (one subscription). */
async function issueNextPeriodTx(ctx: Ctx, tx: Tx, playbook: Playbook, sub: SubscriptionRow, modules: string[], issueDate: string) {
  if (!sub.nextInvoiceDate) return null;
  const terms = termsOf(sub);
  const p = periodFrom(terms, sub.nextInvoiceDate);
  const next = p ? nextInvoiceDate(terms, p) : null;
  await tx.update(subscriptions).set({ nextInvoiceDate: next, updatedAt: new Date() }).where(sql`${subscriptions.id} = ${sub.id}`);
  if (!p || p.amount <= 0) return null;
  return issueInvoiceTx(ctx, tx, playbook, {
    kind: 'subscription', accountId: sub.accountId, partnerId: sub.partnerId, contractId: sub.contractId, currency: sub.currency,
    issueDate, periodStart: p.start, periodEnd: p.end, lines: [subscriptionLine(p, sub.billingPeriod, modules)],
  });
}

interface DueRow {
  id: string; contractId: string; accountId: string; partnerId: string | null; arr: number; currency: string;
  billingPeriod: BillingPeriod; startDate: string; endDate: string; nextInvoiceDate: string; modules: string[]; invoiced: boolean;
}

/**
 * The daily run: issues every subscription period due by `today`, in batches of `batch` subscriptions per transaction.
 * Also ends subscriptions past their term and gives open invoices without a dunning timer (loaded or imported
 * outside the API) their next step.
 */
export async function runSubscriptionBilling(deps: Deps, now = new Date(), batch = 500) {
  const ctx = systemCtx(deps, 'billing.daily');
  const today = dateOf(now);
  const out = { issued: 0, advanced: 0, ended: 0, dunningScheduled: 0 };
  for (let round = 0; round < 10_000; round++) {
    const done = await transaction(deps.database, async (tx) => {
      const due = await repo.rows<DueRow>(tx, sql`
        SELECT s.id, s.contract_id AS "contractId", s.account_id AS "accountId", s.partner_id AS "partnerId", s.arr, s.currency,
          s.billing_period AS "billingPeriod", s.start_date::text AS "startDate", s.end_date::text AS "endDate",
          s.next_invoice_date::text AS "nextInvoiceDate", c.modules,
          EXISTS (SELECT 1 FROM invoices i WHERE i.contract_id = s.contract_id AND i.kind = 'subscription' AND i.period_start = s.next_invoice_date
            AND i.status <> 'void' AND i.deleted_at IS NULL) AS invoiced
        FROM subscriptions s JOIN contracts c ON c.id = s.contract_id
        WHERE s.status = 'active' AND s.deleted_at IS NULL AND s.next_invoice_date <= ${today}::date
        ORDER BY s.next_invoice_date, s.id LIMIT ${batch}
        FOR UPDATE OF s SKIP LOCKED`);
      if (!due.length) return true;
      const { playbook } = await currentPlaybook(tx);
      const terms = playbook.billing.paymentTermsDays;
      const drafts: Record<string, unknown>[] = [];
      const advance: { id: string; next: string | null }[] = [];
      for (const s of due) {
        const t = termsOf({ ...s, arr: Number(s.arr) });
        const p = periodFrom(t, s.nextInvoiceDate);
        advance.push({ id: s.id, next: p ? nextInvoiceDate(t, p) : null });
        if (!p || p.amount <= 0 || s.invoiced) continue;
        const lines = [subscriptionLine(p, s.billingPeriod, s.modules ?? [])];
        drafts.push({
          account_id: s.accountId, partner_id: s.partnerId, contract_id: s.contractId, currency: s.currency, issue_date: today,
          due_date: dueDate(today, terms), period_start: p.start, period_end: p.end, lines, total: p.amount,
        });
      }
      // One INSERT for the batch; a period invoiced meanwhile is skipped by the unique index, never billed twice.
      const inserted = drafts.length ? await repo.rows<{ id: string; contractId: string }>(tx, sql`
        INSERT INTO invoices (account_id, partner_id, contract_id, kind, status, currency, issue_date, due_date, period_start, period_end, lines, subtotal, total, balance)
        SELECT v.account_id, v.partner_id, v.contract_id, 'subscription', 'issued', v.currency, v.issue_date, v.due_date, v.period_start, v.period_end, v.lines, v.total, v.total, v.total
        FROM jsonb_to_recordset(${JSON.stringify(drafts)}::jsonb) AS v(account_id uuid, partner_id uuid, contract_id uuid, currency text, issue_date date, due_date date,
          period_start date, period_end date, lines jsonb, total bigint)
        ON CONFLICT (contract_id, kind, period_start) WHERE kind = 'subscription' AND status <> 'void' AND deleted_at IS NULL DO NOTHING
        RETURNING id, contract_id AS "contractId"`) : [];
      if (inserted.length) {
        // Numbers only for rows actually inserted, in the batch's order: the sequence stays gapless.
        const order = new Map(drafts.map((d, k) => [d.contract_id as string, k]));
        inserted.sort((a, b) => order.get(a.contractId)! - order.get(b.contractId)!);
        const key = sequenceKey('INV', today);
        const first = await repo.takeNumbers(tx, key, inserted.length);
        const numbers = inserted.map((r, k) => ({ id: r.id, number: documentNumber(key, first + k) }));
        const ids = sql`ARRAY(SELECT json_array_elements_text(${JSON.stringify(inserted.map((r) => r.id))}::json))::uuid[]`;
        await tx.execute(sql`UPDATE invoices i SET number = v.number FROM jsonb_to_recordset(${JSON.stringify(numbers)}::jsonb) AS v(id uuid, number text) WHERE i.id = v.id`);
        await tx.execute(sql`
          INSERT INTO billing_daily (day, billed) SELECT issue_date, sum(total) FROM invoices WHERE id = ANY(${ids}) GROUP BY issue_date
          ON CONFLICT (day) DO UPDATE SET billed = billing_daily.billed + excluded.billed`);
        await tx.execute(sql`
          INSERT INTO audit_log (actor_label, action, entity_type, entity_id, account_id, after, request_id)
          SELECT 'system', 'invoice.issue', 'invoice', i.id::text, i.account_id, to_jsonb(i), ${ctx.requestId} FROM invoices i WHERE i.id = ANY(${ids})`);
        const issued = await repo.rows<{ id: string; number: string; accountId: string; contractId: string; total: number; currency: string; issueDate: string; dueDate: string; periodStart: string; periodEnd: string; dunningStep: string | null; description: string }>(tx, sql`
          SELECT id, number, account_id AS "accountId", contract_id AS "contractId", total, currency, issue_date::text AS "issueDate",
            due_date::text AS "dueDate", period_start::text AS "periodStart", period_end::text AS "periodEnd", dunning_step AS "dunningStep",
            lines -> 0 ->> 'description' AS description
          FROM invoices WHERE id = ANY(${ids}) ORDER BY number`);
        const activities = issued.map((r) => ({
          account_id: r.accountId, subject: `Invoice ${r.number} issued: ${formatMoney(Number(r.total), r.currency)}`,
          body: `${r.description}. Issued ${r.issueDate}, due ${r.dueDate} (Net ${terms}).`, entity_id: r.id,
        }));
        await tx.execute(sql`
          INSERT INTO activities (account_id, kind, subject, body, entity_type, entity_id)
          SELECT v.account_id, 'system', v.subject, v.body, 'invoice', v.entity_id
          FROM jsonb_to_recordset(${JSON.stringify(activities)}::jsonb) AS v(account_id uuid, subject text, body text, entity_id text)`);
        for (const r of issued) {
          await emit(ctx, tx, {
            type: 'invoice.issued', entityType: 'invoice', entityId: r.id, accountId: r.accountId,
            payload: { invoiceId: r.id, accountId: r.accountId, number: r.number, kind: 'subscription', total: Number(r.total), currency: r.currency, issueDate: r.issueDate, dueDate: r.dueDate, contractId: r.contractId, periodStart: r.periodStart, periodEnd: r.periodEnd },
          });
          await scheduleDunning(ctx, tx, playbook.billing, r, now);
        }
        out.issued += inserted.length;
      }
      // A system advance, not a user edit: the version stays, so a billing-period change loaded before still applies.
      await tx.execute(sql`
        UPDATE subscriptions s SET next_invoice_date = v.next, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(advance)}::jsonb) AS v(id uuid, next date) WHERE s.id = v.id`);
      out.advanced += advance.length;
      return false; // again: a subscription behind by several periods is due once more
    });
    if (done) break;
  }
  const ended = await repo.rows<{ n: number }>(deps.database.db, sql`
    WITH e AS (UPDATE subscriptions SET status = 'ended', updated_at = now()
      WHERE status = 'active' AND deleted_at IS NULL AND end_date < ${today}::date AND next_invoice_date IS NULL RETURNING 1)
    SELECT count(*)::int AS n FROM e`);
  out.ended = Number(ended[0]?.n ?? 0);
  out.dunningScheduled = await repairDunningTimers(deps, now);
  return out;
}

/**
 * Open invoices whose plan is not finished and that have no queued dunning timer (rows loaded set-based: demo, imports)
 * get their next step scheduled.
 */
export async function repairDunningTimers(deps: Deps, now = new Date(), limit = 1000): Promise<number> {
  const ctx = systemCtx(deps, 'billing.daily');
  return transaction(deps.database, async (tx) => {
    const { playbook } = await currentPlaybook(tx);
    const steps = dunningSteps(playbook.billing);
    const last = steps[steps.length - 1].id;
    const open = await repo.rows<{ id: string; dueDate: string; dunningStep: string | null }>(tx, sql`
      SELECT i.id, i.due_date::text AS "dueDate", i.dunning_step AS "dunningStep" FROM invoices i
      WHERE i.status IN ('issued', 'partially_paid') AND i.deleted_at IS NULL AND i.due_date IS NOT NULL
        AND i.dunning_step IS DISTINCT FROM ${last}
        AND NOT EXISTS (SELECT 1 FROM timers t WHERE t.kind = ${DUNNING_TIMER} AND t.entity_type = 'invoice' AND t.entity_id = i.id::text
          AND t.status = 'pending' AND t.job_id IS NOT NULL)
      LIMIT ${limit}`);
    let n = 0;
    for (const inv of open) if (await scheduleDunning(ctx, tx, playbook.billing, inv, now)) n++;
    return n;
  });
}

// ---------------------------------------------------------------- API

export async function listSubscriptions(ctx: Ctx, q: SubscriptionListQuery) {
  const scope = rowScopeFor(ctx.actor);
  let after = sql``;
  if (q.cursor) {
    const [value, id] = decodeCursor(q.cursor, { value: 'date', id: 'uuid' });
    after = sql`AND (s.start_date, s.id) < (${value}::date, ${id}::uuid)`;
  }
  const where = sql`s.deleted_at IS NULL
    ${scope.kind === 'partner' ? sql`AND s.partner_id = ${scope.partnerId}::uuid` : scope.kind === 'account' ? sql`AND s.account_id = ${scope.accountId}::uuid` : sql``}
    ${q.accountId ? sql`AND s.account_id = ${q.accountId}::uuid` : sql``} ${q.status ? sql`AND s.status = ${q.status}` : sql``} ${after}`;
  const rows = await repo.rows<Record<string, unknown> & { id: string; startDate: string }>(ctx.deps.database.db, sql`
    SELECT s.id, s.contract_id AS "contractId", s.account_id AS "accountId", a.name AS "accountName", s.partner_id AS "partnerId", s.arr, s.currency,
      s.billing_period AS "billingPeriod", s.start_date::text AS "startDate", s.end_date::text AS "endDate", s.next_invoice_date::text AS "nextInvoiceDate",
      s.status, s.version
    FROM subscriptions s JOIN accounts a ON a.id = s.account_id WHERE ${where}
    ORDER BY s.start_date DESC, s.id DESC LIMIT ${q.limit + 1}`);
  return toPage(rows.map((r) => ({ ...r, arr: Number(r.arr) })), q.limit, (r) => [r.startDate, r.id]);
}

/** Changes the billing period; applies from the first day not yet invoiced (prorated if it falls mid-period). */
export async function updateSubscription(ctx: Ctx, id: string, input: SubscriptionUpdate) {
  return transaction(ctx.deps.database, async (tx) => {
    const [before] = await tx.select().from(subscriptions).where(sql`${subscriptions.id} = ${id} AND ${subscriptions.deletedAt} IS NULL`).for('update');
    if (!before) throw notFound('Subscription');
    if (before.version !== input.version) {
      throw new AppError('version_conflict', `The subscription changed since you loaded it (version ${before.version}, you sent ${input.version}). Reload and try again.`, { currentVersion: before.version });
    }
    if (before.status !== 'active') throw new AppError('conflict', `The subscription is ${before.status}; its billing period cannot change.`);
    const [after] = await tx.update(subscriptions).set({ billingPeriod: input.billingPeriod, version: before.version + 1, updatedAt: new Date() })
      .where(sql`${subscriptions.id} = ${id}`).returning();
    await audit(ctx, tx, { action: 'subscription.update', entityType: 'subscription', entityId: id, accountId: before.accountId, before, after });
    await logSystemActivity(ctx, tx, before.accountId, `Subscription now billed ${input.billingPeriod}`,
      `Was ${before.billingPeriod}; applies from ${before.nextInvoiceDate ?? 'the end of the term'}.`, { type: 'subscription', id });
    await emit(ctx, tx, { type: 'subscription.updated', entityType: 'subscription', entityId: id, accountId: before.accountId, payload: { subscriptionId: id, billingPeriod: input.billingPeriod, previous: before.billingPeriod } });
    return after;
  });
}
