// The weekly status report (003 Status Reporting): progress by phase, milestones, risks and issues, budget and
// timeline, and the KPI tracker, generated from the project's rows; the narrative is edited before sending.
import { daysBetween } from './dates';
import { budgetVariance, progressByHours } from './metrics';

export interface ReportInput {
  weekOf: string;
  project: { name: string; accountName: string; status: string; startDate: string; baselineEndDate: string; forecastEndDate: string; budgetHours: number; weeks: number };
  phases: { key: string; name: string; startDate: string; endDate: string }[];
  tasks: { phaseKey: string | null; status: string; estimateHours: number; actualHours: number }[];
  milestones: { key: string; name: string; plannedDate: string; forecastDate: string; status: string; paymentPercent: number; amount: number }[];
  risks: { title: string; impact: string; probability: string; status: string; mitigation: string | null }[];
  issues: { title: string; severity: string; status: string; step: number }[];
  issueSteps: string[];
  kpis: { name: string; unit: string; baseline: number; target: number; lastValue: number | null; lastVariancePercent: number | null; deadline: string }[];
  /** Budget adherence threshold in percent (metricTargets.budget_variance.target). */
  budgetThreshold: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

export function buildReport(x: ReportInput) {
  const phases = x.phases.map((p) => {
    const ts = x.tasks.filter((t) => t.phaseKey === p.key);
    return {
      key: p.key, name: p.name, startDate: p.startDate, endDate: p.endDate, percentDone: progressByHours(ts),
      plannedHours: round1(ts.reduce((s, t) => s + t.estimateHours, 0)), actualHours: round1(ts.reduce((s, t) => s + t.actualHours, 0)),
      tasksDone: ts.filter((t) => t.status === 'done').length, tasks: ts.length,
    };
  });
  const plannedHours = round1(x.tasks.reduce((s, t) => s + t.estimateHours, 0));
  const actualHours = round1(x.tasks.reduce((s, t) => s + t.actualHours, 0));
  const variance = budgetVariance(x.tasks);
  const slipDays = daysBetween(x.project.baselineEndDate, x.project.forecastEndDate);
  const openRisks = x.risks.filter((r) => r.status !== 'closed');
  const openIssues = x.issues.filter((i) => i.status !== 'resolved');
  const content = {
    weekOf: x.weekOf,
    project: { name: x.project.name, accountName: x.project.accountName, status: x.project.status, weeks: x.project.weeks },
    progress: { percentDone: progressByHours(x.tasks), phases },
    milestones: x.milestones.map((m) => ({ ...m, slipDays: daysBetween(m.plannedDate, m.forecastDate) })),
    risks: { open: openRisks.length, items: openRisks },
    issues: {
      open: openIssues.length, critical: openIssues.filter((i) => i.severity === 'critical').length,
      items: openIssues.map((i) => ({ ...i, stepLabel: x.issueSteps[i.step] ?? null })),
    },
    // % used = actual hours (all tasks) / budget hours × 100; variance over done tasks as in metrics.budgetVariance.
    budget: {
      budgetHours: round1(x.project.budgetHours), plannedHours, actualHours,
      percentUsed: x.project.budgetHours > 0 ? round1((actualHours / x.project.budgetHours) * 100) : null,
      variancePercent: variance.variancePercent,
    },
    timeline: { startDate: x.project.startDate, baselineEndDate: x.project.baselineEndDate, forecastEndDate: x.project.forecastEndDate, slipDays },
    kpis: x.kpis,
  };
  return { content, suggestedOverall: suggestOverall({ slipDays, variancePercent: variance.variancePercent, risks: openRisks, issues: openIssues, threshold: x.budgetThreshold }) };
}
export type ReportContent = ReturnType<typeof buildReport>['content'];

/**
 * Suggested overall status (the sender may change it): red when the forecast end slips more than two weeks, the
 * budget variance exceeds twice the threshold, or a critical issue is open; amber on any slip, a variance beyond the
 * threshold, an open high-severity issue or an open high-impact/high-probability risk; green otherwise.
 */
export function suggestOverall(x: {
  slipDays: number; variancePercent: number | null; threshold: number;
  risks: { impact: string; probability: string }[]; issues: { severity: string }[];
}): 'green' | 'amber' | 'red' {
  const v = Math.abs(x.variancePercent ?? 0);
  if (x.slipDays > 14 || v > 2 * x.threshold || x.issues.some((i) => i.severity === 'critical')) return 'red';
  if (x.slipDays > 0 || v > x.threshold || x.issues.some((i) => i.severity === 'high')
    || x.risks.some((r) => r.impact === 'high' && r.probability === 'high')) return 'amber';
  return 'green';
}
