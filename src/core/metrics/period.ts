// The period a metrics page covers: a named choice (last 30/90/365 days, this or last quarter or year, all time) or
// explicit dates. Resolved here to inclusive UTC dates, so the response can say exactly what it shows.
import { daysBetween } from './formulas';

export const PERIOD_PRESETS = ['30d', '90d', '365d', 'quarter', 'last_quarter', 'year', 'last_year', 'all'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_LABELS: Record<PeriodPreset | 'custom', string> = {
  '30d': 'Last 30 days', '90d': 'Last 90 days', '365d': 'Last 365 days', quarter: 'This quarter', last_quarter: 'Last quarter',
  year: 'This year', last_year: 'Last year', all: 'All time', custom: 'Custom dates',
};

export const DEFAULT_PERIOD: PeriodPreset = '365d';

export interface ResolvedPeriod {
  preset: PeriodPreset | 'custom';
  label: string;
  /** Inclusive YYYY-MM-DD (UTC). */
  from: string;
  to: string;
  days: number;
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
const ymd = (y: number, m: number, day = 1) => new Date(Date.UTC(y, m, day)).toISOString().slice(0, 10);

/**
 * `today` is the UTC date of the request. `bounds` (first and last dated record in scope) are needed for 'all' only:
 * all time runs from the first record to today, or to the last record when that is later (a close date ahead).
 */
export function resolvePeriod(q: { period?: PeriodPreset; from?: string; to?: string }, today: string,
  bounds?: { first: string | null; last: string | null }): ResolvedPeriod {
  const done = (preset: ResolvedPeriod['preset'], from: string, to: string): ResolvedPeriod =>
    ({ preset, label: PERIOD_LABELS[preset], from, to, days: daysBetween(from, to) + 1 });
  if (q.from || q.to) {
    const to = q.to ?? today;
    return done('custom', q.from ?? addDays(to, -364), to);
  }
  const preset = q.period ?? DEFAULT_PERIOD;
  const y = Number(today.slice(0, 4)), m = Number(today.slice(5, 7)) - 1, qs = m - (m % 3);
  switch (preset) {
    case '30d': return done(preset, addDays(today, -29), today);
    case '90d': return done(preset, addDays(today, -89), today);
    case '365d': return done(preset, addDays(today, -364), today);
    case 'quarter': return done(preset, ymd(y, qs), today);
    case 'last_quarter': return done(preset, ymd(y, qs - 3), addDays(ymd(y, qs), -1));
    case 'year': return done(preset, ymd(y, 0), today);
    case 'last_year': return done(preset, ymd(y - 1, 0), ymd(y - 1, 11, 31));
    case 'all': {
      const first = bounds?.first && bounds.first < today ? bounds.first : today;
      const last = bounds?.last && bounds.last > today ? bounds.last : today;
      return done(preset, first, last);
    }
  }
}
