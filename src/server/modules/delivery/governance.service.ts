// Governance of a project (003 Risk Management, Issue Resolution Process, Escalation Path, change control, RACI,
// Communication Plan): risk register, issue log, change requests, RACI matrix, meeting series and their ICS feed.
import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import { addDays, advanceIssue, escalate, maxDate, projectCalendar, todayUtc, type MeetingSeries } from '../../../core/delivery';
import type {
  ChangeRequestCreate, ChangeRequestUpdate, IssueCreate, IssueUpdate, MeetingCreate, MeetingUpdate, RaciCreate, RaciUpdate, RiskCreate, RiskUpdate,
} from '../../../core/delivery/schemas';
import { OWNER_ROLES } from '../../../core/access/owners';
import { AppError, notFound } from '../../../core/errors';
import { transaction, type Tx } from '../../db/client';
import { auditLog, projectTasks } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { assertRefsInScope, changed } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import * as g from './governance.repo';
import { milestonesOf, updateProject, type ProjectRow } from './projects.repo';
import { projectForChange, projectForRead } from './projects.service';
import { reschedule } from './schedule.service';
import { createTaskTx } from './tasks.service';

type Repo<Row> = {
  list(db: Tx | Ctx['deps']['database']['db'], projectId: string): Promise<Row[]>;
  find(db: Tx, projectId: string, id: string, opts?: { lock?: boolean }): Promise<Row | null>;
  insert(db: Tx, values: never): Promise<Row>;
  update(db: Tx, id: string, version: number | null, patch: never): Promise<Row | null>;
  remove(db: Tx, id: string): Promise<Row | null>;
};
type Base = { id: string; version: number };
type Id = string | null | undefined;

/** Risk and issue owners are people of the team; an update checks the owner only when it changes. */
const teamOwner = (ownerId: unknown, before?: unknown) => ({ users: [{ ids: { ownerId: changed(ownerId as Id, before as Id) }, roles: OWNER_ROLES.team }] });

const stale = (what: string, current: number, sent: number) =>
  new AppError('version_conflict', `The ${what} changed since you loaded it (version ${current}, you sent ${sent}). Reload and try again.`, { currentVersion: current });

/**
 * List / create / update / delete of one kind of governance row, audited and versioned. `present` shapes each row
 * answered (e.g. adds the project's currency beside money).
 */
function crud<Row extends Base, Out = Row>(repo: Repo<Row>, what: string, entityType: string,
  present: (row: Row, p: ProjectRow) => Out = (row) => row as unknown as Out) {
  return {
    async list(ctx: Ctx, projectId: string) {
      const db = ctx.deps.database.db;
      const p = await projectForRead(ctx, db, projectId);
      return (await repo.list(db, p.id)).map((row) => present(row, p));
    },
    async create(ctx: Ctx, projectId: string, values: Record<string, unknown>, after?: (tx: Tx, p: ProjectRow, row: Row) => Promise<void>) {
      return transaction(ctx.deps.database, async (tx) => {
        const p = await projectForChange(ctx, tx, projectId);
        await assertRefsInScope(ctx, tx, teamOwner(values.ownerId));
        const row = await repo.insert(tx, { ...values, projectId: p.id } as never);
        await audit(ctx, tx, { action: `${entityType}.create`, entityType, entityId: row.id, accountId: p.accountId, after: row });
        if (after) await after(tx, p, row);
        return present(row, p);
      });
    },
    async update(ctx: Ctx, projectId: string, id: string, input: { version: number } & Record<string, unknown>, check?: (row: Row) => void) {
      const { version, ...patch } = input;
      return transaction(ctx.deps.database, async (tx) => {
        const p = await projectForChange(ctx, tx, projectId);
        const before = await repo.find(tx, p.id, id, { lock: true });
        if (!before) throw notFound(what[0].toUpperCase() + what.slice(1));
        check?.(before);
        if (before.version !== version) throw stale(what, before.version, version);
        await assertRefsInScope(ctx, tx, teamOwner(patch.ownerId, (before as Record<string, unknown>).ownerId));
        const after = await repo.update(tx, id, version, patch as never);
        if (!after) throw stale(what, before.version, version);
        await audit(ctx, tx, { action: `${entityType}.update`, entityType, entityId: id, accountId: p.accountId, before, after });
        return present(after, p);
      });
    },
    async remove(ctx: Ctx, projectId: string, id: string) {
      return transaction(ctx.deps.database, async (tx) => {
        const p = await projectForChange(ctx, tx, projectId);
        const before = await repo.remove(tx, id);
        if (!before || (before as unknown as { projectId: string }).projectId !== p.id) throw notFound(what[0].toUpperCase() + what.slice(1));
        await audit(ctx, tx, { action: `${entityType}.delete`, entityType, entityId: id, accountId: p.accountId, before });
      });
    },
  };
}

