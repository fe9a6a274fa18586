// NPV and payback edge cases, computed by hand.
import { describe, expect, it } from 'vitest';
import { businessCase, npv, paybackMonths } from './roi';

describe('business case arithmetic', () => {
  it('NPV discounts year-end cash flows; year 0 is undiscounted', () => {
    expect(npv([-100, 110], 10)).toBeCloseTo(0, 9);
    expect(npv([-1000, 500, 500, 500], 0)).toBe(500);
    expect(Math.round(npv([-1000, 600, 600], 10))).toBe(41); // −1000 + 545.45 + 495.87
  });

  it('pays back mid-year by linear accrual of the year benefits', () => {
    // Year 1: pay 1,200 up front, earn 2,400 during the year → 6 months.
    expect(paybackMonths([2400], [1200])).toBe(6);
    // Year 1: −1000 + 600 = −400 → year 2 pays 300 more first: position −700, earns 1400 → 12 + 6 = 18.
    expect(paybackMonths([600, 1400], [1000, 300])).toBe(18);
  });

  it('zero cost pays back immediately and has no ROI (division by zero), NPV is the discounted benefits', () => {
    const r = businessCase([100, 100], [0, 0], 10);
    expect(r.paybackMonths).toBe(0);
    expect(r.roiPercent).toBeNull();
    expect(r.npv).toBe(Math.round(100 / 1.1 + 100 / 1.21)); // 174
    expect(Object.is(r.cashFlows[0], 0)).toBe(true); // +0, not −0, in the stored JSON
  });

  it('never pays back: payback is null, ROI and NPV are negative', () => {
    const r = businessCase([100, 100, 100], [1000, 500, 500], 10);
    expect(r.paybackMonths).toBeNull();
    expect(r.roiPercent).toBe(-85); // (300 − 2000) / 2000
    expect(r.npv).toBe(Math.round(-1000 + (100 - 500) / 1.1 + (100 - 500) / 1.21 + 100 / 1.331)); // −1,581
    expect(r.years.map((y) => y.cumulative)).toEqual([-900, -1300, -1700]);
  });

  it('no benefits at all never pays back; benefits exactly covering costs pay back at the year end', () => {
    expect(paybackMonths([0, 0], [10, 10])).toBeNull();
    expect(paybackMonths([100], [100])).toBe(12);
  });

  it('rejects mismatched or empty year vectors', () => {
    expect(() => businessCase([], [], 10)).toThrow();
    expect(() => businessCase([1, 2], [1], 10)).toThrow();
  });
});
