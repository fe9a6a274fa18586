// Project use cases (003): the project a signed contract starts, its checklists, kickoff (entry criteria),
// go-live (checklist + rollback readiness), hypercare, closure (exit criteria, lessons learned, CSAT, handoff to
// finance and customer success) and cancellation.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { OWNER_ROLES } from '../../../core/access/owners';
import { rowScopeFor } from '../../../core/access/roles';
import {
  addDays, buildPlan, checklistItems, defaultMeetings, goLiveGaps, goLiveMilestoneGaps, missingItems, projectWeeks,
  type CheckItem, type ChecklistName, type Checks, type Deliverable,
} from '../../../core/delivery';
import type { CheckInput, KickoffInput, ProjectListQuery, ProjectUpdate } from '../../../core/delivery/schemas';
import { AppError, notFound } from '../../../core/errors';
import type { Playbook } from '../../../core/playbook';
import { transaction, type Executor, type Tx } from '../../db/client';
import { contracts, projectIssues, projectMeetings, projectMilestones, projectPhases, projectTasks, users } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { assertRefsInScope, changed } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { cancelTimer, defineTimer, scheduleTimer } from '../../jobs/timers';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { submitMilestoneTx } from './milestones.service';
import { insertPlanRows, planRows } from './plan-rows';
import * as repo from './projects.repo';

export type ProjectRow = repo.ProjectRow;
const DAY = 86_400_000;

// ---------------------------------------------------------------- access

export async function projectForRead(ctx: Ctx, db: Executor, id: string) {
  const row = await repo.findProject(db, rowScopeFor(ctx.actor), id);
  if (!row) throw notFound('Project');
  return row;
}

/** The project locked for a change; closed and cancelled projects refuse changes (409) unless `allowEnded`. */
export async function projectForChange(ctx: Ctx, tx: Tx, id: string, opts: { allowEnded?: boolean } = {}) {
  const row = await repo.findProject(tx, rowScopeFor(ctx.actor), id, { lock: true });
  if (!row) throw notFound('Project');
  if (!opts.allowEnded && (row.status === 'cancelled' || row.status === 'closed')) {
    throw new AppError('conflict', `The project is ${row.status}; it can no longer be changed.`, { projectStatus: row.status });
  }
  return row;
}

const events = (p: ProjectRow) => ({ projectId: p.id, accountId: p.accountId, contractId: p.contractId });
const mark = (ctx: Ctx, note?: string | null) => ({
  at: new Date().toISOString(), by: ctx.actor.via === 'system' ? null : ctx.actor.id, byName: ctx.actor.name, note: note ?? null,
});

// ---------------------------------------------------------------- from contract

/** The delivery user with the fewest open projects (ties by email), or null when there is none. */
async function pickManager(tx: Tx): Promise<string | null> {
  const [row] = await tx.select({ id: users.id }).from(users)
    .where(and(eq(users.role, 'delivery'), eq(users.active, true), isNull(users.deletedAt)))
    .orderBy(sql`(SELECT count(*) FROM projects p WHERE p.manager_id = ${users.id} AND p.status IN ('planned','active','hypercare','on_hold'))`, users.email)
    .limit(1);
  return row?.id ?? null;
}

/**
 * Creates the project of a signed contract from the playbook's delivery template, in the caller's transaction.
 * Idempotent: a contract has at most one project (projects_contract_uq); a second call returns null.
 */
