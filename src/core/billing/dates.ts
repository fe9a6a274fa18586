// Calendar-day arithmetic on 'YYYY-MM-DD' strings for billing. Days are whole UTC calendar days (weekends and
// holidays count: Net 30 means thirty calendar days), so no time zone or daylight-saving shift can move a due date.
const DAY = 86_400_000;
const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function dayNumber(d: string): number {
  if (!ISO.test(d)) throw new Error(`Not a date: ${d}`);
  return Math.round(Date.parse(`${d}T00:00:00Z`) / DAY);
}

export const fromDayNumber = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

export const addDays = (d: string, n: number): string => fromDayNumber(dayNumber(d) + n);

/** b − a in days; negative when b is before a. */
export const daysBetween = (a: string, b: string): number => dayNumber(b) - dayNumber(a);

/** The UTC calendar date of an instant. */
export const dateOf = (at: Date | string): string => (typeof at === 'string' ? new Date(at) : at).toISOString().slice(0, 10);

export const isDate = (d: string): boolean => ISO.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && fromDayNumber(dayNumber(d)) === d;

const parts = (d: string) => d.split('-').map(Number) as [number, number, number];
const ymd = (y: number, m: number, day: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
const lastDayOf = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m is 1-based

/** First day of the month of d. */
export function monthStart(d: string): string {
  const [y, m] = parts(d);
  return ymd(y, m, 1);
}

/** Last day of the month of d. */
export function monthEnd(d: string): string {
  const [y, m] = parts(d);
  return ymd(y, m, lastDayOf(y, m));
}

/** d plus whole months; the day is clamped to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: string, months: number): string {
  const [y, m, day] = parts(d);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  return ymd(ty, tm, Math.min(day, lastDayOf(ty, tm)));
}

/** 'YYYY-MM' of d. */
export const monthKey = (d: string): string => d.slice(0, 7);
