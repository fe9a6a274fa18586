// Gate evaluation, forecast math, the payment schedule and POC plan dates from the playbook.
import { describe, expect, it } from 'vitest';
import { defaultPlaybook, type Playbook } from '../playbook';
import { contractEndDate, netServicesFee, paymentSchedule } from './contract';
import { addPeriods, forecast, periodLabel, periodStart, weightedAmount } from './forecast';
import {
  canOverride, evaluateGate, resolveCriterionStage, setCheck, stageDefaults, stageDueAt, timeInStages, type GateChecks,
} from './gates';
import { addDays, pocCredit, pocEndDate, pocGaps, pocPassed, pocPlan } from './poc';

const pb = defaultPlaybook;
const stages = pb.pipeline.stages;
const check = { at: '2030-01-01T00:00:00Z', by: null, byName: 'T', note: null };
const all = (id: string): GateChecks => ({ [id]: Object.fromEntries(stages.find((s) => s.id === id)!.exitCriteria.map((c) => [c.id, check])) });
const gate = (from: string, to: string, checks: GateChecks = {}, pocOk = false) => evaluateGate({ stages, from, to, checks, pocPassed: pocOk });

describe('gates', () => {
  it('lists the missing exit criteria of the current stage in playbook order', () => {
    const g = gate('discovery', 'proposal', { discovery: { technical_deep_dive: check, pains_identified: check } });
    expect(g.move).toBe('forward');
    expect(g.missing.map((m) => m.id)).toEqual(['current_state_assessed', 'success_criteria_defined', 'stakeholders_interviewed']);
    expect(g.missing[0]).toEqual({ stage: 'discovery', stageName: 'Discovery', id: 'current_state_assessed', label: 'Current state assessed' });
  });
  it('passes when all are ticked', () => {
    expect(gate('discovery', 'proposal', all('discovery')).missing).toEqual([]);
  });
  it('a skip needs the criteria of every stage passed', () => {
    const g = gate('discovery', 'poc', all('discovery'));
    expect(g.gatedStages).toEqual(['discovery', 'proposal']);
    expect(g.missing.every((m) => m.stage === 'proposal')).toBe(true);
    expect(g.missing).toHaveLength(5);
  });
  it('the POC outcome gates everything past POC, including a skip and closing won', () => {
    expect(gate('poc', 'negotiation', all('poc')).missing.map((m) => m.id)).toEqual(['poc_outcome']);
    expect(gate('poc', 'negotiation', all('poc'), true).missing).toEqual([]);
    const skip = gate('proposal', 'negotiation', { ...all('proposal'), ...all('poc') });
    expect(skip.missing.map((m) => m.id)).toEqual(['poc_outcome']);
    const won = gate('poc', 'closed_won', { ...all('poc'), ...all('negotiation') }, true);
    expect(won).toMatchObject({ move: 'close_won', gatedStages: ['poc', 'negotiation'], missing: [] });
  });
  it('closing won from negotiation needs the negotiation criteria only', () => {
    const g = gate('negotiation', 'closed_won', { negotiation: { commercials_agreed: check } });
    expect(g.missing.map((m) => m.id)).toEqual(['security_review_passed', 'legal_review_done', 'procurement_done', 'contract_signed']);
  });
  it('moving back, staying, losing and moving a closed deal', () => {
    expect(gate('poc', 'discovery')).toMatchObject({ move: 'back', missing: [] });
    expect(gate('poc', 'poc').move).toBe('same');
    expect(gate('discovery', 'closed_lost')).toMatchObject({ move: 'close_lost', missing: [] });
    expect(gate('closed_won', 'discovery').move).toBe('from_closed');
    expect(() => gate('discovery', 'nowhere')).toThrow(/Unknown stage/);
  });
  it('reads the playbook: an edited stage list changes the gate', () => {
    const edited: Playbook['pipeline']['stages'] = stages.map((s) => (s.id === 'discovery' ? { ...s, exitCriteria: [{ id: 'nda', label: 'NDA signed' }] } : s));
    expect(evaluateGate({ stages: edited, from: 'discovery', to: 'proposal', checks: {}, pocPassed: false }).missing.map((m) => m.id)).toEqual(['nda']);
  });
  it('only admins and executives override', () => {
    expect(['admin', 'executive', 'sales', 'partner'].map(canOverride)).toEqual([true, true, false, false]);
  });
  it('probability and forecast category follow the stage unless set by hand; closed stages always win', () => {
    const poc = stages.find((s) => s.id === 'poc')!;
    const won = stages.find((s) => s.id === 'closed_won')!;
    const auto = { probability: 20, forecastCategory: 'pipeline', probabilityManual: false, forecastCategoryManual: false };
    expect(stageDefaults(poc, auto)).toEqual({ probability: 60, forecastCategory: 'best_case' });
    expect(stageDefaults(poc, { ...auto, probability: 35, probabilityManual: true, forecastCategory: 'commit', forecastCategoryManual: true })).toEqual({ probability: 35, forecastCategory: 'commit' });
    expect(stageDefaults(won, { ...auto, probabilityManual: true, forecastCategoryManual: true })).toEqual({ probability: 100, forecastCategory: 'closed' });
  });
  it('resolves a criterion to its stage (ids may repeat across stages)', () => {
    expect(resolveCriterionStage(stages, 'contract_signed')?.id).toBe('negotiation');
    expect(resolveCriterionStage(stages, 'contract_signed', { current: 'closed_won' })?.id).toBe('closed_won');
    expect(resolveCriterionStage(stages, 'pricing_configured', { current: 'discovery' })?.id).toBe('proposal');
    expect(resolveCriterionStage(stages, 'pricing_configured', { explicit: 'discovery' })).toBeUndefined();
    expect(resolveCriterionStage(stages, 'nope')).toBeUndefined();
  });
  it('ticks and unticks without touching other stages', () => {
    const a = setCheck({ proposal: { x: check } }, 'discovery', 'y', check);
    expect(a).toEqual({ proposal: { x: check }, discovery: { y: check } });
    expect(setCheck(a, 'discovery', 'y', null)).toEqual({ proposal: { x: check }, discovery: {} });
  });
  it('time in stage sums visits; the current stage runs to now', () => {
    const h = [
      { toStage: 'discovery', at: '2030-01-01T00:00:00Z' }, { toStage: 'proposal', at: '2030-01-11T00:00:00Z' },
      { toStage: 'discovery', at: '2030-01-14T00:00:00Z' }, { toStage: 'proposal', at: '2030-01-16T12:00:00Z' },
    ];
    expect(timeInStages(h, new Date('2030-01-20T12:00:00Z'))).toEqual({ discovery: 12.5, proposal: 7 });
  });
  it('stage timers fire at the expected maximum: proposal 7 days, POC 28, negotiation 14; none for closed stages', () => {
    const at = new Date('2030-01-01T09:00:00Z');
    const due = (id: string) => stageDueAt(stages.find((s) => s.id === id)!, at)?.toISOString() ?? null;
    expect(due('proposal')).toBe('2030-01-08T09:00:00.000Z');
    expect(due('poc')).toBe('2030-01-29T09:00:00.000Z');
    expect(due('negotiation')).toBe('2030-01-15T09:00:00.000Z');
    expect(due('closed_won')).toBeNull();
  });
});