export async function createProjectFromContract(ctx: Ctx, tx: Tx, contractId: string): Promise<ProjectRow | null> {
  const [contract] = await tx.select().from(contracts).where(and(eq(contracts.id, contractId), isNull(contracts.deletedAt)));
  if (!contract) return null;
  if (await repo.findProjectByContract(tx, contract.id)) return null;
  const { playbook, version } = await currentPlaybook(tx);
  const d = playbook.delivery;
  const account = await repo.accountOf(tx, contract.accountId);
  const infra = account ? account.servers + account.cloudResources + account.networkDevices : 0;
  const weeks = projectWeeks(d, { modules: contract.modules.length, infrastructureItems: infra > 0 ? infra : null });
  const signed = contract.signedAt.toISOString().slice(0, 10);
  const startDate = contract.startDate > signed ? contract.startDate : signed;
  const schedule = (contract.paymentSchedule as { milestoneId: string; amount: number }[]) ?? [];
  const plan = buildPlan(d, { startDate, weeks, schedule });
  const meetings = defaultMeetings(d, { startDate, endDate: plan.endDate, timeZone: account?.timeZone ?? 'UTC' });
  const project = await repo.insertProject(tx, {
    accountId: contract.accountId, contractId: contract.id, opportunityId: contract.opportunityId, partnerId: contract.partnerId,
    name: `${account?.name ?? 'Customer'}: implementation`, status: 'planned', managerId: await pickManager(tx), weeks, startDate,
    baselineEndDate: plan.endDate, forecastEndDate: plan.endDate, budgetHours: plan.budgetHours,
    servicesFee: Math.max(0, contract.servicesFee - contract.pocFeeCredit), currency: contract.currency,
    entryChecks: { contracts_executed: { ...mark(ctx, 'Contract signed'), at: contract.signedAt.toISOString() } },
    playbookVersion: version,
  });
  if (!project) return null; // a concurrent handler won the unique index
  await insertPlanRows(tx, planRows(project, plan, meetings));
  await audit(ctx, tx, { action: 'project.create', entityType: 'project', entityId: project.id, accountId: project.accountId, after: project });
  await logSystemActivity(ctx, tx, project.accountId, `Delivery project planned: ${project.name}`,
    `${weeks} weeks from ${startDate} to ${plan.endDate}; ${plan.phases.length} phases, ${plan.tasks.length} tasks, ${plan.milestones.length} milestones.`,
    { type: 'project', id: project.id });
  await emit(ctx, tx, { type: 'project.created', entityType: 'project', entityId: project.id, accountId: project.accountId, payload: events(project) });
  return project;
}

// ---------------------------------------------------------------- reads

function checklistView(items: CheckItem[], checks: Checks) {
  return { items: items.map((i) => ({ ...i, done: !!checks[i.id], ...(checks[i.id] ? { mark: checks[i.id] } : {}) })), missing: missingItems(items, checks) };
}

export function describeProject(p: ProjectRow, playbook: Playbook, now = new Date()) {
  const d = playbook.delivery;
  const entry = checklistView(d.entryCriteria, p.entryChecks as Checks);
  const goLiveItems = checklistItems(d, 'go_live');
  const goLive = { ...checklistView(goLiveItems, p.goLiveChecks as Checks), rollbackReady: p.rollbackReady, gaps: goLiveGaps(d, p.goLiveChecks as Checks, p.rollbackReady) };
  return {
    ...p,
    closureReady: p.status === 'hypercare' && !!p.hypercareEndsAt && p.hypercareEndsAt <= now,
    slipDays: Math.round((Date.parse(p.forecastEndDate) - Date.parse(p.baselineEndDate)) / DAY),
    checklists: {
      entry, goLive, exit: checklistView(d.exitCriteria, p.exitChecks as Checks), handoff: checklistView(d.handoff.items, p.handoffChecks as Checks),
    },
  };
}

export async function getProject(ctx: Ctx, id: string) {
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, id);
  const { playbook } = await currentPlaybook(db);
  const [account, phases, milestones] = await Promise.all([repo.accountOf(db, p.accountId), repo.phasesOf(db, p.id), repo.milestonesOf(db, p.id)]);
  const [counts] = await db.select({
    tasks: sql<number>`count(*)::int`, done: sql<number>`count(*) FILTER (WHERE ${projectTasks.status} = 'done')::int`,
    estimate: sql<number>`coalesce(sum(${projectTasks.estimateHours}), 0)::float8`,
    doneEstimate: sql<number>`coalesce(sum(${projectTasks.estimateHours}) FILTER (WHERE ${projectTasks.status} = 'done'), 0)::float8`,
    actual: sql<number>`coalesce(sum(${projectTasks.actualHours}), 0)::float8`,
  }).from(projectTasks).where(and(eq(projectTasks.projectId, p.id), isNull(projectTasks.deletedAt)));
  const view = describeProject(p, playbook);
  // With the milestones at hand the go-live gaps include the acceptances go-live waits for; `blockedBy` lists those
  // alone, so the page offers go-live only once they are in (the checklist is ticked in the go-live dialog).
  const blockedBy = goLiveMilestoneGaps(playbook.delivery, milestones);
  const goLive = { ...view.checklists.goLive, gaps: [...blockedBy, ...view.checklists.goLive.gaps], blockedBy };
  return {
    ...view, checklists: { ...view.checklists, goLive }, accountName: account?.name ?? null, phases,
    milestones: milestones.map((m) => ({ ...m, currency: p.currency })),
    progress: {
      tasks: Number(counts.tasks), tasksDone: Number(counts.done), estimateHours: Number(counts.estimate), actualHours: Number(counts.actual),
      percentDone: counts.estimate > 0 ? Math.round((1000 * Number(counts.doneEstimate)) / Number(counts.estimate)) / 10 : 0,
    },
  };
}

