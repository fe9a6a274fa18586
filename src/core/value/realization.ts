// The Value Executor (002 Act III): each contracted KPI runs on a trajectory from its baseline to its target; every
// measurement is compared with where the trajectory says the KPI should be, and a drift beyond the playbook's
// threshold raises an alert. Pure: the server stores what these functions return.
//
// Trajectory (t = time of the measurement, S = start date 00:00 UTC, D = deadline 00:00 UTC):
//   expected(t) = baseline                                               for t ≤ S
//               = baseline + (target − baseline) × (t − S) / (D − S)     for S < t < D
//               = target                                                 for t ≥ D  (flat at target after the deadline)
//   (a deadline on or before the start makes the target due from the start)
// Progress %  = (actual − baseline) / (target − baseline) × 100   (0 at the baseline, 100 at the target, > 100 beyond)
// Variance %  = ±(actual − expected) / |expected| × 100, signed so that BEHIND is negative whatever `betterWhen` is
//               (+ for higher-is-better, − for lower-is-better); when expected is 0 the denominator is |target − baseline|.
// Alert       : variance < −varianceAlertPercent (strictly more than the threshold behind: 12 % → alert, 10 % → none).
// Realized    : Σ annualValueAtTarget × max(0, progress) / 100 — an annual run rate; over-achievement counts.
// Actual ROI  : the hypothesis' business case with every year's benefit scaled by realized / promised annual benefit:
//               (totalBenefits × realized / annualBenefit − totalCosts) / totalCosts × 100.
import { money, moneyShort, num } from './format';

export type BetterWhen = 'higher' | 'lower';

export interface KpiTrack {
  baseline: number;
  target: number;
  /** YYYY-MM-DD */
  startDate: string;
  /** YYYY-MM-DD */
  deadline: string;
  betterWhen: BetterWhen;
}

const DAY = 86_400_000;
/** Variance is compared with the threshold with this tolerance so 10 % computed as 10.000000000000002 is "exactly 10". */
const EPS = 1e-9;
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
const round = (x: number, digits: number) => { const f = 10 ** digits; return Math.round(x * f) / f; };
const toMs = (at: Date | number | string) => (typeof at === 'number' ? at : typeof at === 'string' ? Date.parse(at) : at.getTime());

/** Where the trajectory says the KPI should be at `at` (see the formula above). */
export function expectedAt(k: KpiTrack, at: Date | number | string): number {
  const t = toMs(at);
  const s = dayMs(k.startDate);
  const d = dayMs(k.deadline);
  if (t >= d) return k.target;
  if (t <= s) return k.baseline;
  return k.baseline + ((k.target - k.baseline) * (t - s)) / (d - s);
}

/** Share of the way from baseline to target, in % (one decimal). A KPI whose target equals its baseline is 100 % when met. */
export function progressPercent(k: Pick<KpiTrack, 'baseline' | 'target' | 'betterWhen'>, actual: number): number {
  if (k.target === k.baseline) {
    const met = k.betterWhen === 'higher' ? actual >= k.target : actual <= k.target;
    return met ? 100 : 0;
  }
  return round(((actual - k.baseline) / (k.target - k.baseline)) * 100, 1);
}

/** Raw variance in % against the trajectory; negative = behind. */
export function rawVariancePercent(k: Pick<KpiTrack, 'baseline' | 'target' | 'betterWhen'>, actual: number, expected: number): number {
  const signed = (k.betterWhen === 'higher' ? 1 : -1) * (actual - expected);
  const denom = Math.abs(expected) > EPS ? Math.abs(expected) : Math.abs(k.target - k.baseline);
  if (denom <= EPS) return signed === 0 ? 0 : Math.sign(signed) * 100;
  return (signed / denom) * 100;
}

/** True when the variance is strictly more than `thresholdPercent` behind. */
export function isAlert(rawVariance: number, thresholdPercent: number): boolean {
  return rawVariance < -thresholdPercent - EPS;
}

export interface Evaluation {
  expected: number;
  /** Two decimals; negative = behind. */
  variancePercent: number;
  progressPercent: number;
  status: 'ahead' | 'on_track' | 'behind' | 'alert';
  alert: boolean;
}

/** One measurement against the trajectory and the playbook threshold. */
export function evaluate(k: KpiTrack, m: { at: Date | number | string; value: number }, thresholdPercent: number): Evaluation {
  const expected = expectedAt(k, m.at);
  const raw = rawVariancePercent(k, m.value, expected);
  const alert = isAlert(raw, thresholdPercent);
  const variancePercent = round(raw, 2);
  const status = alert ? 'alert' : raw < -EPS ? 'behind' : raw > EPS ? 'ahead' : 'on_track';
  return { expected: round(expected, 4), variancePercent, progressPercent: progressPercent(k, m.value), status, alert };
}

/** Points of the baseline → target line for a chart, extended flat at the target up to `until` when it is later. */
export function trajectoryPoints(k: KpiTrack, until?: Date | number | string): { date: string; value: number }[] {
  const points = [{ date: k.startDate, value: k.baseline }];
  if (k.deadline > k.startDate) points.push({ date: k.deadline, value: k.target });
  else points[0] = { date: k.startDate, value: k.target };
  if (until !== undefined) {
    const u = new Date(toMs(until)).toISOString().slice(0, 10);
    if (u > points[points.length - 1].date) points.push({ date: u, value: k.target });
  }
  return points;
}

