// Project metrics of 003 (Success Metrics), each against its playbook metricTargets entry. The SQL gathers rows;
// every formula lives here, stated once and tested with hand-computed values.
import { meets, type Comparator } from '../metrics/formulas';
import type { Playbook } from '../playbook';

export interface MetricTask { status: string; estimateHours: number; actualHours: number }
export interface MetricMilestone { plannedDate: string; status: string; decidedAt: string | null }
export interface MetricInputs {
  today: string;
  tasks: MetricTask[];
  milestones: MetricMilestone[];
  /** Phase deliverables (the contracted scope). */
  deliverables: { done: boolean }[];
  /** Recorded quality score 0–100 (null = not recorded). */
  qualityScore: number | null;
  /** Open critical issues counted when the project went live (null = not live yet). */
  criticalIssuesAtGoLive: number | null;
  /** Latest recorded value per technical metric key. */
  recorded: Record<string, { value: number; recordedAt: string } | undefined>;
}

const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * On-time delivery % = 100 × on-time / due, where due = milestones accepted plus milestones past their planned date
 * and not accepted, and on-time = milestones accepted on or before their planned date. Null when nothing is due.
 */
export function onTimeDelivery(ms: MetricMilestone[], today: string): number | null {
  let due = 0, onTime = 0;
  for (const m of ms) {
    const accepted = m.status === 'accepted' && m.decidedAt !== null;
    if (accepted) { due++; if (m.decidedAt!.slice(0, 10) <= m.plannedDate) onTime++; } else if (m.plannedDate < today) due++;
  }
  return due > 0 ? round((100 * onTime) / due) : null;
}

/**
 * Budget variance % = (A − P) / P × 100, with P = Σ estimate hours and A = Σ actual hours of the DONE tasks (the work
 * completed so far; at closure every task). Adherence (003 "±5 %") holds when |variance| ≤ the target. Null when no
 * planned hours are done yet. Example: done tasks planned 100 h + 60 h, actual 110 h + 58 h → (168 − 160)/160 = +5 %.
 */
export function budgetVariance(tasks: MetricTask[]): { plannedHours: number; actualHours: number; variancePercent: number | null } {
  const done = tasks.filter((t) => t.status === 'done');
  const P = done.reduce((s, t) => s + t.estimateHours, 0);
  const A = done.reduce((s, t) => s + t.actualHours, 0);
  return { plannedHours: round(P), actualHours: round(A), variancePercent: P > 0 ? round(((A - P) / P) * 100) : null };
}

/** Scope completion % = 100 × deliverables done / deliverables of the plan. Null without deliverables. */
export function scopeCompletion(deliverables: { done: boolean }[]): number | null {
  return deliverables.length ? round((100 * deliverables.filter((d) => d.done).length) / deliverables.length) : null;
}

/** Quality score on the target's scale = recorded score (0–100) / 100 × scaleMax (e.g. 86 → 4.3 of 5). */
export function qualityOnScale(score: number | null, scaleMax: number): number | null {
  return score === null ? null : round((score / 100) * scaleMax);
}

/** Hours progress % = 100 × Σ estimate of done tasks / Σ estimate of all tasks. */
export function progressByHours(tasks: MetricTask[]): number {
  const total = tasks.reduce((s, t) => s + t.estimateHours, 0);
  return total > 0 ? round((100 * tasks.filter((t) => t.status === 'done').reduce((s, t) => s + t.estimateHours, 0)) / total, 1) : 0;
}

export type MetricStatus = 'on_target' | 'off_target' | 'no_data' | 'no_target';
export interface ProjectMetric {
  key: string; label: string; value: number | null; unit: string; target: number | null; comparator: Comparator | null;
  status: MetricStatus; source: string | null; formula: string; recordedAt?: string | null;
}

/** Metrics computed from the project's rows; every other delivery-area target is a recorded value. */
export const COMPUTED_METRICS = ['on_time_delivery', 'budget_variance', 'scope_completion', 'quality_score', 'critical_issues_at_go_live'] as const;

/** Delivery-area metric keys that are recorded by hand (discovery coverage, CMDB accuracy, integration uptime, …). */
export function recordableMetricKeys(pb: Pick<Playbook, 'metricTargets'>): string[] {
  return Object.entries(pb.metricTargets)
    .filter(([k, t]) => t.area === 'delivery' && !(COMPUTED_METRICS as readonly string[]).includes(k)).map(([k]) => k);
}

export function projectMetrics(pb: Pick<Playbook, 'metricTargets'>, x: MetricInputs): ProjectMetric[] {
  const targets = pb.metricTargets;
  const make = (key: string, value: number | null, formula: string, opts: { absolute?: boolean; recordedAt?: string | null } = {}): ProjectMetric => {
    const t = targets[key];
    const checked = opts.absolute && value !== null ? Math.abs(value) : value;
    const status: MetricStatus = !t ? 'no_target' : checked === null ? 'no_data' : meets(checked, t.comparator, t.target) ? 'on_target' : 'off_target';
    return {
      key, label: t?.label ?? key, value, unit: t?.unit ?? 'value', target: t?.target ?? null, comparator: t?.comparator ?? null,
      status, source: t?.source ?? null, formula, ...(opts.recordedAt !== undefined ? { recordedAt: opts.recordedAt } : {}),
    };
  };
  const budget = budgetVariance(x.tasks);
  const out: ProjectMetric[] = [
    make('on_time_delivery', onTimeDelivery(x.milestones, x.today), '100 × milestones accepted by their planned date / milestones due (accepted, or past their planned date)'),
    make('budget_variance', budget.variancePercent, '(actual − planned) / planned hours × 100 over done tasks; met when |variance| ≤ target', { absolute: true }),
    make('scope_completion', scopeCompletion(x.deliverables), '100 × deliverables done / deliverables planned'),
    make('quality_score', qualityOnScale(x.qualityScore, targets.quality_score?.scaleMax ?? 5), 'recorded quality score (0–100) / 100 × scale maximum'),
    make('critical_issues_at_go_live', x.criticalIssuesAtGoLive, 'open critical issues when the project went live'),
  ];
  for (const key of recordableMetricKeys(pb)) {
    const r = x.recorded[key];
    out.push(make(key, r ? r.value : null, 'latest recorded value', { recordedAt: r?.recordedAt ?? null }));
  }
  return out;
}