export async function listProjects(ctx: Ctx, q: ProjectListQuery) {
  return repo.listProjects(ctx.deps.database.db, rowScopeFor(ctx.actor), q);
}

/** The Delivery Command's cross-project lists: milestones awaiting acceptance or due within `days`, open risks. */
export async function portfolioOverview(ctx: Ctx, q: { days: number; managerId?: string }) {
  const dueBy = new Date(Date.now() + q.days * DAY).toISOString().slice(0, 10);
  return { dueBy, ...await repo.portfolioOverview(ctx.deps.database.db, rowScopeFor(ctx.actor), dueBy, 200, q.managerId) };
}

// ---------------------------------------------------------------- edits and checklists

export async function updateProject(ctx: Ctx, id: string, input: ProjectUpdate) {
  const { version, ...patch } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const before = await projectForChange(ctx, tx, id, { allowEnded: true });
    if (before.version !== version) throw staleProject(before.version, version);
    await assertRefsInScope(ctx, tx, { users: [{ ids: { managerId: changed(patch.managerId, before.managerId) }, roles: OWNER_ROLES.projectManager }] });
    const after = await repo.updateProject(tx, id, patch, version);
    if (!after) throw staleProject(before.version, version);
    await audit(ctx, tx, { action: 'project.update', entityType: 'project', entityId: id, accountId: after.accountId, before, after });
    await emit(ctx, tx, { type: 'project.updated', entityType: 'project', entityId: id, accountId: after.accountId, payload: events(after) });
    const { playbook } = await currentPlaybook(tx);
    return describeProject(after, playbook);
  });
}

const staleProject = (current: number, sent: number) =>
  new AppError('version_conflict', `The project changed since you loaded it (version ${current}, you sent ${sent}). Reload and try again.`, { currentVersion: current });

const CHECK_COLUMN = { entry: 'entryChecks', go_live: 'goLiveChecks', exit: 'exitChecks', handoff: 'handoffChecks' } as const;

/**
 * Ticks or unticks an item of a project checklist (entry criteria, go-live checklist, exit criteria, handoff). The
 * go-live item `rollback_ready` sets the rollback readiness flag. Audited.
 */
export async function setCheck(ctx: Ctx, id: string, list: ChecklistName, itemId: string, input: CheckInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await projectForChange(ctx, tx, id);
    const { playbook } = await currentPlaybook(tx);
    let patch: Partial<typeof before>;
    if (list === 'go_live' && itemId === 'rollback_ready') {
      patch = { rollbackReady: input.done };
    } else {
      if (!checklistItems(playbook.delivery, list).some((i) => i.id === itemId)) throw notFound(`Checklist item "${itemId}"`);
      const checks = { ...(before[CHECK_COLUMN[list]] as Checks) };
      if (input.done) checks[itemId] = mark(ctx, input.note); else delete checks[itemId];
      patch = { [CHECK_COLUMN[list]]: checks };
    }
    const after = (await repo.updateProject(tx, id, patch))!;
    await audit(ctx, tx, { action: `project.check.${list}`, entityType: 'project', entityId: id, accountId: after.accountId, before: { item: itemId, done: !input.done }, after: { item: itemId, done: input.done, note: input.note ?? null } });
    return describeProject(after, playbook);
  });
}

/** Marks a phase deliverable done or not (scope completion counts these). */
export async function setDeliverable(ctx: Ctx, id: string, phaseId: string, deliverableId: string, done: boolean) {
  return transaction(ctx.deps.database, async (tx) => {
    const project = await projectForChange(ctx, tx, id);
    const phase = await repo.findPhase(tx, project.id, phaseId);
    if (!phase) throw notFound('Phase');
    const list = phase.deliverables as Deliverable[];
    const item = list.find((x) => x.id === deliverableId);
    if (!item) throw notFound('Deliverable');
    const next = list.map((x) => (x.id === deliverableId
      ? { ...x, done, at: done ? new Date().toISOString() : null, by: done ? ctx.actor.name : null } : x));
    const after = await repo.updatePhase(tx, phase.id, { deliverables: next });
    await audit(ctx, tx, { action: 'project.deliverable', entityType: 'project_phase', entityId: phase.id, accountId: project.accountId, before: { deliverable: item }, after: { deliverable: next.find((x) => x.id === deliverableId) } });
    return after;
  });
}