// ---------------------------------------------------------------- risks and RACI

const riskCrud = crud<g.RiskRow>(g.risks as unknown as Repo<g.RiskRow>, 'risk', 'project_risk');
export const listRisks = riskCrud.list;
export const createRisk = (ctx: Ctx, projectId: string, input: RiskCreate) => riskCrud.create(ctx, projectId, input);
export const updateRisk = (ctx: Ctx, projectId: string, id: string, input: RiskUpdate) => riskCrud.update(ctx, projectId, id, input);
export const deleteRisk = riskCrud.remove;

const raciCrud = crud<g.RaciRow>(g.raci as unknown as Repo<g.RaciRow>, 'RACI row', 'project_raci');
export const listRaci = raciCrud.list;
export const createRaci = (ctx: Ctx, projectId: string, input: RaciCreate) => raciCrud.create(ctx, projectId, input);
export const updateRaci = (ctx: Ctx, projectId: string, id: string, input: RaciUpdate) => raciCrud.update(ctx, projectId, id, input);
export const deleteRaci = raciCrud.remove;

// ---------------------------------------------------------------- meetings and the ICS feed

const meetingCrud = crud<g.MeetingRow>(g.meetings as unknown as Repo<g.MeetingRow>, 'meeting', 'project_meeting');
const meetingValues = <T extends { firstStartsAt?: string }>(i: T) => ({ ...i, ...(i.firstStartsAt ? { firstStartsAt: new Date(i.firstStartsAt) } : {}) });
export const listMeetings = meetingCrud.list;
export const createMeeting = (ctx: Ctx, projectId: string, input: MeetingCreate) => meetingCrud.create(ctx, projectId, meetingValues(input));
export const updateMeeting = (ctx: Ctx, projectId: string, id: string, input: MeetingUpdate) => meetingCrud.update(ctx, projectId, id, meetingValues(input));
export const deleteMeeting = meetingCrud.remove;

/** The project's meeting series and milestones as an RFC 5545 calendar. */
export async function calendar(ctx: Ctx, projectId: string) {
  const db = ctx.deps.database.db;
  const p = await projectForRead(ctx, db, projectId);
  const [meetings, milestones] = [await g.meetings.list(db, p.id), await milestonesOf(db, p.id)];
  const domain = ctx.deps.config.publicUrl ? new URL(ctx.deps.config.publicUrl).hostname : 'valuegraph.local';
  const ics = projectCalendar({
    projectId: p.id, projectName: p.name, domain, now: new Date(),
    meetings: meetings.map((m) => ({ ...m, frequency: m.frequency as MeetingSeries['frequency'] })),
    milestones: milestones.map((m) => ({ id: m.id, name: m.name, forecastDate: m.forecastDate, status: m.status })),
  });
  return { ics, filename: `${p.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'project'}.ics` };
}

// ---------------------------------------------------------------- issues

const issueCrud = crud<g.IssueRow>(g.issues as unknown as Repo<g.IssueRow>, 'issue', 'project_issue');

/** The topic of each issue's latest escalation (kept in the audit entry of the escalation). */
async function escalationTopics(db: Tx | Ctx['deps']['database']['db'], ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: auditLog.entityId, topic: sql<string>`${auditLog.after}->>'topic'` }).from(auditLog)
    .where(and(eq(auditLog.entityType, 'project_issue'), eq(auditLog.action, 'issue.escalate'), inArray(auditLog.entityId, ids)))
    .orderBy(auditLog.id);
  return new Map(rows.map((r) => [r.id, r.topic])); // later entries overwrite earlier ones
}

async function describeIssues(db: Tx | Ctx['deps']['database']['db'], rows: g.IssueRow[]) {
  const { playbook } = await currentPlaybook(db);
  const d = playbook.delivery;
  const topics = await escalationTopics(db, rows.map((r) => r.id));
  return rows.map((r) => {
    const topic = topics.get(r.id) ?? null;
    const chain = d.escalationPaths.find((p) => p.topic === topic)?.chainRoleIds ?? [];
    return {
      ...r, stepLabel: d.issueResolutionSteps[r.step] ?? null, steps: d.issueResolutionSteps,
      escalation: { topic, level: r.escalationLevel, roleId: r.escalationLevel > 0 ? chain[r.escalationLevel - 1] ?? null : null, chain },
    };
  });
}

