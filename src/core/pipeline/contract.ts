// The contract a won opportunity creates (000 §1 stage 6 → 7): term dates and the services payment schedule from the
// playbook's delivery milestones (each milestone's payment percent of the services fee, invoiced on acceptance).
import type { Playbook } from '../playbook';
import { addDays } from './poc';

export interface PaymentLine {
  milestoneId: string;
  name: string;
  week: number;
  percent: number;
  amount: number; // minor units
  /** Planned date of the milestone: start date + (week − 1) weeks; the invoice follows acceptance. */
  plannedDate: string;
}

/**
 * Splits the services fee over the milestones with a non-zero payment percent. Amounts are whole minor units and
 * sum exactly to the fee (largest remainder); ties go to the earlier milestone.
 */
export function paymentSchedule(playbook: Playbook, servicesFee: number, startDate: string): PaymentLine[] {
  const ms = playbook.delivery.milestones.filter((m) => m.paymentPercent > 0);
  const totalPercent = ms.reduce((s, m) => s + m.paymentPercent, 0);
  if (totalPercent === 0 || servicesFee <= 0) {
    return ms.map((m) => ({ milestoneId: m.id, name: m.name, week: m.week, percent: m.paymentPercent, amount: 0, plannedDate: addDays(startDate, 7 * (m.week - 1)) }));
  }
  const exact = ms.map((m) => (servicesFee * m.paymentPercent) / totalPercent);
  const amounts = exact.map(Math.floor);
  let left = servicesFee - amounts.reduce((s, a) => s + a, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) { if (left <= 0) break; amounts[i] += 1; left -= 1; }
  return ms.map((m, i) => ({
    milestoneId: m.id, name: m.name, week: m.week, percent: m.paymentPercent, amount: amounts[i],
    plannedDate: addDays(startDate, 7 * (m.week - 1)),
  }));
}

/** Last day of a term of whole months from the start date (start 2026-01-15, 12 months → 2027-01-14). */
export function contractEndDate(startDate: string, termMonths: number): string {
  const [y, m, d] = startDate.split('-').map(Number);
  const total = y * 12 + (m - 1) + termMonths;
  const ey = Math.floor(total / 12);
  const em = total % 12;
  const lastDay = new Date(Date.UTC(ey, em + 1, 0)).getUTCDate();
  const anniversary = `${ey}-${String(em + 1).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
  return addDays(anniversary, -1);
}

/** The services fee billed after the POC credit (never below zero). */
export const netServicesFee = (servicesFee: number, pocCredit: number) => Math.max(0, servicesFee - pocCredit);