// ---------------------------------------------------------------- kickoff

/** Moves every date of the plan by `days` (kickoff on another day than planned). */
async function shiftPlan(tx: Tx, projectId: string, days: number) {
  if (days === 0) return;
  const n = sql`${days}::int`;
  await tx.update(projectTasks).set({ startDate: sql`${projectTasks.startDate} + ${n}`, endDate: sql`${projectTasks.endDate} + ${n}` }).where(eq(projectTasks.projectId, projectId));
  await tx.update(projectPhases).set({ startDate: sql`${projectPhases.startDate} + ${n}`, endDate: sql`${projectPhases.endDate} + ${n}` }).where(eq(projectPhases.projectId, projectId));
  await tx.update(projectMilestones).set({ plannedDate: sql`${projectMilestones.plannedDate} + ${n}`, forecastDate: sql`${projectMilestones.forecastDate} + ${n}` }).where(eq(projectMilestones.projectId, projectId));
  await tx.update(projectMeetings).set({
    firstStartsAt: sql`${projectMeetings.firstStartsAt} + make_interval(days => ${n})`,
    untilDate: sql`${projectMeetings.untilDate} + ${n}`,
  }).where(eq(projectMeetings.projectId, projectId));
}

/**
 * Kickoff (003 Entry Criteria): refused with 422 and the missing criteria until every entry criterion is ticked.
 * Optionally moves the plan to a new start day; then baselines task and milestone dates and makes the project active.
 */
export async function kickoff(ctx: Ctx, id: string, input: KickoffInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await projectForChange(ctx, tx, id);
    if (before.status !== 'planned') throw new AppError('conflict', `The project was already kicked off (status ${before.status}).`);
    const { playbook } = await currentPlaybook(tx);
    const missing = missingItems(playbook.delivery.entryCriteria, before.entryChecks as Checks);
    if (missing.length) {
      throw new AppError('validation_failed', `Kickoff needs every entry criterion: missing ${missing.map((m) => m.label).join(', ')}.`, {
        missing, errors: missing.map((m) => ({ path: `entryChecks.${m.id}`, message: `${m.label} is not ticked` })),
      });
    }
    const shift = input.startDate ? Math.round((Date.parse(input.startDate) - Date.parse(before.startDate)) / DAY) : 0;
    await shiftPlan(tx, id, shift);
    // Baseline: what is planned now is what progress is measured against.
    await tx.update(projectTasks).set({ baselineStartDate: sql`${projectTasks.startDate}`, baselineEndDate: sql`${projectTasks.endDate}` })
      .where(and(eq(projectTasks.projectId, id), isNull(projectTasks.deletedAt)));
    await tx.update(projectMilestones).set({ plannedDate: sql`${projectMilestones.forecastDate}` }).where(eq(projectMilestones.projectId, id));
    const startDate = addDays(before.startDate, shift);
    const forecastEndDate = addDays(before.forecastEndDate, shift);
    const after = (await repo.updateProject(tx, id, {
      status: 'active', kickoffAt: new Date(), startDate, forecastEndDate, baselineEndDate: forecastEndDate,
    }))!;
    await audit(ctx, tx, { action: 'project.kickoff', entityType: 'project', entityId: id, accountId: after.accountId, before, after });
    await logSystemActivity(ctx, tx, after.accountId, `Project kicked off: ${after.name}`, `Baseline ${after.startDate} → ${after.baselineEndDate}.`, { type: 'project', id }, 'customer');
    await emit(ctx, tx, { type: 'project.kicked_off', entityType: 'project', entityId: id, accountId: after.accountId, payload: events(after) });
    return describeProject(after, playbook);
  });
}

// ---------------------------------------------------------------- go-live and hypercare

export const HYPERCARE_TIMER = 'project.hypercare_end';