/** Week N of the realization: week 1 starts on the start date; 0 before it. */
export function weekNumber(startDate: string, asOf: Date | number | string): number {
  const days = Math.floor((toMs(asOf) - dayMs(startDate)) / DAY);
  return days < 0 ? 0 : Math.floor(days / 7) + 1;
}

// ------------------------------------------------------------------ realized value and actual ROI

export interface KpiValue { annualValueAtTarget: number; progressPercent: number | null }

/** Realized annual value (minor units): Σ annualValueAtTarget × max(0, progress) / 100, each rounded to a minor unit. */
export function realizedAnnualValue(kpis: readonly KpiValue[]): number {
  return kpis.reduce((s, k) => s + (k.progressPercent === null ? 0 : Math.round((k.annualValueAtTarget * Math.max(0, k.progressPercent)) / 100)), 0);
}

export interface HypothesisFigures { annualBenefit: number; totalBenefits: number; totalCosts: number; roiPercent: number | null }

export interface RealizationSummary {
  realizedAnnualValue: number;
  /** What was promised a year: the hypothesis' annual benefit, else the KPIs' values at target. */
  promisedAnnualValue: number;
  promisedSource: 'hypothesis' | 'kpis';
  /** realized ÷ promised × 100, one decimal; null when nothing was promised. */
  realizationPercent: number | null;
  hypothesisRoiPercent: number | null;
  /** The hypothesis' ROI with benefits scaled to the realized rate; null without a hypothesis or costs. */
  actualRoiPercent: number | null;
}

export function realizationSummary(kpis: readonly KpiValue[], hypothesis: HypothesisFigures | null): RealizationSummary {
  const realized = realizedAnnualValue(kpis);
  const atTarget = kpis.reduce((s, k) => s + k.annualValueAtTarget, 0);
  const useHyp = !!hypothesis && hypothesis.annualBenefit > 0;
  const promised = useHyp ? hypothesis!.annualBenefit : atTarget;
  let actualRoi: number | null = null;
  if (useHyp && hypothesis!.totalCosts > 0) {
    const benefits = (hypothesis!.totalBenefits * realized) / hypothesis!.annualBenefit;
    actualRoi = round(((benefits - hypothesis!.totalCosts) / hypothesis!.totalCosts) * 100, 1);
  }
  return {
    realizedAnnualValue: realized, promisedAnnualValue: promised, promisedSource: useHyp ? 'hypothesis' : 'kpis',
    realizationPercent: promised > 0 ? round((realized / promised) * 100, 1) : null,
    hypothesisRoiPercent: hypothesis?.roiPercent ?? null, actualRoiPercent: actualRoi,
  };
}

// ------------------------------------------------------------------ the weekly value update

export interface UpdateKpi {
  name: string;
  unit: string;
  baseline: number;
  target: number;
  deadline: string;
  lastValue: number | null;
  lastMeasuredAt: string | null;
  /** Where the trajectory was at the last measurement. */
  expected: number | null;
  variancePercent: number | null;
  progressPercent: number | null;
  alert: boolean;
}

export interface WeeklyUpdateInput {
  accountName: string;
  week: number;
  currency: string;
  thresholdPercent: number;
  kpis: UpdateKpi[];
  summary: RealizationSummary;
  openAlerts: number;
}

/** A value in its KPI's unit: "86 %", "$150,000", "134.4 hours/month". */
export function formatKpiValue(v: number, unit: string, currency: string): string {
  if (unit === 'percent') return `${num(v)} %`;
  if (unit === 'money/year') return `${money(v, currency)}/year`;
  return unit ? `${num(v)} ${unit}` : num(v);
}

