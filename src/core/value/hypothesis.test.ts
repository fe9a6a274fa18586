// Hand-computed business cases. Formulas: hypothesis.ts and roi.ts headers.
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { defaultPlaybook, type Playbook } from '../playbook';
import { MODEL_BENCHMARKS, benchmark } from './benchmarks';
import { applyHypothesisEdit, architectNarrative, buildHypothesis, computeHypothesis, diffHypothesisEdit, type AccountProfile } from './hypothesis';
import { hypothesisModelSchema } from './model';

const profile: AccountProfile = {
  name: 'Fjord Logistics', industry: 'Logistics', employees: 5000, servers: 2000, cloudResources: 300, networkDevices: 400,
  complianceFrameworks: ['ISO 27001', 'NIS2'], techStack: ['ServiceNow'],
};
const build = (over: Partial<Parameters<typeof buildHypothesis>[0]> = {}) => buildHypothesis({
  account: profile, opportunity: { amount: 12_000_000, currency: 'USD' }, playbook: defaultPlaybook, discovery: {}, ...over,
});

describe('Value Architect: building the pain-to-value map', () => {
  it('ticks pains suggested by the profile and takes assumptions from the playbook, the account and the opportunity', () => {
    const m = build();
    expect(hypothesisModelSchema.safeParse(m).success).toBe(true);
    expect(m.pains.filter((p) => p.selected).map((p) => p.id)).toEqual(['manual_cmdb_upkeep', 'consultant_spend', 'audit_findings', 'dependency_outages', 'license_waste']);
    const a = Object.fromEntries(m.assumptions.map((x) => [x.id, x]));
    expect(a.servers).toMatchObject({ value: 2000, source: 'account', origin: 'account:servers' });
    expect(a.compliance_frameworks).toMatchObject({ value: 2, source: 'account' });
    expect(a.manual_cmdb_upkeep_hours).toMatchObject({ value: 80, unit: 'hours', source: 'benchmark', basis: 'assumption', origin: 'benchmark:manual_cmdb_upkeep_hours' });
    expect(a.processing_time_reduction).toMatchObject({ value: 47, basis: 'seed' }); // 002 Act III "47%"
    expect(a.it_staff_hourly_cost).toMatchObject({ value: 8_500, unit: 'money' });
    expect(a.outage_cost.origin).toContain('model default'); // not in the playbook yet: the core default
    expect(a.annual_subscription).toMatchObject({ value: 12_000_000, source: 'account', origin: 'opportunity:amount' });
    expect(a.implementation_cost).toMatchObject({ value: 6_000_000, source: 'benchmark' }); // 50 % of subscription
    expect(a.first_year_realization).toMatchObject({ value: 77 }); // (52 − 12 weeks) / 52 = 76.9 % → 77
    expect(m).toMatchObject({ horizonYears: 3, discountRatePercent: 10, currency: 'USD' });
  });

  it('uses only the pains ticked in discovery, keeps notes, adds custom pains, and refuses unknown ones', () => {
    const m = build({ discovery: { painIds: ['audit_findings'], notes: { audit_findings: 'Two NIS2 findings last year' }, customPains: [{ label: 'Shadow IT', categoryId: 'risk_reduction', annualImpact: 5_000_000, reductionPercent: 20 }] } });
    expect(m.pains.filter((p) => p.selected).map((p) => p.id)).toEqual(['audit_findings', 'custom_1']);
    expect(m.pains.find((p) => p.id === 'audit_findings')!.note).toBe('Two NIS2 findings last year');
    const r = computeHypothesis(m);
    expect(r.pains.find((p) => p.id === 'custom_1')).toMatchObject({ annualImpact: 5_000_000, annualBenefit: 1_000_000 });
    expect(() => build({ discovery: { painIds: ['world_peace'] } })).toThrow(AppError);
    try { build({ discovery: { painIds: ['x'], customPains: [{ label: 'y', categoryId: 'nope', annualImpact: 1, reductionPercent: 1 }] } }); } catch (e) {
      expect((e as AppError).extra.errors!.map((x) => x.path)).toEqual(['painIds.0', 'customPains.0.categoryId']);
    }
  });

  it('prices the subscription per server when the opportunity has no amount', () => {
    const m = build({ opportunity: { amount: 0, currency: 'USD' } });
    const sub = m.assumptions.find((x) => x.id === 'annual_subscription')!;
    expect(sub).toMatchObject({ value: 2000 * 5_000, source: 'benchmark' });
  });

  it('a playbook benchmark overrides the model default of the same id', () => {
    const pb: Playbook = structuredClone(defaultPlaybook);
    pb.valueRealization.benchmarks.push({ ...MODEL_BENCHMARKS.find((b) => b.id === 'outage_cost')!, kind: 'money', amount: { amountMinor: 9_000_000, currency: 'USD' } } as never);
    expect(benchmark(pb, 'outage_cost')).toMatchObject({ value: 9_000_000, from: 'playbook' });
    expect(build({ playbook: pb }).assumptions.find((x) => x.id === 'outage_cost')!.value).toBe(9_000_000);
    expect(() => benchmark(pb, 'nope')).toThrow();
  });
});

