// Milestones and customer acceptance (003 Key Milestones; Stage Gate "deliverables are accepted"). Delivery submits a
// milestone; a customer user of the account (row-scoped) or an internal user on the customer's behalf, naming the
// contact, accepts or rejects it with a comment. Acceptance emits `milestone.accepted`, which billing invoices.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { rowScopeFor } from '../../../core/access/roles';
import type { DecisionInput } from '../../../core/delivery/schemas';
import { AppError, notFound } from '../../../core/errors';
import { transaction, type Tx } from '../../db/client';
import { contacts, milestoneDecisions, projectMilestones, users } from '../../db/schema';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { logSystemActivity } from '../accounts/timeline.service';
import { audit } from '../platform/audit';
import * as repo from './projects.repo';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);
const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : '?');

export async function listMilestones(ctx: Ctx, projectId: string) {
  const db = ctx.deps.database.db;
  const p = await repo.findProject(db, rowScopeFor(ctx.actor), projectId);
  if (!p) throw notFound('Project');
  const rows = await repo.milestonesOf(db, p.id);
  const history = await db.select({
    milestoneId: milestoneDecisions.milestoneId, decision: milestoneDecisions.decision, comment: milestoneDecisions.comment,
    at: milestoneDecisions.at, actorName: users.name, contactId: milestoneDecisions.contactId,
    contactName: sql<string | null>`nullif(trim(coalesce(${contacts.firstName}, '') || ' ' || coalesce(${contacts.lastName}, '')), '')`,
  }).from(milestoneDecisions)
    .innerJoin(projectMilestones, eq(projectMilestones.id, milestoneDecisions.milestoneId))
    .leftJoin(users, eq(users.id, milestoneDecisions.actorId))
    .leftJoin(contacts, eq(contacts.id, milestoneDecisions.contactId))
    .where(eq(projectMilestones.projectId, p.id)).orderBy(milestoneDecisions.at);
  // Each milestone's amount is in the project's currency, sent beside it.
  return rows.map((m) => ({ ...m, currency: p.currency, decisions: history.filter((h) => h.milestoneId === m.id) }));
}

async function lockedPair(ctx: Ctx, tx: Tx, projectId: string, milestoneId: string) {
  const project = await repo.findProject(tx, rowScopeFor(ctx.actor), projectId, { lock: true });
  if (!project) throw notFound('Project');
  const ms = await repo.findMilestone(tx, project.id, milestoneId, { lock: true });
  if (!ms) throw notFound('Milestone');
  return { project, ms };
}

/** Submits a milestone for acceptance in the caller's transaction (also used by go-live). */
export async function submitMilestoneTx(ctx: Ctx, tx: Tx, project: repo.ProjectRow, ms: repo.MilestoneRow, comment?: string | null) {
  const after = (await repo.updateMilestone(tx, ms.id, {
    status: 'submitted', submittedAt: new Date(), submittedBy: actorId(ctx), decidedAt: null, decidedBy: null, decidedByContactId: null, decisionComment: null,
  }))!;
  await tx.insert(milestoneDecisions).values({ milestoneId: ms.id, decision: 'submitted', comment: comment ?? null, actorId: actorId(ctx) });
  await audit(ctx, tx, { action: 'milestone.submit', entityType: 'project_milestone', entityId: ms.id, accountId: project.accountId, before: ms, after });
  // Milestone news is the customer's: they accept it (the entry is published to them).
  await logSystemActivity(ctx, tx, project.accountId, `Milestone submitted for acceptance: ${ms.name}`, comment ?? undefined, { type: 'project_milestone', id: ms.id }, 'customer');
  await emit(ctx, tx, { type: 'milestone.submitted', entityType: 'project_milestone', entityId: ms.id, accountId: project.accountId, payload: { projectId: project.id, milestoneId: ms.id, key: ms.key, name: ms.name } });
  return { ...after, currency: project.currency };
}

export async function submitMilestone(ctx: Ctx, projectId: string, milestoneId: string, comment?: string | null) {
  return transaction(ctx.deps.database, async (tx) => {
    const { project, ms } = await lockedPair(ctx, tx, projectId, milestoneId);
    if (project.status !== 'active' && project.status !== 'hypercare') {
      throw new AppError('conflict', project.status === 'planned'
        ? 'Kick the project off before submitting milestones.' : `The project is ${project.status}; its milestones cannot be submitted.`);
    }
    if (ms.status === 'submitted') throw new AppError('conflict', `"${ms.name}" is already awaiting the customer's acceptance (since ${day(ms.submittedAt)}).`);
    if (ms.status === 'accepted') throw new AppError('conflict', `"${ms.name}" was already accepted on ${day(ms.decidedAt)}.`);
    return submitMilestoneTx(ctx, tx, project, ms, comment);
  });
}

