// Demo data of billing and collection, loaded after the pipeline and delivery loaders (contracts, accepted milestones):
// a subscription per demo contract (annual, quarterly or monthly) with its invoices of the last 18 months, an invoice
// per accepted milestone, and payments spread so that most invoices are paid 2–7 weeks after issue (DSO ≈ 35–50 days),
// some partially, some late in every aging bucket, the 30+ days late ones escalated, and two credit notes. Numbers are
// gapless per year in issue order. Set-based multi-row inserts; open invoices get their next dunning step as a pending
// timer row (queued when the job queue starts; the daily billing run also schedules any that are missing).
// Datasets larger than the standard demo (benchmarks) carry this history on their first 400 contracts only.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import {
  addDays, addMonths, bucketIndex, dateOf, daysLate, daysPastDue, documentNumber, dueDate, dunningPlan, formatMoney, milestoneInvoiceLines, pendingStep,
  sequenceKey, stepDueOn, subscriptionLine, subscriptionPeriods, totals, type BillingPeriod, type InvoiceLine,
} from '../../core/billing';
import { transaction, type Database } from '../db/client';
import type { activities, creditNotes, dunningEvents, invoices, payments, subscriptions, timers } from '../db/schema';
import { rebuildDaily } from '../modules/billing/billing.repo';
import { DUNNING_TIMER } from '../modules/billing/dunning';
import { defaultPeriod } from '../modules/billing/subscriptions.service';
import { currentPlaybook } from '../modules/platform/playbook.service';
import { insertRows } from './bulk';
import type { DemoContext } from './context';

type NewInvoice = typeof invoices.$inferInsert;
const at8 = (d: string) => new Date(`${d}T08:00:00Z`);
const noon = (d: string) => new Date(`${d}T12:00:00Z`);

interface Draft {
  inv: NewInvoice & { id: string; issueDate: string; dueDate: string; total: number; accountId: string; currency: string };
  payments: { on: string; amount: number }[];
}

