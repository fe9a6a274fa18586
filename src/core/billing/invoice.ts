// Invoices (000 §1 stage 8): due dates, days past due, document numbers, the lines of a milestone invoice with the
// POC fee credit shown, manual lines, and what a payment or credit note does to an invoice. All money is integer
// minor units; every function here is pure.
import { addDays, daysBetween } from './dates';

export type InvoiceStatus = 'draft' | 'issued' | 'partially_paid' | 'paid' | 'void';
export const OPEN_STATUSES: readonly InvoiceStatus[] = ['issued', 'partially_paid'];

export interface InvoiceLine {
  description: string;
  quantity: number;
  /** Minor units; negative for a credit line. */
  unitAmount: number;
  /** quantity × unitAmount, rounded to whole minor units. */
  amount: number;
  kind?: 'service' | 'subscription' | 'credit' | 'manual';
}

/** Due date = issue date + payment terms in calendar days (Net 30: issued 2026-03-10 → due 2026-04-09). */
export const dueDate = (issueDate: string, paymentTermsDays: number): string => addDays(issueDate, paymentTermsDays);

/**
 * Days past due on a date = asOf − due date in calendar days. Zero on the due date, negative before it
 * (due 2026-04-09: on 2026-04-09 → 0, on 2026-04-10 → 1, on 2026-04-02 → −7).
 */
export const daysPastDue = (due: string, asOf: string): number => daysBetween(due, asOf);

/** Gapless per-year document numbers: INV-2026-000123, CN-2026-000004. */
export const sequenceKey = (prefix: 'INV' | 'CN', date: string): string => `${prefix}-${date.slice(0, 4)}`;
export const documentNumber = (key: string, value: number): string => `${key}-${String(value).padStart(6, '0')}`;

/**
 * Splits `total` over `weights` in whole minor units by largest remainder (ties to the earlier weight), so the parts
 * sum exactly to the total: the same rule the contract's payment schedule uses, so a fee split here reproduces it.
 */
