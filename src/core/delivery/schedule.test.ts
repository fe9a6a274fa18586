import { describe, expect, it } from 'vitest';
import { CycleError, cycleWith, findCycle, forwardPass, milestoneForecast } from './schedule';

const T = (id: string, startDate: string, endDate: string, status = 'todo') => ({ id, startDate, endDate, status });

describe('forwardPass', () => {
  it('shifts successors of a slipped task, keeping durations and lags, and returns the forecast end', () => {
    const tasks = [T('a', '2026-01-05', '2026-01-09'), T('b', '2026-01-10', '2026-01-12'), T('c', '2026-01-15', '2026-01-16'), T('x', '2026-01-01', '2026-01-20')];
    const deps = [{ taskId: 'b', dependsOnId: 'a', lagDays: 0 }, { taskId: 'c', dependsOnId: 'b', lagDays: 2 }];
    expect(forwardPass(tasks, deps).moved).toEqual([]); // c may start on 01-15 (12 + 1 + 2)
    tasks[0].endDate = '2026-01-13'; // a slips 4 days
    const r = forwardPass(tasks, deps);
    expect(r.moved).toEqual([
      { id: 'b', startDate: '2026-01-14', endDate: '2026-01-16', fromStart: '2026-01-10', fromEnd: '2026-01-12' },
      { id: 'c', startDate: '2026-01-19', endDate: '2026-01-20', fromStart: '2026-01-15', fromEnd: '2026-01-16' },
    ]);
    expect(r.forecastEnd).toBe('2026-01-20');
  });

  it('takes the latest of several predecessors, never pulls earlier, never moves done tasks', () => {
    const tasks = [T('a', '2026-02-01', '2026-02-03'), T('b', '2026-02-01', '2026-02-10'), T('c', '2026-02-20', '2026-02-21'), T('d', '2026-02-02', '2026-02-02', 'done')];
    const deps = [{ taskId: 'c', dependsOnId: 'a', lagDays: 0 }, { taskId: 'c', dependsOnId: 'b', lagDays: 0 }, { taskId: 'd', dependsOnId: 'b', lagDays: 0 }];
    expect(forwardPass(tasks, deps).moved).toEqual([]);
    tasks[1].endDate = '2026-02-25';
    const r = forwardPass(tasks, deps);
    expect(r.moved.map((m) => [m.id, m.startDate, m.endDate])).toEqual([['c', '2026-02-26', '2026-02-27']]);
  });

  it('refuses a cycle', () => {
    const deps = [{ taskId: 'b', dependsOnId: 'a', lagDays: 0 }, { taskId: 'c', dependsOnId: 'b', lagDays: 0 }, { taskId: 'a', dependsOnId: 'c', lagDays: 0 }];
    expect(() => forwardPass([T('a', '2026-01-01', '2026-01-01'), T('b', '2026-01-02', '2026-01-02'), T('c', '2026-01-03', '2026-01-03')], deps)).toThrow(CycleError);
    expect(findCycle(deps)).toHaveLength(4);
    expect(findCycle(deps.slice(0, 2))).toBeNull();
    expect(cycleWith(deps.slice(0, 2), { taskId: 'a', dependsOnId: 'c', lagDays: 0 })).toEqual(['b', 'c', 'a', 'b']) // predecessor → successor;
    expect(cycleWith([], { taskId: 'a', dependsOnId: 'a', lagDays: 0 })).not.toBeNull();
  });
});

describe('milestoneForecast', () => {
  it('moves with the phase tasks planned to finish by the milestone, never earlier', () => {
    const tasks = [
      { phaseKey: 'p', endDate: '2026-03-25', baselineEndDate: '2026-03-20' },
      { phaseKey: 'p', endDate: '2026-04-30', baselineEndDate: '2026-04-10' }, // planned after the milestone
      { phaseKey: 'q', endDate: '2026-05-01', baselineEndDate: '2026-03-01' },
    ];
    expect(milestoneForecast({ plannedDate: '2026-03-22', phaseKey: 'p' }, tasks)).toBe('2026-03-25');
    expect(milestoneForecast({ plannedDate: '2026-03-22', phaseKey: 'p' }, [{ phaseKey: 'p', endDate: '2026-03-01', baselineEndDate: '2026-03-10' }])).toBe('2026-03-22');
  });
});
