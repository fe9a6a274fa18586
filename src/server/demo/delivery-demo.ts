// Demo data of delivery, loaded after the pipeline (its contracts) and before billing (which invoices the accepted
// milestones): customers in implementation carry an active project from the playbook's 003 template at different
// weeks, with the past tasks done (actual hours around the estimate), past milestones accepted, some projects
// slipping and a sent status report; recently live customers (adoption) carry a closed project with the handoff, CSAT
// and technical metrics. Every customer user's account gets an active project whose "Design approved" milestone awaits
// the customer's acceptance. Set-based multi-row inserts; no events or timers (no job queue in the loader).
import { randomUUID } from 'node:crypto';
import {
  addDays, buildPlan, buildReport, defaultMeetings, goLiveChecklist, mondayOf, projectWeeks, type Checks, type Deliverable, type Plan,
} from '../../core/delivery';
import type { Database } from '../db/client';
import { milestoneDecisions, projectIssues, projectMetricValues, projects, statusReports } from '../db/schema';
import { emptyRows, insertPlanRows, planRows, type PlanRows } from '../modules/delivery/plan-rows';
import { currentPlaybook } from '../modules/platform/playbook.service';
import type { DemoContext } from './context';

type NewProject = typeof projects.$inferInsert;
const noon = (d: string) => new Date(`${d}T12:00:00Z`);
const LESSONS = [
  'Start the CMDB schema mapping in week 1; it gated every integration.',
  'Agree the UAT scripts with the customer during design, not after development.',
  'Keep a backup SME for discovery credentials; access requests took two weeks.',
];
const ISSUES = ['Service account for discovery lacks read access', 'CMDB API rate limit during initial sync', 'Firewall change for NetFlow pending', 'Duplicate CIs from two discovery sources'];

interface Contract {
  id: string; account_id: string; opportunity_id: string; partner_id: string | null; start_date: string; modules: string[]; services_fee: number;
  poc_fee_credit: number; payment_schedule: { milestoneId: string; amount: number }[]; currency: string; name: string; lifecycle_stage: string;
  time_zone: string; infra: number;
}

