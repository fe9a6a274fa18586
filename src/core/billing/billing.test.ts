// Billing formulas against hand-computed numbers: due dates, days past due, aging buckets, DSO (standard method) and
// its trend, milestone invoices with the POC credit, subscription periods with proration, payments, credits, dunning.
import { describe, expect, it } from 'vitest';
import { paymentSchedule, netServicesFee } from '../pipeline/contract';
import { defaultPlaybook, type Playbook } from '../playbook';
import {
  addDays, addMonths, aging, allocate, applyCredit, applyPayment, arAt, bucketIndex, canVoid, dateOf, daysBetween, daysLate,
  daysPastDue, documentNumber, dso, dsoAt, dsoTrend, dueDate, dunningPlan, dunningSteps, formatMoney, isDate, lineAmount,
  milestoneInvoiceLines, monthEnd, nextInvoiceDate, nextStep, pendingStep, periodFrom, seriesFrom, sequenceKey,
  shouldEscalate, stepDueOn, subscriptionLine, subscriptionPeriods, totals, type ArSeries,
} from '.';

const billing = defaultPlaybook.billing;
const buckets = billing.agingBuckets;
const clone = (): Playbook => JSON.parse(JSON.stringify(defaultPlaybook));

describe('dates', () => {
  it('adds days and months on calendar dates', () => {
    expect(addDays('2026-02-27', 2)).toBe('2026-03-01');
    expect(addDays('2028-02-27', 2)).toBe('2028-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-12-31')).toBe(364);
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-15', 3)).toBe('2027-02-15');
    expect(addMonths('2026-03-15', -12)).toBe('2025-03-15');
    expect(monthEnd('2028-02-10')).toBe('2028-02-29');
    expect(isDate('2026-02-30')).toBe(false);
    expect(isDate('2026-02-28')).toBe(true);
  });
});

describe('formatting', () => {
  it('money to the cent and the UTC date of an instant', () => {
    expect(formatMoney(1_234_567, 'USD')).toBe('$12,345.67');
    expect(formatMoney(-5_000_00, 'EUR')).toBe('-€5,000.00');
    expect(dateOf(new Date('2026-03-31T23:59:59Z'))).toBe('2026-03-31');
    expect(dateOf('2026-04-01T00:30:00+02:00')).toBe('2026-03-31');
  });
});

describe('due dates and days past due', () => {
  it('Net 30: due = issue + 30 calendar days, across month and year ends', () => {
    expect(dueDate('2026-03-10', billing.paymentTermsDays)).toBe('2026-04-09');
    expect(dueDate('2026-12-15', 30)).toBe('2027-01-14');
    expect(dueDate('2028-02-01', 30)).toBe('2028-03-02'); // leap February has 29 days
  });
  it('days past due = asOf − due: 0 on the due date, negative before', () => {
    expect(daysPastDue('2026-04-09', '2026-04-09')).toBe(0);
    expect(daysPastDue('2026-04-09', '2026-04-10')).toBe(1);
    expect(daysPastDue('2026-04-09', '2026-04-02')).toBe(-7);
    expect(daysPastDue('2026-04-09', '2026-07-09')).toBe(91);
    expect(daysLate('2026-04-09', '2026-04-02')).toBe(0);
  });
  it('numbers documents per year with six digits', () => {
    expect(sequenceKey('INV', '2026-12-31')).toBe('INV-2026');
    expect(documentNumber('INV-2026', 123)).toBe('INV-2026-000123');
    expect(documentNumber(sequenceKey('CN', '2027-01-01'), 4)).toBe('CN-2027-000004');
  });
});

