// Small display rules of delivery shared by the portfolio, the project header and the customer portal.
import { daysBetween, todayUtc } from '../../../core/delivery/dates';
import type { ProjectListItem } from './hooks';

/** Week n of N: the project week today falls in (0 before the start, N after the planned end). */
export function weekOf(p: Pick<ProjectListItem, 'startDate' | 'weeks'>): { n: number; of: number } {
  const d = daysBetween(p.startDate, todayUtc());
  return { n: d < 0 ? 0 : Math.min(p.weeks, Math.floor(d / 7) + 1), of: p.weeks };
}

/** Forecast − baseline end in days (positive = late). */
export const slipOf = (p: Pick<ProjectListItem, 'baselineEndDate' | 'forecastEndDate'>) => daysBetween(p.baselineEndDate, p.forecastEndDate);
