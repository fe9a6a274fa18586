// Dunning as timers: an open invoice has one pending timer for the next playbook dunning step (before and after the
// due date); firing takes the step (a dunning_event, the account timeline, an event) and schedules the next, so each
// step fires once, in order. From `escalateWhenDaysLate` days late the step escalates: the event lists the escalation
// roles, the invoice gets `escalated_at`, and `invoice.escalated` is emitted. Paying, crediting to zero or voiding the
// invoice cancels its timer; a timer that still fires finds the invoice closed and does nothing.
import { dateOf, daysLate, dunningPlan, formatMoney as money, pendingStep, type DunningStep } from '../../../core/billing';
import { roleLabel } from '../../../core/leads/sla';
import type { Playbook } from '../../../core/playbook';
import type { Tx } from '../../db/client';
import type { Ctx } from '../../http/env';
import { emit } from '../../jobs/events';
import { cancelTimer, defineTimer, scheduleTimer } from '../../jobs/timers';
import { logSystemActivity } from '../accounts/timeline.service';
import { currentPlaybook } from '../platform/playbook.service';
import * as repo from './billing.repo';

export const DUNNING_TIMER = 'invoice.dunning';
/** Steps fire at this UTC hour of their day (a reminder belongs in the morning, not at midnight). */
const STEP_HOUR_UTC = 8;
const key = (invoiceId: string) => ({ kind: DUNNING_TIMER, entityType: 'invoice', entityId: invoiceId });

const stepAt = (step: DunningStep, now: Date) => {
  const at = new Date(`${step.date}T${String(STEP_HOUR_UTC).padStart(2, '0')}:00:00Z`);
  return at > now ? at : now;
};

/** (Re)schedules the invoice's dunning timer for its next step, or cancels it when no step is left. */
export async function scheduleDunning(ctx: Ctx, tx: Tx, billing: Playbook['billing'], inv: { id: string; dueDate: string | null; dunningStep: string | null }, now = new Date()) {
  if (!inv.dueDate) return null;
  const step = pendingStep(dunningPlan(billing, inv.dueDate), inv.dunningStep, dateOf(now));
  if (!step) { await cancelTimer(tx, key(inv.id)); return null; }
  return scheduleTimer(ctx, tx, { ...key(inv.id), at: stepAt(step, now), payload: { stepId: step.id, date: step.date } });
}

export async function stopDunning(tx: Tx, invoiceId: string) {
  await cancelTimer(tx, key(invoiceId));
}

export const dunningTimer = defineTimer({
  kind: DUNNING_TIMER,
  async fire(ctx, tx, timer) {
    const inv = await repo.findInvoice(tx, { kind: 'all' }, timer.entityId, { lock: true });
    if (!inv || !inv.dueDate || (inv.status !== 'issued' && inv.status !== 'partially_paid') || inv.balance <= 0) return;
    const { playbook } = await currentPlaybook(tx);
    const billing = playbook.billing;
    const now = new Date();
    const today = dateOf(now);
    const plan = dunningPlan(billing, inv.dueDate);
    const step = pendingStep(plan, inv.dunningStep, today);
    if (!step) return;
    if (step.date > today) { await scheduleDunning(ctx, tx, billing, inv, now); return; } // early (clock or playbook moved)
    const late = daysLate(inv.dueDate, today);
    const roles = step.escalates ? billing.dunning.escalationRoleIds : null;
    const account = await repo.accountBrief(tx, inv.accountId);
    const names = await repo.userNames(tx, [account?.aeId ?? null, account?.csmId ?? null]);
    const taken = await repo.insertDunningEvent(tx, {
      invoiceId: inv.id, accountId: inv.accountId, stepId: step.id, action: step.action, daysPastDue: late, escalated: roles,
      detail: { stepDate: step.date, balance: inv.balance, ownerRoleId: step.ownerRoleId, dueDate: inv.dueDate },
    });
    const escalateNow = step.escalates && !inv.escalatedAt;
    await repo.markDunning(tx, inv.id, { dunningStep: step.id, ...(escalateNow ? { escalatedAt: now } : {}) });
    if (taken) {
      const amount = money(inv.balance, inv.currency);
      if (step.escalates) {
        const who = billing.dunning.escalationRoleIds.map((r) => roleLabel(playbook, r)).join(' and ');
        const people = [account?.aeId, account?.csmId].map((id) => (id ? names.get(id) : null)).filter(Boolean).join(', ');
        await logSystemActivity(ctx, tx, inv.accountId, `Invoice ${inv.number} escalated: ${late} days late`,
          `${amount} still due since ${inv.dueDate}. Escalated to ${who}${people ? ` (${people})` : ''}: ${step.action}.`, { type: 'invoice', id: inv.id });
        await emit(ctx, tx, {
          type: 'invoice.escalated', entityType: 'invoice', entityId: inv.id, accountId: inv.accountId,
          payload: { invoiceId: inv.id, accountId: inv.accountId, number: inv.number, daysLate: late, balance: inv.balance, currency: inv.currency, dueDate: inv.dueDate, escalatedTo: roles, stepId: step.id, aeId: account?.aeId ?? null, csmId: account?.csmId ?? null },
        });
      } else {
        const when = late > 0 ? `${late} days late` : inv.dueDate === today ? 'due today' : `due ${inv.dueDate}`;
        await logSystemActivity(ctx, tx, inv.accountId, `Payment reminder for invoice ${inv.number}: ${step.action}`,
          `${amount} ${when}.`, { type: 'invoice', id: inv.id });
        await emit(ctx, tx, {
          type: 'invoice.reminder', entityType: 'invoice', entityId: inv.id, accountId: inv.accountId,
          payload: { invoiceId: inv.id, accountId: inv.accountId, number: inv.number, stepId: step.id, action: step.action, daysPastDue: late, balance: inv.balance, currency: inv.currency, dueDate: inv.dueDate },
        });
      }
    }
    await scheduleDunning(ctx, tx, billing, { ...inv, dunningStep: step.id }, now);
  },
});