export async function loadDeliveryDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng: r, now } = ctx;
  const today = now.toISOString().slice(0, 10);
  const { playbook, version } = await currentPlaybook(db);
  const d = playbook.delivery;
  const contracts = await database.query<Contract>(`SELECT c.id, c.account_id, c.opportunity_id, c.partner_id, c.start_date::text AS start_date,
      c.modules, c.services_fee, c.poc_fee_credit, c.payment_schedule, c.currency, a.name, a.lifecycle_stage, a.time_zone,
      a.servers + a.cloud_resources + a.network_devices AS infra
    FROM contracts c JOIN accounts a ON a.id = c.account_id AND a.deleted_at IS NULL
    WHERE c.deleted_at IS NULL AND c.status <> 'cancelled' ORDER BY a.created_at, c.id`);
  const customerAccounts = new Set((await database.query<{ account_id: string }>(
    "SELECT DISTINCT account_id FROM users WHERE role = 'customer' AND account_id IS NOT NULL AND deleted_at IS NULL")).map((x) => x.account_id));
  const team = ctx.usersByRole.delivery.length ? ctx.usersByRole.delivery : ctx.usersByRole.admin;
  const big = ctx.scale > 1; // benchmark datasets: a bounded number of projects
  const maxActive = big ? 200 : Infinity, maxClosed = 8; // a few closed projects: the recently live customers

  const all: PlanRows = emptyRows();
  const projectRows: NewProject[] = [];
  const decisions: (typeof milestoneDecisions.$inferInsert)[] = [];
  const issues: (typeof projectIssues.$inferInsert)[] = [];
  const metrics: (typeof projectMetricValues.$inferInsert)[] = [];
  const reports: (typeof statusReports.$inferInsert)[] = [];
  let active = 0, closed = 0, seq = 0;

  for (const c of contracts) {
    const awaiting = customerAccounts.has(c.account_id);
    const stage = c.lifecycle_stage;
    const weeks = projectWeeks(d, { modules: c.modules.length, infrastructureItems: c.infra > 0 ? c.infra : null });
    let mode: 'active' | 'closed' | null = null;
    let start = c.start_date;
    if (awaiting) {
      mode = 'active'; // week 3: kickoff accepted, "Design approved" (end of this week) submitted
      start = addDays(mondayOf(today), -14);
    } else if (stage === 'implementation' && active < maxActive) {
      mode = 'active';
      start = addDays(mondayOf(today), -7 * (seq++ % 9)); // weeks 1–9: before go-live
    } else if (stage === 'adoption' && closed < maxClosed && addDays(c.start_date, 7 * weeks + 7 * d.hypercareWeeks + 7) < today) {
      mode = 'closed';
    }
    if (!mode) continue;
    if (mode === 'active') active++; else closed++;

    const plan = buildPlan(d, { startDate: start, weeks, schedule: c.payment_schedule ?? [] });
    const meetings = defaultMeetings(d, { startDate: start, endDate: plan.endDate, timeZone: c.time_zone || 'UTC' });
    const id = randomUUID();
    const managerId = team[(active + closed) % team.length] ?? null;
    const rows = planRows({ id, accountId: c.account_id }, plan, meetings);
    const slip = mode === 'active' && !awaiting && r.next() < 0.35 ? r.int(2, 9) : 0;
    const mark = (on: string, note: string | null = null) => ({ at: noon(on).toISOString(), by: managerId, byName: 'Demo', note });
    const checks = (items: { id: string }[], on: string): Checks => Object.fromEntries(items.map((i) => [i.id, mark(on)]));

    // Tasks: owners by phase; past work done with actuals around the estimate; a slip pushes the unfinished work.
    rows.tasks.forEach((t, i) => {
      t.ownerId = team[(i + seq) % team.length] ?? null;
      const est = t.estimateHours ?? 0;
      if (mode === 'closed' || t.endDate! < today) {
        t.status = 'done';
        t.actualHours = Math.round(est * (0.85 + r.next() * 0.35) * 2) / 2;
        t.completedAt = noon(t.endDate!);
      } else if (t.startDate! <= today) {
        t.status = 'in_progress';
        const span = (Date.parse(t.endDate!) - Date.parse(t.startDate!)) / 86_400_000 + 1;
        t.actualHours = Math.round(((est * ((Date.parse(today) - Date.parse(t.startDate!)) / 86_400_000 + 1)) / span) * 2) / 2;
      }
      if (slip && t.status !== 'done') { t.startDate = t.status === 'in_progress' ? t.startDate : addDays(t.startDate!, slip); t.endDate = addDays(t.endDate!, slip); }
    });
    for (const ph of rows.phases) {
      const done = mode === 'closed' || ph.endDate! < today;
      if (done) ph.deliverables = (ph.deliverables as Deliverable[]).map((x) => ({ ...x, done: true, at: noon(ph.endDate!).toISOString(), by: 'Demo' }));
    }

    // Milestones: past ones accepted a day or two after their date; the customer's design milestone awaits acceptance.
    for (const m of rows.milestones) {
      const mid = randomUUID();
      m.id = mid;
      const planned = m.plannedDate!;
      if (mode === 'closed' || planned < today) {
        const on = addDays(planned, mode === 'closed' ? r.int(0, 3) : Math.min(r.int(0, 2), Math.max(0, (Date.parse(today) - Date.parse(planned)) / 86_400_000 - 1)));
        Object.assign(m, { status: 'accepted', submittedAt: noon(planned), submittedBy: managerId, decidedAt: noon(on), decisionComment: 'Accepted.' });
        decisions.push({ milestoneId: mid, decision: 'submitted', actorId: managerId, at: noon(planned) }, { milestoneId: mid, decision: 'accepted', comment: 'Accepted.', at: noon(on) });
      } else if ((awaiting && m.key === 'design_approved') || (!awaiting && addDays(today, 4) >= planned && r.next() < 0.5)) {
        Object.assign(m, { status: 'submitted', submittedAt: noon(addDays(today, -1)), submittedBy: managerId });
        decisions.push({ milestoneId: mid, decision: 'submitted', comment: 'Deliverables attached for review.', actorId: managerId, at: noon(addDays(today, -1)) });
      } else if (slip) {
        m.forecastDate = addDays(planned, slip);
      }
    }

    const end = plan.endDate;
    const base: NewProject = {
      id, accountId: c.account_id, contractId: c.id, opportunityId: c.opportunity_id, partnerId: c.partner_id, name: `${c.name}: implementation`,
      managerId, weeks, startDate: start, baselineEndDate: end, forecastEndDate: addDays(end, slip), budgetHours: plan.budgetHours,
      servicesFee: Math.max(0, Number(c.services_fee) - Number(c.poc_fee_credit)), currency: c.currency, playbookVersion: version,
      entryChecks: checks(d.entryCriteria, addDays(start, -2)), kickoffAt: noon(start), createdAt: noon(addDays(start, -7)),
    };
    if (mode === 'active') {
      projectRows.push({ ...base, status: 'active' });
      if (rows.tasks.some((t) => t.status === 'done')) reports.push(weeklyReport(plan, rows, base, c.name, today, d.issueResolutionSteps, playbook.metricTargets.budget_variance?.target ?? 5));
      if (r.next() < 0.6) {
        issues.push({ projectId: id, title: r.pick(ISSUES), severity: r.pick(['medium', 'high', 'medium', 'low'] as const), ownerId: managerId, step: r.int(0, 3), createdAt: noon(addDays(today, -r.int(1, 10))) });
      }
      const risk = rows.risks[r.int(0, rows.risks.length - 1)];
      risk.status = 'mitigating';
    } else {
      const goLive = rows.milestones.find((m) => m.key === 'go_live')?.plannedDate ?? end;
      const closedOn = addDays(end, 7 * d.hypercareWeeks + r.int(0, 6));
      projectRows.push({
        ...base, status: 'closed', goLiveAt: noon(goLive), hypercareEndsAt: noon(addDays(goLive, 7 * d.hypercareWeeks)), closedAt: noon(closedOn),
        handedOffAt: noon(closedOn), goLiveChecks: checks(goLiveChecklist(d), goLive),
        rollbackReady: true, exitChecks: checks(d.exitCriteria, closedOn), handoffChecks: checks(d.handoff.items, closedOn),
        lessonsLearned: r.pick(LESSONS), csatScore: Math.round((3.8 + r.next() * 1.2) * 10) / 10, qualityScore: r.int(74, 96),
        criticalIssuesAtGoLive: r.next() < 0.15 ? 1 : 0,
      });
      for (const [key, lo, hi] of [['discovery_coverage', 93, 99.5], ['cmdb_accuracy', 96, 99.6], ['integration_uptime', 99.7, 99.99]] as const) {
        metrics.push({ projectId: id, metricKey: key, value: Math.round((lo + r.next() * (hi - lo)) * 100) / 100, recordedAt: noon(closedOn), recordedBy: managerId });
      }
      for (const risk of rows.risks) risk.status = 'closed';
    }
    for (const k of Object.keys(all) as (keyof PlanRows)[]) (all[k] as unknown[]).push(...(rows[k] as unknown[]));
  }
  if (projectRows.length === 0) return 0;

  for (let i = 0; i < projectRows.length; i += 500) await db.insert(projects).values(projectRows.slice(i, i + 500));
  await insertPlanRows(db, all);
  for (let i = 0; i < decisions.length; i += 2000) await db.insert(milestoneDecisions).values(decisions.slice(i, i + 2000));
  if (issues.length) await db.insert(projectIssues).values(issues);
  if (metrics.length) await db.insert(projectMetricValues).values(metrics);
  if (reports.length) await db.insert(statusReports).values(reports);
  return projectRows.length;
}