describe('forecast', () => {
  it('periods', () => {
    expect(periodStart('2030-05-31', 'quarter')).toBe('2030-04-01');
    expect(periodStart('2030-12-31', 'quarter')).toBe('2030-10-01');
    expect(periodStart('2030-05-31', 'month')).toBe('2030-05-01');
    expect(addPeriods('2030-10-01', 'quarter', 1)).toBe('2031-01-01');
    expect(addPeriods('2030-01-01', 'month', -1)).toBe('2029-12-01');
    expect(periodLabel('2030-10-01', 'quarter')).toBe('2030 Q4');
    expect(periodLabel('2030-10-01', 'month')).toBe('2030-10');
  });
  it('categories, won and weighted per period and owner; lost and omitted count nowhere', () => {
    const rows = [
      { amount: 100_00, probability: 20, forecastCategory: 'pipeline', stageKind: 'open' as const, closeDate: '2030-01-05', ownerId: 'a' },
      { amount: 333_33, probability: 60, forecastCategory: 'best_case', stageKind: 'open' as const, closeDate: '2030-02-05', ownerId: 'a' },
      { amount: 50_00, probability: 80, forecastCategory: 'commit', stageKind: 'open' as const, closeDate: '2030-03-31', ownerId: 'a' },
      { amount: 70_00, probability: 100, forecastCategory: 'closed', stageKind: 'won' as const, closeDate: '2030-03-01', ownerId: 'a' },
      { amount: 90_00, probability: 0, forecastCategory: 'omitted', stageKind: 'lost' as const, closeDate: '2030-03-01', ownerId: 'a' },
      { amount: 10_00, probability: 40, forecastCategory: 'omitted', stageKind: 'open' as const, closeDate: '2030-03-01', ownerId: 'a' },
      { amount: 10_00, probability: 40, forecastCategory: 'pipeline', stageKind: 'open' as const, closeDate: null, ownerId: 'a' },
      { amount: 1_00, probability: 40, forecastCategory: 'pipeline', stageKind: 'open' as const, closeDate: '2030-04-01', ownerId: 'b' },
    ];
    expect(forecast(rows, 'quarter')).toEqual([
      // weighted = round((10000·20 + 33333·60 + 5000·80) / 100) = round(25999.8) = 26000
      { period: '2030-01-01', ownerId: 'a', pipeline: 100_00, bestCase: 333_33, commit: 50_00, closedWon: 70_00, weighted: 260_00, open: 3, won: 1 },
      { period: '2030-04-01', ownerId: 'b', pipeline: 1_00, bestCase: 0, commit: 0, closedWon: 0, weighted: 40, open: 1, won: 0 },
    ]);
    // Months round per cell: 19999.8 → 20000.
    expect(forecast(rows, 'month').map((c) => [c.period, c.weighted])).toEqual([['2030-01-01', 20_00], ['2030-02-01', 200_00], ['2030-03-01', 40_00], ['2030-04-01', 40]]);
    expect(weightedAmount(333_33, 60)).toBe(200_00);
  });
});

