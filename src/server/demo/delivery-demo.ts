// Demo data of delivery, loaded after the pipeline (its contracts) and before billing (which invoices the accepted
// milestones), from the storylines: an account in implementation (or with a freshly won expansion) has an active
// project in the week its storyline says, past work done with actual hours around the estimate, past milestones
// accepted, and a status report for last week; a project past its go-live is in hypercare; the customers gone live in
// the last year and a half have their closed project with the handoff, CSAT and technical metrics. Each project has its own health: slips, risks
// and issues differ per project (deterministic by seed). Consultants are staffed to the plans (staffing.ts).
// The customer portal's project is in week 3 with "Design approved" awaiting the customer's acceptance.
import { randomUUID } from 'node:crypto';
import {
  addDays, buildPlan, buildReport, defaultMeetings, goLiveChecklist, mondayOf, type Checks, type Deliverable, type Plan,
} from '../../core/delivery';
import { paymentSchedule } from '../../core/pipeline/contract';
import type { Database } from '../db/client';
import { emptyRows, insertPlanRows, planRows, type PlanRows } from '../modules/delivery/plan-rows';
import { HYPERCARE_TIMER } from '../modules/delivery/projects.service';
import { currentPlaybook } from '../modules/platform/playbook.service';
import { insertRows } from './bulk';
import type { DemoAccount, DemoContext } from './context';
import { DEMO_DOMAIN } from './demo';
import { Staffing } from './staffing';
import type { Deal } from './storyline';
import * as W from './words';

const noon = (d: string) => new Date(`${d}T12:00:00Z`);
const LESSONS = [
  'Start the CMDB schema mapping in week 1; it gated every integration.',
  'Agree the UAT scripts with the customer during design, not after development.',
  'Keep a backup SME for discovery credentials; access requests took two weeks.',
  'Book the change advisory board slots for cutover at kickoff.',
];
const ISSUES: { title: string; resolution: string }[] = [
  { title: 'Service account for discovery lacks read access', resolution: 'Security granted read-only access to the discovery service account.' },
  { title: 'CMDB API rate limit during initial sync', resolution: 'Initial sync split into nightly batches within the rate limit.' },
  { title: 'Firewall change for NetFlow pending', resolution: 'Change approved by the CAB and applied.' },
  { title: 'Duplicate CIs from two discovery sources', resolution: 'Reconciliation rules set; duplicates merged.' },
  { title: 'Customer SME unavailable for design workshops', resolution: 'Workshops moved; the deputy architect signed off the design.' },
  { title: 'ServiceNow upgrade freeze overlaps the UAT window', resolution: 'UAT moved to the week after the upgrade.' },
  { title: 'VPN access for the consultants expired', resolution: 'Accounts renewed for the rest of the project.' },
  { title: 'Test environment lacks production-like data', resolution: 'Masked production extract loaded into test.' },
];
const EXTRA_RISKS: { title: string; impact: 'low' | 'medium' | 'high'; probability: 'low' | 'medium' | 'high'; mitigation: string }[] = [
  { title: 'Key customer SME leaves mid-project', impact: 'high', probability: 'low', mitigation: 'Second SME shadows the design decisions' },
  { title: 'Change freeze over the holiday period', impact: 'medium', probability: 'medium', mitigation: 'Cutover planned before the freeze' },
  { title: 'Cloud account access delayed by procurement', impact: 'medium', probability: 'high', mitigation: 'Start with on-premises discovery' },
  { title: 'Parallel ERP migration competes for the same customer team', impact: 'high', probability: 'medium', mitigation: 'Joint resource plan agreed with the PMO' },
  { title: 'Network segmentation blocks discovery in the OT zone', impact: 'medium', probability: 'medium', mitigation: 'Collector placed inside the OT zone' },
];
const LEVELS = ['low', 'medium', 'high'] as const;
/** Projects written at benchmark scale (each is a few hundred rows): the running ones and the latest closed ones. */
const MAX_ACTIVE = 200, MAX_CLOSED = 200;
/** Planned hours a consultant carries in a week at most. */
const CAPACITY = 40;

interface Built {
  a: DemoAccount; deal: Deal; id: string; plan: Plan; rows: PlanRows; status: 'active' | 'hypercare' | 'closed'; slip: number; goLive: string; closedOn: string | null;
}

