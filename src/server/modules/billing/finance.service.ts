// The finance summary: AR total, aging buckets, DSO and its 12-month trend, and the dunning queue. One statement of
// small set-based reads: open balances per due date (an index-only scan of invoices_open_due_idx, which carries the
// balance), the receivables rollup per day over the trend window (billing_daily: billed, collected, credited), the
// first page of the dunning queue and the escalated total; the formulas (core/billing/aging.ts) turn them into buckets
// and DSO. Amounts are summed in one currency (the playbook's).
import { aging, dateOf, daysLate, dsoAt, dsoTrend, dunningPlan, dunningSteps, nextStep, seriesFrom, type ArSeries, type FinanceSummaryQuery } from '../../../core/billing';
import type { Database } from '../../db/client';
import type { Ctx } from '../../http/env';
import { readPlaybook } from '../pipeline/playbook-cache';
import * as repo from './billing.repo';

/** The summary as of today, from any executor (the bench times it in-process against the raw SQL). */
export async function financeSummary(database: Database, q: FinanceSummaryQuery, now = new Date()) {
  const today = dateOf(now);
  const db = database.db;
  const playbook = await readPlaybook(database);
  const billing = playbook.billing;
  const from = seriesFrom(today, q.dsoDays, 12);
  const steps = dunningSteps(billing).map((s) => ({ id: s.id, dayOffset: s.dayOffset }));
  const { open, daily, queue } = await repo.financeSnapshot(db, { from, today, steps, queueLimit: q.queueLimit });
  const ag = aging(billing.agingBuckets, open.map((r) => ({ dueDate: r.dueDate, count: Number(r.count), balance: Number(r.balance) })), today);
  const series = (k: 'billed' | 'collected' | 'credited') => new Map(daily.map((r) => [r.day, Number(r[k])]));
  const s: ArSeries = { arNow: ag.total, billed: series('billed'), collected: series('collected'), credited: series('credited') };
  const headline = dsoAt(s, today, q.dsoDays);
  const target = playbook.metricTargets?.days_sales_outstanding?.target ?? null;
  return {
    asOf: today,
    currency: billing.currency,
    arTotal: ag.total,
    openInvoices: ag.count,
    overdue: ag.overdue,
    aging: ag.buckets,
    dso: {
      days: headline.dso, arBalance: headline.arBalance, billed: headline.billed, windowDays: q.dsoDays, target,
      method: 'standard',
      formula: `DSO = AR balance at the end of the window ÷ sales billed in the window × ${q.dsoDays} days (trailing window ending ${today})`,
    },
    dsoTrend: dsoTrend(s, today, q.dsoDays, 12),
    // Open balances at or past the escalation threshold (the dunning timer escalates each one when it gets there),
    // from the same index-only rows as the aging: no heap read of 1M invoices' escalation stamps.
    escalated: open.reduce((e, r) => (daysLate(r.dueDate, today) >= billing.dunning.escalateWhenDaysLate
      ? { count: e.count + Number(r.count), amount: e.amount + Number(r.balance) } : e), { count: 0, amount: 0 }),
    dunningQueue: queue.map((r) => {
      const next = nextStep(dunningPlan(billing, r.dueDate), r.dunningStep);
      return {
        invoiceId: r.id, number: r.number, accountId: r.accountId, accountName: r.accountName, dueDate: r.dueDate,
        daysPastDue: Number(r.daysPastDue), balance: Number(r.balance), total: Number(r.total), currency: r.currency,
        lastStep: r.dunningStep, escalatedAt: r.escalatedAt,
        nextStep: next && next.date <= today ? { id: next.id, action: next.action, date: next.date, escalates: next.escalates } : null,
      };
    }),
  };
}

export const summary = (ctx: Ctx, q: FinanceSummaryQuery) => financeSummary(ctx.deps.database, q);
