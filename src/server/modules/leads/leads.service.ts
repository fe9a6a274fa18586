// Lead use cases: capture through the API, reading, editing enrichment, BANT, status changes, activities and
// (re)assignment. Each runs in one transaction with its audit entry, lead activity and domain event.
import { OWNER_ROLES } from '../../../core/access/owners';
import { audiencesFor, defaultAudience } from '../../../core/access/audience';
import { rowScopeFor } from '../../../core/access/roles';
import { AppError, notFound } from '../../../core/errors';
import {
  ENGAGEMENT_OF_KIND, RESPONSE_KINDS, leadCaptureRowSchema, type Bant, type InboxQuery, type LeadActivityInput, type LeadBulk,
  type LeadCreate, type LeadListQuery, type LeadUpdate, type StatusChange, companyDomain,
} from '../../../core/leads/schemas';
import { bantCheck, bantQuestionKeys, transitionProblem } from '../../../core/leads/transitions';
import { issuePath } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import { transaction, type Executor, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { assertRefsInScope, changed, visibleIds } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { assignFrom, loadCandidates, type AssignmentExplanation } from './assignment.service';
import { captureLeads } from './capture.service';
import * as repo from './leads.repo';
import { activeModel, presentLead, scoreFields } from './scoring.service';
import { slaDueOf, stopClock } from './sla.service';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);

export async function leadForChange(ctx: Ctx, tx: Tx, id: string, version?: number) {
  const row = await repo.findLead(tx, rowScopeFor(ctx.actor), id, { lock: true });
  if (!row) throw notFound('Lead');
  if (version !== undefined && row.version !== version) {
    throw new AppError('version_conflict', `The lead changed since you loaded it (version ${row.version}, you sent ${version}). Reload and try again.`, { currentVersion: row.version });
  }
  return row;
}

/** Saves a user's change: re-scores, keeps the running SLA clock's due time, bumps the version. */
async function save(ctx: Ctx, tx: Tx, before: repo.LeadRow, patch: Partial<repo.NewLead>) {
  const { playbook, version } = await currentPlaybook(tx);
  const merged = { ...before, ...patch } as repo.LeadRow;
  const after = await repo.updateLead(tx, before.id, before.version, {
    ...patch, ...scoreFields(playbook, version, merged, await activeModel(tx)), slaDueAt: slaDueOf(merged),
  });
  if (!after) throw new AppError('version_conflict', 'The lead changed while saving. Reload and try again.');
  return after;
}

/** Lead output of a use case (inside its transaction). */
async function present(ctx: Ctx, tx: Tx, row: repo.LeadRow) {
  const [visible] = await visibleDuplicates(ctx, tx, [row]);
  return presentLead((await currentPlaybook(tx)).playbook, visible);
}

type Duplicate = { id: string; match: string };

/**
 * Possible duplicates as the caller may see them. Capture flags matches across all leads (staff need them), but a
 * partner user sees only those among its own partner's leads: no other tenant's lead id reaches it.
 */
async function visibleDuplicates<T extends { possibleDuplicates?: unknown }>(ctx: Ctx, db: Executor, rows: T[]): Promise<T[]> {
  if (rowScopeFor(ctx.actor).kind === 'all') return rows;
  const dupes = (r: T) => (r.possibleDuplicates ?? []) as Duplicate[];
  const seen = await visibleIds(ctx, db, 'leads', rows.flatMap((r) => dupes(r).map((d) => d.id)));
  return rows.map((r) => ({ ...r, possibleDuplicates: dupes(r).filter((d) => seen.has(d.id)) }));
}

/** Lead owners named in a request: active staff who sell (partner referrals are assigned by the rules). */
const leadOwner = (path: string, id: string | null | undefined) => ({ ids: { [path]: id }, roles: OWNER_ROLES.seller });

async function logLead(ctx: Ctx, tx: Tx, leadId: string, subject: string, body?: string | null) {
  await repo.insertActivities(tx, [{ leadId, kind: 'system', subject, body: body ?? null, actorId: actorId(ctx) }]);
}