const PROJECT = {
  id: 'uuid', accountId: 'uuid', contractId: 'uuid', opportunityId: 'uuid', partnerId: 'uuid', name: 'text', status: 'text', managerId: 'uuid', weeks: 'int',
  startDate: 'date', baselineEndDate: 'date', forecastEndDate: 'date', budgetHours: 'real', servicesFee: 'bigint', currency: 'text', entryChecks: 'jsonb',
  exitChecks: ['jsonb', "'{}'::jsonb"], goLiveChecks: ['jsonb', "'{}'::jsonb"], handoffChecks: ['jsonb', "'{}'::jsonb"], rollbackReady: ['bool', 'false'],
  kickoffAt: 'timestamptz', goLiveAt: 'timestamptz', hypercareEndsAt: 'timestamptz', closedAt: 'timestamptz', handedOffAt: 'timestamptz',
  lessonsLearned: 'text', csatScore: 'real', qualityScore: 'real', criticalIssuesAtGoLive: 'int', playbookVersion: 'int', createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const;
const DECISION = { milestoneId: 'uuid', decision: 'text', comment: 'text', actorId: 'uuid', at: 'timestamptz' } as const;
const ISSUE = {
  projectId: 'uuid', title: 'text', description: 'text', severity: 'text', ownerId: 'uuid', step: 'int', status: 'text', resolution: 'text', resolvedAt: 'timestamptz',
  createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const;
const METRIC = { projectId: 'uuid', metricKey: 'text', value: 'real', recordedAt: 'timestamptz', recordedBy: 'uuid' } as const;
const REPORT = {
  projectId: 'uuid', accountId: 'uuid', weekOf: 'date', status: 'text', content: 'jsonb', overall: 'text', summary: 'text', nextSteps: 'text', createdBy: 'uuid',
  sentAt: 'timestamptz', sentBy: 'uuid', createdAt: 'timestamptz', updatedAt: 'timestamptz',
} as const;
const TIMER = { kind: 'text', entityType: 'text', entityId: 'text', dueAt: 'timestamptz', payload: 'jsonb' } as const;

export async function loadDeliveryDemo(database: Database, ctx: DemoContext): Promise<number> {
  const db = database.db;
  const { rng: r, now } = ctx;
  const today = now.toISOString().slice(0, 10);
  const { playbook, version } = await currentPlaybook(db);
  const d = playbook.delivery;
  const portal = new Set((await database.query<{ account_id: string }>(
    "SELECT DISTINCT account_id FROM users WHERE role = 'customer' AND account_id IS NOT NULL AND deleted_at IS NULL")).map((x) => x.account_id));

  // The projects: every running one, and those closed in the last year and a half (the latest first at benchmark
  // scale); older customers' projects predate the records kept here.
  const since = addDays(today, -548);
  const withProject = ctx.accounts.flatMap((a) => a.story.deals.filter((x) => x.project && x.ids.contract).map((deal) => ({ a, deal })));
  const running = withProject.filter((x) => !x.deal.project!.closed);
  const closed = withProject.filter((x) => x.deal.project!.closed && x.deal.project!.start >= since).sort((x, y) => (x.deal.project!.start < y.deal.project!.start ? 1 : -1));
  const chosen = ctx.scale > 1 ? [...running.slice(0, MAX_ACTIVE), ...closed.slice(0, MAX_CLOSED)] : [...running, ...closed];

  const built: Built[] = [];
  for (const { a, deal } of chosen) {
    const p = deal.project!;
    const c = deal.contract!;
    const plan = buildPlan(d, { startDate: p.start, weeks: p.weeks, schedule: paymentSchedule(playbook, c.servicesFee, c.start) });
    const meetings = defaultMeetings(d, { startDate: p.start, endDate: plan.endDate, timeZone: a.timeZone || 'UTC' });
    const id = randomUUID();
    deal.ids.project = id;
    const rows = planRows({ id, accountId: a.id }, plan, meetings);
    // Work finished before the slip began is done; what remains moves by the slip.
    const slip = p.closed ? 0 : p.slipDays;
    const cut = addDays(today, -slip);
    const health = p.health;
    const overrun = health === 'green' ? [0.9, 1.08] : health === 'amber' ? [1.0, 1.16] : [1.08, 1.32];
    for (const t of rows.tasks) {
      const est = t.estimateHours ?? 0;
      if (p.closed || t.endDate! < cut) {
        t.status = 'done';
        t.actualHours = Math.round(est * (overrun[0] + r.next() * (overrun[1] - overrun[0])) * 2) / 2;
        t.completedAt = noon(t.endDate!);
      } else if (t.startDate! <= cut) {
        t.status = 'in_progress';
        const span = (Date.parse(t.endDate!) - Date.parse(t.startDate!)) / 86_400_000 + 1;
        t.actualHours = Math.round(((est * ((Date.parse(cut) - Date.parse(t.startDate!)) / 86_400_000 + 1)) / span) * overrun[1] * 2) / 2;
        t.endDate = addDays(t.endDate!, slip);
      } else {
        t.startDate = addDays(t.startDate!, slip);
        t.endDate = addDays(t.endDate!, slip);
      }
    }
    for (const ph of rows.phases) {
      if (p.closed || ph.endDate! < cut) ph.deliverables = (ph.deliverables as Deliverable[]).map((x) => ({ ...x, done: true, at: noon(ph.endDate!).toISOString(), by: 'Demo' }));
    }
    const goLivePlanned = rows.milestones.find((m) => m.key === 'go_live')?.plannedDate ?? plan.endDate;
    const goLive = goLivePlanned < cut ? goLivePlanned : addDays(goLivePlanned, slip);
    const status = p.closed ? 'closed' : goLive < today ? 'hypercare' : 'active';
    built.push({ a, deal, id, plan, rows, status, slip, goLive, closedOn: p.closed ? addDays(plan.endDate, r.int(1, 6)) : null });
  }
  if (!built.length) return 0;

  // Consultants: the three delivery logins first, then as many as the plans need.
  const staffing = new Staffing(CAPACITY, ctx.usersByRole.delivery.length);
  // Task by task in date order across all projects, so whoever is free when a task starts is known.
  const owner: number[][] = built.map(() => []);
  const queue = built.flatMap((b, i) => b.rows.tasks.map((t, k) => ({ i, k, start: t.startDate!, stream: `${t.phaseId}|${t.description}` })))
    .sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.i - y.i || x.k - y.k));
  const lastOf = new Map<string, number>();
  for (const { i, k, stream } of queue) {
    const t = built[i].rows.tasks[k] as { startDate: string; endDate: string; estimateHours: number };
    const who = staffing.assign(built[i].id, [t], lastOf.get(stream) ?? -1);
    owner[i][k] = who;
    lastOf.set(stream, who);
  }
  const users = [...ctx.usersByRole.delivery];
  const added: Record<string, unknown>[] = [];
  if (staffing.people.length > users.length) {
    const [login] = await database.query<{ password_hash: string | null }>("SELECT password_hash FROM users WHERE role = 'delivery' ORDER BY created_at LIMIT 1");
    const taken = new Set<string>();
    for (let k = users.length; k < staffing.people.length; k++) {
      const id = randomUUID();
      let name = `${r.pick(W.FIRST)} ${r.pick(W.LAST)}`;
      for (let n = 0; taken.has(name) && n < 20; n++) name = `${r.pick(W.FIRST)} ${r.pick(W.LAST)}`;
      if (taken.has(name)) name = `${name.split(' ')[0]} ${String.fromCharCode(65 + (k % 26))}. ${name.split(' ').slice(1).join(' ')}`;
      taken.add(name);
      users.push(id);
      added.push({ id, email: `consultant${k + 1}@${DEMO_DOMAIN}`, name, role: 'delivery', passwordHash: login?.password_hash ?? null, timeZone: 'Europe/Copenhagen', team: 'Professional services' });
    }
    await insertRows(db, 'users', { id: 'uuid', email: 'text', name: 'text', role: 'text', passwordHash: 'text', timeZone: 'text', team: 'text' }, added);
    ctx.usersByRole.delivery = users;
  }

  const all: PlanRows = emptyRows();
  const projectRows: Record<string, unknown>[] = [];
  const decisions: Record<string, unknown>[] = [];
  const issues: Record<string, unknown>[] = [];
  const metrics: Record<string, unknown>[] = [];
  const reports: Record<string, unknown>[] = [];
  const timerRows: Record<string, unknown>[] = [];
  const notes: Record<string, unknown>[] = [];
  // A project's manager is who runs its kickoff; the demo's delivery login manages a believable set on top: the
  // portal customer's project, one running project of each other state (early, late, hypercare) up to three open
  // ones (the most a manager carries), and up to six of the closed projects it worked on.
  const managers = built.map((b, i) => {
    b.rows.tasks.forEach((t, k) => { t.ownerId = users[owner[i][k]] ?? null; });
    const kickoff = b.rows.phases.find((ph) => ph.key === 'kickoff')?.id;
    return b.rows.tasks.find((t) => t.phaseId === kickoff)?.ownerId ?? b.rows.tasks[0]?.ownerId ?? null;
  });
  const lead = users[0];
  if (lead) {
    const open = built.map((b, i) => ({ b, i })).filter(({ b }) => b.status !== 'closed');
    const stateOf = ({ b }: { b: Built }) => (b.status === 'hypercare' ? 'hypercare' : b.goLive > addDays(today, 28) ? 'early' : 'late');
    const picks = open.filter(({ b }) => portal.has(b.a.id));
    for (const state of ['late', 'hypercare', 'early']) {
      const next = open.find((x) => stateOf(x) === state && !picks.includes(x) && !picks.some((y) => stateOf(y) === state));
      if (next && picks.length < 3) picks.push(next);
    }
    for (const { i } of open) if (managers[i] === lead && !picks.some((x) => x.i === i)) managers[i] = null;
    for (const { i } of picks) managers[i] = lead;
    let past = 0;
    built.forEach((b, i) => {
      if (b.status === 'closed' && b.rows.tasks.some((t) => t.ownerId === lead) && past++ < 6) managers[i] = lead;
      // A project given up by the login goes to someone else on its team.
      if (managers[i] === null) managers[i] = b.rows.tasks.map((t) => t.ownerId).find((x) => x && x !== lead) ?? lead;
    });
  }
  built.forEach((b, i) => {
    const { a, deal, rows, plan, id } = b;
    const p = deal.project!;
    const c = deal.contract!;
    const managerId = managers[i];
    deal.ids.projectManager = managerId;
    const team = [...new Set(rows.tasks.map((t) => t.ownerId).filter((x): x is string => !!x))];
    const awaiting = portal.has(a.id) && !p.closed;
    const mark = (on: string) => ({ at: noon(on).toISOString(), by: managerId, byName: 'Demo', note: null });
    const checks = (items: { id: string }[], on: string): Checks => Object.fromEntries(items.map((x) => [x.id, mark(on)]));
    const cut = addDays(today, -b.slip);

    // Milestones: reached ones accepted a day or two after their date; the portal's design milestone awaits acceptance.
    for (const m of rows.milestones) {
      const mid = randomUUID();
      m.id = mid;
      const planned = m.plannedDate!;
      if (b.status === 'closed' || planned < cut) {
        const on = addDays(planned, b.status === 'closed' ? r.int(0, 3) : Math.min(r.int(0, 2), Math.max(0, (Date.parse(today) - Date.parse(planned)) / 86_400_000 - 1)));
        Object.assign(m, { status: 'accepted', submittedAt: noon(planned), submittedBy: managerId, decidedAt: noon(on), decisionComment: 'Accepted.' });
        decisions.push({ milestoneId: mid, decision: 'submitted', actorId: managerId, at: noon(planned) }, { milestoneId: mid, decision: 'accepted', comment: 'Accepted.', at: noon(on) });
      } else if ((awaiting && m.key === 'design_approved') || (!awaiting && !b.slip && addDays(today, 4) >= planned && r.next() < 0.5)) {
        Object.assign(m, { status: 'submitted', submittedAt: noon(addDays(today, -1)), submittedBy: managerId });
        decisions.push({ milestoneId: mid, decision: 'submitted', comment: 'Deliverables attached for review.', actorId: managerId, at: noon(addDays(today, -1)) });
      } else if (b.slip) {
        m.forecastDate = addDays(planned, b.slip);
      }
    }
    // The design and go-live notes the customer reads on its timeline, on the days they happened.
    const accepted = (key: string) => rows.milestones.find((m) => m.key === key && m.status === 'accepted')?.decidedAt as Date | undefined;
    const design = accepted('design_approved');
    if (design) notes.push({ accountId: a.id, kind: 'meeting', subject: 'Design approved', body: 'Solution design signed off with the IT service manager; integration work starts next week.', actorId: managerId, occurredAt: design, audience: 'customer' });
    if (accepted('go_live')) {
      notes.push({ accountId: a.id, kind: 'email', subject: 'Go-live confirmed', body: `Production cutover completed; hypercare runs for the next ${d.hypercareWeeks} weeks.`, actorId: managerId, occurredAt: noon(b.goLive), audience: 'customer' });
    }

    // Risks: the playbook's common ones, rated and progressed per project, plus a project's own now and then.
    for (const risk of rows.risks) {
      risk.ownerId = managerId;
      if (b.status === 'closed') { risk.status = 'closed'; continue; }
      const shift = (lvl: string) => LEVELS[Math.max(0, Math.min(2, LEVELS.indexOf(lvl as never) + r.int(-1, 1)))];
      if (r.next() < 0.4) risk.probability = shift(risk.probability);
      if (p.health === 'green' && risk.impact === 'high' && risk.probability === 'high') risk.probability = 'medium';
      risk.status = r.next() < 0.3 ? 'closed' : r.next() < 0.45 ? 'mitigating' : 'open';
    }
    if (b.status !== 'closed' && r.next() < (p.health === 'green' ? 0.3 : 0.7)) {
      const x = r.pick(EXTRA_RISKS);
      rows.risks.push({
        projectId: id, templateKey: null, title: x.title, impact: x.impact, ownerId: managerId, mitigation: x.mitigation, status: p.health === 'red' ? 'mitigating' : 'open',
        probability: p.health === 'green' && x.impact === 'high' && x.probability === 'high' ? 'medium' : x.probability,
      });
    }

    // Issues: resolved ones in the history; open ones by health (none high on a green project, a critical one on some red ones).
    const picks = r.some(ISSUES, 4);
    const resolvedCount = b.status === 'closed' ? r.int(0, 3) : r.int(0, 1);
    const openCount = b.status === 'closed' ? 0 : p.health === 'green' ? r.int(0, 1) : p.health === 'amber' ? r.int(1, 2) : r.int(2, 3);
    picks.slice(0, resolvedCount + openCount).forEach((x, k) => {
      const open = k >= resolvedCount;
      const raised = addDays(open ? today : (b.closedOn ?? cut), -r.int(open ? 1 : 15, open ? 12 : 60));
      const severity = !open ? r.pick(['medium', 'high', 'low'] as const)
        : p.health === 'green' ? r.pick(['low', 'medium'] as const) : p.health === 'amber' ? (k === resolvedCount ? 'high' : 'medium') : (k === resolvedCount && r.next() < 0.5 ? 'critical' : 'high');
      const resolvedOn = open ? null : addDays(raised, r.int(2, 10));
      issues.push({
        projectId: id, title: x.title, severity, ownerId: r.pick(team.length ? team : [managerId]), step: open ? r.int(0, 4) : 5, status: open ? 'open' : 'resolved',
        resolution: open ? null : x.resolution, resolvedAt: resolvedOn ? noon(resolvedOn) : null, createdAt: noon(raised), updatedAt: noon(resolvedOn ?? raised),
      });
    });

    const base = {
      id, accountId: a.id, contractId: deal.ids.contract, opportunityId: deal.ids.opportunity, partnerId: a.partnerId, name: `${a.name}: ${deal.kind === 'expansion' ? deal.title.toLowerCase() : 'implementation'}`,
      managerId, weeks: plan.weeks, startDate: plan.startDate, baselineEndDate: plan.endDate, forecastEndDate: addDays(plan.endDate, b.slip), budgetHours: plan.budgetHours,
      servicesFee: c.servicesFee, currency: 'USD', playbookVersion: version || null, entryChecks: checks(d.entryCriteria, addDays(plan.startDate, -2)),
      kickoffAt: noon(plan.startDate), createdAt: noon(addDays(plan.startDate, -7)), updatedAt: now,
    };
    const live = { goLiveAt: noon(b.goLive), hypercareEndsAt: noon(addDays(b.goLive, 7 * d.hypercareWeeks)), goLiveChecks: checks(goLiveChecklist(d), b.goLive), rollbackReady: true };
    if (b.status === 'closed') {
      const closedOn = b.closedOn!;
      projectRows.push({
        ...base, ...live, status: 'closed', closedAt: noon(closedOn), handedOffAt: noon(closedOn),
        exitChecks: checks(d.exitCriteria, closedOn), handoffChecks: checks(d.handoff.items, closedOn), lessonsLearned: r.pick(LESSONS),
        csatScore: Math.round((3.8 + r.next() * 1.2) * 10) / 10, qualityScore: r.int(74, 96), criticalIssuesAtGoLive: r.next() < 0.1 ? 1 : 0, updatedAt: noon(closedOn),
      });
      for (const [key, lo, hi] of [['discovery_coverage', 93, 99.5], ['cmdb_accuracy', 96, 99.6], ['integration_uptime', 99.7, 99.99]] as const) {
        metrics.push({ projectId: id, metricKey: key, value: Math.round((lo + r.next() * (hi - lo)) * 100) / 100, recordedAt: noon(closedOn), recordedBy: managerId });
      }
    } else {
      projectRows.push({ ...base, status: b.status, ...(b.status === 'hypercare' ? { ...live, criticalIssuesAtGoLive: 0 } : {}) });
      if (b.status === 'hypercare' && addDays(b.goLive, 7 * d.hypercareWeeks) > today) {
        timerRows.push({ kind: HYPERCARE_TIMER, entityType: 'project', entityId: id, dueAt: noon(addDays(b.goLive, 7 * d.hypercareWeeks)), payload: { weeks: d.hypercareWeeks } });
      }
      const myIssues = issues.filter((x) => x.projectId === id) as { title: string; severity: string; status: string; step: number }[];
      if (rows.tasks.some((t) => t.status === 'done')) reports.push(weeklyReport(plan, rows, base, a.name, today, myIssues, d.issueResolutionSteps, playbook.metricTargets.budget_variance?.target ?? 5));
    }
    for (const k of Object.keys(all) as (keyof PlanRows)[]) (all[k] as unknown[]).push(...(rows[k] as unknown[]));
  });

  await insertRows(db, 'projects', PROJECT, projectRows, 1000);
  await insertPlanRows(db, all);
  await insertRows(db, 'milestone_decisions', DECISION, decisions);
  await insertRows(db, 'project_issues', ISSUE, issues);
  await insertRows(db, 'project_metric_values', METRIC, metrics);
  await insertRows(db, 'status_reports', REPORT, reports, 1000);
  await insertRows(db, 'timers', TIMER, timerRows);
  await insertRows(db, 'activities', { accountId: 'uuid', kind: 'text', subject: 'text', body: 'text', actorId: 'uuid', occurredAt: 'timestamptz', createdAt: ['timestamptz', 'x.occurred_at'], audience: 'text' }, notes);
  return projectRows.length;
}

