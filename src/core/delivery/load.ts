// Resource load for the Delivery Command view: hours planned per person per week. A task's remaining estimate is
// spread evenly over its calendar days (weekends included, as the plan counts them) and summed per ISO week.
import { addDays, daysBetween, maxDate, minDate, mondayOf } from './dates';

export interface LoadTask { ownerId: string | null; startDate: string; endDate: string; estimateHours: number; status: string }
export interface LoadRow { ownerId: string | null; weeks: { weekOf: string; hours: number }[]; totalHours: number }

/**
 * Per owner (null = unassigned), the hours planned in each of `weeks` weeks from the Monday of `from`: each open task
 * contributes estimate × (its days inside the week) / (its days). Done tasks carry no load.
 */
export function resourceLoad(tasks: LoadTask[], from: string, weeks: number): { weekStarts: string[]; rows: LoadRow[] } {
  const first = mondayOf(from);
  const weekStarts = Array.from({ length: weeks }, (_, i) => addDays(first, 7 * i));
  const windowEnd = addDays(first, 7 * weeks - 1);
  const byOwner = new Map<string | null, number[]>();
  for (const t of tasks) {
    if (t.status === 'done' || t.estimateHours <= 0 || t.endDate < first || t.startDate > windowEnd) continue;
    const days = daysBetween(t.startDate, t.endDate) + 1;
    const perDay = t.estimateHours / Math.max(1, days);
    const row = byOwner.get(t.ownerId) ?? Array<number>(weeks).fill(0);
    weekStarts.forEach((ws, i) => {
      const a = maxDate(ws, t.startDate), b = minDate(addDays(ws, 6), t.endDate);
      if (a <= b) row[i] += perDay * (daysBetween(a, b) + 1);
    });
    byOwner.set(t.ownerId, row);
  }
  const rows = [...byOwner.entries()].map(([ownerId, hs]) => ({
    ownerId, weeks: hs.map((h, i) => ({ weekOf: weekStarts[i], hours: Math.round(h * 10) / 10 })),
    totalHours: Math.round(hs.reduce((s, h) => s + h, 0) * 10) / 10,
  })).sort((x, y) => y.totalHours - x.totalHours);
  return { weekStarts, rows };
}