describe('aging buckets', () => {
  it('puts each day count in the playbook bucket: ≤0 current, 1–30, 31–60, 61–90, 91+', () => {
    const cases: [number, string][] = [[-400, 'current'], [-1, 'current'], [0, 'current'], [1, 'days_1_30'], [30, 'days_1_30'], [31, 'days_31_60'],
      [60, 'days_31_60'], [61, 'days_61_90'], [90, 'days_61_90'], [91, 'days_90_plus'], [5000, 'days_90_plus']];
    for (const [d, id] of cases) expect(buckets[bucketIndex(buckets, d)].id, String(d)).toBe(id);
  });
  it('sums open balances per bucket as of a date (hand-computed)', () => {
    const asOf = '2026-06-30';
    const rows = [
      { dueDate: '2026-07-15', count: 2, balance: 1000 }, // −15 current
      { dueDate: '2026-06-30', count: 1, balance: 500 }, // 0 current
      { dueDate: '2026-06-29', count: 1, balance: 700 }, // 1
      { dueDate: '2026-05-31', count: 3, balance: 300 }, // 30
      { dueDate: '2026-05-30', count: 1, balance: 11 }, // 31
      { dueDate: '2026-05-01', count: 1, balance: 22 }, // 60
      { dueDate: '2026-04-30', count: 1, balance: 33 }, // 61
      { dueDate: '2026-04-01', count: 1, balance: 44 }, // 90
      { dueDate: '2026-03-31', count: 1, balance: 55 }, // 91
      { dueDate: '2020-01-01', count: 4, balance: 66 },
    ];
    const a = aging(buckets, rows, asOf);
    expect(a.buckets.map((b) => [b.id, b.count, b.amount])).toEqual([
      ['current', 3, 1500], ['days_1_30', 4, 1000], ['days_31_60', 2, 33], ['days_61_90', 2, 77], ['days_90_plus', 5, 121],
    ]);
    expect(a.total).toBe(1500 + 1000 + 33 + 77 + 121);
    expect(a.count).toBe(16);
    expect(a.overdue).toBe(a.total - 1500);
  });
  it('follows edited buckets', () => {
    const edited = [
      { id: 'not_due', label: 'Not due', minDaysPastDue: null, maxDaysPastDue: 0 },
      { id: 'late', label: 'Late', minDaysPastDue: 1, maxDaysPastDue: null },
    ];
    expect(aging(edited, [{ dueDate: '2026-01-01', count: 1, balance: 9 }, { dueDate: '2026-02-01', count: 1, balance: 1 }], '2026-01-15').buckets.map((b) => b.amount)).toEqual([1, 9]);
  });
});

describe('DSO (standard method)', () => {
  it('DSO = AR ÷ billed × days', () => {
    expect(dso(40_000, 90_000, 90)).toBe(40);
    expect(dso(78_000, 100_000, 90)).toBe(70.2);
    expect(dso(1, 3, 30)).toBe(10);
    expect(dso(5, 0, 90)).toBeNull();
  });

  // A: issued 2025-12-15 30,000, paid 2026-01-20. B: 2026-01-10 50,000, 20,000 paid 2026-02-15.
  // C: 2026-02-20 40,000 unpaid. D: 2026-03-25 10,000, credit 2,000 on 2026-03-28. Today 2026-03-31.
  const s: ArSeries = {
    arNow: 30_000 + 40_000 + 8_000,
    billed: new Map([['2025-12-15', 30_000], ['2026-01-10', 50_000], ['2026-02-20', 40_000], ['2026-03-25', 10_000]]),
    collected: new Map([['2026-01-20', 30_000], ['2026-02-15', 20_000]]),
    credited: new Map([['2026-03-28', 2_000]]),
  };
  it('rolls AR back to any day', () => {
    expect(arAt(s, '2026-03-31')).toBe(78_000);
    expect(arAt(s, '2026-03-27')).toBe(80_000); // before the credit
    expect(arAt(s, '2026-02-28')).toBe(70_000); // B 30,000 + C 40,000
    expect(arAt(s, '2026-01-31')).toBe(50_000); // A paid, B 50,000
    expect(arAt(s, '2026-01-15')).toBe(80_000); // A and B open
    expect(arAt(s, '2025-12-14')).toBe(0);
  });
  it('measures the trailing-window DSO at a date and at month ends', () => {
    expect(dsoAt(s, '2026-03-31', 90)).toMatchObject({ arBalance: 78_000, billed: 100_000, dso: 70.2 }); // 01-01…03-31
    expect(dsoAt(s, '2026-02-28', 90)).toMatchObject({ arBalance: 70_000, billed: 120_000, dso: 52.5 }); // 12-01…02-28
    expect(dsoAt(s, '2026-01-31', 90)).toMatchObject({ arBalance: 50_000, billed: 80_000, dso: 56.3 }); // 56.25
    const trend = dsoTrend(s, '2026-03-31', 90, 4);
    expect(trend.map((p) => [p.month, p.date, p.dso])).toEqual([
      ['2025-12', '2025-12-31', 90], ['2026-01', '2026-01-31', 56.3], ['2026-02', '2026-02-28', 52.5], ['2026-03', '2026-03-31', 70.2],
    ]);
    expect(dsoTrend(s, '2026-03-20', 90, 1)[0]).toMatchObject({ date: '2026-03-20', arBalance: 70_000 });
    expect(seriesFrom('2026-03-31', 90, 4)).toBe('2025-10-03'); // 2025-12-31 − 89 days
    expect(dsoTrend(s, '2026-03-31', 90)).toHaveLength(12);
  });
});

