// The Value Executor's arithmetic, hand-computed: trajectory, progress, variance sign, the alert threshold, realized
// value, actual ROI, the weekly narrative and KPIs taken from a contract.
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import {
  evaluate, expectedAt, isAlert, kpisFromContract, progressPercent, rawVariancePercent, realizationSummary, realizedAnnualValue,
  slugKey, trajectoryPoints, weekNumber, weeklyNarrative, type KpiTrack,
} from './realization';

const threshold = defaultPlaybook.valueRealization.varianceAlertPercent; // 10
// 100 days from start to deadline; day 50 is half-way.
const accuracy: KpiTrack = { baseline: 60, target: 98, startDate: '2026-01-01', deadline: '2026-04-11', betterWhen: 'higher' };
const upkeep: KpiTrack = { baseline: 160, target: 80, startDate: '2026-01-01', deadline: '2026-04-11', betterWhen: 'lower' };
const DAY50 = '2026-02-20T00:00:00Z';

describe('trajectory', () => {
  it('runs linearly from baseline at the start to target at the deadline, flat outside', () => {
    expect(threshold).toBe(10);
    expect(expectedAt(accuracy, '2025-12-01T00:00:00Z')).toBe(60); // before the start: the baseline
    expect(expectedAt(accuracy, '2026-01-01T00:00:00Z')).toBe(60);
    expect(expectedAt(accuracy, DAY50)).toBe(79); // 60 + 38 × 50/100
    expect(expectedAt(accuracy, '2026-01-11T12:00:00Z')).toBeCloseTo(63.99, 10); // 60 + 38 × 10.5/100
    expect(expectedAt(upkeep, DAY50)).toBe(120); // 160 − 80 × 0.5
    expect(expectedAt(accuracy, '2026-04-11T00:00:00Z')).toBe(98);
    expect(expectedAt(accuracy, '2027-01-01T00:00:00Z')).toBe(98); // flat at target after the deadline
    expect(expectedAt({ ...accuracy, deadline: '2025-06-01' }, DAY50)).toBe(98); // deadline before start: due at once
  });

  it('gives chart points baseline → target, extended flat to a later date', () => {
    expect(trajectoryPoints(accuracy)).toEqual([{ date: '2026-01-01', value: 60 }, { date: '2026-04-11', value: 98 }]);
    expect(trajectoryPoints(accuracy, '2026-06-30T10:00:00Z')).toEqual([
      { date: '2026-01-01', value: 60 }, { date: '2026-04-11', value: 98 }, { date: '2026-06-30', value: 98 },
    ]);
    expect(trajectoryPoints(accuracy, DAY50)).toHaveLength(2);
  });

  it('counts weeks from the start date', () => {
    expect(weekNumber('2026-01-01', '2026-01-01T08:00:00Z')).toBe(1);
    expect(weekNumber('2026-01-01', '2026-01-07T23:00:00Z')).toBe(1);
    expect(weekNumber('2026-01-01', '2026-01-08T00:00:00Z')).toBe(2);
    expect(weekNumber('2026-01-01', '2026-03-20T00:00:00Z')).toBe(12); // 78 days
    expect(weekNumber('2026-01-01', '2025-12-31T00:00:00Z')).toBe(0);
  });
});

