// Subscription billing of a contract's ARR (000 §1 stage 8 "Subscription activation"), billed in advance per period.
//
// Periods:   annual    — contract years from the start date (anniversary billing): 2026-03-15 … 2027-03-14, …
//            quarterly — calendar quarters (Jan/Apr/Jul/Oct 1st); monthly — calendar months
// Amounts:   a full period bills its share of the ARR, split so that a whole year sums to the ARR exactly:
//              annual: ARR;  quarter q (1–4): ⌊ARR·q/4⌋ − ⌊ARR·(q−1)/4⌋;  month m (1–12): ⌊ARR·m/12⌋ − ⌊ARR·(m−1)/12⌋
// Proration: a period cut short by the contract (a partial first quarter/month when the contract starts mid-period,
//            or a partial last period when the term ends mid-period) bills by days:
//              amount = round(full period amount × days covered ÷ days in the full period)
//            e.g. ARR 120,000.00 monthly from 2026-01-15: January = 10,000.00 × 17/31 = 5,483.87.
import { addDays, addMonths, daysBetween, monthStart } from './dates';

export const BILLING_PERIODS = ['annual', 'quarterly', 'monthly'] as const;
export type BillingPeriod = (typeof BILLING_PERIODS)[number];

export interface SubscriptionPeriod {
  index: number;
  /** The days billed (inclusive), within the contract term. */
  start: string;
  end: string;
  /** The full period this one belongs to (equal to start/end unless prorated). */
  fullStart: string;
  fullEnd: string;
  amount: number;
  prorated: boolean;
  /** Billing in advance: the invoice date is the period's first day. */
  invoiceDate: string;
}

const share = (arr: number, k: number, n: number) => Math.floor((arr * k) / n) - Math.floor((arr * (k - 1)) / n);

/** The full period (start/end inclusive) containing d, and its ARR share before proration. */
function fullPeriodOf(period: BillingPeriod, contractStart: string, d: string, arr: number) {
  if (period === 'annual') {
    let k = 0;
    while (addMonths(contractStart, 12 * (k + 1)) <= d) k++;
    return { start: addMonths(contractStart, 12 * k), end: addDays(addMonths(contractStart, 12 * (k + 1)), -1), amount: arr };
  }
  const month = Number(d.slice(5, 7));
  if (period === 'quarterly') {
    const q = Math.floor((month - 1) / 3) + 1;
    const start = `${d.slice(0, 4)}-${String(3 * q - 2).padStart(2, '0')}-01`;
    return { start, end: addDays(addMonths(start, 3), -1), amount: share(arr, q, 4) };
  }
  const start = monthStart(d);
  return { start, end: addDays(addMonths(start, 1), -1), amount: share(arr, month, 12) };
}

export interface SubscriptionTerms { arr: number; startDate: string; endDate: string; period: BillingPeriod }

/**
 * The billing periods of a subscription, in order, from `from` (default the start date) to the end date. A period
 * change takes effect from the first day not yet invoiced: periods are cut from that day (prorated if it falls inside
 * a period of the new kind), annual ones still anchored at the contract start.
 */
export function subscriptionPeriods(input: SubscriptionTerms & { from?: string; max?: number }): SubscriptionPeriod[] {
  const { arr, startDate, endDate, period } = input;
  const out: SubscriptionPeriod[] = [];
  let d = input.from && input.from > startDate ? input.from : startDate;
  while (d <= endDate && out.length < Math.min(input.max ?? 1200, 1200)) {
    const full = fullPeriodOf(period, startDate, d, arr);
    const start = d;
    const end = full.end < endDate ? full.end : endDate;
    const prorated = start !== full.start || end !== full.end;
    const amount = prorated
      ? Math.round((full.amount * (daysBetween(start, end) + 1)) / (daysBetween(full.start, full.end) + 1))
      : full.amount;
    out.push({ index: out.length, start, end, fullStart: full.start, fullEnd: full.end, amount, prorated, invoiceDate: start });
    d = addDays(end, 1);
  }
  return out;
}

/** The period that starts on `from` (the first day not yet invoiced), or null past the end of the term. */
export function periodFrom(terms: SubscriptionTerms, from: string): SubscriptionPeriod | null {
  if (from > terms.endDate) return null;
  return subscriptionPeriods({ ...terms, from, max: 1 })[0] ?? null;
}

/** The first day after a period (the next invoice date), or null when the term ends with it. */
export const nextInvoiceDate = (terms: SubscriptionTerms, p: SubscriptionPeriod): string | null =>
  (p.end >= terms.endDate ? null : addDays(p.end, 1));

/** The invoice line of a period: "Subscription 2026-01-15 – 2026-01-31 (annual ARR …, prorated 17/31 days)". */
export function subscriptionLine(p: SubscriptionPeriod, period: BillingPeriod, modules: string[] = []) {
  const what = modules.length ? `Subscription (${modules.join(', ')})` : 'Subscription';
  const days = daysBetween(p.start, p.end) + 1;
  const fullDays = daysBetween(p.fullStart, p.fullEnd) + 1;
  const note = p.prorated ? `, prorated ${days}/${fullDays} days` : '';
  return { description: `${what}, ${period} period ${p.start} – ${p.end}${note}`, quantity: 1, unitAmount: p.amount, amount: p.amount, kind: 'subscription' as const };
}