describe('milestone invoices', () => {
  const pb = defaultPlaybook;
  it('bills exactly the schedule amount; shows the gross share and the POC credit', () => {
    const fee = 100_000_00;
    const credit = 20_000_00;
    const schedule = paymentSchedule(pb, netServicesFee(fee, credit), '2026-01-05');
    const contract = { servicesFee: fee, pocFeeCredit: credit, paymentSchedule: schedule };
    const design = schedule.find((l) => l.milestoneId === 'design_approved')!;
    expect(design.amount).toBe(20_000_00); // 25 % of the net fee 80,000.00
    const lines = milestoneInvoiceLines(contract, { key: 'design_approved', name: 'Design approved', amount: design.amount });
    expect(lines.map((l) => l.amount)).toEqual([25_000_00, -5_000_00]);
    expect(lines[0].description).toBe('Milestone: Design approved (25 % of the services fee)');
    expect(totals(lines)).toEqual({ subtotal: 25_000_00, total: 20_000_00 });
  });
  it('credit lines over all milestones sum to the credit, totals to the net fee, with awkward amounts', () => {
    const fee = 99_999;
    const credit = 33_333;
    const schedule = paymentSchedule(pb, netServicesFee(fee, credit), '2026-01-05');
    const contract = { servicesFee: fee, pocFeeCredit: credit, paymentSchedule: schedule };
    let creditSum = 0;
    let totalSum = 0;
    for (const l of schedule) {
      const lines = milestoneInvoiceLines(contract, { key: l.milestoneId, name: l.name, amount: l.amount });
      expect(totals(lines).total).toBe(l.amount);
      creditSum += lines.filter((x) => x.kind === 'credit').reduce((a, x) => a - x.amount, 0);
      totalSum += totals(lines).total;
    }
    expect(creditSum).toBe(credit);
    expect(totalSum).toBe(fee - credit);
  });
  it('one line without a credit, or when the amount differs from the schedule', () => {
    const schedule = paymentSchedule(pb, 80_000_00, '2026-01-05');
    expect(milestoneInvoiceLines({ servicesFee: 80_000_00, pocFeeCredit: 0, paymentSchedule: schedule }, { key: 'go_live', name: 'Go-live', amount: 16_000_00 }))
      .toEqual([{ description: 'Milestone: Go-live (20 % of the services fee)', quantity: 1, unitAmount: 16_000_00, amount: 16_000_00, kind: 'service' }]);
    const withCredit = { servicesFee: 100_000_00, pocFeeCredit: 20_000_00, paymentSchedule: schedule };
    expect(milestoneInvoiceLines(withCredit, { key: 'go_live', name: 'Go-live', amount: 1 })).toHaveLength(1);
    expect(milestoneInvoiceLines(null, { key: 'x', name: 'Extra', amount: 5, paymentPercent: null })[0].description).toBe('Milestone: Extra');
  });
  it('allocates by largest remainder, exactly', () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(999, [50, 50])).toEqual([500, 499]);
    expect(allocate(0, [1, 2])).toEqual([0, 0]);
    expect(allocate(10, [0, 0])).toEqual([0, 0]);
  });
  it('manual lines: quantity × unit amount rounded half away from zero', () => {
    expect(lineAmount(1.5, 333)).toBe(500); // 499.5
    expect(lineAmount(1.5, -333)).toBe(-500);
    expect(lineAmount(3, 1000)).toBe(3000);
  });
});