/** When hypercare ends the project is ready for closure: "Go-live successful" is ticked by the system. */
export const hypercareTimer = defineTimer({
  kind: HYPERCARE_TIMER,
  async fire(ctx, tx, timer) {
    const p = await repo.findProjectRow(tx, timer.entityId, { lock: true });
    if (!p || p.status !== 'hypercare') return;
    const { playbook } = await currentPlaybook(tx);
    const exit = { ...(p.exitChecks as Checks) };
    const item = playbook.delivery.exitCriteria.find((c) => c.id === 'go_live_successful');
    if (item && !exit[item.id]) exit[item.id] = mark(ctx, `Hypercare of ${playbook.delivery.hypercareWeeks} weeks ended without rollback`);
    const after = (await repo.updateProject(tx, p.id, { exitChecks: exit }))!;
    await audit(ctx, tx, { action: 'project.hypercare_ended', entityType: 'project', entityId: p.id, accountId: p.accountId, before: { exitChecks: p.exitChecks }, after: { exitChecks: after.exitChecks } });
    await logSystemActivity(ctx, tx, p.accountId, `Hypercare ended: ${p.name}`, 'The project is ready for closure.', { type: 'project', id: p.id });
    await emit(ctx, tx, { type: 'project.hypercare_ended', entityType: 'project', entityId: p.id, accountId: p.accountId, payload: events(p) });
  },
});
const hypercareKey = (projectId: string) => ({ kind: HYPERCARE_TIMER, entityType: 'project', entityId: projectId });

/**
 * Go-live: refused with 422 listing the unticked go-live checklist items and missing rollback readiness. Records the
 * open critical issues (003 "Zero critical issues at go-live"), starts hypercare with its timer, and submits the
 * go-live milestone for the customer's acceptance.
 */
export async function goLive(ctx: Ctx, id: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await projectForChange(ctx, tx, id);
    if (before.status !== 'active') throw new AppError('conflict', before.goLiveAt ? 'The project is already live.' : `Only an active project can go live (status ${before.status}).`);
    const { playbook } = await currentPlaybook(tx);
    const d = playbook.delivery;
    const gaps = goLiveGaps(d, before.goLiveChecks as Checks, before.rollbackReady, await repo.milestonesOf(tx, id));
    if (gaps.length) {
      throw new AppError('validation_failed', `Go-live needs the milestones before it accepted, the go-live checklist and rollback readiness: missing ${gaps.map((g) => g.label).join(', ')}.`, {
        missing: gaps,
        errors: gaps.map((g) => g.id.startsWith('milestone_')
          ? { path: `milestones.${g.id.slice('milestone_'.length)}`, message: 'not accepted by the customer yet' }
          : { path: `goLiveChecks.${g.id}`, message: `${g.label} is not done` }),
      });
    }
    const [crit] = await tx.select({ n: sql<number>`count(*)::int` }).from(projectIssues).where(and(
      eq(projectIssues.projectId, id), eq(projectIssues.severity, 'critical'), eq(projectIssues.status, 'open'), isNull(projectIssues.deletedAt)));
    const now = new Date();
    const hypercareEndsAt = new Date(now.getTime() + d.hypercareWeeks * 7 * DAY);
    const after = (await repo.updateProject(tx, id, { status: 'hypercare', goLiveAt: now, hypercareEndsAt, criticalIssuesAtGoLive: Number(crit.n) }))!;
    await scheduleTimer(ctx, tx, { ...hypercareKey(id), at: hypercareEndsAt, payload: { weeks: d.hypercareWeeks } });
    const goLiveMs = (await repo.milestonesOf(tx, id)).find((m) => m.key === 'go_live' && (m.status === 'pending' || m.status === 'rejected'));
    if (goLiveMs) await submitMilestoneTx(ctx, tx, after, goLiveMs, 'Production go-live completed.');
    await audit(ctx, tx, { action: 'project.go_live', entityType: 'project', entityId: id, accountId: after.accountId, before, after });
    await logSystemActivity(ctx, tx, after.accountId, `Go-live: ${after.name}`,
      `Hypercare until ${hypercareEndsAt.toISOString().slice(0, 10)}; ${after.criticalIssuesAtGoLive} critical issue(s) open at go-live.`, { type: 'project', id }, 'customer');
    await emit(ctx, tx, { type: 'project.go_live', entityType: 'project', entityId: id, accountId: after.accountId, payload: events(after) });
    return describeProject(after, playbook);
  });
}