/** The Value Executor's weekly narrative, written from the numbers only ("Week 12: $780K realized, 34 % of target …"). */
export function weeklyNarrative(u: WeeklyUpdateInput): string {
  const s = u.summary;
  const c = u.currency;
  const parts: string[] = [];
  const share = s.realizationPercent === null ? '' : `, ${num(s.realizationPercent, 0)} % of target`;
  parts.push(`Week ${u.week}: ${moneyShort(s.realizedAnnualValue, c)} realized${share} (${moneyShort(s.promisedAnnualValue, c)} a year promised${s.promisedSource === 'hypothesis' ? ' in the business case' : ' at the KPI targets'}) for ${u.accountName}.`);
  const measured = u.kpis.filter((k) => k.lastValue !== null);
  const behind = measured.filter((k) => k.alert).sort((a, b) => (a.variancePercent ?? 0) - (b.variancePercent ?? 0));
  const onTrack = measured.length - behind.length;
  if (!measured.length) parts.push(`None of the ${u.kpis.length} contracted KPIs has a measurement yet.`);
  else parts.push(`${onTrack} of ${measured.length} measured KPIs are within ${num(u.thresholdPercent)} % of their trajectory${measured.length < u.kpis.length ? ` (${u.kpis.length - measured.length} not measured yet)` : ''}.`);
  for (const k of behind) {
    parts.push(`${k.name} is ${num(Math.abs(k.variancePercent ?? 0))} % behind: ${formatKpiValue(k.lastValue!, k.unit, c)} against ${formatKpiValue(k.expected ?? k.baseline, k.unit, c)} on the trajectory (target ${formatKpiValue(k.target, k.unit, c)} by ${k.deadline}).`);
  }
  const best = measured.filter((k) => !k.alert && k.progressPercent !== null).sort((a, b) => (b.progressPercent ?? 0) - (a.progressPercent ?? 0))[0];
  if (best) parts.push(`${best.name}: ${formatKpiValue(best.lastValue!, best.unit, c)}, ${num(best.progressPercent!, 0)} % of the way from ${formatKpiValue(best.baseline, best.unit, c)} to ${formatKpiValue(best.target, best.unit, c)}.`);
  if (s.actualRoiPercent !== null) {
    parts.push(`At this rate the ROI is ${num(s.actualRoiPercent, 0)} %${s.hypothesisRoiPercent !== null ? ` against ${num(s.hypothesisRoiPercent, 0)} % in the business case` : ''}.`);
  }
  if (u.openAlerts) parts.push(`${u.openAlerts} open variance alert${u.openAlerts === 1 ? '' : 's'} with course-correction work.`);
  return parts.join(' ');
}

// ------------------------------------------------------------------ KPIs from a signed contract

/** "CMDB accuracy (%)" → "cmdb_accuracy"; a stable key for API clients and CSV files. */
export function slugKey(name: string): string {
  const s = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 60);
  return s || 'kpi';
}

export interface TrackedKpi extends KpiTrack {
  key: string;
  name: string;
  unit: string;
  categoryId: string | null;
  painId: string | null;
  ownerName: string | null;
  clause: string | null;
  annualValueAtTarget: number;
}

export interface PainValue { id: string; selected?: boolean; annualBenefit: number }

const isDate = (d: unknown): d is string => typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(dayMs(d));
const numOf = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x)) ? Number(x) : null);
const str = (x: unknown) => (typeof x === 'string' && x.trim() ? x.trim() : null);

/**
 * The contract's KPIs as tracked KPIs. Accepts the commitment's shape (id, label, painId, betterWhen, ownerContactName,
 * clause) and the older { name, unit, baseline, target, deadline, owner } shape. The key is the KPI's id, else a slug
 * of its name (made unique within the contract). `betterWhen` is the KPI's own, else inferred from target vs
 * baseline, else the category's. The annual value at target is the linked pain's annual benefit from the hypothesis,
 * shared equally (to the minor unit) by the KPIs linked to the same pain; 0 when no pain can be linked.
 * Entries without a number baseline/target are skipped and reported.
 */
export function kpisFromContract(
  raw: readonly unknown[],
  opts: { startDate: string; endDate: string; pains?: readonly PainValue[]; categories?: readonly { id: string; betterWhen: BetterWhen }[] },
): { kpis: TrackedKpi[]; skipped: { index: number; reason: string }[] } {
  const kpis: TrackedKpi[] = [];
  const skipped: { index: number; reason: string }[] = [];
  const keys = new Set<string>();
  raw.forEach((item, index) => {
    const k = (item ?? {}) as Record<string, unknown>;
    const name = str(k.label) ?? str(k.name) ?? str(k.key) ?? str(k.id);
    const baseline = numOf(k.baseline);
    const target = numOf(k.target);
    if (!name) return skipped.push({ index, reason: 'no name' });
    if (baseline === null || target === null) return skipped.push({ index, reason: `${name}: baseline and target must be numbers` });
    let key = slugKey(str(k.key) ?? str(k.id) ?? name);
    for (let n = 2; keys.has(key); n++) key = `${slugKey(str(k.key) ?? str(k.id) ?? name).slice(0, 56)}_${n}`;
    keys.add(key);
    const categoryId = str(k.categoryId);
    const betterWhen: BetterWhen = k.betterWhen === 'higher' || k.betterWhen === 'lower' ? k.betterWhen
      : target < baseline ? 'lower' : target > baseline ? 'higher'
        : opts.categories?.find((c) => c.id === categoryId)?.betterWhen ?? 'higher';
    kpis.push({
      key, name, unit: str(k.unit) ?? '', categoryId, painId: str(k.painId), betterWhen, baseline, target,
      startDate: opts.startDate, deadline: isDate(k.deadline) ? k.deadline : opts.endDate,
      ownerName: str(k.ownerContactName) ?? str(k.owner) ?? str(k.ownerName), clause: str(k.clause), annualValueAtTarget: 0,
    });
  });
  for (const pain of opts.pains ?? []) {
    if (pain.selected === false) continue;
    const linked = kpis.filter((k) => k.painId === pain.id);
    if (!linked.length) continue;
    const share = Math.floor(pain.annualBenefit / linked.length);
    linked.forEach((k, i) => { k.annualValueAtTarget = share + (i === 0 ? pain.annualBenefit - share * linked.length : 0); });
  }
  return { kpis, skipped };
}