describe('payments, credit notes and void', () => {
  const inv = { status: 'issued' as const, total: 10_000, amountPaid: 0, amountCredited: 0, balance: 10_000 };
  it('partial then full payment', () => {
    const a = applyPayment(inv, 4_000);
    expect(a).toEqual({ ok: true, settled: false, next: { status: 'partially_paid', total: 10_000, amountPaid: 4_000, amountCredited: 0, balance: 6_000 } });
    if (!a.ok) throw new Error();
    const over = applyPayment(a.next, 6_001);
    expect(over).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(over.ok ? '' : over.message).toBe('The payment of USD 60.01 exceeds the balance due of USD 60.00. Record at most the balance.');
    const b = applyPayment(a.next, 6_000);
    expect(b).toMatchObject({ ok: true, settled: true, next: { status: 'paid', balance: 0, amountPaid: 10_000 } });
    if (!b.ok) throw new Error();
    expect(applyPayment(b.next, 1)).toMatchObject({ ok: false, code: 'validation_failed', message: 'The invoice is fully paid; nothing is due.' });
    expect(canVoid(a.next)).toMatchObject({ ok: false, code: 'conflict' });
  });
  it('refuses void, draft, zero and fractional amounts', () => {
    expect(applyPayment({ ...inv, status: 'void', balance: 0 }, 1)).toMatchObject({ ok: false, code: 'conflict' });
    expect(applyPayment({ ...inv, status: 'draft' }, 1)).toMatchObject({ ok: false, code: 'conflict' });
    expect(applyPayment(inv, 0)).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(applyPayment(inv, 1.5)).toMatchObject({ ok: false, code: 'validation_failed' });
  });
  it('credit notes reduce the balance, at most to zero; a fully credited invoice is settled', () => {
    const c = applyCredit(inv, 2_500);
    expect(c).toMatchObject({ ok: true, next: { status: 'issued', balance: 7_500, amountCredited: 2_500 } });
    if (!c.ok) throw new Error();
    expect(applyCredit(c.next, 7_501)).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(applyCredit(c.next, 7_500)).toMatchObject({ ok: true, settled: true, next: { status: 'paid', balance: 0 } });
    const p = applyPayment(c.next, 500);
    expect(p).toMatchObject({ ok: true, next: { status: 'partially_paid', balance: 7_000 } });
    expect(canVoid(c.next)).toMatchObject({ ok: false });
    expect(canVoid(inv)).toEqual({ ok: true });
    expect(canVoid({ ...inv, status: 'void' })).toMatchObject({ ok: false, message: 'The invoice is already void.' });
    expect(applyCredit({ ...inv, status: 'void' }, 1)).toMatchObject({ ok: false, code: 'conflict' });
  });
});