export async function createLead(ctx: Ctx, input: LeadCreate) {
  const { source, ownerId, partnerId, ...row } = input;
  const partner = ctx.actor.role === 'partner';
  if (partner && partnerId && partnerId !== ctx.actor.partnerId) throw new AppError('forbidden', 'A partner user can only refer leads for its own partner.');
  const effectiveSource = partner ? 'partner_referral' : source;
  if (effectiveSource === 'customer_referral' && !row.referredByAccountId) {
    throw new AppError('validation_failed', 'A customer referral names the referring account.', { errors: [{ path: 'referredByAccountId', message: 'required for customer referrals' }] });
  }
  if (partner && ownerId) {
    throw new AppError('validation_failed', 'Partner referrals are assigned by the playbook rules.', { errors: [{ path: 'ownerId', message: 'leave out for partner referrals' }] });
  }
  return transaction(ctx.deps.database, async (tx) => {
    await assertRefsInScope(ctx, tx, { accounts: { referredByAccountId: row.referredByAccountId }, users: [leadOwner('ownerId', ownerId)] });
    const [c] = await captureLeads(ctx, tx, [row], {
      source: effectiveSource, partnerId: partner ? ctx.actor.partnerId : partnerId ?? null, ownerId: partner ? null : ownerId ?? null,
      via: partner ? `partner referral by ${ctx.actor.name}` : `entered by ${ctx.actor.name}`,
    });
    const { playbook } = await currentPlaybook(tx);
    const [visible] = await visibleDuplicates(ctx, tx, [{ ...c.lead, possibleDuplicates: c.possibleDuplicates }]);
    return presentLead(playbook, visible);
  });
}

export async function bulkCapture(ctx: Ctx, input: LeadBulk) {
  const errors: { row: number; path: string; message: string }[] = [];
  const good: { index: number; row: ReturnType<typeof leadCaptureRowSchema.parse> }[] = [];
  input.rows.forEach((raw, index) => {
    const r = leadCaptureRowSchema.safeParse(raw);
    if (r.success) good.push({ index, row: r.data });
    else for (const i of r.error.issues) errors.push({ row: index, path: issuePath(i.path), message: i.message });
  });
  const captured = good.length === 0 ? [] : await transaction(ctx.deps.database, async (tx) => {
    await assertRefsInScope(ctx, tx, { users: [leadOwner('ownerId', input.ownerId)] });
    return captureLeads(ctx, tx, good.map((g) => g.row), {
      source: input.source, campaign: input.campaign, ownerId: input.ownerId ?? null, via: `list "${input.campaign}" (${input.source}) by ${ctx.actor.name}`,
    });
  });
  return {
    received: input.rows.length, created: captured.length, failed: new Set(errors.map((e) => e.row)).size, errors,
    leads: captured.map((c, i) => ({ row: good[i].index, id: c.lead.id, possibleDuplicates: c.possibleDuplicates.length })),
  };
}

export async function getLead(ctx: Ctx, id: string) {
  const found = await repo.findLead(ctx.deps.database.db, rowScopeFor(ctx.actor), id);
  if (!found) throw notFound('Lead');
  const [row] = await visibleDuplicates(ctx, ctx.deps.database.db, [found]);
  const { playbook } = await currentPlaybook(ctx.deps.database.db);
  return { ...presentLead(playbook, row), bantCheck: bantCheck(playbook.leads, row.bant as Partial<Bant>) };
}

export async function listLeads(ctx: Ctx, q: LeadListQuery) {
  const rows = await repo.listLeads(ctx.deps.database.db, rowScopeFor(ctx.actor), q);
  return toPage(rows, q.limit, (r) => [r.createdAt.toISOString(), r.id]);
}

export async function inbox(ctx: Ctx, q: InboxQuery) {
  const rows = await repo.inboxQuery(ctx.deps.database, rowScopeFor(ctx.actor), q);
  return toPage(rows, q.limit, (r) => [r.slaDueAt!, r.id]);
}

export async function updateLead(ctx: Ctx, id: string, input: LeadUpdate) {
  const { version, ...patch } = input;
  return transaction(ctx.deps.database, async (tx) => {
    const before = await leadForChange(ctx, tx, id, version);
    if (before.status === 'converted') throw new AppError('conflict', 'A converted lead is read-only; edit the account instead.');
    await assertRefsInScope(ctx, tx, { accounts: { referredByAccountId: changed(patch.referredByAccountId, before.referredByAccountId) } });
    const fields: Partial<repo.NewLead> = { ...patch };
    if (patch.email !== undefined && patch.domain === undefined && !before.domain) fields.domain = companyDomain({ email: patch.email });
    const after = await save(ctx, tx, before, fields);
    await audit(ctx, tx, { action: 'lead.update', entityType: 'lead', entityId: id, before, after });
    if (before.score !== after.score) await logLead(ctx, tx, id, `Score ${before.score} → ${after.score}`, 'Re-scored after the lead changed.');
    await emit(ctx, tx, { type: 'lead.updated', entityType: 'lead', entityId: id, payload: { before: { score: before.score }, after: { score: after.score } } });
    return present(ctx, tx, after);
  });
}

