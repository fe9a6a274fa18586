// Staffing of the demo's delivery projects. The plan's estimates put one person full-time on each task, and the
// tasks of an activity run one after another. Tasks are staffed in the order they start, across all projects: a task
// goes to whoever did the activity's previous task when free in its weeks, else to someone already on the project,
// else to the consultant idle the shortest, else to a new consultant; so nobody is planned above the weekly capacity,
// teams stay with their project, and there are as many consultants as the busiest weeks need. Pure.
import { addDays, mondayOf, toDay } from '../../core/delivery';

export interface StreamTask { startDate: string; endDate: string; estimateHours: number }

const EPOCH_MONDAY = toDay('1970-01-05');
const weekOf = (d: string) => Math.floor((toDay(mondayOf(d)) - EPOCH_MONDAY) / 7);

/** Hours per week index of a set of tasks: each task's estimate spread evenly over its calendar days (as core/delivery/load.ts). */
export function weeklyHours(tasks: readonly StreamTask[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of tasks) {
    const days = toDay(t.endDate) - toDay(t.startDate) + 1;
    if (days <= 0 || t.estimateHours <= 0) continue;
    const perDay = t.estimateHours / days;
    for (let d = t.startDate; d <= t.endDate; d = addDays(mondayOf(d), 7)) {
      const weekEnd = addDays(mondayOf(d), 6);
      const to = weekEnd < t.endDate ? weekEnd : t.endDate;
      const w = weekOf(d);
      out.set(w, (out.get(w) ?? 0) + perDay * (toDay(to) - toDay(d) + 1));
    }
  }
  return out;
}

interface Person { load: Map<number, number>; lastWeek: number; /** Last week worked, per project. */ on: Map<string, number> }
/** A consultant takes work on at most this many projects within this many weeks. */
const MAX_PROJECTS = 3, WINDOW = 8;

export class Staffing {
  readonly people: Person[] = [];
  private readonly teams = new Map<string, number[]>();
  /** People by the week of their last planned work, to find the one idle the shortest without scanning everyone. */
  private readonly byLastWeek = new Map<number, Set<number>>();
  private minWeek = Infinity;
  constructor(private readonly capacity: number, initialPeople: number) {
    for (let i = 0; i < initialPeople; i++) this.people.push({ load: new Map(), lastWeek: -Infinity, on: new Map() });
  }

  private fits(p: Person, hours: Map<number, number>): boolean {
    for (const [w, h] of hours) if ((p.load.get(w) ?? 0) + h > this.capacity + 0.5) return false;
    return true;
  }

  /** Projects a person worked on in the weeks before `week`. */
  private recent(p: Person, week: number): number {
    let n = 0;
    for (const last of p.on.values()) if (last > week - WINDOW) n++;
    return n;
  }

  /** Someone whose last work ends before `week` and who is not spread over too many projects: the latest such. */
  private idleBefore(week: number): number {
    for (let w = week - 1; w >= this.minWeek; w--) {
      for (const i of this.byLastWeek.get(w) ?? []) if (this.recent(this.people[i], week) < MAX_PROJECTS) return i;
    }
    return this.people.findIndex((p) => p.lastWeek === -Infinity);
  }

  /**
   * The index of the person who takes the work (a new index when nobody fits): `prefer` (who did the activity's
   * previous task) when free in its weeks, else someone on the project, else whoever has been idle the shortest.
   */
  assign(project: string, tasks: readonly StreamTask[], prefer = -1): number {
    const hours = weeklyHours(tasks);
    if (!hours.size) return prefer >= 0 ? prefer : 0;
    const weeks = [...hours.keys()];
    const first = Math.min(...weeks);
    const team = this.teams.get(project) ?? [];
    let who = prefer >= 0 && this.fits(this.people[prefer], hours) ? prefer : team.find((i) => this.fits(this.people[i], hours)) ?? this.idleBefore(first);
    if (who < 0) {
      this.people.push({ load: new Map(), lastWeek: -Infinity, on: new Map() });
      who = this.people.length - 1;
    }
    const p = this.people[who];
    for (const [w, h] of hours) p.load.set(w, (p.load.get(w) ?? 0) + h);
    if (!team.includes(who)) this.teams.set(project, [...team, who]);
    const last = Math.max(p.lastWeek, ...weeks);
    p.on.set(project, Math.max(p.on.get(project) ?? -Infinity, ...weeks));
    if (last !== p.lastWeek) {
      this.byLastWeek.get(p.lastWeek)?.delete(who);
      this.byLastWeek.set(last, (this.byLastWeek.get(last) ?? new Set()).add(who));
      p.lastWeek = last;
      this.minWeek = Math.min(this.minWeek, last);
    }
    return who;
  }
}