describe('progress and variance', () => {
  it('progress is the share of the way from baseline to target, either direction', () => {
    expect(progressPercent(accuracy, 69.52)).toBe(25.1); // 9.52 / 38 = 25.05 %
    expect(progressPercent(upkeep, 134.4)).toBe(32); // (134.4 − 160) / (80 − 160)
    expect(progressPercent(upkeep, 60)).toBe(125); // beyond the target
    expect(progressPercent(upkeep, 170)).toBe(-12.5); // worse than the baseline
    expect(progressPercent({ baseline: 5, target: 5, betterWhen: 'lower' }, 4)).toBe(100);
    expect(progressPercent({ baseline: 5, target: 5, betterWhen: 'lower' }, 6)).toBe(0);
  });

  it('is negative when behind whatever betterWhen is', () => {
    expect(rawVariancePercent(accuracy, 69.52, 79)).toBeCloseTo(-12, 10); // −9.48 / 79
    expect(rawVariancePercent(accuracy, 86.9, 79)).toBeCloseTo(10, 10); // ahead
    expect(rawVariancePercent(upkeep, 134.4, 120)).toBeCloseTo(-12, 10); // more hours than expected: behind
    expect(rawVariancePercent(upkeep, 108, 120)).toBeCloseTo(10, 10); // fewer hours: ahead
    // Expected 0 (a count due to reach zero): relative to the whole change.
    const findings: KpiTrack = { baseline: 10, target: 0, startDate: '2026-01-01', deadline: '2026-02-01', betterWhen: 'lower' };
    expect(rawVariancePercent(findings, 2, 0)).toBeCloseTo(-20, 10);
  });

  it('alerts only when STRICTLY more than the playbook threshold behind: 12 % yes, 10 % and 8 % no', () => {
    const at = { at: DAY50 };
    expect(evaluate(accuracy, { ...at, value: 69.52 }, threshold)).toEqual({ expected: 79, variancePercent: -12, progressPercent: 25.1, status: 'alert', alert: true });
    expect(evaluate(accuracy, { ...at, value: 71.1 }, threshold)).toMatchObject({ variancePercent: -10, status: 'behind', alert: false }); // −7.9/79 exactly 10 %
    expect(evaluate(accuracy, { ...at, value: 72.68 }, threshold)).toMatchObject({ variancePercent: -8, status: 'behind', alert: false });
    expect(evaluate(accuracy, { ...at, value: 79 }, threshold)).toMatchObject({ variancePercent: 0, status: 'on_track', alert: false });
    expect(evaluate(upkeep, { ...at, value: 134.4 }, threshold)).toMatchObject({ expected: 120, variancePercent: -12, progressPercent: 32, alert: true });
    expect(evaluate(upkeep, { ...at, value: 132 }, threshold)).toMatchObject({ variancePercent: -10, alert: false });
    expect(evaluate(upkeep, { ...at, value: 129.6 }, threshold)).toMatchObject({ variancePercent: -8, alert: false });
    expect(evaluate(upkeep, { ...at, value: 100 }, threshold)).toMatchObject({ status: 'ahead', alert: false });
    // −8/80 × 100 is −10.000000000000002 in floating point: still exactly 10 %.
    expect(isAlert(((72 - 80) / 80) * 100, 10)).toBe(false);
    expect(isAlert(-10.01, 10)).toBe(true);
  });
});

describe('realized value and actual ROI', () => {
  const kpis = [
    { annualValueAtTarget: 10_000_000, progressPercent: 32 }, // 3,200,000
    { annualValueAtTarget: 5_000_000, progressPercent: 25.05 }, // 1,252,500
    { annualValueAtTarget: 7_000_000, progressPercent: -5 }, // worse than baseline: 0
    { annualValueAtTarget: 9_000_000, progressPercent: null }, // not measured: 0
  ];

  it('sums value at target × progress, never below zero', () => {
    expect(realizedAnnualValue(kpis)).toBe(4_452_500);
    expect(realizedAnnualValue([{ annualValueAtTarget: 1_000_000, progressPercent: 117 }])).toBe(1_170_000); // over-achievement counts
  });

  it('compares with the hypothesis and scales its business case to the realized rate', () => {
    const s = realizationSummary(kpis, { annualBenefit: 15_000_000, totalBenefits: 37_500_000, totalCosts: 20_000_000, roiPercent: 87.5 });
    // 4,452,500 / 15,000,000 = 29.68 %; benefits 37.5M × 0.29683 = 11,131,250 → (11,131,250 − 20M) / 20M = −44.3 %
    expect(s).toEqual({
      realizedAnnualValue: 4_452_500, promisedAnnualValue: 15_000_000, promisedSource: 'hypothesis', realizationPercent: 29.7,
      hypothesisRoiPercent: 87.5, actualRoiPercent: -44.3,
    });
    // At the full promise the actual ROI is the business case's.
    const full = realizationSummary([{ annualValueAtTarget: 15_000_000, progressPercent: 100 }], { annualBenefit: 15_000_000, totalBenefits: 37_500_000, totalCosts: 20_000_000, roiPercent: 87.5 });
    expect(full.actualRoiPercent).toBe(87.5);
  });

  it('without a hypothesis promises the KPIs’ values at target', () => {
    const s = realizationSummary(kpis, null);
    expect(s).toMatchObject({ promisedAnnualValue: 31_000_000, promisedSource: 'kpis', realizationPercent: 14.4, actualRoiPercent: null, hypothesisRoiPercent: null });
  });
});