describe('contract', () => {
  it('payment schedule from the delivery milestones sums exactly to the fee', () => {
    const s = paymentSchedule(pb, 100_000_01, '2030-01-07');
    expect(s.map((l) => [l.milestoneId, l.percent, l.amount, l.plannedDate])).toEqual([
      ['design_approved', 25, 25_000_01, '2030-01-21'], ['development_complete', 25, 25_000_00, '2030-02-11'],
      ['uat_complete', 25, 25_000_00, '2030-03-04'], ['go_live', 20, 20_000_00, '2030-03-11'], ['project_closure', 5, 5_000_00, '2030-03-25'],
    ]);
    expect(s.reduce((t, l) => t + l.amount, 0)).toBe(100_000_01);
    expect(paymentSchedule(pb, 0, '2030-01-07').every((l) => l.amount === 0)).toBe(true);
  });
  it('follows an edited playbook', () => {
    const edited = { ...pb, delivery: { ...pb.delivery, milestones: [{ ...pb.delivery.milestones[0], paymentPercent: 50 }, { ...pb.delivery.milestones[5], paymentPercent: 50 }] } };
    expect(paymentSchedule(edited, 999, '2030-01-07').map((l) => l.amount)).toEqual([500, 499]);
  });
  it('term end dates and the net fee', () => {
    expect(contractEndDate('2030-01-15', 12)).toBe('2031-01-14');
    expect(contractEndDate('2030-04-01', 36)).toBe('2033-03-31');
    expect(contractEndDate('2030-01-31', 1)).toBe('2030-02-27');
    expect(netServicesFee(100, 30)).toBe(70);
    expect(netServicesFee(10, 30)).toBe(0);
  });
});

describe('POC', () => {
  it('plan: 4 weeks of 7 days with the playbook activities in order', () => {
    const plan = pocPlan(pb, '2030-02-25');
    expect(plan.map((w) => [w.week, w.startDate, w.endDate])).toEqual([
      [1, '2030-02-25', '2030-03-03'], [2, '2030-03-04', '2030-03-10'], [3, '2030-03-11', '2030-03-17'], [4, '2030-03-18', '2030-03-24'],
    ]);
    expect(plan.map((w) => w.milestones.length)).toEqual([2, 1, 2, 1]);
    expect(plan[0].milestones[0]).toBe('POC SOW creation and signature');
    expect(plan[3].milestones).toEqual(['POC report/deliverable preparation']);
    expect(pocEndDate(pb, '2030-02-25')).toBe('2030-03-24');
    expect(addDays('2030-12-31', 1)).toBe('2031-01-01');
  });
  it('outcome: completed with every criterion validated', () => {
    const c = (validated: boolean) => ({ id: 'x', measure: 'Coverage', target: '95 %', result: null, validated, evidence: null });
    expect(pocPassed({ status: 'completed', successCriteria: [c(true)] })).toBe(true);
    expect(pocPassed({ status: 'running', successCriteria: [c(true)] })).toBe(false);
    expect(pocPassed({ status: 'completed', successCriteria: [c(true), c(false)] })).toBe(false);
    expect(pocPassed({ status: 'completed', successCriteria: [] })).toBe(false);
    expect(pocPassed(null)).toBe(false);
    expect(pocGaps({ status: 'running', successCriteria: [c(false)] })).toEqual(['POC is running, not completed', 'Not validated: Coverage']);
  });
  it('fee credit follows the playbook percent', () => {
    expect(pocCredit(pb, { fee: 25_000_00, feeCredited: true })).toBe(25_000_00);
    expect(pocCredit(pb, { fee: 25_000_00, feeCredited: false })).toBe(0);
    const half = { ...pb, pipeline: { ...pb.pipeline, poc: { ...pb.pipeline.poc, feeCreditPercent: 50 } } };
    expect(pocCredit(half, { fee: 25_000_01, feeCredited: true })).toBe(12_500_01);
  });
});
