// The customer 360 timeline that every stream writes into, and follow-up reminders (timers) on accounts.
import { rowScopeFor } from '../../../core/access/roles';
import type { ActivityCreate, TimelineQuery } from '../../../core/accounts/schemas';
import { AppError, notFound } from '../../../core/errors';
import { toPage } from '../../../core/pagination';
import { transaction, type Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { assertRefsInScope } from '../../http/scope-refs';
import { emit } from '../../jobs/events';
import { defineTimer, scheduleTimer } from '../../jobs/timers';
import { audit } from '../platform/audit';
import { findAccount } from './accounts.repo';
import { accountForChange } from './accounts.service';
import { seesAudit } from './accounts.policy';
import * as repo from './timeline.repo';

const actorId = (ctx: Ctx) => (ctx.actor.via === 'system' ? null : ctx.actor.id);

/** System events on the timeline (stage changes, handoffs, reminders), written by services of any stream. */
export async function logSystemActivity(ctx: Ctx, tx: Tx, accountId: string, subject: string, body?: string,
  entity?: { type: string; id: string }) {
  return repo.insertActivity(tx, {
    accountId, kind: 'system', subject, body: body ?? null, actorId: actorId(ctx),
    entityType: entity?.type ?? null, entityId: entity?.id ?? null,
  });
}

export async function logActivity(ctx: Ctx, accountId: string, input: ActivityCreate) {
  return transaction(ctx.deps.database, async (tx) => {
    await accountForChange(ctx, tx, accountId);
    await assertRefsInScope(ctx, tx, { contacts: { ids: { contactId: input.contactId }, accountId } });
    const row = await repo.insertActivity(tx, {
      accountId, kind: input.kind, subject: input.subject, body: input.body ?? null, contactId: input.contactId ?? null,
      occurredAt: input.occurredAt ? new Date(input.occurredAt) : new Date(), actorId: actorId(ctx),
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
  const rows = await repo.listTimeline(db, accountId, { ...q, withAudit });
  return toPage(rows, q.limit, (r) => [r.at, r.id]);
}

export const reminderTimer = defineTimer({
  kind: 'account.reminder',
  async fire(ctx, tx, timer) {
    const p = timer.payload as { note?: string; byName?: string };
    await logSystemActivity(ctx, tx, timer.entityId, `Reminder: ${p.note ?? 'follow up'}`,
      p.byName ? `Set by ${p.byName} for ${timer.dueAt.toISOString()}.` : undefined, { type: 'timer', id: timer.id });
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
      payload: { note: input.note, byName: ctx.actor.name, byId: ctx.actor.id },
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
    items: timers.filter((t) => t.kind === reminderTimer.kind).map((t) => {
      const p = t.payload as { note?: string; byName?: string };
      return { id: t.id, dueAt: t.dueAt, note: p.note ?? '', byName: p.byName ?? null };
    }),
    nextCursor: null,
  };
}
