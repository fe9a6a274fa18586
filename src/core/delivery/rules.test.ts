import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { checklistItems, goLiveChecklist, goLiveGaps, goLiveMilestoneGaps, missingItems } from './checklists';
import { mondayOf } from './dates';
import { advanceIssue, escalate } from './governance';
import { resourceLoad } from './load';
import { buildReport, suggestOverall } from './report';

const d = defaultPlaybook.delivery;

describe('checklists', () => {
  it('lists missing entry criteria and the go-live gate', () => {
    const mark = { at: '2026-01-01T00:00:00Z', by: null, byName: 'x', note: null };
    expect(missingItems(d.entryCriteria, { contracts_executed: mark }).map((i) => i.id)).toEqual(['kickoff_completed', 'resources_assigned', 'environment_access', 'plan_approved']);
    expect(goLiveChecklist(d).map((i) => i.id)).toEqual(['go_live_preparation', 'production_deployment', 'data_migration', 'cutover_execution']);
    expect(goLiveGaps(d, { go_live_preparation: mark }, false).map((i) => i.id)).toEqual(['production_deployment', 'data_migration', 'cutover_execution', 'rollback_ready']);
    expect(checklistItems(d, 'handoff').map((i) => i.id)).toContain('invoice_triggers');
  });
  it('holds go-live until the milestones before it are accepted', () => {
    const ms = d.milestones.map((m, i) => ({ key: m.id, name: m.name, position: i + 1, requiresAcceptance: m.requiresCustomerAcceptance, status: 'pending' }));
    // Week 1: nothing accepted, every milestone before go-live is missing.
    expect(goLiveMilestoneGaps(d, ms).map((g) => g.label)).toEqual([
      'Kickoff complete accepted by the customer', 'Design approved accepted by the customer',
      'Development complete accepted by the customer', 'UAT complete accepted by the customer',
    ]);
    const signed = ms.map((m) => (m.key === 'go_live' || m.key === 'project_closure' ? m : { ...m, status: 'accepted' }));
    expect(goLiveMilestoneGaps(d, signed)).toEqual([]);
    const uatSubmitted = signed.map((m) => (m.key === 'uat_complete' ? { ...m, status: 'submitted' } : m));
    expect(goLiveGaps(d, {}, true, uatSubmitted).map((g) => g.id)).toEqual(['milestone_uat_complete', 'go_live_preparation', 'production_deployment', 'data_migration', 'cutover_execution']);
    // A milestone that needs no acceptance does not hold go-live.
    expect(goLiveMilestoneGaps(d, uatSubmitted.map((m) => (m.key === 'uat_complete' ? { ...m, requiresAcceptance: false } : m)))).toEqual([]);
  });
});

describe('governance', () => {
  it('walks the six resolution steps; the last resolves', () => {
    const steps = d.issueResolutionSteps;
    expect(advanceIssue(steps, { step: 0, status: 'open' })).toEqual({ step: 1, status: 'open', label: 'Impact assessment' });
    expect(advanceIssue(steps, { step: 4, status: 'open' })).toEqual({ step: 5, status: 'resolved', label: 'Verification and closure' });
    expect(advanceIssue(steps, { step: 5, status: 'resolved' })).toHaveProperty('error');
  });
  it('escalates one role up the chain of a topic', () => {
    const p = d.escalationPaths;
    expect(escalate(p, 'Technical issues', { topic: null, level: 0 })).toMatchObject({ level: 1, roleId: 'solution_architect' });
    expect(escalate(p, 'technical issues', { topic: 'Technical issues', level: 1 })).toMatchObject({ level: 2, roleId: 'cto' });
    expect(escalate(p, 'Technical issues', { topic: 'Technical issues', level: 2 })).toHaveProperty('error');
    expect(escalate(p, 'Resource issues', { topic: 'Technical issues', level: 2 })).toMatchObject({ level: 1, roleId: 'resource_manager' });
    expect(escalate(p, 'Weather', { topic: null, level: 0 })).toHaveProperty('error');
  });
});