export async function loadBillingDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng: r, now } = ctx;
  const today = dateOf(now);
  const since = addMonths(today, -18);
  const { playbook } = await currentPlaybook(db);
  const billing = playbook.billing;
  const terms = billing.paymentTermsDays;
  const maxContracts = ctx.scale > 1 ? 400 : 100_000;

  const contracts = await database.query<{
    id: string; account_id: string; partner_id: string | null; arr: number; currency: string; start_date: string; end_date: string;
    status: string; modules: string[];
  }>(`SELECT c.id, c.account_id, coalesce(c.partner_id, a.partner_id) AS partner_id, c.arr, c.currency, c.start_date::text AS start_date,
      c.end_date::text AS end_date, c.status, c.modules
    FROM contracts c JOIN accounts a ON a.id = c.account_id
    WHERE c.deleted_at IS NULL AND c.arr > 0 AND c.status <> 'cancelled' ORDER BY c.start_date, c.id LIMIT $1`, [maxContracts]);
  const milestones = await database.query<{
    id: string; key: string; name: string; amount: number; payment_percent: number; decided_on: string; project_id: string; project_name: string;
    account_id: string; partner_id: string | null; contract_id: string | null; currency: string; services_fee: number | null; poc_fee_credit: number | null;
    payment_schedule: unknown; c_partner: string | null; a_partner: string | null;
  }>(`SELECT m.id, m.key, m.name, m.amount, m.payment_percent, coalesce(m.decided_at::date, m.forecast_date)::text AS decided_on,
      p.id AS project_id, p.name AS project_name, p.account_id, p.partner_id, p.contract_id, coalesce(c.currency, p.currency) AS currency,
      c.services_fee, c.poc_fee_credit, c.payment_schedule, c.partner_id AS c_partner, a.partner_id AS a_partner
    FROM project_milestones m JOIN projects p ON p.id = m.project_id JOIN accounts a ON a.id = p.account_id
    LEFT JOIN contracts c ON c.id = p.contract_id
    WHERE m.status = 'accepted' AND m.amount > 0 AND m.deleted_at IS NULL AND p.deleted_at IS NULL AND p.status <> 'cancelled'
    ORDER BY m.decided_at, m.id LIMIT $1`, [maxContracts * 5]);

  const drafts: Draft[] = [];
  const subs: (typeof subscriptions.$inferInsert)[] = [];
  const periods: BillingPeriod[] = ['annual', 'annual', 'annual', 'quarterly', 'quarterly', 'monthly'];
  for (const c of contracts) {
    const period = r.next() < 0.25 ? defaultPeriod(playbook) : r.pick(periods);
    const ended = c.status === 'ended';
    // A departed customer was billed until its contract ended; the others are billed up to today.
    const until = ended && c.end_date < today ? c.end_date : today;
    const all = subscriptionPeriods({ arr: Number(c.arr), startDate: c.start_date, endDate: c.end_date, period });
    const billed = all.filter((p) => p.start <= until && p.start >= since);
    const next = all.find((p) => p.start > until);
    subs.push({
      id: randomUUID(), contractId: c.id, accountId: c.account_id, partnerId: c.partner_id, arr: Number(c.arr), currency: c.currency,
      billingPeriod: period, startDate: c.start_date, endDate: c.end_date, nextInvoiceDate: ended ? null : next?.start ?? null,
      status: ended || c.end_date < today ? 'ended' : 'active', createdAt: noon(c.start_date),
    });
    for (const p of billed) {
      const lines: InvoiceLine[] = [subscriptionLine(p, period, c.modules ?? [])];
      drafts.push(draft({
        kind: 'subscription', accountId: c.account_id, partnerId: c.partner_id, contractId: c.id, currency: c.currency,
        issueDate: p.invoiceDate, periodStart: p.start, periodEnd: p.end, lines,
      }));
    }
  }
  for (const m of milestones) {
    const lines = milestoneInvoiceLines(
      m.services_fee !== null ? { servicesFee: Number(m.services_fee), pocFeeCredit: Number(m.poc_fee_credit ?? 0), paymentSchedule: (m.payment_schedule ?? []) as never } : null,
      { key: m.key, name: m.name, amount: Number(m.amount), paymentPercent: m.payment_percent || null },
    );
    drafts.push(draft({
      kind: 'milestone', accountId: m.account_id, partnerId: m.partner_id ?? m.c_partner ?? m.a_partner, contractId: m.contract_id,
      projectId: m.project_id, milestoneId: m.id, currency: m.currency, issueDate: m.decided_on > today ? today : m.decided_on, lines,
      notes: `${m.project_name}: milestone "${m.name}" accepted ${m.decided_on}.`,
    }));
  }

  function draft(v: Omit<NewInvoice, 'id' | 'total' | 'subtotal' | 'dueDate' | 'status'> & { issueDate: string; accountId: string; currency: string; lines: InvoiceLine[] }): Draft {
    const t = totals(v.lines);
    const inv = { ...v, id: randomUUID(), dueDate: dueDate(v.issueDate, terms), subtotal: t.subtotal, total: t.total, createdAt: noon(v.issueDate) };
    // When the customer pays, counted from the issue date: most around Net 30, a tail later, one in a hundred not at all.
    const u = r.next();
    const days = u < 0.55 ? r.int(12, 32) : u < 0.85 ? r.int(33, 50) : u < 0.97 ? r.int(51, 85) : u < 0.99 ? r.int(86, 200) : null;
    const pays: { on: string; amount: number }[] = [];
    if (r.next() < 0.12) {
      // A partial payment first (30–70 %), the rest later (or still open).
      const part = Math.round((t.total * r.int(30, 70)) / 100);
      const first = addDays(v.issueDate, r.int(15, Math.max(16, (days ?? 90) - 5)));
      if (first <= today) pays.push({ on: first, amount: part });
    }
    if (days !== null && addDays(v.issueDate, days) <= today) {
      pays.push({ on: addDays(v.issueDate, days), amount: t.total - pays.reduce((s, p) => s + p.amount, 0) });
    }
    return { inv, payments: pays.filter((p) => p.amount > 0).sort((a, b) => (a.on < b.on ? -1 : 1)) };
  }

  // Every aging bucket shows some open balance: where chance left one empty, the smallest invoice that falls in it
  // is left unpaid.
  const buckets = billing.agingBuckets;
  const bucketOf = (d: Draft) => bucketIndex(buckets, daysPastDue(d.inv.dueDate, today));
  const unpaid = (d: Draft) => d.payments.reduce((x, p) => x + p.amount, 0) < d.inv.total;
  buckets.forEach((_, k) => {
    if (drafts.some((d) => unpaid(d) && bucketOf(d) === k)) return;
    const pick = drafts.filter((d) => bucketOf(d) === k && daysPastDue(d.inv.dueDate, today) <= 200).sort((a, b) => a.inv.total - b.inv.total)[0];
    if (pick) pick.payments = [];
  });

  // Gapless numbers per year in issue order.
  drafts.sort((a, b) => (a.inv.issueDate < b.inv.issueDate ? -1 : a.inv.issueDate > b.inv.issueDate ? 1 : a.inv.id < b.inv.id ? -1 : 1));
  const seq = new Map<string, number>();
  const take = (prefix: 'INV' | 'CN', d: string) => { const k = sequenceKey(prefix, d); const n = (seq.get(k) ?? 0) + 1; seq.set(k, n); return documentNumber(k, n); };

  const invRows: NewInvoice[] = [];
  const payRows: (typeof payments.$inferInsert)[] = [];
  const dunRows: (typeof dunningEvents.$inferInsert)[] = [];
  const actRows: (typeof activities.$inferInsert)[] = [];
  const timerRows: (typeof timers.$inferInsert)[] = [];
  const open: Draft[] = [];
  for (const d of drafts) {
    const { inv } = d;
    const number = take('INV', inv.issueDate);
    const paid = d.payments.reduce((s, p) => s + p.amount, 0);
    const balance = inv.total - paid;
    const settledOn = balance === 0 ? d.payments[d.payments.length - 1].on : null;
    const plan = dunningPlan(billing, inv.dueDate);
    // The dunning steps the timers took: every step that fell before the invoice was settled (or until today).
    const taken = plan.filter((s) => s.date <= today && (settledOn === null || s.date < settledOn));
    const last = taken[taken.length - 1] ?? null;
    const escalation = taken.find((s) => s.escalates) ?? null;
    invRows.push({
      ...inv, number, status: balance === 0 ? 'paid' : paid > 0 ? 'partially_paid' : 'issued', amountPaid: paid, balance,
      paidAt: settledOn ? noon(settledOn) : null, dunningStep: last?.id ?? null, escalatedAt: escalation ? at8(escalation.date) : null,
      updatedAt: settledOn ? noon(settledOn) : noon(inv.issueDate),
    });
    d.payments.forEach((p, k) => payRows.push({
      invoiceId: inv.id, accountId: inv.accountId, amount: p.amount, currency: inv.currency, receivedOn: p.on,
      method: k === 0 && r.next() < 0.2 ? 'ach' : 'wire', reference: `${number.replace(/-/g, '')}-${k + 1}`, createdAt: noon(p.on),
    }));
    for (const s of taken) {
      dunRows.push({
        invoiceId: inv.id, accountId: inv.accountId, stepId: s.id, action: s.action, daysPastDue: daysLate(inv.dueDate, s.date),
        escalated: s.escalates ? billing.dunning.escalationRoleIds : null, at: at8(s.date), detail: { stepDate: s.date, dueDate: inv.dueDate },
      });
    }
    const money = formatMoney(inv.total, inv.currency);
    actRows.push({ accountId: inv.accountId, kind: 'system', subject: `Invoice ${number} issued: ${money}`, body: `${(inv.lines as InvoiceLine[])[0].description}. Due ${inv.dueDate} (Net ${terms}).`, occurredAt: noon(inv.issueDate), entityType: 'invoice', entityId: inv.id });
    if (settledOn) actRows.push({ accountId: inv.accountId, kind: 'system', subject: `Invoice ${number} paid in full`, body: `${money} received by ${settledOn}.`, occurredAt: noon(settledOn), entityType: 'invoice', entityId: inv.id });
    if (balance > 0) {
      open.push(d);
      if (escalation) {
        actRows.push({ accountId: inv.accountId, kind: 'system', subject: `Invoice ${number} escalated: ${daysLate(inv.dueDate, escalation.date)} days late`, body: `${formatMoney(balance, inv.currency)} still due since ${inv.dueDate}. ${escalation.action}.`, occurredAt: at8(escalation.date), entityType: 'invoice', entityId: inv.id });
      }
      const next = pendingStep(plan, last?.id ?? null, today);
      if (next) timerRows.push({ kind: DUNNING_TIMER, entityType: 'invoice', entityId: inv.id, dueAt: at8(next.date) > now ? at8(next.date) : now, payload: { stepId: next.id, date: next.date } });
    }
  }

  // Two credit notes: goodwill on open invoices that are late (10 % of the balance).
  const cnRows: (typeof creditNotes.$inferInsert)[] = [];
  const late = open.filter((d) => stepDueOn(dunningPlan(billing, d.inv.dueDate), today) && d.inv.dueDate < today).slice(0, 2);
  for (const d of late) {
    const row = invRows.find((x) => x.id === d.inv.id)!;
    const amount = Math.max(1, Math.round(row.balance! / 10));
    const issuedOn = addDays(today, -2) > d.inv.issueDate ? addDays(today, -2) : d.inv.issueDate;
    const number = take('CN', issuedOn);
    cnRows.push({ number, invoiceId: d.inv.id, accountId: d.inv.accountId, amount, currency: d.inv.currency, reason: 'Goodwill credit for a delayed go-live', issuedOn, createdAt: noon(issuedOn) });
    row.amountCredited = amount;
    row.balance = row.balance! - amount;
    actRows.push({ accountId: d.inv.accountId, kind: 'system', subject: `Credit note ${number} on invoice ${row.number}`, body: `${formatMoney(amount, d.inv.currency)} credited: goodwill for a delayed go-live.`, occurredAt: noon(issuedOn), entityType: 'invoice', entityId: d.inv.id });
  }

  await insertRows(db, 'subscriptions', {
    id: 'uuid', contractId: 'uuid', accountId: 'uuid', partnerId: 'uuid', arr: 'bigint', currency: 'text', billingPeriod: 'text', startDate: 'date',
    endDate: 'date', nextInvoiceDate: 'date', status: 'text', createdAt: 'timestamptz',
  }, subs);
  await insertRows(db, 'invoices', {
    id: 'uuid', number: 'text', accountId: 'uuid', partnerId: 'uuid', contractId: 'uuid', projectId: 'uuid', milestoneId: 'uuid', kind: 'text',
    status: 'text', currency: 'text', issueDate: 'date', dueDate: 'date', periodStart: 'date', periodEnd: 'date', lines: 'jsonb', subtotal: 'bigint',
    total: 'bigint', amountPaid: 'bigint', amountCredited: 'bigint', balance: 'bigint', paidAt: 'timestamptz', dunningStep: 'text',
    escalatedAt: 'timestamptz', notes: 'text', createdAt: 'timestamptz', updatedAt: 'timestamptz',
  }, invRows.map((x) => ({ amountCredited: 0, ...x })));
  await insertRows(db, 'payments', {
    invoiceId: 'uuid', accountId: 'uuid', amount: 'bigint', currency: 'text', receivedOn: 'date', method: 'text', reference: 'text', createdAt: 'timestamptz',
  }, payRows);
  await insertRows(db, 'credit_notes', {
    number: 'text', invoiceId: 'uuid', accountId: 'uuid', amount: 'bigint', currency: 'text', reason: 'text', issuedOn: 'date', createdAt: 'timestamptz',
  }, cnRows);
  await insertRows(db, 'dunning_events', {
    invoiceId: 'uuid', accountId: 'uuid', stepId: 'text', action: 'text', daysPastDue: 'int', escalatedTo: 'text[]', at: 'timestamptz', detail: 'jsonb',
  }, dunRows.map((x) => ({ ...x, escalatedTo: x.escalated ?? null })));
  await insertRows(db, 'activities', {
    accountId: 'uuid', kind: 'text', subject: 'text', body: 'text', occurredAt: 'timestamptz', entityType: 'text', entityId: 'text',
  }, actRows);
  await insertRows(db, 'timers', { kind: 'text', entityType: 'text', entityId: 'text', dueAt: 'timestamptz', payload: 'jsonb' }, timerRows);
  await transaction(database, (tx) => rebuildDaily(tx));
  for (const [key, value] of seq) {
    await db.execute(sql`INSERT INTO billing_sequences (key, value) VALUES (${key}, ${value})
      ON CONFLICT (key) DO UPDATE SET value = greatest(billing_sequences.value, excluded.value)`);
  }
  return invRows.length;
}