export async function updateBant(ctx: Ctx, id: string, input: { version: number; bant: Bant }) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await leadForChange(ctx, tx, id, input.version);
    if (before.status === 'converted') throw new AppError('conflict', 'A converted lead is read-only.');
    const { playbook } = await currentPlaybook(tx);
    const keys = new Set(bantQuestionKeys(playbook.leads));
    const unknown = Object.keys(input.bant.answers).filter((k) => !keys.has(k));
    if (unknown.length) {
      throw new AppError('validation_failed', 'Some answers are for questions the playbook does not ask.', {
        errors: unknown.map((k) => ({ path: `bant.answers.${k}`, message: `unknown question; use one of ${[...keys].join(', ')}` })),
      });
    }
    const after = await save(ctx, tx, before, { bant: input.bant });
    const check = bantCheck(playbook.leads, input.bant);
    await audit(ctx, tx, { action: 'lead.bant', entityType: 'lead', entityId: id, before: { bant: before.bant }, after: { bant: after.bant } });
    await logLead(ctx, tx, id, `BANT updated: ${check.met.length} of 4 criteria met`, check.missing.length ? `Missing: ${check.missing.map((m) => m.label).join(', ')}.` : 'All criteria met.');
    await emit(ctx, tx, { type: 'lead.bant_updated', entityType: 'lead', entityId: id, payload: { met: check.met } });
    return { ...(await present(ctx, tx, after)), bantCheck: check };
  });
}

export async function changeStatus(ctx: Ctx, id: string, input: StatusChange) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await leadForChange(ctx, tx, id, input.version);
    const problem = transitionProblem(before.status, input.status);
    if (problem) throw new AppError('conflict', problem, { from: before.status, to: input.status });
    const { playbook } = await currentPlaybook(tx);
    const patch: Partial<repo.NewLead> = { status: input.status };
    let detail = input.note ?? null;
    if (input.status === 'qualified') {
      const check = bantCheck(playbook.leads, before.bant as Partial<Bant>);
      if (!check.ok) {
        throw new AppError('validation_failed', `The lead meets ${check.met.length} of the ${check.required} BANT criteria needed to qualify.`, {
          errors: check.missing.map((m) => ({ path: `bant.${m.id}`, message: `${m.label}: ${m.criterion}` })),
        });
      }
      patch.qualifiedAt = new Date();
      patch.disqualificationReason = null;
    }
    if (input.status === 'disqualified') {
      const reason = playbook.leads.disqualificationReasons.find((r) => r.id === input.reason);
      if (!reason) {
        throw new AppError('validation_failed', 'Disqualifying needs a reason from the playbook.', {
          errors: [{ path: 'reason', message: `must be one of ${playbook.leads.disqualificationReasons.map((r) => r.id).join(', ')}` }],
        });
      }
      patch.disqualificationReason = reason.id;
      detail = [`Reason: ${reason.label}${reason.nurture ? ' (nurture)' : ''}.`, input.note].filter(Boolean).join(' ');
    }
    if (input.status === 'working' && !before.firstRespondedAt) patch.firstRespondedAt = new Date();
    const after = await save(ctx, tx, before, patch);
    if (after.firstRespondedAt) await stopClock(tx, id, 'first_response');
    if (['qualified', 'disqualified'].includes(after.status)) {
      await stopClock(tx, id, 'first_response');
      await stopClock(tx, id, 'qualification');
    }
    await audit(ctx, tx, { action: 'lead.status', entityType: 'lead', entityId: id, before: { status: before.status }, after: { status: after.status, disqualificationReason: after.disqualificationReason } });
    await logLead(ctx, tx, id, `Status ${before.status} → ${after.status}`, detail);
    await emit(ctx, tx, { type: `lead.${input.status}`, entityType: 'lead', entityId: id, payload: { from: before.status, to: after.status, reason: after.disqualificationReason } });
    return present(ctx, tx, after);
  });
}