// ---------------------------------------------------------------- closure and cancellation

/**
 * Closure (003 §7.6, Exit Criteria, Handoff): needs the project live and every exit criterion ticked (422 listing
 * the missing ones). Records lessons learned and the CSAT score, writes the handoff checklist for finance and customer
 * success, and emits `project.closed` and `project.handoff`.
 */
export async function closeProject(ctx: Ctx, id: string, input: { lessonsLearned: string; csatScore: number; qualityScore?: number }) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await projectForChange(ctx, tx, id);
    if (!before.goLiveAt || before.status !== 'hypercare') throw new AppError('conflict', `Only a project that went live can be closed (status ${before.status}).`);
    const { playbook } = await currentPlaybook(tx);
    const d = playbook.delivery;
    const missing = missingItems(d.exitCriteria, before.exitChecks as Checks);
    if (missing.length) {
      throw new AppError('validation_failed', `Closure needs every exit criterion: missing ${missing.map((m) => m.label).join(', ')}.`, {
        missing, errors: missing.map((m) => ({ path: `exitChecks.${m.id}`, message: `${m.label} is not ticked` })),
      });
    }
    const milestones = await repo.milestonesOf(tx, id);
    const accepted = milestones.filter((m) => m.status === 'accepted');
    const open = milestones.filter((m) => m.status !== 'accepted');
    const notes: Record<string, string> = {
      acceptance_documentation: `${accepted.length} of ${milestones.length} milestones accepted${open.length ? `; open: ${open.map((m) => m.name).join(', ')}` : ''}.`,
      final_deliverables: 'Phase deliverables and documentation handed over with the project.',
      invoice_triggers: accepted.map((m) => `${m.name}: ${m.paymentPercent} %`).join('; ') || 'No milestone accepted.',
      support_requirements: 'Support transition plan and runbooks from knowledge transfer.',
      renewal_opportunities: `Contract renewal and expansion follow-up for the customer success team.`,
    };
    const handoff: Checks = Object.fromEntries(d.handoff.items.map((i) => [i.id, mark(ctx, notes[i.id] ?? null)]));
    const now = new Date();
    const after = (await repo.updateProject(tx, id, {
      status: 'closed', closedAt: now, handedOffAt: now, lessonsLearned: input.lessonsLearned, csatScore: input.csatScore,
      ...(input.qualityScore !== undefined ? { qualityScore: input.qualityScore } : {}), handoffChecks: handoff,
    }))!;
    await cancelTimer(tx, hypercareKey(id));
    await audit(ctx, tx, { action: 'project.close', entityType: 'project', entityId: id, accountId: after.accountId, before, after });
    await logSystemActivity(ctx, tx, after.accountId, `Project closed: ${after.name}`, `CSAT ${input.csatScore}/5. Handed off to ${d.handoff.toRoleIds.join(' and ')}.`, { type: 'project', id });
    await emit(ctx, tx, { type: 'project.closed', entityType: 'project', entityId: id, accountId: after.accountId, payload: { ...events(after), csatScore: input.csatScore } });
    await emit(ctx, tx, {
      type: 'project.handoff', entityType: 'project', entityId: id, accountId: after.accountId,
      payload: { ...events(after), toRoleIds: d.handoff.toRoleIds, items: d.handoff.items.map((i) => ({ ...i, note: notes[i.id] ?? null })), acceptedMilestoneIds: accepted.map((m) => m.id) },
    });
    return describeProject(after, playbook);
  });
}

export async function cancelProject(ctx: Ctx, id: string, reason: string) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await projectForChange(ctx, tx, id);
    const after = (await repo.updateProject(tx, id, { status: 'cancelled', cancelledAt: new Date(), cancelReason: reason }))!;
    await cancelTimer(tx, hypercareKey(id));
    await audit(ctx, tx, { action: 'project.cancel', entityType: 'project', entityId: id, accountId: after.accountId, before, after });
    await logSystemActivity(ctx, tx, after.accountId, `Project cancelled: ${after.name}`, reason, { type: 'project', id });
    await emit(ctx, tx, { type: 'project.cancelled', entityType: 'project', entityId: id, accountId: after.accountId, payload: { ...events(after), reason } });
    const { playbook } = await currentPlaybook(tx);
    return describeProject(after, playbook);
  });
}
