import { describe, expect, it } from 'vitest';
import { defaultPlaybook } from '../playbook';
import { budgetVariance, onTimeDelivery, projectMetrics, qualityOnScale, recordableMetricKeys, scopeCompletion } from './metrics';

describe('budget adherence: (actual − planned) / planned hours over done tasks', () => {
  it('matches hand-computed values', () => {
    // Done: planned 100 + 60 = 160 h, actual 110 + 58 = 168 h → +8 / 160 = +5 %. The open task does not count.
    expect(budgetVariance([
      { status: 'done', estimateHours: 100, actualHours: 110 }, { status: 'done', estimateHours: 60, actualHours: 58 },
      { status: 'in_progress', estimateHours: 500, actualHours: 20 },
    ])).toEqual({ plannedHours: 160, actualHours: 168, variancePercent: 5 });
    // 80 h planned, 68 h used → −15 %.
    expect(budgetVariance([{ status: 'done', estimateHours: 80, actualHours: 68 }]).variancePercent).toBe(-15);
    expect(budgetVariance([{ status: 'todo', estimateHours: 80, actualHours: 0 }]).variancePercent).toBeNull();
  });
  it('checks |variance| against the ±5 % target', () => {
    const m = (tasks: { status: string; estimateHours: number; actualHours: number }[]) => projectMetrics(defaultPlaybook, {
      today: '2026-06-01', tasks, milestones: [], deliverables: [], qualityScore: null, criticalIssuesAtGoLive: null, recorded: {},
    }).find((x) => x.key === 'budget_variance')!;
    expect(m([{ status: 'done', estimateHours: 200, actualHours: 190 }])).toMatchObject({ value: -5, status: 'on_target' });
    expect(m([{ status: 'done', estimateHours: 200, actualHours: 211 }])).toMatchObject({ value: 5.5, status: 'off_target' });
    expect(m([{ status: 'done', estimateHours: 200, actualHours: 188 }])).toMatchObject({ value: -6, status: 'off_target' });
  });
});

describe('other project metrics', () => {
  it('on-time delivery counts accepted-by-planned-date over due milestones', () => {
    const ms = [
      { plannedDate: '2026-03-08', status: 'accepted', decidedAt: '2026-03-08T16:00:00Z' }, // on time
      { plannedDate: '2026-03-22', status: 'accepted', decidedAt: '2026-03-25T09:00:00Z' }, // late
      { plannedDate: '2026-04-12', status: 'submitted', decidedAt: null }, // overdue on 04-20
      { plannedDate: '2026-05-03', status: 'pending', decidedAt: null }, // not due yet
    ];
    expect(onTimeDelivery(ms, '2026-04-20')).toBe(33.33);
    expect(onTimeDelivery(ms, '2026-03-01')).toBe(50);
    expect(onTimeDelivery(ms.slice(3), '2026-03-01')).toBeNull();
  });
  it('scope, quality on the 5-point scale, critical issues and recorded technical metrics', () => {
    expect(scopeCompletion([{ done: true }, { done: true }, { done: false }, { done: true }])).toBe(75);
    expect(qualityOnScale(86, 5)).toBe(4.3);
    expect(recordableMetricKeys(defaultPlaybook)).toEqual(expect.arrayContaining(['discovery_coverage', 'cmdb_accuracy', 'integration_uptime']));
    const all = projectMetrics(defaultPlaybook, {
      today: '2026-06-01', tasks: [], milestones: [], deliverables: [{ done: true }], qualityScore: 80, criticalIssuesAtGoLive: 0,
      recorded: { discovery_coverage: { value: 96.5, recordedAt: '2026-05-01T00:00:00Z' }, cmdb_accuracy: { value: 97, recordedAt: '2026-05-01T00:00:00Z' }, integration_uptime: { value: 99.95, recordedAt: '2026-05-02T00:00:00Z' } },
    });
    const by = Object.fromEntries(all.map((m) => [m.key, m]));
    expect(by.scope_completion).toMatchObject({ value: 100, status: 'on_target' });
    expect(by.quality_score).toMatchObject({ value: 4, status: 'off_target', target: 4 }); // must be > 4
    expect(by.critical_issues_at_go_live).toMatchObject({ value: 0, status: 'on_target' });
    expect(by.discovery_coverage).toMatchObject({ value: 96.5, status: 'on_target', target: 95 });
    expect(by.cmdb_accuracy).toMatchObject({ value: 97, status: 'off_target', target: 98 });
    expect(by.integration_uptime).toMatchObject({ value: 99.95, status: 'on_target', target: 99.9 });
    expect(by.on_time_delivery.status).toBe('no_data');
  });
});