describe('subscription periods', () => {
  it('annual: contract years from the start, a short last year prorated by days', () => {
    const p = subscriptionPeriods({ arr: 120_000_00, startDate: '2026-03-15', endDate: '2028-03-14', period: 'annual' });
    expect(p.map((x) => [x.start, x.end, x.amount, x.prorated])).toEqual([
      ['2026-03-15', '2027-03-14', 120_000_00, false], ['2027-03-15', '2028-03-14', 120_000_00, false],
    ]);
    // 18 months: the second year is 2027-03-15 … 2027-09-14 = 184 of 366 days (the year holds 2028-02-29).
    const short = subscriptionPeriods({ arr: 120_000_00, startDate: '2026-03-15', endDate: '2027-09-14', period: 'annual' });
    expect(short[1]).toMatchObject({ start: '2027-03-15', end: '2027-09-14', fullEnd: '2028-03-14', prorated: true, amount: Math.round((120_000_00 * 184) / 366) });
    expect(short[1].amount).toBe(60_327_87);
  });
  it('monthly: calendar months, partial first and last month prorated, a year sums to the ARR', () => {
    const p = subscriptionPeriods({ arr: 120_000_00, startDate: '2026-01-15', endDate: '2027-01-14', period: 'monthly' });
    expect(p).toHaveLength(13);
    expect(p[0]).toMatchObject({ start: '2026-01-15', end: '2026-01-31', amount: 5_483_87, prorated: true, invoiceDate: '2026-01-15' }); // 10,000.00 × 17/31
    expect(p[1]).toMatchObject({ start: '2026-02-01', end: '2026-02-28', amount: 10_000_00, prorated: false });
    expect(p[12]).toMatchObject({ start: '2027-01-01', end: '2027-01-14', amount: 4_516_13, prorated: true }); // × 14/31
    expect(p.reduce((s, x) => s + x.amount, 0)).toBe(120_000_00);
    const odd = subscriptionPeriods({ arr: 100_000_01, startDate: '2026-01-01', endDate: '2026-12-31', period: 'monthly' });
    expect(odd.reduce((s, x) => s + x.amount, 0)).toBe(100_000_01);
    expect(new Set(odd.map((x) => x.amount))).toEqual(new Set([8_333_33, 8_333_34]));
  });
  it('quarterly: calendar quarters, a partial first quarter prorated by days', () => {
    const p = subscriptionPeriods({ arr: 100_000_00, startDate: '2026-02-01', endDate: '2027-01-31', period: 'quarterly' });
    expect(p.map((x) => [x.start, x.end, x.amount])).toEqual([
      ['2026-02-01', '2026-03-31', Math.round((25_000_00 * 59) / 90)], // Q1 has 90 days; 59 billed
      ['2026-04-01', '2026-06-30', 25_000_00], ['2026-07-01', '2026-09-30', 25_000_00], ['2026-10-01', '2026-12-31', 25_000_00],
      ['2027-01-01', '2027-01-31', Math.round((25_000_00 * 31) / 90)],
    ]);
    expect(p[0].amount).toBe(16_388_89);
  });
  it('cuts periods from the first day not yet invoiced after a period change', () => {
    const terms = { arr: 120_000_00, startDate: '2026-03-15', endDate: '2028-03-14', period: 'monthly' as const };
    const first = periodFrom(terms, '2027-03-15')!;
    expect(first).toMatchObject({ start: '2027-03-15', end: '2027-03-31', prorated: true, amount: Math.round((10_000_00 * 17) / 31) });
    expect(nextInvoiceDate(terms, first)).toBe('2027-04-01');
    const last = periodFrom(terms, '2028-03-01')!;
    expect(last).toMatchObject({ start: '2028-03-01', end: '2028-03-14' });
    expect(nextInvoiceDate(terms, last)).toBeNull();
    expect(periodFrom(terms, '2028-03-15')).toBeNull();
    expect(periodFrom({ ...terms, period: 'annual' }, '2026-03-15')).toMatchObject({ end: '2027-03-14', amount: 120_000_00 });
  });
  it('annual from a leap day: anniversaries clamp to Feb 28, a year still bills the ARR', () => {
    const p = subscriptionPeriods({ arr: 50_000_00, startDate: '2028-02-29', endDate: '2030-02-27', period: 'annual' });
    expect(p.map((x) => [x.start, x.end, x.amount, x.prorated])).toEqual([
      ['2028-02-29', '2029-02-27', 50_000_00, false], ['2029-02-28', '2030-02-27', 50_000_00, false],
    ]);
  });
  it('a one-day term and an ARR of zero', () => {
    expect(subscriptionPeriods({ arr: 36_500, startDate: '2026-07-10', endDate: '2026-07-10', period: 'monthly' }))
      .toEqual([expect.objectContaining({ start: '2026-07-10', end: '2026-07-10', amount: 98, prorated: true })]); // July ⌊36,500·7/12⌋ − ⌊36,500·6/12⌋ = 3,041; × 1/31 = 98.1
    expect(subscriptionPeriods({ arr: 0, startDate: '2026-01-01', endDate: '2026-12-31', period: 'quarterly' }).every((x) => x.amount === 0)).toBe(true);
  });
  it('describes the period on the invoice line', () => {
    const [p] = subscriptionPeriods({ arr: 120_000_00, startDate: '2026-01-15', endDate: '2026-12-31', period: 'monthly' });
    expect(subscriptionLine(p, 'monthly', ['Discovery'])).toEqual({
      description: 'Subscription (Discovery), monthly period 2026-01-15 – 2026-01-31, prorated 17/31 days', quantity: 1, unitAmount: 5_483_87, amount: 5_483_87, kind: 'subscription',
    });
  });
});