export async function logActivity(ctx: Ctx, id: string, input: LeadActivityInput) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await leadForChange(ctx, tx, id);
    const patch: Partial<repo.NewLead> = {};
    const key = input.kind === 'email' ? (input.inbound ? 'emailReplied' : null) : ENGAGEMENT_OF_KIND[input.kind] ?? null;
    if (key) {
      const e = (before.engagement ?? {}) as Record<string, number>;
      patch.engagement = { ...e, [key]: (e[key] ?? 0) + 1 };
    }
    const responds = RESPONSE_KINDS.includes(input.kind) && !input.inbound && !before.firstRespondedAt;
    if (responds) patch.firstRespondedAt = new Date();
    const after = Object.keys(patch).length ? await save(ctx, tx, before, patch) : before;
    if (responds) await stopClock(tx, id, 'first_response');
    const [row] = await repo.insertActivities(tx, [{
      leadId: id, kind: input.kind, subject: input.subject, body: input.body ?? null, inbound: input.inbound ?? null,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(), actorId: actorId(ctx), audience: defaultAudience(ctx.actor),
    }]);
    await audit(ctx, tx, { action: 'lead.activity', entityType: 'lead', entityId: id, after: { kind: row.kind, subject: row.subject } });
    if (responds) await logLead(ctx, tx, id, 'First response', `Responded ${Math.round((after.firstRespondedAt!.getTime() - before.createdAt.getTime()) / 60_000)} minutes after capture.`);
    await emit(ctx, tx, { type: 'lead.activity_logged', entityType: 'lead', entityId: id, payload: { kind: row.kind, firstResponse: responds } });
    return { activity: row, lead: await present(ctx, tx, after) };
  });
}

export async function listActivities(ctx: Ctx, id: string, q: { limit: number; cursor?: string }) {
  const db = ctx.deps.database.db;
  if (!(await repo.findLead(db, rowScopeFor(ctx.actor), id))) throw notFound('Lead');
  const rows = await repo.listActivities(db, id, q.limit, q.cursor, audiencesFor(ctx.actor));
  return toPage(rows, q.limit, (r) => [r.occurredAt.toISOString(), r.id]);
}

export async function assignLead(ctx: Ctx, id: string, input: { version: number; ownerId?: string | null; reason?: string }) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await leadForChange(ctx, tx, id, input.version);
    if (before.status === 'converted') throw new AppError('conflict', 'A converted lead cannot be reassigned.');
    let explanation: AssignmentExplanation;
    let ownerId: string | null;
    if (input.ownerId !== undefined) {
      await assertRefsInScope(ctx, tx, { users: [leadOwner('ownerId', input.ownerId)] });
      if (!input.reason) throw new AppError('validation_failed', 'A manual reassignment needs a reason.', { errors: [{ path: 'reason', message: 'required' }] });
      ownerId = input.ownerId;
      explanation = { by: 'manual', text: `${ownerId ? 'Reassigned' : 'Unassigned'} by ${ctx.actor.name}: ${input.reason}`, actorName: ctx.actor.name, reason: input.reason };
    } else {
      const { playbook } = await currentPlaybook(tx);
      const candidates = (await loadCandidates(tx)).map((c) => (c.userId === before.ownerId ? { ...c, openLeads: Math.max(0, c.openLeads - 1) } : c));
      const a = assignFrom(playbook, candidates, before);
      ownerId = a.result.chosen?.userId ?? null;
      explanation = a.explanation;
    }
    const after = await save(ctx, tx, before, { ownerId, assignedAt: new Date(), assignmentExplanation: explanation });
    await audit(ctx, tx, { action: 'lead.assign', entityType: 'lead', entityId: id, before: { ownerId: before.ownerId }, after: { ownerId: after.ownerId, reason: input.reason ?? null } });
    await logLead(ctx, tx, id, ownerId ? 'Assigned' : 'Not assigned', explanation.text);
    await emit(ctx, tx, { type: 'lead.assigned', entityType: 'lead', entityId: id, payload: { from: before.ownerId, ownerId, explanation: explanation.text } });
    return present(ctx, tx, after);
  });
}