/** Last week's status report, sent, generated from the in-memory plan rows like the service would. */
function weeklyReport(plan: Plan, rows: PlanRows, p: { id: string; accountId: string; name: string; startDate: string; baselineEndDate: string; forecastEndDate: string; managerId: string | null },
  accountName: string, today: string, issues: { title: string; severity: string; status: string; step: number }[], steps: string[], threshold: number) {
  const weekOf = addDays(mondayOf(today), -7);
  const phaseKey = new Map(rows.phases.map((x) => [x.id, x.key]));
  const { content, suggestedOverall } = buildReport({
    weekOf,
    project: { name: p.name, accountName, status: 'active', startDate: p.startDate, baselineEndDate: p.baselineEndDate, forecastEndDate: p.forecastEndDate, budgetHours: plan.budgetHours, weeks: plan.weeks },
    phases: plan.phases.map((x) => ({ key: x.key, name: x.name, startDate: x.startDate, endDate: x.endDate })),
    tasks: rows.tasks.map((t) => ({ phaseKey: phaseKey.get(t.phaseId!) ?? null, status: t.status ?? 'todo', estimateHours: t.estimateHours ?? 0, actualHours: t.actualHours ?? 0 })),
    milestones: rows.milestones.map((m) => ({ key: m.key, name: m.name, plannedDate: m.plannedDate, forecastDate: m.forecastDate ?? m.plannedDate, status: m.status ?? 'pending', paymentPercent: m.paymentPercent ?? 0, amount: m.amount ?? 0 })),
    risks: rows.risks.map((x) => ({ title: x.title, impact: x.impact, probability: x.probability, status: x.status ?? 'open', mitigation: x.mitigation ?? null })),
    issues, issueSteps: steps, kpis: [], budgetThreshold: threshold,
  });
  const sentAt = noon(addDays(weekOf, 4));
  return {
    projectId: p.id, accountId: p.accountId, weekOf, status: 'sent', content, overall: suggestedOverall,
    summary: `Progress ${content.progress.percentDone} % of planned hours; forecast end ${content.timeline.forecastEndDate}.`,
    nextSteps: content.milestones.filter((m) => m.status !== 'accepted').slice(0, 2).map((m) => `${m.name}: ${m.forecastDate}`).join('\n'),
    createdBy: p.managerId, sentAt, sentBy: p.managerId, createdAt: sentAt, updatedAt: sentAt,
  };
}