describe('dunning', () => {
  const plan = dunningPlan(billing, '2026-04-09');
  it('dates every playbook step from the due date; the 30-day step escalates', () => {
    expect(plan.map((s) => [s.id, s.date, s.escalates])).toEqual([
      ['pre_due_reminder', '2026-04-02', false], ['due_date_notice', '2026-04-09', false], ['first_reminder', '2026-04-16', false],
      ['second_reminder', '2026-04-23', false], ['escalation', '2026-05-09', true],
    ]);
  });
  it('which step is due on a date', () => {
    expect(stepDueOn(plan, '2026-04-01')).toBeNull();
    expect(stepDueOn(plan, '2026-04-02')?.id).toBe('pre_due_reminder');
    expect(stepDueOn(plan, '2026-04-15')?.id).toBe('due_date_notice');
    expect(stepDueOn(plan, '2026-05-08')?.id).toBe('second_reminder');
    expect(stepDueOn(plan, '2026-05-09')?.id).toBe('escalation');
    expect(stepDueOn(plan, '2027-01-01')?.id).toBe('escalation');
  });
  it('what the timer waits for: the step due now if not taken, else the next', () => {
    expect(pendingStep(plan, null, '2026-03-10')?.id).toBe('pre_due_reminder');
    expect(pendingStep(plan, 'pre_due_reminder', '2026-04-05')?.id).toBe('due_date_notice');
    expect(pendingStep(plan, null, '2026-04-20')?.id).toBe('first_reminder'); // found late: only where it stands
    expect(pendingStep(plan, 'first_reminder', '2026-04-20')?.id).toBe('second_reminder');
    expect(pendingStep(plan, 'pre_due_reminder', '2026-06-01')?.id).toBe('escalation');
    expect(pendingStep(plan, 'escalation', '2026-06-01')).toBeNull();
    expect(nextStep(plan, null)?.id).toBe('pre_due_reminder');
    expect(nextStep(plan, 'second_reminder')?.id).toBe('escalation');
    expect(nextStep(plan, 'escalation')).toBeNull();
  });
  it('escalation at 30+ days late; a playbook without a late enough step gets one', () => {
    expect(shouldEscalate(billing, '2026-04-09', '2026-05-08')).toBe(false);
    expect(shouldEscalate(billing, '2026-04-09', '2026-05-09')).toBe(true);
    const pb = clone();
    pb.billing.dunning.steps = pb.billing.dunning.steps.filter((s) => s.dayOffset < 30);
    pb.billing.dunning.escalateWhenDaysLate = 45;
    const steps = dunningSteps(pb.billing);
    expect(steps[steps.length - 1]).toMatchObject({ id: 'escalation', dayOffset: 45, escalates: true });
    expect(steps.filter((s) => s.escalates)).toHaveLength(1);
  });
});
