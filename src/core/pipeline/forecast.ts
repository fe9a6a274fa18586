// Forecast math (000 §1): forecast categories and weighted pipeline per period and owner. The server computes the
// same figures set-based in SQL; this reference keeps the definitions in one testable place.
export type ForecastPeriod = 'month' | 'quarter';
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'closed', 'omitted'] as const;
export type ForecastCategory = (typeof FORECAST_CATEGORIES)[number];

export interface ForecastOpportunity {
  amount: number; // minor units
  probability: number; // 0–100
  forecastCategory: string;
  stageKind: 'open' | 'won' | 'lost';
  closeDate: string | null; // YYYY-MM-DD
  ownerId: string | null;
}

export interface ForecastCell {
  period: string; // YYYY-MM-01, the first day of the period
  ownerId: string | null;
  /** Open amounts by forecast category (each opportunity in exactly one; omitted ones nowhere). */
  pipeline: number;
  bestCase: number;
  commit: number;
  /** Won amounts closing in the period. */
  closedWon: number;
  /** Σ amount × probability of open, non-omitted opportunities, rounded once at the end. */
  weighted: number;
  open: number;
  won: number;
}

/** First day (YYYY-MM-DD) of the month or quarter containing a date. */
export function periodStart(date: string, period: ForecastPeriod): string {
  const [y, m] = date.split('-').map(Number);
  const month = period === 'month' ? m : Math.floor((m - 1) / 3) * 3 + 1;
  return `${y}-${String(month).padStart(2, '0')}-01`;
}

/** Adds whole periods to a period start. */
export function addPeriods(start: string, period: ForecastPeriod, n: number): string {
  const [y, m] = start.split('-').map(Number);
  const total = y * 12 + (m - 1) + n * (period === 'month' ? 1 : 3);
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-01`;
}

export function periodLabel(start: string, period: ForecastPeriod): string {
  const [y, m] = start.split('-').map(Number);
  return period === 'quarter' ? `${y} Q${Math.floor((m - 1) / 3) + 1}` : `${y}-${String(m).padStart(2, '0')}`;
}

/** Reference implementation of the forecast: one cell per period and owner with any opportunity. */
export function forecast(rows: readonly ForecastOpportunity[], period: ForecastPeriod): ForecastCell[] {
  const cells = new Map<string, ForecastCell & { weightedRaw: number }>();
  for (const r of rows) {
    if (!r.closeDate || r.stageKind === 'lost') continue;
    const p = periodStart(r.closeDate, period);
    const key = `${p}|${r.ownerId ?? ''}`;
    let c = cells.get(key);
    if (!c) {
      c = { period: p, ownerId: r.ownerId, pipeline: 0, bestCase: 0, commit: 0, closedWon: 0, weighted: 0, open: 0, won: 0, weightedRaw: 0 };
      cells.set(key, c);
    }
    if (r.stageKind === 'won') { c.closedWon += r.amount; c.won += 1; continue; }
    if (r.forecastCategory === 'omitted') continue;
    c.open += 1;
    if (r.forecastCategory === 'pipeline') c.pipeline += r.amount;
    else if (r.forecastCategory === 'best_case') c.bestCase += r.amount;
    else if (r.forecastCategory === 'commit') c.commit += r.amount;
    c.weightedRaw += r.amount * r.probability;
  }
  return [...cells.values()]
    .map(({ weightedRaw, ...c }) => ({ ...c, weighted: Math.round(weightedRaw / 100) }))
    .sort((a, b) => a.period.localeCompare(b.period) || (a.ownerId ?? '').localeCompare(b.ownerId ?? ''));
}

/** Weighted amount of one opportunity (minor units, rounded). */
export const weightedAmount = (amount: number, probability: number) => Math.round((amount * probability) / 100);
