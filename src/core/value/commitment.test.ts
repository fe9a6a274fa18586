// The Committer: KPIs derived from the ticked pains, hand-computed baselines and targets, owners and clauses.
import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { addDays, commitmentEditSchema, kpiSchema, pickOwner, proposeCommitment } from './commitment';
import { applyHypothesisEdit, buildHypothesis, computeHypothesis } from './hypothesis';

const model = buildHypothesis({
  account: { name: 'Fjord', industry: null, employees: 5000, servers: 2000, cloudResources: 0, networkDevices: 0, complianceFrameworks: ['ISO 27001', 'NIS2'], techStack: [] },
  opportunity: { amount: 12_000_000, currency: 'USD' }, playbook: defaultPlaybook, discovery: {},
});
const contacts = [
  { id: '00000000-0000-4000-8000-000000000001', name: 'Ida Berg', roles: ['champion'] },
  { id: '00000000-0000-4000-8000-000000000002', name: 'Ole Hansen', roles: ['economic_buyer'] },
  { id: '00000000-0000-4000-8000-000000000003', name: 'Kari Lund', roles: ['technical'] },
];
const owner = '00000000-0000-4000-8000-0000000000aa';

describe('Value Committer', () => {
  it('turns each ticked pain into a KPI with baseline, target, deadline, owner and clause', () => {
    const c = proposeCommitment({ model, results: computeHypothesis(model), playbook: defaultPlaybook, startDate: '2026-12-01', contacts, vendorOwnerId: owner });
    const goLive = '2027-02-23'; // 2026-12-01 + 12 weeks
    expect(addDays('2026-12-01', 84)).toBe(goLive);
    expect(c.kpis.map((k) => [k.id, k.unit, k.baseline, k.target, k.deadline, k.ownerContactName])).toEqual([
      ['cmdb_upkeep_hours', 'hours/month', 160, 84.8, addDays(goLive, 90), 'Kari Lund'], // 2 × 80 h; × (1 − 47 %)
      ['cmdb_accuracy', 'percent', 60, 98, addDays(goLive, 90), 'Kari Lund'], // 003 ">98%"
      ['consultant_days', 'days/year', 40, 10, addDays(goLive, 365), 'Ole Hansen'], // × (1 − 75 %)
      ['audit_findings', 'count/year', 10, 5, addDays(goLive, 365), 'Ole Hansen'], // 2 × 5; × (1 − 50 %)
      ['dependency_outages', 'count/year', 4, 2.4, addDays(goLive, 365), 'Kari Lund'], // 2 × 2; × (1 − 40 %)
      ['license_waste', 'money/year', 30_000_000, 15_000_000, addDays(goLive, 365), 'Ole Hansen'],
    ]);
    expect(c.kpis.every((k) => kpiSchema.safeParse(k).success)).toBe(true);
    expect(c.kpis[0].ownerUserId).toBe(owner);
    expect(c.kpis[0].clause).toBe('Schedule V.1 — Manual CMDB upkeep: from 160 hours/month to 84.8 hours/month by 2027-05-24. Measured and reviewed quarterly; a drift of more than 10 % from the target trajectory triggers a joint course-correction plan.');
    expect(c.successCriteria.at(-1)!.label).toBe('At least 94 % of the promised $497,704 annual benefit realized within a year of go-live (2028-02-23)');
    expect(c.successCriteria[0].label).toBe('Manual CMDB upkeep ≤ 84.8 hours/month by 2027-05-24');
    expect(c.narrative).toContain('Proposed 6 contracted KPIs');
  });

  it('follows the edited hypothesis and says when nothing is ticked', () => {
    const edited = applyHypothesisEdit(model, { pains: model.pains.map((p) => ({ id: p.id, selected: p.id === 'audit_findings' })), assumptions: [{ id: 'audit_findings_reduction', value: 80 }] });
    const c = proposeCommitment({ model: edited, results: computeHypothesis(edited), playbook: defaultPlaybook, startDate: '2026-12-01', contacts: [], vendorOwnerId: null });
    expect(c.kpis.map((k) => [k.id, k.baseline, k.target, k.ownerContactId])).toEqual([['audit_findings', 10, 2, null]]);
    expect(c.narrative).toContain('none named yet');
    const none = applyHypothesisEdit(model, { pains: model.pains.map((p) => ({ id: p.id, selected: false })) });
    expect(proposeCommitment({ model: none, results: computeHypothesis(none), playbook: defaultPlaybook, startDate: '2026-12-01', contacts, vendorOwnerId: null }).kpis).toEqual([]);
  });

  it('picks owners by role and validates edited KPIs', () => {
    expect(pickOwner(contacts, false)!.name).toBe('Ole Hansen');
    expect(pickOwner(contacts, true)!.name).toBe('Kari Lund');
    expect(pickOwner([], true)).toBeNull();
    const k = { id: 'x', painId: null, categoryId: 'efficiency', label: 'X', unit: 'percent', betterWhen: 'lower', baseline: 50, target: 60, deadline: '2027-02-30', ownerContactId: null, ownerContactName: null, ownerUserId: null, clause: '' };
    const bad = commitmentEditSchema.safeParse({ version: 1, kpis: [k] });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['kpis.0.deadline', 'kpis.0.target']);
    expect(commitmentEditSchema.safeParse({ version: 1, kpis: [{ ...k, target: 40, deadline: '2027-02-28' }] }).success).toBe(true);
  });
});