export async function listIssues(ctx: Ctx, projectId: string) {
  return describeIssues(ctx.deps.database.db, await issueCrud.list(ctx, projectId));
}

export async function createIssue(ctx: Ctx, projectId: string, input: IssueCreate) {
  const row = await issueCrud.create(ctx, projectId, input, async (tx, p, issue) => {
    await emit(ctx, tx, { type: 'issue.logged', entityType: 'project_issue', entityId: issue.id, accountId: p.accountId, payload: { projectId: p.id, issueId: issue.id, severity: issue.severity } });
    if (issue.severity === 'critical') await logSystemActivity(ctx, tx, p.accountId, `Critical issue logged: ${issue.title}`, undefined, { type: 'project_issue', id: issue.id });
  });
  return (await describeIssues(ctx.deps.database.db, [row]))[0];
}

export async function updateIssue(ctx: Ctx, projectId: string, id: string, input: IssueUpdate) {
  return (await describeIssues(ctx.deps.database.db, [await issueCrud.update(ctx, projectId, id, input)]))[0];
}
export const deleteIssue = issueCrud.remove;

async function issueForChange(ctx: Ctx, tx: Tx, projectId: string, id: string) {
  const p = await projectForChange(ctx, tx, projectId);
  const issue = await g.issues.find(tx, p.id, id, { lock: true });
  if (!issue) throw notFound('Issue');
  return { p, issue };
}

/** Moves the issue to the next of the 003 resolution steps; the last step ("Verification and closure") resolves it. */
export async function advanceIssueStep(ctx: Ctx, projectId: string, id: string, input: { note?: string | null; resolution?: string }) {
  return transaction(ctx.deps.database, async (tx) => {
    const { p, issue } = await issueForChange(ctx, tx, projectId, id);
    const { playbook } = await currentPlaybook(tx);
    const next = advanceIssue(playbook.delivery.issueResolutionSteps, { step: issue.step, status: issue.status });
    if ('error' in next) throw new AppError('conflict', next.error);
    const resolved = next.status === 'resolved';
    const after = (await g.issues.update(tx, id, null, {
      step: next.step, status: next.status, ...(resolved ? { resolvedAt: new Date() } : {}), ...(input.resolution ? { resolution: input.resolution } : {}),
    }))!;
    await audit(ctx, tx, { action: 'issue.advance', entityType: 'project_issue', entityId: id, accountId: p.accountId, before: issue, after: { ...after, note: input.note ?? null } });
    if (resolved) {
      await logSystemActivity(ctx, tx, p.accountId, `Issue resolved: ${issue.title}`, input.resolution ?? input.note ?? undefined, { type: 'project_issue', id });
      await emit(ctx, tx, { type: 'issue.resolved', entityType: 'project_issue', entityId: id, accountId: p.accountId, payload: { projectId: p.id, issueId: id } });
    }
    return (await describeIssues(tx, [after]))[0];
  });
}

/** Escalates one role up the chosen 003 escalation path (another topic starts at its first role). */
export async function escalateIssue(ctx: Ctx, projectId: string, id: string, input: { topic: string; note?: string | null }) {
  return transaction(ctx.deps.database, async (tx) => {
    const { p, issue } = await issueForChange(ctx, tx, projectId, id);
    if (issue.status === 'resolved') throw new AppError('conflict', 'The issue is resolved; there is nothing to escalate.');
    const { playbook } = await currentPlaybook(tx);
    const current = (await escalationTopics(tx, [id])).get(id) ?? null;
    const r = escalate(playbook.delivery.escalationPaths, input.topic, { topic: current, level: issue.escalationLevel });
    if ('error' in r) throw new AppError(r.error.startsWith('Unknown') ? 'validation_failed' : 'conflict', r.error);
    const topic = playbook.delivery.escalationPaths.find((x) => x.topic.toLowerCase() === input.topic.toLowerCase())!.topic;
    const after = (await g.issues.update(tx, id, null, { escalationLevel: r.level }))!;
    const role = playbook.roles.find((x) => x.id === r.roleId)?.label ?? r.roleId;
    // The audit entry keeps the topic (the issue row holds only the level); written without `before` so it is kept whole.
    await audit(ctx, tx, { action: 'issue.escalate', entityType: 'project_issue', entityId: id, accountId: p.accountId, after: { topic, level: r.level, roleId: r.roleId, note: input.note ?? null } });
    await logSystemActivity(ctx, tx, p.accountId, `Issue escalated to ${role}: ${issue.title}`, `${topic}, level ${r.level}.${input.note ? ` ${input.note}` : ''}`, { type: 'project_issue', id });
    await emit(ctx, tx, { type: 'issue.escalated', entityType: 'project_issue', entityId: id, accountId: p.accountId, payload: { projectId: p.id, issueId: id, topic, level: r.level, roleId: r.roleId } });
    return (await describeIssues(tx, [after]))[0];
  });
}

