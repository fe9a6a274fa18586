// Finish-to-start scheduling of the task network (003 "Track dependencies closely"). Calendar days, weekends
// included (see dates.ts): a successor may start the day after its predecessor ends, plus the dependency's lag.
import { addDays, daysBetween, maxDate } from './dates';

export interface SchedTask { id: string; startDate: string; endDate: string; status?: string }
export interface SchedDep { taskId: string; dependsOnId: string; lagDays: number }
export interface Moved { id: string; startDate: string; endDate: string; fromStart: string; fromEnd: string }

export class CycleError extends Error {
  constructor(readonly cycle: string[]) {
    super(`The dependencies form a cycle: ${cycle.join(' → ')}`);
    this.name = 'CycleError';
  }
}

/** A cycle among the dependencies as a path of task ids (first = last), or null when there is none. */
export function findCycle(deps: SchedDep[]): string[] | null {
  const preds = new Map<string, string[]>();
  for (const d of deps) preds.set(d.taskId, [...(preds.get(d.taskId) ?? []), d.dependsOnId]);
  const state = new Map<string, 1 | 2>(); // 1 = on the stack, 2 = done
  const stack: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 2) return null;
    if (state.get(id) === 1) return [...stack.slice(stack.indexOf(id)), id];
    state.set(id, 1);
    stack.push(id);
    for (const p of preds.get(id) ?? []) {
      const c = visit(p);
      if (c) return c;
    }
    stack.pop();
    state.set(id, 2);
    return null;
  };
  for (const id of preds.keys()) {
    const c = visit(id);
    if (c) return c.reverse(); // as predecessor → successor
  }
  return null;
}

/** Would adding "taskId after dependsOnId" close a cycle? Returns the cycle or null. */
export function cycleWith(deps: SchedDep[], dep: SchedDep): string[] | null {
  if (dep.taskId === dep.dependsOnId) return [dep.dependsOnId, dep.taskId];
  return findCycle([...deps, dep]);
}

/**
 * Forward pass: visits tasks in dependency order and pushes every task that would start before
 * max(predecessor end + 1 + lag) to that day, keeping its duration. Tasks are only pushed later, never pulled earlier
 * (an early finish frees slack, it does not re-plan), and done tasks never move. Throws CycleError on a cycle.
 * Returns the moved tasks and the forecast end (the latest task end).
 */
export function forwardPass(tasks: SchedTask[], deps: SchedDep[]): { moved: Moved[]; forecastEnd: string | null; tasks: SchedTask[] } {
  const cycle = findCycle(deps);
  if (cycle) throw new CycleError(cycle);
  const byId = new Map(tasks.map((t) => [t.id, { ...t }]));
  const preds = new Map<string, SchedDep[]>();
  const succs = new Map<string, string[]>();
  const indeg = new Map<string, number>(tasks.map((t) => [t.id, 0]));
  for (const d of deps) {
    if (!byId.has(d.taskId) || !byId.has(d.dependsOnId)) continue;
    preds.set(d.taskId, [...(preds.get(d.taskId) ?? []), d]);
    succs.set(d.dependsOnId, [...(succs.get(d.dependsOnId) ?? []), d.taskId]);
    indeg.set(d.taskId, (indeg.get(d.taskId) ?? 0) + 1);
  }
  const queue = tasks.filter((t) => indeg.get(t.id) === 0).map((t) => t.id);
  const moved: Moved[] = [];
  for (let i = 0; i < queue.length; i++) {
    const t = byId.get(queue[i])!;
    if (t.status !== 'done') {
      let earliest: string | null = null;
      for (const d of preds.get(t.id) ?? []) {
        const p = byId.get(d.dependsOnId)!;
        const ready = addDays(p.endDate, 1 + d.lagDays);
        earliest = earliest ? maxDate(earliest, ready) : ready;
      }
      if (earliest && earliest > t.startDate) {
        const shift = daysBetween(t.startDate, earliest);
        moved.push({ id: t.id, startDate: earliest, endDate: addDays(t.endDate, shift), fromStart: t.startDate, fromEnd: t.endDate });
        t.startDate = earliest;
        t.endDate = addDays(t.endDate, shift);
      }
    }
    for (const s of succs.get(t.id) ?? []) {
      indeg.set(s, indeg.get(s)! - 1);
      if (indeg.get(s) === 0) queue.push(s);
    }
  }
  const all = [...byId.values()];
  const forecastEnd = all.reduce<string | null>((m, t) => (m === null || t.endDate > m ? t.endDate : m), null);
  return { moved, forecastEnd, tasks: all };
}

/**
 * Forecast of a milestone: its planned date, or later when a task of its phase that was planned to finish by then
 * (baseline end ≤ planned date) now ends later. Milestones are never forecast earlier than planned.
 */
export function milestoneForecast(
  m: { plannedDate: string; phaseKey: string | null },
  tasks: { phaseKey: string | null; endDate: string; baselineEndDate: string | null }[],
): string {
  let f = m.plannedDate;
  for (const t of tasks) {
    if (t.phaseKey !== m.phaseKey || !t.baselineEndDate || t.baselineEndDate > m.plannedDate) continue;
    f = maxDate(f, t.endDate);
  }
  return f;
}