describe('weekly value update', () => {
  it('writes the narrative from the numbers', () => {
    const summary = realizationSummary([{ annualValueAtTarget: 200_000_000, progressPercent: 39 }], { annualBenefit: 230_000_000, totalBenefits: 575_000_000, totalCosts: 100_000_000, roiPercent: 475 });
    expect(summary.realizedAnnualValue).toBe(78_000_000); // $780K
    const week = weekNumber('2026-01-01', '2026-03-20T09:00:00Z');
    const text = weeklyNarrative({
      accountName: 'Fjord Logistics', week, currency: 'USD', thresholdPercent: 10, openAlerts: 1, summary,
      kpis: [
        { name: 'Manual CMDB upkeep', unit: 'hours/month', baseline: 160, target: 80, deadline: '2026-04-11', lastValue: 134.4, lastMeasuredAt: DAY50, expected: 120, variancePercent: -12, progressPercent: 32, alert: true },
        { name: 'CMDB accuracy', unit: 'percent', baseline: 60, target: 98, deadline: '2026-04-11', lastValue: 86, lastMeasuredAt: DAY50, expected: 85, variancePercent: 1.18, progressPercent: 68.4, alert: false },
        { name: 'Audit findings', unit: 'count/year', baseline: 10, target: 5, deadline: '2027-01-01', lastValue: null, lastMeasuredAt: null, expected: null, variancePercent: null, progressPercent: null, alert: false },
      ],
    });
    expect(text).toBe(
      'Week 12: $780K realized, 34 % of target ($2.3M a year promised in the business case) for Fjord Logistics. '
      + '1 of 2 measured KPIs are within 10 % of their trajectory (1 not measured yet). '
      + 'Manual CMDB upkeep is 12 % behind: 134.4 hours/month against 120 hours/month on the trajectory (target 80 hours/month by 2026-04-11). '
      + 'CMDB accuracy: 86 %, 68 % of the way from 60 % to 98 %. '
      + 'At this rate the ROI is 95 % against 475 % in the business case. '
      + '1 open variance alert with course-correction work.',
    );
  });
});

describe('KPIs from a contract', () => {
  it('takes the commitment shape and the older name/owner shape, keys them and links value from the pains', () => {
    const { kpis, skipped } = kpisFromContract([
      { id: 'cmdb_upkeep_hours', painId: 'manual_cmdb_upkeep', categoryId: 'efficiency', label: 'Manual CMDB upkeep', unit: 'hours/month', betterWhen: 'lower', baseline: 160, target: 84.8, deadline: '2027-05-24', ownerContactName: 'Kari Lund', clause: 'Schedule V.1' },
      { id: 'cmdb_accuracy', painId: 'manual_cmdb_upkeep', categoryId: 'data_quality', label: 'CMDB accuracy', unit: 'percent', betterWhen: 'higher', baseline: 60, target: 98, deadline: '2027-05-24' },
      { name: 'Discovery coverage (%)', unit: 'percent', baseline: 70, target: 95, deadline: '2027-03-01', owner: 'Ida Berg' },
      { name: 'Discovery coverage (%)', unit: 'percent', baseline: '70', target: '95' },
      { name: 'Audit findings', painId: 'audit_findings', unit: 'count/year', baseline: 10, target: 5 },
      { name: 'Broken', baseline: 'n/a', target: 5 },
      { unit: 'count' },
    ], {
      startDate: '2026-12-01', endDate: '2029-11-30', categories: defaultPlaybook.valueRealization.kpiCategories,
      pains: [{ id: 'manual_cmdb_upkeep', annualBenefit: 7_670_401 }, { id: 'audit_findings', selected: false, annualBenefit: 100 }],
    });
    expect(kpis.map((k) => [k.key, k.betterWhen, k.baseline, k.target, k.startDate, k.deadline, k.ownerName, k.annualValueAtTarget])).toEqual([
      ['cmdb_upkeep_hours', 'lower', 160, 84.8, '2026-12-01', '2027-05-24', 'Kari Lund', 3_835_201], // 7,670,401 shared by two KPIs
      ['cmdb_accuracy', 'higher', 60, 98, '2026-12-01', '2027-05-24', null, 3_835_200],
      ['discovery_coverage', 'higher', 70, 95, '2026-12-01', '2027-03-01', 'Ida Berg', 0],
      ['discovery_coverage_2', 'higher', 70, 95, '2026-12-01', '2029-11-30', null, 0], // no deadline: the contract end
      ['audit_findings', 'lower', 10, 5, '2026-12-01', '2029-11-30', null, 0], // inferred; its pain is not ticked
    ]);
    expect(skipped).toEqual([{ index: 5, reason: 'Broken: baseline and target must be numbers' }, { index: 6, reason: 'no name' }]);
    expect(slugKey('Heures de mise à jour — CMDB')).toBe('heures_de_mise_a_jour_cmdb');
    expect(slugKey('—')).toBe('kpi');
  });
});
