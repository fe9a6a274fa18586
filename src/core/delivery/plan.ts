// The delivery plan a signed contract starts (003): the playbook's phases, activities, tasks, milestones, common
// risks and a default RACI, stretched to the project's length. Pure: the service inserts what this returns.
import type { Playbook } from '../playbook';
import { addDays, weekRange } from './dates';

export type DeliveryPlaybook = Playbook['delivery'];

// ---------------------------------------------------------------- duration by scope

export interface ScopeInput {
  /** Contracted modules; 0 = not listed (scope unknown: no module adjustment). */
  modules: number;
  /** Servers + cloud resources + network devices of the account; null = unknown. */
  infrastructureItems: number | null;
}

/** The module count a standard-length project is sized for. */
export const REFERENCE_MODULES = 3;

/**
 * Planned length in weeks (003 Duration "9-16 weeks depending on scope"):
 *   weeks = clamp(standardWeeks + moduleAdj + infraAdj, minWeeks, maxWeeks)
 *   moduleAdj = modules − 3 (one week per module above or below three; 0 when no module is listed)
 *   infraAdj  = −1 below 500 infrastructure items, 0 below 5,000, +2 below 20,000, +4 from 20,000 (0 when unknown)
 * A small estate with one module runs 9 weeks; a large estate with five modules hits the 16-week ceiling.
 */
export function projectWeeks(d: Pick<DeliveryPlaybook, 'standardWeeks' | 'minWeeks' | 'maxWeeks'>, scope: ScopeInput): number {
  const moduleAdj = scope.modules > 0 ? scope.modules - REFERENCE_MODULES : 0;
  const n = scope.infrastructureItems;
  const infraAdj = n === null ? 0 : n < 500 ? -1 : n < 5_000 ? 0 : n < 20_000 ? 2 : 4;
  return Math.min(d.maxWeeks, Math.max(d.minWeeks, d.standardWeeks + moduleAdj + infraAdj));
}

/**
 * Scales a template week range to a project of `weeks` (factor f = weeks / standardWeeks):
 * start' = round((start − 1)·f) + 1, end' = max(start', round(end·f)). Identity at the standard length.
 */
export function scaleWeeks(startWeek: number, endWeek: number, weeks: number, standardWeeks: number) {
  const f = weeks / standardWeeks;
  const start = Math.round((startWeek - 1) * f) + 1;
  return { startWeek: start, endWeek: Math.max(start, Math.min(weeks, Math.round(endWeek * f))) };
}

export const scaleMilestoneWeek = (week: number, weeks: number, standardWeeks: number) =>
  Math.min(weeks, Math.max(1, Math.round(week * (weeks / standardWeeks))));

// ---------------------------------------------------------------- plan

export interface Deliverable { id: string; label: string; done: boolean; at: string | null; by: string | null }
export interface PlanPhase {
  key: string; name: string; position: number; ownerRoleId: string;
  startWeek: number; endWeek: number; startDate: string; endDate: string; deliverables: Deliverable[];
}
export interface PlanTask {
  ref: number; phaseKey: string; activity: string; title: string; position: number;
  startDate: string; endDate: string; estimateHours: number;
}
export interface PlanDep { task: number; dependsOn: number; lagDays: number }
export interface PlanMilestone {
  key: string; name: string; position: number; phaseKey: string; week: number; plannedDate: string;
  deliverables: string[]; paymentPercent: number; amount: number; requiresAcceptance: boolean;
}
export interface PlanRisk { templateKey: string; title: string; impact: 'low' | 'medium' | 'high'; probability: 'low' | 'medium' | 'high'; mitigation: string }
export interface PlanRaci { activity: string; position: number; responsible: string[]; accountable: string[]; consulted: string[]; informed: string[] }
export interface Plan {
  weeks: number; startDate: string; endDate: string; budgetHours: number;
  phases: PlanPhase[]; tasks: PlanTask[]; deps: PlanDep[]; milestones: PlanMilestone[]; risks: PlanRisk[]; raci: PlanRaci[];
}

/**
 * Planned effort of a task: one full-time person over its calendar days, 40 h per 7 days, whole hours, at least 1.
 * The project's budget in hours is the sum over its tasks.
 */
export const estimateFor = (days: number) => Math.max(1, Math.round((days * 40) / 7));

/**
 * Builds the plan. Phases keep the template's (scaled) weeks; inside a phase its activities run in parallel and each
 * activity's tasks run one after another, splitting the phase's days evenly (finish-to-start, lag 0). Across phases,
 * the first task of every activity of a phase depends on the last task of every activity of the phase(s) that end
 * latest before it starts (phases the template overlaps, such as kickoff and planning in week 1, run side by side).
 * Milestones fall on the last day of their (scaled) week; their amount comes from the contract's payment schedule.
 */