describe('resource load', () => {
  it('spreads open estimates over calendar days per ISO week and owner', () => {
    expect(mondayOf('2026-03-05')).toBe('2026-03-02');
    const r = resourceLoad([
      { ownerId: 'u1', startDate: '2026-03-06', endDate: '2026-03-09', estimateHours: 40, status: 'todo' }, // 3 days in week 1, 1 in week 2
      { ownerId: 'u1', startDate: '2026-03-10', endDate: '2026-03-10', estimateHours: 8, status: 'in_progress' },
      { ownerId: null, startDate: '2026-03-02', endDate: '2026-03-02', estimateHours: 5, status: 'todo' },
      { ownerId: 'u2', startDate: '2026-03-02', endDate: '2026-03-03', estimateHours: 16, status: 'done' },
    ], '2026-03-04', 2);
    expect(r.weekStarts).toEqual(['2026-03-02', '2026-03-09']);
    expect(r.rows).toEqual([
      { ownerId: 'u1', weeks: [{ weekOf: '2026-03-02', hours: 30 }, { weekOf: '2026-03-09', hours: 18 }], totalHours: 48 },
      { ownerId: null, weeks: [{ weekOf: '2026-03-02', hours: 5 }, { weekOf: '2026-03-09', hours: 0 }], totalHours: 5 },
    ]);
  });
});

describe('status report', () => {
  it('computes progress by phase by hours, budget use and timeline slip', () => {
    const { content, suggestedOverall } = buildReport({
      weekOf: '2026-03-16',
      project: { name: 'P', accountName: 'A', status: 'active', startDate: '2026-03-02', baselineEndDate: '2026-05-24', forecastEndDate: '2026-05-27', budgetHours: 200, weeks: 12 },
      phases: [{ key: 'a', name: 'A', startDate: '2026-03-02', endDate: '2026-03-08' }, { key: 'b', name: 'B', startDate: '2026-03-09', endDate: '2026-03-22' }],
      tasks: [
        { phaseKey: 'a', status: 'done', estimateHours: 30, actualHours: 33 }, { phaseKey: 'a', status: 'done', estimateHours: 10, actualHours: 10 },
        { phaseKey: 'b', status: 'done', estimateHours: 40, actualHours: 40 }, { phaseKey: 'b', status: 'todo', estimateHours: 120, actualHours: 7 },
      ],
      milestones: [{ key: 'm', name: 'M', plannedDate: '2026-03-22', forecastDate: '2026-03-25', status: 'pending', paymentPercent: 25, amount: 100 }],
      risks: [{ title: 'r', impact: 'high', probability: 'medium', status: 'open', mitigation: null }, { title: 'closed', impact: 'high', probability: 'high', status: 'closed', mitigation: null }],
      issues: [{ title: 'i', severity: 'medium', status: 'open', step: 1 }],
      issueSteps: d.issueResolutionSteps, kpis: [], budgetThreshold: 5,
    });
    expect(content.progress.phases.map((p) => p.percentDone)).toEqual([100, 25]);
    expect(content.progress.percentDone).toBe(40); // 80 of 200 h
    expect(content.budget).toEqual({ budgetHours: 200, plannedHours: 200, actualHours: 90, percentUsed: 45, variancePercent: 3.75 }); // (83 − 80)/80
    expect(content.timeline.slipDays).toBe(3);
    expect(content.milestones[0].slipDays).toBe(3);
    expect(content.risks.open).toBe(1);
    expect(content.issues.items[0].stepLabel).toBe('Impact assessment');
    expect(suggestedOverall).toBe('amber');
    expect(suggestOverall({ slipDays: 0, variancePercent: 1, threshold: 5, risks: [], issues: [] })).toBe('green');
    expect(suggestOverall({ slipDays: 20, variancePercent: 1, threshold: 5, risks: [], issues: [] })).toBe('red');
  });
});
