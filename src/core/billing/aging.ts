// Receivables aging and DSO (000 §1 stage 8 metric). The database hands over small grouped series (open balance per
// due date, billed / collected / credited per day) and these pure functions do the arithmetic, so the formulas are
// unit-tested once and the SQL stays index-only aggregates.
import type { Playbook } from '../playbook';
import { addDays, addMonths, daysBetween, monthEnd, monthStart } from './dates';

export type AgingBucketDef = Playbook['billing']['agingBuckets'][number];

export interface AgingBucket { id: string; label: string; minDaysPastDue: number | null; maxDaysPastDue: number | null; count: number; amount: number }

/**
 * The bucket of an open balance: days past due d = asOf − due date; bucket k holds min_k ≤ d ≤ max_k (null = open end).
 * With the playbook's buckets: d ≤ 0 current, 1–30, 31–60, 61–90, 91+ ("90+").
 */
export function bucketIndex(buckets: readonly AgingBucketDef[], daysPastDue: number): number {
  const i = buckets.findIndex((b) => (b.minDaysPastDue === null || daysPastDue >= b.minDaysPastDue) && (b.maxDaysPastDue === null || daysPastDue <= b.maxDaysPastDue));
  return i < 0 ? buckets.length - 1 : i;
}

/** Aging of open balances as of a date: count and Σ balance per bucket, from rows of (due date, count, Σ balance). */
export function aging(buckets: readonly AgingBucketDef[], rows: { dueDate: string; count: number; balance: number }[], asOf: string) {
  const out: AgingBucket[] = buckets.map((b) => ({ id: b.id, label: b.label, minDaysPastDue: b.minDaysPastDue, maxDaysPastDue: b.maxDaysPastDue, count: 0, amount: 0 }));
  let total = 0;
  let count = 0;
  let overdue = 0;
  for (const r of rows) {
    const d = daysBetween(r.dueDate, asOf);
    const b = out[bucketIndex(buckets, d)];
    b.count += r.count;
    b.amount += r.balance;
    total += r.balance;
    count += r.count;
    if (d > 0) overdue += r.balance;
  }
  return { asOf, buckets: out, total, count, overdue };
}

// ---------------------------------------------------------------- DSO

/**
 * DSO, standard (not countback) method, over a trailing window of `days` calendar days ending on the measurement date:
 *   DSO = AR balance at the end of the window ÷ sales billed in the window × days in the window
 * e.g. AR 40,000 at 2026-03-31, billed 90,000 from 2026-01-01 to 2026-03-31 (90 days) → 40,000 / 90,000 × 90 = 40 days.
 * Null when nothing was billed in the window (the ratio is undefined). Rounded to one decimal.
 */
export function dso(arBalance: number, billed: number, days: number): number | null {
  if (billed <= 0 || days <= 0) return null;
  return Math.round((arBalance / billed) * days * 10) / 10;
}

/** A value per calendar day ('YYYY-MM-DD' → minor units); missing days are zero. */
export type DailySeries = Map<string, number>;

export interface ArSeries {
  /** Σ open balances now (all invoices with a balance, whatever their dates). */
  arNow: number;
  /** Totals of non-void invoices by issue date, payments by received date, credit notes by issue date. */
  billed: DailySeries;
  collected: DailySeries;
  credited: DailySeries;
}

const sumAfter = (s: DailySeries, after: string) => { let x = 0; for (const [d, v] of s) if (d > after) x += v; return x; };
const sumBetween = (s: DailySeries, from: string, to: string) => { let x = 0; for (const [d, v] of s) if (d >= from && d <= to) x += v; return x; };

/**
 * AR at the end of day D, rolled back from today's open balances (every movement after D undone):
 *   AR(D) = AR(now) − Σ billed after D + Σ collected after D + Σ credited after D
 * Exact because AR(now) = Σ non-void totals − Σ payments − Σ credits, and a payment or credit is never dated before
 * its invoice's issue date (voided invoices count nowhere: they can be voided only before any payment or credit).
 */
export const arAt = (s: ArSeries, d: string): number => s.arNow - sumAfter(s.billed, d) + sumAfter(s.collected, d) + sumAfter(s.credited, d);

export interface DsoPoint { date: string; month: string; arBalance: number; billed: number; days: number; dso: number | null }

/** DSO measured on date d over the `window` days ending on d (d − window + 1 … d). */
export function dsoAt(s: ArSeries, d: string, window: number): DsoPoint {
  const billed = sumBetween(s.billed, addDays(d, -(window - 1)), d);
  const ar = arAt(s, d);
  return { date: d, month: d.slice(0, 7), arBalance: ar, billed, days: window, dso: dso(ar, billed, window) };
}

/**
 * The DSO trend: the same trailing-window DSO measured at each month end of the last `months` months, the current
 * month measured on asOf (month to date). Oldest first.
 */
export function dsoTrend(s: ArSeries, asOf: string, window: number, months = 12): DsoPoint[] {
  const out: DsoPoint[] = [];
  for (let k = months - 1; k >= 0; k--) {
    const end = k === 0 ? asOf : monthEnd(addMonths(monthStart(asOf), -k));
    out.push(dsoAt(s, end, window));
  }
  return out;
}

/** The first day the DSO series must cover: the window before the oldest trend month end. */
export const seriesFrom = (asOf: string, window: number, months = 12): string =>
  addDays(monthEnd(addMonths(monthStart(asOf), -(months - 1))), -(window - 1));
