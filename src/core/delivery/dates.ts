// Calendar arithmetic on 'YYYY-MM-DD' strings for the delivery plan. The plan counts CALENDAR days, weekends
// included: phases are whole weeks (week n = start + 7(n−1) … start + 7n − 1), so a week-based plan needs no
// holiday calendar, and a slip of n days moves successors by n days. Dates are UTC midnight to avoid DST drift.
const DAY = 86_400_000;

export function toDay(d: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) throw new Error(`Not a date: ${d}`);
  return Math.round(Date.parse(`${d}T00:00:00Z`) / DAY);
}

export function fromDay(n: number): string {
  return new Date(n * DAY).toISOString().slice(0, 10);
}

export function addDays(d: string, n: number): string {
  return fromDay(toDay(d) + n);
}

/** Days from a to b (b − a); negative when b is before a. */
export function daysBetween(a: string, b: string): number {
  return toDay(b) - toDay(a);
}

export const maxDate = (a: string, b: string) => (a >= b ? a : b);
export const minDate = (a: string, b: string) => (a <= b ? a : b);

/** Monday of the ISO week of d. */
export function mondayOf(d: string): string {
  const n = toDay(d);
  const dow = (new Date(n * DAY).getUTCDay() + 6) % 7; // 0 = Monday
  return fromDay(n - dow);
}

/** First and last day of week `week` (1-based) of a plan starting on `start`. */
export function weekRange(start: string, week: number): { start: string; end: string } {
  return { start: addDays(start, 7 * (week - 1)), end: addDays(start, 7 * week - 1) };
}

export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