export function buildPlan(d: DeliveryPlaybook, input: {
  startDate: string; weeks: number; schedule: { milestoneId: string; amount: number }[];
}): Plan {
  const { startDate, weeks } = input;
  const phases: PlanPhase[] = d.phases.map((p, i) => {
    const w = scaleWeeks(p.startWeek, p.endWeek, weeks, d.standardWeeks);
    return {
      key: p.id, name: p.name, position: i + 1, ownerRoleId: p.ownerRoleId, ...w,
      startDate: weekRange(startDate, w.startWeek).start, endDate: weekRange(startDate, w.endWeek).end,
      deliverables: p.deliverables.map((x) => ({ id: x.id, label: x.label, done: false, at: null, by: null })),
    };
  });

  const tasks: PlanTask[] = [];
  const deps: PlanDep[] = [];
  const firsts = new Map<string, number[]>();
  const lasts = new Map<string, number[]>();
  let position = 0;
  d.phases.forEach((p, i) => {
    const ph = phases[i];
    const days = 7 * (ph.endWeek - ph.startWeek + 1);
    firsts.set(p.id, []);
    lasts.set(p.id, []);
    for (const a of p.activities) {
      const n = a.tasks.length;
      let prev: number | null = null;
      a.tasks.forEach((title, k) => {
        const from = Math.floor((k * days) / n);
        const to = Math.max(from, Math.floor(((k + 1) * days) / n) - 1);
        const ref = tasks.length;
        tasks.push({
          ref, phaseKey: p.id, activity: a.label, title, position: ++position,
          startDate: addDays(ph.startDate, from), endDate: addDays(ph.startDate, to), estimateHours: estimateFor(to - from + 1),
        });
        if (prev !== null) deps.push({ task: ref, dependsOn: prev, lagDays: 0 });
        else firsts.get(p.id)!.push(ref);
        prev = ref;
      });
      if (prev !== null) lasts.get(p.id)!.push(prev);
    }
  });
  phases.forEach((q) => {
    const before = phases.filter((p) => p.position < q.position && p.endWeek < q.startWeek);
    const latest = Math.max(...before.map((p) => p.endWeek));
    for (const p of before.filter((x) => x.endWeek === latest)) {
      for (const t of firsts.get(q.key)!) for (const pre of lasts.get(p.key)!) deps.push({ task: t, dependsOn: pre, lagDays: 0 });
    }
  });

  const amountOf = new Map(input.schedule.map((s) => [s.milestoneId, s.amount]));
  const milestones: PlanMilestone[] = d.milestones.map((m, i) => {
    const week = scaleMilestoneWeek(m.week, weeks, d.standardWeeks);
    return {
      key: m.id, name: m.name, position: i + 1, phaseKey: m.phaseId, week, plannedDate: weekRange(startDate, week).end,
      deliverables: m.deliverables, paymentPercent: m.paymentPercent, amount: amountOf.get(m.id) ?? 0,
      requiresAcceptance: m.requiresCustomerAcceptance,
    };
  });

  const risks: PlanRisk[] = d.risks.map((r) => ({ templateKey: r.id, title: r.label, impact: r.impact, probability: r.probability, mitigation: r.mitigation }));
  return {
    weeks, startDate, endDate: addDays(startDate, 7 * weeks - 1),
    budgetHours: tasks.reduce((s, t) => s + t.estimateHours, 0),
    phases, tasks, deps, milestones, risks, raci: defaultRaci(d),
  };
}

/**
 * Default RACI (assumption, not in seed: 003 lists "RACI matrix" as a kickoff deliverable without its content): per
 * phase, the phase's owner role is Responsible and the project manager Accountable; governance rows for change
 * control, risks and issues, status reporting and milestone acceptance. Entries are playbook role ids or free names.
 */
export function defaultRaci(d: DeliveryPlaybook): PlanRaci[] {
  const rows: Omit<PlanRaci, 'position'>[] = d.phases.map((p) => ({
    activity: p.name, responsible: [p.ownerRoleId], accountable: ['project_manager'],
    consulted: p.ownerRoleId === 'solution_architect' ? ['technical_lead', 'Customer IT lead'] : ['solution_architect', 'Customer IT lead'],
    informed: ['account_executive', 'csm'],
  }));
  rows.push(
    { activity: 'Change control', responsible: ['project_manager'], accountable: ['delivery_manager'], consulted: ['solution_architect', 'account_executive'], informed: ['Customer sponsor'] },
    { activity: 'Risk and issue management', responsible: ['project_manager'], accountable: ['delivery_manager'], consulted: ['technical_lead'], informed: ['Customer sponsor', 'vp_delivery'] },
    { activity: 'Status reporting', responsible: ['project_manager'], accountable: ['delivery_manager'], consulted: [], informed: ['Customer sponsor', 'account_executive', 'csm'] },
    { activity: 'Milestone acceptance', responsible: ['project_manager'], accountable: ['Customer sponsor'], consulted: ['solution_architect'], informed: ['finance', 'account_executive'] },
  );
  return rows.map((r, i) => ({ ...r, position: i + 1 }));
}