describe('computeHypothesis: the numbers', () => {
  it('computes every pain, driver and the 3-year case for the default model by hand', () => {
    const r = computeHypothesis(build());
    const by = Object.fromEntries(r.pains.map((p) => [p.id, p]));
    // 2000/1000 × 80 h × 12 × $85 = $163,200; × 47 % = $76,704
    expect(by.manual_cmdb_upkeep).toMatchObject({ annualImpact: 16_320_000, reductionPercent: 47, annualBenefit: 7_670_400 });
    expect(by.manual_cmdb_upkeep.explanation).toBe('2,000 servers ÷ 1,000 × 80 h/month × 12 × $85/h');
    // 40 days × $2,500 = $100,000; × 75 % = $75,000
    expect(by.consultant_spend).toMatchObject({ annualImpact: 10_000_000, annualBenefit: 7_500_000 });
    // 2 frameworks × 5 findings × $20,000 = $200,000; × 50 % = $100,000
    expect(by.audit_findings).toMatchObject({ annualImpact: 20_000_000, annualBenefit: 10_000_000 });
    // 2000/1000 × 2 outages × $60,000 = $240,000; × 40 % = $96,000
    expect(by.dependency_outages).toMatchObject({ annualImpact: 24_000_000, annualBenefit: 9_600_000 });
    // 2000 × $1,500 × 10 % = $300,000; × 50 % = $150,000
    expect(by.license_waste).toMatchObject({ annualImpact: 30_000_000, annualBenefit: 15_000_000 });
    expect(r.annualImpact).toBe(100_320_000);
    expect(r.annualBenefit).toBe(49_770_400);
    expect(r.drivers.map((d) => [d.categoryId, d.annualBenefit, d.sharePercent])).toEqual([
      ['cost_reduction', 15_000_000, 30.1], ['compliance', 10_000_000, 20.1], ['risk_reduction', 9_600_000, 19.3],
      ['efficiency', 7_670_400, 15.4], ['consultant_cost_avoidance', 7_500_000, 15.1],
    ]);
    // B₁ = 49,770,400 × 77 % = 38,323,208; C₁ = 6,000,000 + 12,000,000
    expect(r.years.map((y) => [y.benefits, y.costs])).toEqual([[38_323_208, 18_000_000], [49_770_400, 12_000_000], [49_770_400, 12_000_000]]);
    expect(r.totalBenefits).toBe(137_864_008);
    expect(r.totalCosts).toBe(42_000_000);
    expect(r.roiPercent).toBe(228.2); // 95,864,008 / 42,000,000
    expect(r.cashFlows).toEqual([-18_000_000, 26_323_208, 37_770_400, 49_770_400]);
    expect(r.npv).toBe(74_538_634); // −18,000,000 + 26,323,208/1.1 + 37,770,400/1.21 + 49,770,400/1.331
    expect(r.paybackMonths).toBe(5.6); // 12 × 18,000,000 / 38,323,208
    expect(r.years.at(-1)!.cumulative).toBe(137_864_008 - 42_000_000);
  });

  it('recomputes everything when one assumption changes (only CMDB upkeep ticked)', () => {
    const m = applyHypothesisEdit(build({ discovery: { painIds: ['manual_cmdb_upkeep'] } }), {
      assumptions: [{ id: 'annual_subscription', value: 5_000_000 }, { id: 'implementation_cost', value: 2_500_000 }, { id: 'first_year_realization', value: 75 }],
    });
    const r = computeHypothesis(m);
    expect(r.annualBenefit).toBe(7_670_400);
    expect(r.years.map((y) => y.benefits)).toEqual([5_752_800, 7_670_400, 7_670_400]);
    expect(r.totalCosts).toBe(17_500_000);
    expect(r.roiPercent).toBe(20.5); // (21,093,600 − 17,500,000) / 17,500,000 = 20.53 %
    expect(r.npv).toBe(1_154_191); // −7.5M + 752,800/1.1 + 2,670,400/1.21 + 7,670,400/1.331
    expect(r.paybackMonths).toBe(22.6); // 12 + 12 × 6,747,200 / 7,670,400

    // Upkeep hours 80 → 100: impact $204,000, benefit 9,588,000; B₁ = 7,191,000
    const m2 = applyHypothesisEdit(m, { assumptions: [{ id: 'manual_cmdb_upkeep_hours', value: 100 }] });
    expect(m2.assumptions.find((x) => x.id === 'manual_cmdb_upkeep_hours')).toMatchObject({ value: 100, source: 'user', defaultValue: 80 });
    const r2 = computeHypothesis(m2);
    expect(r2.annualBenefit).toBe(9_588_000);
    expect(r2.totalBenefits).toBe(7_191_000 + 2 * 9_588_000);
    expect(r2.roiPercent).toBe(50.7); // (26,367,000 − 17,500,000) / 17,500,000 = 50.67 %
    expect(m.assumptions.find((x) => x.id === 'manual_cmdb_upkeep_hours')!.value).toBe(80); // the input is not mutated

    const back = applyHypothesisEdit(m2, { reset: ['manual_cmdb_upkeep_hours'] });
    expect(back.assumptions.find((x) => x.id === 'manual_cmdb_upkeep_hours')).toMatchObject({ value: 80, source: 'benchmark' });
    expect(computeHypothesis(back).npv).toBe(1_154_191);
  });

  it('horizon, discount rate and pain ticks are edits too', () => {
    const m = build();
    const five = computeHypothesis(applyHypothesisEdit(m, { horizonYears: 5, discountRatePercent: 0 }));
    expect(five.years).toHaveLength(5);
    expect(five.npv).toBe(five.totalBenefits - five.totalCosts); // at 0 % NPV is the plain sum
    const fewer = computeHypothesis(applyHypothesisEdit(m, { pains: [{ id: 'license_waste', selected: false, note: 'Licences are tracked already' }] }));
    expect(fewer.annualBenefit).toBe(49_770_400 - 15_000_000);
    expect(fewer.drivers.some((d) => d.categoryId === 'cost_reduction')).toBe(false);
  });

  it('refuses unknown ids and out-of-range values with field paths', () => {
    const m = build();
    const err = (() => { try { applyHypothesisEdit(m, { assumptions: [{ id: 'nope', value: 1 }, { id: 'audit_findings_reduction', value: 140 }, { id: 'servers', value: -1 }], pains: [{ id: 'x', selected: true }] }); } catch (e) { return e as AppError; } })();
    expect(err?.code).toBe('validation_failed');
    expect(err?.extra.errors!.map((x) => x.path)).toEqual(['assumptions.0.id', 'assumptions.1.value', 'assumptions.2.value', 'pains.0.id']);
  });

  it('writes a narrative with the headline numbers', () => {
    const m = build();
    const text = architectNarrative('Fjord Logistics', m, computeHypothesis(m));
    expect(text).toContain("We've identified $1,003,200 a year in operational cost at Fjord Logistics across 5 pains");
    expect(text).toContain('$497,704 of it each year, led by licence waste ($150,000)');
    expect(text).toContain('ROI of 228.2 %');
    expect(text).toContain('pays back in 5.6 months');
    const none = applyHypothesisEdit(m, { pains: m.pains.map((p) => ({ id: p.id, selected: false })) });
    expect(architectNarrative('X', none, computeHypothesis(none))).toMatch(/No pains are ticked/);
  });
});

describe('diffHypothesisEdit: what the editor saves', () => {
  it('sends only changed assumptions, resets, pains and settings; replaying it reproduces the draft', () => {
    const saved = applyHypothesisEdit(build(), { assumptions: [{ id: 'outage_cost', value: 5_000_000 }] });
    expect(diffHypothesisEdit(saved, saved)).toEqual({});
    const draft = applyHypothesisEdit(saved, {
      assumptions: [{ id: 'servers', value: 2500 }], reset: ['outage_cost'], pains: [{ id: 'license_waste', selected: false }], horizonYears: 5,
    });
    const edit = diffHypothesisEdit(saved, draft);
    expect(edit).toEqual({
      assumptions: [{ id: 'servers', value: 2500 }], reset: ['outage_cost'],
      pains: [{ id: 'license_waste', selected: false, note: null }], horizonYears: 5,
    });
    expect(applyHypothesisEdit(saved, edit)).toEqual(draft);
    expect(computeHypothesis(applyHypothesisEdit(saved, edit)).npv).toBe(computeHypothesis(draft).npv);
  });
});