/** Last week's status report, sent, generated from the in-memory plan rows like the service would. */
function weeklyReport(plan: Plan, rows: PlanRows, p: NewProject, accountName: string, today: string, steps: string[], threshold: number): typeof statusReports.$inferInsert {
  const weekOf = addDays(mondayOf(today), -7);
  const phaseKey = new Map(rows.phases.map((x) => [x.id, x.key]));
  const { content, suggestedOverall } = buildReport({
    weekOf,
    project: { name: p.name, accountName, status: 'active', startDate: p.startDate, baselineEndDate: p.baselineEndDate, forecastEndDate: p.forecastEndDate, budgetHours: plan.budgetHours, weeks: plan.weeks },
    phases: plan.phases.map((x) => ({ key: x.key, name: x.name, startDate: x.startDate, endDate: x.endDate })),
    tasks: rows.tasks.map((t) => ({ phaseKey: phaseKey.get(t.phaseId!) ?? null, status: t.status ?? 'todo', estimateHours: t.estimateHours ?? 0, actualHours: t.actualHours ?? 0 })),
    milestones: rows.milestones.map((m) => ({ key: m.key, name: m.name, plannedDate: m.plannedDate, forecastDate: m.forecastDate ?? m.plannedDate, status: m.status ?? 'pending', paymentPercent: m.paymentPercent ?? 0, amount: m.amount ?? 0 })),
    risks: rows.risks.map((x) => ({ title: x.title, impact: x.impact, probability: x.probability, status: x.status ?? 'open', mitigation: x.mitigation ?? null })),
    issues: [], issueSteps: steps, kpis: [], budgetThreshold: threshold,
  });
  const sentAt = noon(addDays(weekOf, 4));
  return {
    projectId: p.id!, accountId: p.accountId, weekOf, status: 'sent', content, overall: suggestedOverall,
    summary: `Progress ${content.progress.percentDone} % of planned hours; forecast end ${content.timeline.forecastEndDate}.`,
    nextSteps: content.milestones.filter((m) => m.status !== 'accepted').slice(0, 2).map((m) => `${m.name}: ${m.forecastDate}`).join('\n'),
    createdBy: p.managerId, sentAt, sentBy: p.managerId, createdAt: sentAt, updatedAt: sentAt,
  };
}
