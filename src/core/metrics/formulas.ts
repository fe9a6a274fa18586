// Metric formulas and target checks. The SQL gathers counts and sums set-based; the arithmetic lives here so
// every figure has one definition, tested once.

export type Comparator = 'gt' | 'gte' | 'lt' | 'lte' | 'eq';
export type TargetStatus = 'on_target' | 'off_target' | 'no_data' | 'no_target';

/** numerator / denominator as a percentage; null when there is nothing to divide by. */
export function ratePercent(numerator: number, denominator: number): number | null {
  return denominator > 0 ? (numerator / denominator) * 100 : null;
}

/** Win rate = won / (won + lost), in percent; open deals do not count. */
export function winRate(won: number, lost: number): number | null {
  return ratePercent(won, won + lost);
}

/** Average of a sum over a count (minor units stay exact until this one division). */
export function average(sum: number, count: number): number | null {
  return count > 0 ? sum / count : null;
}

/**
 * Continuous percentile, the same definition as PostgreSQL's percentile_cont: linear interpolation between the
 * two nearest ranks. Median = percentile(values, 0.5).
 */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos), hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values: number[]) => percentile(values, 0.5);

export function meets(value: number, comparator: Comparator, target: number): boolean {
  switch (comparator) {
    case 'gt': return value > target;
    case 'gte': return value >= target;
    case 'lt': return value < target;
    case 'lte': return value <= target;
    case 'eq': return value === target;
  }
}

export function targetStatus(value: number | null, target: { target: number; comparator: Comparator } | null | undefined): TargetStatus {
  if (!target) return 'no_target';
  if (value === null) return 'no_data';
  return meets(value, target.comparator, target.target) ? 'on_target' : 'off_target';
}

/** Whole calendar days from one YYYY-MM-DD date to another (UTC dates, so no daylight-saving drift). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