export function allocate(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((w) => (total * w) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((s, p) => s + p, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) { if (left <= 0) break; parts[i] += 1; left -= 1; }
  return parts;
}

export interface ContractTerms {
  servicesFee: number;
  pocFeeCredit: number;
  /** The contract's payment schedule: amounts are shares of the fee NET of the POC credit. */
  paymentSchedule: { milestoneId: string; name?: string; percent: number; amount: number }[];
}

export interface MilestoneForInvoice { key: string; name: string; amount: number; paymentPercent?: number | null }

/**
 * The lines of a milestone invoice. The amount billed is the milestone's share of the services fee net of the POC
 * credit (the contract's schedule amount), exactly. When the contract carries a POC credit, the invoice shows the
 * gross share and the credit separately:
 *   gross_i  = share i of the services fee          (largest remainder over the schedule's percents)
 *   credit_i = gross_i − net_i                      (net_i = the schedule amount = the milestone amount)
 *   total    = gross_i − credit_i = net_i
 * Because gross and net are split by the same rule, the credit lines over all milestones sum to the credit applied.
 * Without a credit (or when the milestone is not in the schedule) the invoice has one line of the milestone amount.
 */
export function milestoneInvoiceLines(contract: ContractTerms | null, m: MilestoneForInvoice): InvoiceLine[] {
  const pct = m.paymentPercent ?? contract?.paymentSchedule.find((l) => l.milestoneId === m.key)?.percent ?? null;
  const label = `${m.name}${pct !== null ? ` (${pct} % of the services fee)` : ''}`;
  const single: InvoiceLine[] = [{ description: `Milestone: ${label}`, quantity: 1, unitAmount: m.amount, amount: m.amount, kind: 'service' }];
  if (!contract || contract.pocFeeCredit <= 0) return single;
  const i = contract.paymentSchedule.findIndex((l) => l.milestoneId === m.key);
  if (i < 0 || contract.paymentSchedule[i].amount !== m.amount) return single;
  const gross = allocate(contract.servicesFee, contract.paymentSchedule.map((l) => l.percent))[i];
  const credit = gross - m.amount;
  if (credit <= 0) return single;
  return [
    { description: `Milestone: ${label}`, quantity: 1, unitAmount: gross, amount: gross, kind: 'service' },
    { description: 'POC fee credit (share of this milestone)', quantity: 1, unitAmount: -credit, amount: -credit, kind: 'credit' },
  ];
}

/** A manual line's amount: quantity × unit amount, rounded half away from zero to whole minor units. */
export function lineAmount(quantity: number, unitAmount: number): number {
  const x = quantity * unitAmount;
  return Math.sign(x) * Math.round(Math.abs(x));
}

/** Subtotal = the positive lines; total = all lines (credit lines are negative). */
export function totals(lines: InvoiceLine[]): { subtotal: number; total: number } {
  return {
    subtotal: lines.filter((l) => l.amount > 0).reduce((s, l) => s + l.amount, 0),
    total: lines.reduce((s, l) => s + l.amount, 0),
  };
}

export interface InvoiceMoney { status: InvoiceStatus; total: number; amountPaid: number; amountCredited: number; balance: number }

export type Refusal = { ok: false; code: 'conflict' | 'validation_failed'; message: string };
export type Applied = { ok: true; next: InvoiceMoney; settled: boolean };

const fmt = (minor: number, currency: string) => `${currency} ${(minor / 100).toFixed(2)}`;

/**
 * A payment of `amount` against an invoice. Partial payments are allowed; the balance never goes below zero:
 *   amountPaid' = amountPaid + amount,  balance' = total − amountPaid' − amountCredited,  status' = paid when balance' = 0
 * Refused: a void or draft invoice (conflict), a non-positive amount, or more than the balance (validation).
 */
export function applyPayment(inv: InvoiceMoney, amount: number, currency = 'USD'): Applied | Refusal {
  if (inv.status === 'void') return { ok: false, code: 'conflict', message: 'The invoice is void; a payment cannot be recorded against it.' };
  if (inv.status === 'draft') return { ok: false, code: 'conflict', message: 'The invoice is a draft; issue it before recording payments.' };
  if (!Number.isInteger(amount) || amount <= 0) return { ok: false, code: 'validation_failed', message: 'The payment amount must be a positive whole number of minor units.' };
  if (amount > inv.balance) {
    return {
      ok: false, code: 'validation_failed',
      message: inv.balance === 0
        ? 'The invoice is fully paid; nothing is due.'
        : `The payment of ${fmt(amount, currency)} exceeds the balance due of ${fmt(inv.balance, currency)}. Record at most the balance.`,
    };
  }
  return settle(inv, { amountPaid: inv.amountPaid + amount });
}

/**
 * A credit note of `amount` against an invoice: reduces the balance like a payment, at most the balance.
 *   amountCredited' = amountCredited + amount,  balance' = total − amountPaid − amountCredited'
 */
export function applyCredit(inv: InvoiceMoney, amount: number, currency = 'USD'): Applied | Refusal {
  if (inv.status === 'void' || inv.status === 'draft') return { ok: false, code: 'conflict', message: `A ${inv.status} invoice cannot be credited.` };
  if (!Number.isInteger(amount) || amount <= 0) return { ok: false, code: 'validation_failed', message: 'The credit amount must be a positive whole number of minor units.' };
  if (amount > inv.balance) {
    return { ok: false, code: 'validation_failed', message: `The credit of ${fmt(amount, currency)} exceeds the balance due of ${fmt(inv.balance, currency)}.` };
  }
  return settle(inv, { amountCredited: inv.amountCredited + amount });
}

function settle(inv: InvoiceMoney, patch: Partial<Pick<InvoiceMoney, 'amountPaid' | 'amountCredited'>>): Applied {
  const amountPaid = patch.amountPaid ?? inv.amountPaid;
  const amountCredited = patch.amountCredited ?? inv.amountCredited;
  const balance = inv.total - amountPaid - amountCredited;
  // "paid" means settled: nothing is left to collect (by payment or credit).
  const status: InvoiceStatus = balance === 0 ? 'paid' : amountPaid > 0 ? 'partially_paid' : 'issued';
  return { ok: true, next: { status, total: inv.total, amountPaid, amountCredited, balance }, settled: balance === 0 };
}

/** Void only what nobody has paid or credited: money received must be refunded or credited, not erased. */
export function canVoid(inv: Pick<InvoiceMoney, 'status' | 'amountPaid' | 'amountCredited'>): Refusal | { ok: true } {
  if (inv.status === 'void') return { ok: false, code: 'conflict', message: 'The invoice is already void.' };
  if (inv.amountPaid > 0) return { ok: false, code: 'conflict', message: 'The invoice has payments recorded; it cannot be voided. Issue a credit note for the open balance instead.' };
  if (inv.amountCredited > 0) return { ok: false, code: 'conflict', message: 'The invoice has credit notes; it cannot be voided. Credit the remaining balance instead.' };
  return { ok: true };
}

const formats = new Map<string, Intl.NumberFormat>();
/** 1_234_567 minor USD → "$12,345.67" (invoices are read to the cent). */
export function formatMoney(minor: number, currency: string): string {
  let f = formats.get(currency);
  if (!f) { f = new Intl.NumberFormat('en-US', { style: 'currency', currency, minimumFractionDigits: 2, maximumFractionDigits: 2 }); formats.set(currency, f); }
  return f.format(minor / 100);
}
