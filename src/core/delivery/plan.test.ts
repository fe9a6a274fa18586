import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { paymentSchedule } from '../pipeline/contract';
import { buildPlan, estimateFor, projectWeeks, scaleMilestoneWeek, scaleWeeks } from './plan';

const d = defaultPlaybook.delivery;

describe('projectWeeks (scope rule)', () => {
  it('is the standard length for three modules and a mid-size estate, and stays within 9–16 weeks', () => {
    expect(projectWeeks(d, { modules: 3, infrastructureItems: 2_000 })).toBe(12);
    expect(projectWeeks(d, { modules: 0, infrastructureItems: null })).toBe(12);
    expect(projectWeeks(d, { modules: 1, infrastructureItems: 300 })).toBe(9); // 12 − 2 − 1
    expect(projectWeeks(d, { modules: 4, infrastructureItems: 6_000 })).toBe(15); // 12 + 1 + 2
    expect(projectWeeks(d, { modules: 5, infrastructureItems: 50_000 })).toBe(16); // 12 + 2 + 4 → capped
    expect(projectWeeks(d, { modules: 0, infrastructureItems: 100 })).toBe(11);
    expect(projectWeeks(d, { modules: 1, infrastructureItems: 10 })).toBe(9); // 12 − 2 − 1 = 9
  });
});

describe('scaling', () => {
  it('keeps the template at 12 weeks and stretches phases proportionally', () => {
    expect(d.phases.map((p) => scaleWeeks(p.startWeek, p.endWeek, 12, 12))).toEqual(d.phases.map((p) => ({ startWeek: p.startWeek, endWeek: p.endWeek })));
    expect(d.phases.map((p) => scaleWeeks(p.startWeek, p.endWeek, 16, 12))).toEqual([
      { startWeek: 1, endWeek: 1 }, { startWeek: 1, endWeek: 4 }, { startWeek: 5, endWeek: 8 }, { startWeek: 9, endWeek: 13 },
      { startWeek: 14, endWeek: 16 }, { startWeek: 16, endWeek: 16 },
    ]);
    expect(d.phases.map((p) => scaleWeeks(p.startWeek, p.endWeek, 9, 12))).toEqual([
      { startWeek: 1, endWeek: 1 }, { startWeek: 1, endWeek: 2 }, { startWeek: 3, endWeek: 5 }, { startWeek: 6, endWeek: 8 },
      { startWeek: 9, endWeek: 9 }, { startWeek: 9, endWeek: 9 },
    ]);
    expect(d.milestones.map((m) => scaleMilestoneWeek(m.week, 9, 12))).toEqual([1, 2, 5, 7, 8, 9]);
  });
  it('estimates 40 hours per seven days', () => {
    expect([1, 2, 4, 7, 14].map(estimateFor)).toEqual([6, 11, 23, 40, 80]);
  });
});

describe('buildPlan', () => {
  const fee = 200_000_00;
  const plan = buildPlan(d, { startDate: '2026-03-02', weeks: 12, schedule: paymentSchedule(defaultPlaybook, fee, '2026-03-02') });

  it('has the 003 phases with dates by week of the start date', () => {
    expect(plan.phases.map((p) => [p.key, p.startDate, p.endDate])).toEqual([
      ['kickoff', '2026-03-02', '2026-03-08'],
      ['planning_design', '2026-03-02', '2026-03-22'],
      ['integration_development', '2026-03-23', '2026-04-12'],
      ['implementation', '2026-04-13', '2026-05-10'],
      ['knowledge_transfer', '2026-05-11', '2026-05-24'],
      ['closure', '2026-05-18', '2026-05-24'],
    ]);
    expect(plan.endDate).toBe('2026-05-24');
    expect(plan.phases[1].deliverables.map((x) => x.id)).toContain('architecture_design_document');
  });

  it('has milestones with the contract amounts (25/25/25/20/5 %) on the last day of their week', () => {
    expect(plan.milestones.map((m) => [m.key, m.week, m.plannedDate, m.amount])).toEqual([
      ['kickoff_complete', 1, '2026-03-08', 0],
      ['design_approved', 3, '2026-03-22', 50_000_00],
      ['development_complete', 6, '2026-04-12', 50_000_00],
      ['uat_complete', 9, '2026-05-03', 50_000_00],
      ['go_live', 10, '2026-05-10', 40_000_00],
      ['project_closure', 12, '2026-05-24', 10_000_00],
    ]);
  });

  it('makes every activity task a task within its phase, sequential per activity, linked across phases', () => {
    const n = d.phases.reduce((s, p) => s + p.activities.reduce((t, a) => t + a.tasks.length, 0), 0);
    expect(plan.tasks).toHaveLength(n);
    for (const t of plan.tasks) {
      const ph = plan.phases.find((p) => p.key === t.phaseKey)!;
      expect(t.startDate >= ph.startDate && t.endDate <= ph.endDate && t.startDate <= t.endDate).toBe(true);
    }
    // Within an activity: each task starts the day after the previous one ends.
    const cmdb = plan.tasks.filter((t) => t.activity === 'ServiceNow integration');
    expect(cmdb.map((t) => t.startDate)).toEqual(['2026-03-23', '2026-03-27', '2026-03-31', '2026-04-04', '2026-04-08']);
    for (const dep of plan.deps) {
      const a = plan.tasks[dep.dependsOn], b = plan.tasks[dep.task];
      expect(a.endDate < b.startDate).toBe(true);
    }
    // Development's first tasks wait for the last tasks of planning; kickoff and planning overlap (no links).
    const devFirst = plan.tasks.find((t) => t.title === 'CMDB schema mapping')!;
    const preds = plan.deps.filter((x) => x.task === devFirst.ref).map((x) => plan.tasks[x.dependsOn]);
    expect(preds.map((p) => p.phaseKey)).toEqual(['planning_design', 'planning_design', 'planning_design']);
    const planningFirst = plan.tasks.find((t) => t.title === 'Infrastructure assessment')!;
    expect(plan.deps.some((x) => x.task === planningFirst.ref)).toBe(false);
    expect(plan.budgetHours).toBe(plan.tasks.reduce((s, t) => s + t.estimateHours, 0));
  });

  it('preloads the common risks and a RACI row per phase', () => {
    expect(plan.risks.map((r) => r.templateKey)).toEqual(d.risks.map((r) => r.id));
    expect(plan.raci.slice(0, 6).map((r) => r.responsible[0])).toEqual(d.phases.map((p) => p.ownerRoleId));
  });

  it('stretches to 16 weeks', () => {
    const long = buildPlan(d, { startDate: '2026-03-02', weeks: 16, schedule: [] });
    expect(long.endDate).toBe('2026-06-21');
    expect(long.milestones.map((m) => m.week)).toEqual([1, 4, 8, 12, 13, 16]);
    expect(long.milestones.every((m) => m.amount === 0)).toBe(true);
  });
});
