// The customer 360 timeline that every stream writes into, and follow-up reminders (timers) on accounts. Every entry
// has an audience (core/access/audience.ts): internal unless someone published it to the partner or the customer.
import { audienceProblem, audiencesFor, canSee, defaultAudience, type Audience } from '../../../core/access/audience';
import { rowScopeFor } from '../../../core/access/roles';
import type { ActivityCreate, TimelineQuery } from '../../../core/accounts/schemas';
import { formatInstant } from '../../../core/calendar/format';
import { AppError, notFound } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import { transaction, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { assertRefsInScope } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { defineTimer, scheduleTimer } from '../../jobs/timers';
import { audit } from '../platform/audit';
import { currentPlaybook } from '../platform/playbook.service';
import { findAccount } from './accounts.repo';
import { accountForChange } from './accounts.service';
import { seesAudit } from './accounts.policy';
import * as repo from './timeline.repo';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);

/**
 * System events on the timeline (stage changes, handoffs, reminders), written by services of any stream. Internal
 * unless the caller publishes it (a go-live, an accepted milestone or value update is news for the customer).
 */
export async function logSystemActivity(ctx: Ctx, tx: Tx, accountId: string, subject: string, body?: string,
  entity?: { type: string; id: string }, audience: Audience = 'internal') {
  return repo.insertActivity(tx, {
    accountId, kind: 'system', subject, body: body ?? null, actorId: actorId(ctx),
    entityType: entity?.type ?? null, entityId: entity?.id ?? null, audience,
  });
}

/** The audience an actor asked for, or their default; refused when they could not read the entry back. */
export function audienceOf(ctx: Ctx, requested: Audience | undefined): Audience {
  const audience = requested ?? defaultAudience(ctx.actor);
  const problem = audienceProblem(ctx.actor, audience);
  if (problem) throw new AppError('forbidden', problem);
  return audience;
}

export async function logActivity(ctx: Ctx, accountId: string, input: ActivityCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    await accountForChange(ctx, tx, accountId);
    await assertRefsInScope(ctx, tx, { contacts: { ids: { contactId: input.contactId }, accountId } });
    const row = await repo.insertActivity(tx, {
      accountId, kind: input.kind, subject: input.subject, body: input.body ?? null, contactId: input.contactId ?? null,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(), actorId: actorId(ctx),
      audience: audienceOf(ctx, input.audience),
    });
    await audit(ctx, tx, { action: 'activity.create', entityType: 'activity', entityId: row.id, accountId, after: row });
    await emit(ctx, tx, { type: 'activity.logged', entityType: 'activity', entityId: row.id, accountId, payload: { kind: row.kind, subject: row.subject } });
    return row;
  });
}

export async function timeline(ctx: Ctx, accountId: string, q: TimelineQuery) {
  const db = ctx.deps.database.db;
  if (!(await findAccount(db, rowScopeFor(ctx.actor), accountId))) throw notFound('Account');
  const withAudit = seesAudit(ctx.actor.role);
  if (q.kind === 'audit' && !withAudit) throw new AppError('forbidden', 'Audit entries are visible to internal users only.');
  const rows = await repo.listTimeline(db, accountId, { ...q, withAudit, audiences: audiencesFor(ctx.actor) });
  return toPage(rows, q.limit, (r) => [r.at, r.id]);
}

/** Publishes an entry to the partner or the customer, or takes it back to internal (staff only, by policy). */
export async function setActivityAudience(ctx: Ctx, id: string, input: { version: number; audience: Audience }) {
  return transaction(ctx.deps.database, async (tx) => {
    const before = await repo.findActivity(tx, id, { lock: true });
    if (!before) throw notFound('Activity');
    await accountForChange(ctx, tx, before.accountId).catch(() => { throw notFound('Activity'); });
    if (before.version !== input.version) {
      throw new AppError('version_conflict', `The entry changed since you loaded it (version ${before.version}). Reload and try again.`, { currentVersion: before.version });
    }
    const after = await repo.setActivityAudience(tx, id, input.version, audienceOf(ctx, input.audience));
    if (!after) throw new AppError('version_conflict', 'The entry changed while saving. Reload and try again.');
    await audit(ctx, tx, { action: 'activity.audience', entityType: 'activity', entityId: id, accountId: before.accountId, before: { audience: before.audience }, after: { audience: after.audience } });
    return after;
  });
}

export const reminderTimer = defineTimer({
  kind: 'account.reminder',
  async fire(ctx, tx, timer) {
    const p = timer.payload as { note?: string; byName?: string; audience?: Audience };
    const { playbook } = await currentPlaybook(tx);
    await logSystemActivity(ctx, tx, timer.entityId, `Reminder: ${p.note ?? 'follow up'}`,
      p.byName ? `Set by ${p.byName} for ${formatInstant(timer.dueAt, playbook.calendar.timeZone)}.` : undefined, { type: 'timer', id: timer.id }, p.audience ?? 'internal');
    await emit(ctx, tx, { type: 'reminder.due', entityType: 'account', entityId: timer.entityId, accountId: timer.entityId, payload: { timerId: timer.id, note: p.note } });
  },
});

export async function setReminder(ctx: Ctx, accountId: string, input: { at: string; note: string }) {
  const at = new Date(input.at);
  return transaction(ctx.deps.database, async (tx) => {
    await accountForChange(ctx, tx, accountId);
    // One pending reminder per account: setting another moves it (timers are keyed by kind and entity).
    const timer = await scheduleTimer(ctx, tx, {
      kind: reminderTimer.kind, entityType: 'account', entityId: accountId, at,
      payload: { note: input.note, byName: ctx.actor.name, byId: ctx.actor.id, audience: defaultAudience(ctx.actor) },
    });
    await audit(ctx, tx, { action: 'reminder.set', entityType: 'timer', entityId: timer.id, accountId, after: { dueAt: at, note: input.note } });
    return { id: timer.id, dueAt: timer.dueAt.toISOString(), note: input.note, status: timer.status };
  });
}

/** The pending reminder of an account, if any (one per account; setting another moves it). */
export async function listReminders(ctx: Ctx, accountId: string) {
  const db = ctx.deps.database.db;
  if (!(await findAccount(db, rowScopeFor(ctx.actor), accountId))) throw notFound('Account');
  const timers = await repo.pendingTimers(db, 'account', accountId);
  return {
    // A reminder is the audience of whoever set it: staff reminders are internal notes to self.
    items: timers.filter((t) => t.kind === reminderTimer.kind && canSee(ctx.actor, (t.payload as { audience?: Audience }).audience ?? 'internal')).map((t) => {
      const p = t.payload as { note?: string; byName?: string };
      return { id: t.id, dueAt: t.dueAt, note: p.note ?? '', byName: p.byName ?? null };
    }),
    nextCursor: null,
  };
}