/**
 * Who decided for the customer: a customer user decides as themselves (their contact record when one has their
 * e-mail); an internal user must name the account's contact they record the decision for.
 */
async function decidingContact(ctx: Ctx, tx: Tx, accountId: string, contactId: string | undefined): Promise<string | null> {
  if (contactId) {
    const [c] = await tx.select({ id: contacts.id }).from(contacts)
      .where(and(eq(contacts.id, contactId), eq(contacts.accountId, accountId), isNull(contacts.deletedAt)));
    if (!c) throw new AppError('validation_failed', 'The contact is not a contact of this customer.', { errors: [{ path: 'contactId', message: 'not a contact of the account' }] });
    return c.id;
  }
  if (ctx.actor.role === 'customer') {
    const [c] = await tx.select({ id: contacts.id }).from(contacts)
      .where(and(eq(contacts.accountId, accountId), sql`lower(${contacts.email}) = lower(${ctx.actor.email})`, isNull(contacts.deletedAt))).limit(1);
    return c?.id ?? null;
  }
  throw new AppError('validation_failed', 'Name the customer contact who decided (contactId) when recording a decision on the customer\'s behalf.', {
    errors: [{ path: 'contactId', message: 'required for internal users' }],
  });
}

async function decide(ctx: Ctx, projectId: string, milestoneId: string, decision: 'accepted' | 'rejected', input: DecisionInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const { project, ms } = await lockedPair(ctx, tx, projectId, milestoneId);
    const verb = decision === 'accepted' ? 'accept' : 'reject';
    if (project.status === 'cancelled') throw new AppError('conflict', `The project was cancelled; milestone "${ms.name}" can no longer be ${decision}. Nothing changed.`);
    if (ms.status === 'accepted') {
      throw new AppError('conflict', `Milestone "${ms.name}" was already accepted on ${day(ms.decidedAt)}; it cannot be ${decision} again. Nothing changed.`, { milestoneStatus: ms.status, decidedAt: ms.decidedAt });
    }
    if (ms.status !== 'submitted') {
      throw new AppError('conflict', `Milestone "${ms.name}" is ${ms.status}, not awaiting acceptance; delivery submits it first. Nothing changed.`, { milestoneStatus: ms.status });
    }
    const contactId = await decidingContact(ctx, tx, project.accountId, input.contactId);
    const now = new Date();
    const after = (await repo.updateMilestone(tx, ms.id, {
      status: decision, decidedAt: now, decidedBy: actorId(ctx), decidedByContactId: contactId, decisionComment: input.comment ?? null,
    }, ms.version))!;
    await tx.insert(milestoneDecisions).values({ milestoneId: ms.id, decision, comment: input.comment ?? null, actorId: actorId(ctx), contactId, at: now });
    await audit(ctx, tx, { action: `milestone.${verb}`, entityType: 'project_milestone', entityId: ms.id, accountId: project.accountId, before: ms, after });
    const who = ctx.actor.role === 'customer' ? ctx.actor.name : `${ctx.actor.name} for the customer`;
    await logSystemActivity(ctx, tx, project.accountId,
      decision === 'accepted' ? `Milestone accepted: ${ms.name}${ms.paymentPercent ? ` (${ms.paymentPercent} % of the services fee)` : ''}` : `Milestone rejected: ${ms.name}`,
      [`By ${who}.`, input.comment].filter(Boolean).join(' '), { type: 'project_milestone', id: ms.id }, 'customer');
    if (decision === 'accepted') {
      await emit(ctx, tx, {
        type: 'milestone.accepted', entityType: 'project_milestone', entityId: ms.id, accountId: project.accountId,
        payload: {
          projectId: project.id, milestoneId: ms.id, contractId: project.contractId, accountId: project.accountId, key: ms.key, name: ms.name,
          amount: ms.amount, currency: project.currency, paymentPercent: ms.paymentPercent, acceptedAt: now.toISOString(),
        },
      });
    } else {
      await emit(ctx, tx, { type: 'milestone.rejected', entityType: 'project_milestone', entityId: ms.id, accountId: project.accountId, payload: { projectId: project.id, milestoneId: ms.id, key: ms.key, name: ms.name } });
    }
    return { ...after, currency: project.currency };
  });
}

export const acceptMilestone = (ctx: Ctx, projectId: string, milestoneId: string, input: DecisionInput) => decide(ctx, projectId, milestoneId, 'accepted', input);
export const rejectMilestone = (ctx: Ctx, projectId: string, milestoneId: string, input: DecisionInput) => decide(ctx, projectId, milestoneId, 'rejected', input);