// ---------------------------------------------------------------- change requests

/** A change request's budget amount is in the project's currency, sent beside it. */
const changeView = (row: g.ChangeRow, p: Pick<ProjectRow, 'currency'>) => ({ ...row, currency: p.currency });
const changeCrud = crud(g.changes as unknown as Repo<g.ChangeRow>, 'change request', 'change_request', changeView);
const onlyProposed = (row: g.ChangeRow) => {
  if (row.status !== 'proposed') throw new AppError('conflict', `The change request was already ${row.status}; it can no longer be edited.`);
};
export const listChangeRequests = changeCrud.list;
export const createChangeRequest = (ctx: Ctx, projectId: string, input: ChangeRequestCreate) =>
  changeCrud.create(ctx, projectId, { ...input, requestedBy: ctx.actor.via === 'system' ? null : ctx.actor.id });
export const updateChangeRequest = (ctx: Ctx, projectId: string, id: string, input: ChangeRequestUpdate) => changeCrud.update(ctx, projectId, id, input, onlyProposed);
export const deleteChangeRequest = changeCrud.remove;

/**
 * Decides a proposed change request. Approval applies it: the budget grows by its hours (a `change` task carries that
 * effort), and a positive timeline impact pushes every task not yet started by that many days; then the network is
 * re-scheduled (milestone forecasts, forecast end). The amount is recorded for the commercial follow-up, not invoiced.
 */
export async function decideChangeRequest(ctx: Ctx, projectId: string, id: string, decision: 'approved' | 'rejected', note?: string | null) {
  return transaction(ctx.deps.database, async (tx) => {
    const p = await projectForChange(ctx, tx, projectId);
    const before = await g.changes.find(tx, p.id, id, { lock: true });
    if (!before) throw notFound('Change request');
    onlyProposed(before);
    const after = (await g.changes.update(tx, id, null, {
      status: decision, decidedBy: ctx.actor.via === 'system' ? null : ctx.actor.id, decidedAt: new Date(), decisionNote: note ?? null,
    }))!;
    let schedule = null;
    if (decision === 'approved') {
      const today = maxDate(todayUtc(), p.startDate);
      if (before.timelineImpactDays > 0) {
        const n = sql`${before.timelineImpactDays}::int`;
        await tx.update(projectTasks).set({
          startDate: sql`${projectTasks.startDate} + ${n}`, endDate: sql`${projectTasks.endDate} + ${n}`, version: sql`${projectTasks.version} + 1`, updatedAt: new Date(),
        }).where(and(eq(projectTasks.projectId, p.id), eq(projectTasks.status, 'todo'), gte(projectTasks.startDate, today), isNull(projectTasks.deletedAt)));
      }
      if (before.budgetImpactHours !== 0) await updateProject(tx, p.id, { budgetHours: Math.max(0, p.budgetHours + before.budgetImpactHours) });
      if (before.budgetImpactHours > 0 || before.timelineImpactDays > 0) {
        await createTaskTx(ctx, tx, {
          projectId: p.id, title: `Change: ${before.title}`, description: before.scopeImpact ?? before.description, kind: 'change',
          estimateHours: Math.max(0, before.budgetImpactHours), startDate: today,
          endDate: addDays(today, Math.max(1, before.timelineImpactDays || Math.ceil(Math.max(0, before.budgetImpactHours) / 8)) - 1),
          sourceType: 'change_request', sourceId: before.id,
        });
      }
      schedule = await reschedule(tx, (await projectForChange(ctx, tx, p.id)));
    }
    await audit(ctx, tx, { action: `change_request.${decision === 'approved' ? 'approve' : 'reject'}`, entityType: 'change_request', entityId: id, accountId: p.accountId, before, after });
    await logSystemActivity(ctx, tx, p.accountId, `Change request ${decision}: ${before.title}`,
      `${before.budgetImpactHours} h, ${before.timelineImpactDays} days.${note ? ` ${note}` : ''}`, { type: 'change_request', id });
    await emit(ctx, tx, {
      type: `change_request.${decision}`, entityType: 'change_request', entityId: id, accountId: p.accountId,
      payload: { projectId: p.id, changeRequestId: id, budgetImpactHours: before.budgetImpactHours, budgetImpactAmount: before.budgetImpactAmount, currency: p.currency, timelineImpactDays: before.timelineImpactDays },
    });
    return { ...changeView(after, p), schedule };
  });
}
